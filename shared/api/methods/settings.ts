// Contract methods of the settings screen (系统设置): rate plan details and export, and the
// database backups (create, list, restore). Spread into the contract by shared/api/contract.ts.
import { z } from 'zod';
import { IdSchema, method } from '../methodKit';
import { BackupInfoSchema, BackupListSchema, RatePlanDetailSchema, RestoreResultSchema, RetentionSchema } from '../dto/settings';

/** A backup's file name as listed by backups.list: no folders, nothing else. */
const BackupFileNameSchema = z
  .string()
  .trim()
  .regex(/^jihe-\d{8}-\d{6}(?:-\d+)?\.sqlite$/, '备份文件名不正确，请从备份列表中选择');

export const settingsMethods = {
  /** One plan in full, for its detail view. */
  'ratePlans.get': method(z.object({ ratePlanId: IdSchema }), RatePlanDetailSchema),
  /** The plan's JSON text exactly as it was imported, to load on another workstation. */
  'ratePlans.export': method(z.object({ ratePlanId: IdSchema }), z.object({ fileName: z.string(), json: z.string() })),

  /** The database backups in <dataDir>/backups, newest first. */
  'backups.list': method(z.object({}), BackupListSchema),
  /** How many backups rotation keeps; applied at once. */
  'backups.setRetention': method(RetentionSchema, BackupListSchema),
  /** Takes a verified backup now (SQLite online backup), then applies the rotation. */
  'backups.create': method(z.object({}), BackupInfoSchema),
  /**
   * Replaces the live database with a backup: the backup is checked first (refused with the
   * reason when damaged), the current database is backed up, then swapped and reopened.
   */
  'backups.restore': method(z.object({ fileName: BackupFileNameSchema }), RestoreResultSchema),
} as const;
