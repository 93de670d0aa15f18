// Data shapes of the settings screen (系统设置): a rate plan in full for its detail view, and the
// database backups with what the user needs to choose one (time, size, how many cases).
import { z } from 'zod';
import { RatePlanSummarySchema } from '../dto';
import { RatePlanSchema } from '../../domain/ratePlan';

export const RatePlanDetailSchema = z.object({
  summary: RatePlanSummarySchema,
  /** The plan as stored (DOMAIN.md §5): rates as fractions, floors and ceilings in yuan. */
  plan: RatePlanSchema,
});
export type RatePlanDetail = z.infer<typeof RatePlanDetailSchema>;

export const BACKUP_REASONS = ['manual', 'auto-daily', 'auto-change', 'before-restore'] as const;
export const BackupReasonSchema = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReasonSchema>;
export const BACKUP_REASON_NAMES: Record<BackupReason, string> = {
  manual: '手动备份',
  'auto-daily': '每日自动备份',
  'auto-change': '数据变更后自动备份',
  'before-restore': '恢复前的自动备份',
};

export const BackupInfoSchema = z.object({
  /** File name inside <dataDir>/backups, e.g. jihe-20241105-093012.sqlite; the backup's id. */
  fileName: z.string(),
  /** ISO time the backup was taken. */
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Null when the file came without its metadata (copied in by hand). */
  reason: BackupReasonSchema.nullable(),
  cases: z.number().int().nonnegative().nullable(),
  tables: z.number().int().nonnegative().nullable(),
  schemaVersion: z.number().int().nonnegative().nullable(),
  sha256: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/** Which backups rotation keeps: the newest `keepRecent`, and the first of each of the last `keepMonthly` months. */
export const RetentionSchema = z.object({
  keepRecent: z.number({ message: '应为整数' }).int('应为整数').min(1, '至少保留 1 份').max(1000, '不能超过 1000'),
  keepMonthly: z.number({ message: '应为整数' }).int('应为整数').min(0, '不能为负').max(1000, '不能超过 1000'),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const BackupListSchema = z.object({
  /** Where the backups are, for the user to copy them off the machine. */
  dir: z.string(),
  retention: RetentionSchema,
  backups: z.array(BackupInfoSchema),
});
export type BackupList = z.infer<typeof BackupListSchema>;

export const RestoreResultSchema = z.object({
  restored: BackupInfoSchema,
  /** The backup taken of the database that was replaced, so a restore can itself be undone. */
  safetyCopy: BackupInfoSchema,
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;
