// What an import says about a file: how it read it and every row it could not take, with the
// file, sheet, row, column and reason (DOMAIN.md §4.4), so nothing is lost silently.
import { z } from 'zod';

export const IMPORT_KINDS = ['payroll', 'declaration', 'roster'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;
export const IMPORT_KIND_NAMES: Record<ImportKind, string> = { payroll: '工资表', declaration: '缴费申报明细', roster: '花名册' };

/** Roles a column can play; the importer detects them and the auditor may change them. */
export const COLUMN_ROLES = [
  'personId',
  'name',
  'month',
  'gross',
  'net',
  'department',
  'base',
  'insurance',
  'employerAmount',
  'employeeAmount',
  'paid',
  // Roster (花名册) columns, DOMAIN.md §4.3.
  'hireDate',
  'leaveDate',
  'contractType',
  'employmentStatus',
  'ignore',
] as const;
export const ColumnRoleSchema = z.enum(COLUMN_ROLES);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;
/** Chinese names of the column roles: the importer's messages, the mapping screen and the report. */
export const COLUMN_ROLE_NAMES: Readonly<Record<ColumnRole, string>> = {
  personId: '身份证号',
  name: '姓名',
  month: '月份',
  gross: '应发工资',
  net: '实发工资',
  department: '部门',
  base: '缴费基数',
  insurance: '险种',
  employerAmount: '单位缴费',
  employeeAmount: '个人缴费',
  paid: '缴费状态',
  hireDate: '入职日期',
  leaveDate: '离职日期',
  contractType: '用工形式',
  employmentStatus: '在职状态',
  ignore: '不导入',
};


export const ImportIssueSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** Stable code for grouping and tests, e.g. 'bad-id', 'id-check-digit', 'total-row-skipped'. */
  code: z.string(),
  file: z.string(),
  sheet: z.string(),
  /** 1-based spreadsheet row; 0 for an issue about the whole sheet or file. */
  row: z.number().int(),
  /** Column letter(s) as the spreadsheet shows them ("C"), or '' when not about one cell. */
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const SheetMappingSchema = z.object({
  sheet: z.string(),
  /** 1-based row of the (last) header row; 0 when the sheet was skipped. */
  headerRow: z.number().int(),
  /** Month taken from the sheet name or title when the sheet has no month column. */
  sheetMonth: z.string().nullable(),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string(), role: ColumnRoleSchema })),
  skipped: z.string().nullable(),
  /** Text above the header (title, unit line), when there is any: which company the sheet names. */
  title: z.string().optional(),
});
export type SheetMapping = z.infer<typeof SheetMappingSchema>;

export const ImportReportSchema = z.object({
  kind: ImportKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  sheets: z.array(SheetMappingSchema),
  rowsRead: z.number().int(),
  rowsTaken: z.number().int(),
  rowsLeftOut: z.number().int(),
  /** Persons and months the taken rows cover. */
  persons: z.number().int(),
  months: z.array(z.string()),
  issues: z.array(ImportIssueSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
