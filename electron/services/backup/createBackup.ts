// A backup of the live database while it is in use: SQLite's online backup API (better-sqlite3's
// db.backup) copies a consistent snapshot even while imports write. The copy is written under a
// temporary name, switched to rollback-journal mode (one self-contained file), verified, and only
// then given its final name with its metadata, so a listed backup is always a checked one.
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/api/dto/settings';
import type { Db } from '../db/open';
import { backupInfo, newBackupFileName, sha256OfFile, writeBackupMeta } from './backupFiles';
import { readRetention, rotateBackups, type RetentionPolicy } from './rotation';
import { inspectDatabaseFile } from './verifyBackup';

export interface CreateBackupOptions {
  reason?: BackupReason;
  actor?: string;
  now?: () => Date;
  nativeBinding?: string;
  /** Rotation after the backup; null to keep everything. */
  retention?: RetentionPolicy | null;
}

export async function createBackup(db: Db, dir: string, opts: CreateBackupOptions = {}): Promise<BackupInfo> {
  const now = opts.now ?? (() => new Date());
  mkdirSync(dir, { recursive: true });
  const at = now();
  const fileName = newBackupFileName(dir, at);
  const file = path.join(dir, fileName);
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    // The snapshot carries the live database's WAL mode; a backup is better as one plain file.
    const copy = new Database(partial, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = inspectDatabaseFile(partial, { nativeBinding: opts.nativeBinding });
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
