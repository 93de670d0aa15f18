// Shapes of the column-mapping screen, mapping templates, verification overrides and ID-join
// suggestions (issue 3), shared by the contract (shared/api/methods/imports.ts), the backend and
// the renderer. The mapping is the importer's MappingOverride (electron/services/import) as data.
import { z } from 'zod';
import { ColumnRoleSchema, ImportKindSchema } from '../../domain/importReport';
import { InsuranceCodeSchema } from '../../domain/insurance';
import { BytesSchema, IdSchema } from '../methodKit';

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export const ColumnOverrideSchema = z.union([ColumnRoleSchema, z.object({ role: ColumnRoleSchema, insurance: InsuranceCodeSchema.nullable().optional() })]);

export const SheetMappingOverrideSchema = z.object({
  headerRow: z.number().int().min(1).max(10_000).optional(),
  /** By column letter ("A", "AB"). */
  columns: z.record(z.string().regex(/^[A-Z]{1,3}$/, '列号应为 A、B、…'), ColumnOverrideSchema).optional(),
  sheetMonth: MonthSchema.nullable().optional(),
  skip: z.boolean().optional(),
});
export type SheetMappingOverrideDto = z.infer<typeof SheetMappingOverrideSchema>;

/** Keyed by sheet name ('' for CSV, '*' for every sheet without its own entry). */
export const MappingOverrideSchema = z.record(z.string().max(100), SheetMappingOverrideSchema);
export type MappingOverrideDto = z.infer<typeof MappingOverrideSchema>;

/** Verification refusals (electron/services/import/verify.ts): codes the auditor may override. */
export const VERIFICATION_CODES = ['verify-total-mismatch', 'verify-components', 'verify-rates', 'verify-unreadable-rows', 'verify-period', 'verify-overlap', 'verify-employer'] as const;
export const VerificationCodeSchema = z.enum(VERIFICATION_CODES);
export type VerificationCode = z.infer<typeof VerificationCodeSchema>;
export const VERIFICATION_NAMES: Record<VerificationCode, string> = {
  'verify-total-mismatch': '应发合计与表内合计行不符',
  'verify-components': '工资项目之和与应发工资不符',
  'verify-rates': '申报金额折算的费率不合理',
  'verify-unreadable-rows': '无法读取的行过多',
  // Does the file belong to this case (shared/rules/importFit.ts)?
  'verify-period': '月份超出稽核期间',
  'verify-overlap': '人员与另一方数据重合很少',
  'verify-employer': '标题中的单位不是本案单位',
};
export function isVerificationCode(code: string): code is VerificationCode {
  return (VERIFICATION_CODES as readonly string[]).includes(code);
}

/** The extra imports.start fields of the mapping screen (merged into imports.start's input). */
export const ImportStartMappingFields = {
  /** The mapping the auditor confirmed on the mapping screen. */
  mapping: MappingOverrideSchema.optional(),
  /** Save `mapping` as this employer's template for files with the same header. */
  saveTemplate: z.boolean().default(false),
  templateName: z.string().trim().min(1).max(60).optional(),
  /** The template the mapping came from (its last use is recorded). */
  templateId: IdSchema.optional(),
  /** Verification checks the auditor overrides, with the reason (recorded). */
  overrideChecks: z.array(VerificationCodeSchema).max(VERIFICATION_CODES.length).default([]),
  overrideReason: z.string().trim().max(500).optional(),
};

export const PreviewColumnSchema = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  role: ColumnRoleSchema,
  insurance: InsuranceCodeSchema.nullable(),
});
export type PreviewColumn = z.infer<typeof PreviewColumnSchema>;

export const PreviewSheetSchema = z.object({
  sheet: z.string(),
  hidden: z.boolean(),
  /** 1-based last header row, or 0 when no header was found. */
  headerRow: z.number().int(),
  /** 1-based first header row (the upper row of a two-row header). */
  headerTop: z.number().int(),
  columns: z.array(PreviewColumnSchema),
  hasMonthColumn: z.boolean(),
  /** Month found in the sheet name or title; null when none. */
  sheetMonth: z.string().nullable(),
  /** The first rows of the sheet as text, row 1 first (rows above the header included). */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  totalRows: z.number().int(),
  /** Header signature (normalised header texts) for template matching. */
  signature: z.string(),
  /** Why the sheet would not be read as it stands ('' when it would). */
  problem: z.string(),
});
export type PreviewSheet = z.infer<typeof PreviewSheetSchema>;

export const ImportTemplateSchema = z.object({
  id: IdSchema,
  employerId: IdSchema,
  kind: ImportKindSchema,
  name: z.string(),
  headerSignature: z.string(),
  mapping: SheetMappingOverrideSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ImportTemplate = z.infer<typeof ImportTemplateSchema>;

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  sheets: z.array(PreviewSheetSchema),
  /** A file-level problem (not a spreadsheet, empty …), '' when none. */
  problem: z.string(),
  /** The employer's template whose header matches, already applied to `sheets`. */
  template: ImportTemplateSchema.nullable(),
  templateApplied: z.boolean(),
  /** The mapping to send to imports.start when the auditor confirms as shown. */
  mapping: MappingOverrideSchema,
  /** Only the beginning of a big CSV was read for the preview (the import reads it all). */
  partial: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportPreviewInputSchema = z.object({
  caseId: IdSchema,
  kind: ImportKindSchema,
  fileName: z.string().min(1).max(260),
  data: BytesSchema,
  /** The auditor's changes so far (e.g. another header row): shown instead of a template. */
  mapping: MappingOverrideSchema.optional(),
});

export const IdJoinSuggestionSchema = z.object({
  fromId: z.string(),
  toId: z.string(),
  name: z.string(),
  /** Rows carrying fromId, by side, and where the first of them is. */
  payrollRows: z.number().int(),
  declarationRows: z.number().int(),
  where: z.string(),
});
export type IdJoinSuggestion = z.infer<typeof IdJoinSuggestionSchema>;

export const IdJoinRecordSchema = z.object({
  id: IdSchema,
  fromId: z.string(),
  toId: z.string(),
  name: z.string(),
  payrollRows: z.number().int(),
  declarationRows: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type IdJoinRecord = z.infer<typeof IdJoinRecordSchema>;
