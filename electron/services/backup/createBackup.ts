// A backup of the live database while it is in use: VACUUM INTO writes a consistent, compact
// snapshot in one read transaction, encrypted with the live database's key (the online backup API
// cannot copy between encrypted databases, and would write a plain copy). The copy is written
// under a temporary name (0600), switched to rollback-journal mode (one self-contained file),
// verified with the key, and only then given its final name with its metadata, so a listed backup
// is always a checked one.
import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/api/dto/settings';
import type { DbKey } from '../db/dbKey';
import { connect, type Db } from '../db/open';
import { chmodPrivate, ensurePrivateDir } from '../fsPrivate';
import { backupInfo, newBackupFileName, sha256OfFile, writeBackupMeta } from './backupFiles';
import { readRetention, rotateBackups, type RetentionPolicy } from './rotation';
import { inspectDatabaseFile } from './verifyBackup';

export interface CreateBackupOptions {
  reason?: BackupReason;
  actor?: string;
  now?: () => Date;
  nativeBinding?: string;
  /** The live database's key: backups are encrypted with it. */
  key: DbKey;
  /** Rotation after the backup; null to keep everything. */
  retention?: RetentionPolicy | null;
}

export async function createBackup(db: Db, dir: string, opts: CreateBackupOptions): Promise<BackupInfo> {
  const now = opts.now ?? (() => new Date());
  ensurePrivateDir(dir);
  const at = now();
  const fileName = newBackupFileName(dir, at);
  const file = path.join(dir, fileName);
  const partial = `${file}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    chmodPrivate(partial);
    // The snapshot may carry the live database's WAL mode; a backup is better as one self-contained file.
    const copy = connect(partial, opts.key, { nativeBinding: opts.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = inspectDatabaseFile(partial, { nativeBinding: opts.nativeBinding, key: opts.key });
    if (!check.ok) throw new Error(`备份校验未通过：${check.reason}`);
    const sha256 = await sha256OfFile(partial);
    renameSync(partial, file);
    writeBackupMeta(file, {
      createdAt: at.toISOString(),
      createdBy: opts.actor ?? '',
      reason: opts.reason ?? 'manual',
      sizeBytes: statSync(file).size,
      sha256,
      tables: check.tables,
      cases: check.cases,
      schemaVersion: check.schemaVersion,
      auditHeadId: check.auditHeadId,
    });
  } catch (e) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(f, { force: true });
    throw e;
  }
  const info = backupInfo(dir, fileName);
  if (opts.retention !== null) rotateBackups(dir, opts.retention ?? readRetention(dir));
  return info;
}
