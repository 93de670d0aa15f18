// Shapes of the archive and case-transfer area at the API boundary (issue 5, items 5 and 6):
// the stored dossier of an archived case, whether a case can be archived now and why not, and
// the outcome of importing a transfer package — which cases were created, brought up to date or
// left alone, and which could not be taken because both workstations changed them.
import { z } from 'zod';

export const DEFAULT_RETENTION_YEARS = 30;

export const ArchiveRecordSchema = z.object({
  caseId: z.number().int(),
  /** 档号: year + serial, e.g. 2026-0001. */
  archiveNumber: z.string(),
  retentionYears: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  files: z.number().int(),
  chainHead: z.string(),
  exportedAt: z.string(),
  exportedBy: z.string(),
});
export type ArchiveRecord = z.infer<typeof ArchiveRecordSchema>;

export const ArchiveStatusSchema = z.object({
  archived: z.boolean(),
  /** Whether the case may be archived now; `reason` says why not (Chinese). */
  ready: z.boolean(),
  reason: z.string().nullable(),
  record: ArchiveRecordSchema.nullable(),
  /** What the dossier will hold (or holds), one line per part, in Chinese. */
  contents: z.array(z.string()),
});
export type ArchiveStatus = z.infer<typeof ArchiveStatusSchema>;

export const ArchiveInputSchema = z.object({
  caseId: z.number().int().positive(),
  retentionYears: z.number().int().min(10, '保管期限至少10年').max(100, '保管期限最多100年').default(DEFAULT_RETENTION_YEARS),
});

export const TransferConflictItemSchema = z.object({
  /** What kind of item (审计记录、豁免、文书 …). */
  kind: z.string(),
  /** Chinese: what differs, on which side. */
  description: z.string(),
});
export type TransferConflictItem = z.infer<typeof TransferConflictItemSchema>;

export const TransferCaseOutcomeSchema = z.object({
  caseNumber: z.string(),
  employerName: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'local-newer', 'conflict', 'resolved']),
  /** Chinese summary of what happened to this case. */
  message: z.string(),
  conflicts: z.array(TransferConflictItemSchema),
});
export type TransferCaseOutcome = z.infer<typeof TransferCaseOutcomeSchema>;

export const TransferImportResultSchema = z.object({
  cases: z.array(TransferCaseOutcomeSchema),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  /** Conflicts resolved by the section head's or archivist's choice (transfer.resolveConflicts). */
  resolved: z.number().int(),
});
export type TransferImportResult = z.infer<typeof TransferImportResultSchema>;

export const TRANSFER_OUTCOME_NAMES: Record<TransferCaseOutcome['outcome'], string> = {
  created: '新建',
  updated: '已更新',
  unchanged: '无变化',
  'local-newer': '本机较新，未改动',
  conflict: '冲突，未导入',
  resolved: '冲突已处理',
};
