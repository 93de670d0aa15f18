// What an import says about a file: how it read it and every row it could not take, with the
// file, sheet, row, column and reason (DOMAIN.md §4.4), so nothing is lost silently.
import { z } from 'zod';

export const IMPORT_KINDS = ['payroll', 'declaration', 'roster', 'claims', 'catalog', 'institutions', 'employers', 'industryWages'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;
export const IMPORT_KIND_NAMES: Record<ImportKind, string> = { payroll: '工资表', declaration: '缴费申报明细', roster: '花名册', claims: '结算明细', catalog: '目录与限价', institutions: '定点医药机构名录', employers: '参保单位名录', industryWages: '行业平均工资表' };

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
  // Settlement details (结算明细) and the catalog (目录与限价), INSTITUTIONS.md §6.
  'settlementId',
  'sex',
  'birthDate',
  'visitType',
  'admissionDate',
  'dischargeDate',
  'feeDate',
  'itemCode',
  'itemName',
  'quantity',
  'unitPrice',
  'amount',
  'fundPaid',
  'category',
  'maxPrice',
  'sexLimit',
  'minAge',
  'maxAge',
  'dailyLimit',
  // Directory tables (名录库) and the draw's inputs, DOMAIN.md §10.1 and §10.3.
  'creditCode',
  'orgName',
  'riskTier',
  'credential',
  'drawDate',
  // The directory of designated medical institutions (INSTITUTIONS.md §2).
  'region',
  'insuranceCode',
  'orgKind',
  'ownership',
  'hospitalType',
  'grade',
  'foundedOn',
  'address',
  'legalRepName',
  'legalRepId',
  'contact',
  'phone',
  'agreementNo',
  'agreementFrom',
  'agreementTo',
  'creditRating',
  'note',
  // The employer directory (DOMAIN.md §10.1) and the industry average-wage table (§10.2).
  'insuranceUnitCode',
  'industry',
  'year',
  'averageWage',
  'wageSource',
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
  settlementId: '结算ID',
  sex: '性别',
  birthDate: '出生日期',
  visitType: '就诊类型',
  admissionDate: '入院日期',
  dischargeDate: '出院日期',
  feeDate: '费用日期',
  itemCode: '项目编码',
  itemName: '项目名称',
  quantity: '数量',
  unitPrice: '单价',
  amount: '金额',
  fundPaid: '医保支付金额',
  category: '类别',
  maxPrice: '最高单价',
  sexLimit: '限定性别',
  minAge: '最小年龄',
  maxAge: '最大年龄',
  dailyLimit: '每日限量',
  creditCode: '统一社会信用代码',
  orgName: '名称',
  riskTier: '风险等级',
  credential: '执法证号',
  drawDate: '抽查日期',
  region: '所在地区',
  insuranceCode: '医保编码',
  orgKind: '机构类别',
  ownership: '性质',
  hospitalType: '类型',
  grade: '等级',
  foundedOn: '成立日期',
  address: '地址',
  legalRepName: '法定代表人',
  legalRepId: '法定代表人身份证号',
  contact: '联系人',
  phone: '联系电话',
  agreementNo: '协议编号',
  agreementFrom: '协议开始日期',
  agreementTo: '协议结束日期',
  creditRating: '信用等级',
  note: '备注',
  insuranceUnitCode: '参保单位编号',
  industry: '行业',
  year: '年度',
  averageWage: '月平均工资',
  wageSource: '来源',
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
