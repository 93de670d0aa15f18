// Contract methods of one area (imports); spread into the contract by shared/api/contract.ts.
// The column-mapping screen's preview, the ID-join suggestions and the report as XLSX (issue 3).
import { z } from 'zod';
import { IdSchema, BytesSchema, method } from '../methodKit';
import { IdJoinRecordSchema, IdJoinSuggestionSchema, ImportPreviewInputSchema, ImportPreviewSchema } from '../dto/imports';

export const importMethods = {
  /** Reads a file without importing it: header, column roles, first rows, and the employer's matching template (applied). */
  'imports.preview': method(ImportPreviewInputSchema, ImportPreviewSchema),
  /** IDs with a wrong check digit that look like a typing slip of a valid ID of the same name in the case. */
  'imports.idJoins': method(z.object({ caseId: IdSchema }), z.object({ suggestions: z.array(IdJoinSuggestionSchema), accepted: z.array(IdJoinRecordSchema) })),
  /** Joins the rows of `fromId` to `toId` (recorded; the source files are not changed). */
  'imports.acceptIdJoin': method(z.object({ caseId: IdSchema, fromId: z.string().min(1).max(40), toId: z.string().min(1).max(40) }), IdJoinRecordSchema),
  /** The import report of a stored file (sourceFileId) or of a finished job (jobId) as an XLSX workbook. */
  'imports.reportXlsx': method(
    z.object({ sourceFileId: IdSchema.optional(), jobId: z.string().optional() }).refine((v) => (v.sourceFileId === undefined) !== (v.jobId === undefined), '请指定已导入的文件或导入任务（二选一）'),
    z.object({ fileName: z.string(), data: BytesSchema }),
  ),
} as const;
