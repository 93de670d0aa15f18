// Putting a backup back in place of the live database, safely: the backup is checked before
// anything is touched (a damaged file is refused with the reason, the live database unchanged);
// a copy is checked again beside the live file; the live database is itself backed up; only then
// is the connection closed, the copy renamed over the live file (one atomic rename) and reopened.
// If the reopened file cannot be used, the safety copy is put back.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/api/dto/settings';
import type { DbKey } from '../db/dbKey';
import type { Db } from '../db/open';
import { chmodPrivate } from '../fsPrivate';
import { backupInfo, backupsDir } from './backupFiles';
import { createBackup } from './createBackup';
import { inspectDatabaseFile, verifyBackupFile } from './verifyBackup';

/** The live database as the backend holds it: its file, and how to close and reopen it. */
export interface LiveDatabase {
  file: string;
  db(): Db;
  close(): void;
  /** Opens `file` again (migrating an older backup to the current version) and makes it the live one. */
  reopen(): Db;
}

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

export interface RestoreOptions {
  nativeBinding?: string;
  key: DbKey;
  now?: () => Date;
  actor?: string;
}

export interface Restored {
  restored: BackupInfo;
  safetyCopy: BackupInfo;
  db: Db;
}

export async function restoreBackup(dataDir: string, fileName: string, live: LiveDatabase, opts: RestoreOptions): Promise<Restored> {
  const dir = backupsDir(dataDir);
  const source = path.join(dir, path.basename(fileName));
  if (!existsSync(source)) throw new RestoreRefused(`找不到备份文件 ${fileName}`);
  const check = await verifyBackupFile(source, { nativeBinding: opts.nativeBinding, key: opts.key });
  if (!check.ok) throw new RestoreRefused(`备份 ${fileName} 不能恢复：${check.reason}。当前数据库未作任何改动。`);
  const restored = backupInfo(dir, path.basename(fileName));

  // The copy sits beside the live file (same file system), so the final rename is atomic.
  const staged = `${live.file}.restoring`;
  rmSync(staged, { force: true });
  copyFileSync(source, staged);
  chmodPrivate(staged);
  const stagedCheck = inspectDatabaseFile(staged, { nativeBinding: opts.nativeBinding, key: opts.key });
  if (!stagedCheck.ok) {
    rmSync(staged, { force: true });
    throw new RestoreRefused(`备份 ${fileName} 复制后校验未通过：${stagedCheck.reason}。当前数据库未作任何改动。`);
  }

  let safetyCopy: BackupInfo;
  try {
    safetyCopy = await createBackup(live.db(), dir, { reason: 'before-restore', actor: opts.actor, now: opts.now, nativeBinding: opts.nativeBinding, key: opts.key, retention: null });
  } catch (e) {
    rmSync(staged, { force: true });
    throw new RestoreRefused(`恢复前未能备份当前数据库（${(e as Error).message}），已取消恢复，当前数据库未作任何改动。`);
  }

  // From here to the reopen nothing awaits: no other call can see a closed connection.
  live.close();
  // A clean close removes the WAL; any leftover belongs to the old file and must not be replayed onto the new one.
  rmSync(`${live.file}-wal`, { force: true });
  rmSync(`${live.file}-shm`, { force: true });
  rmSync(`${live.file}-journal`, { force: true });
  renameSync(staged, live.file);
  try {
    return { restored, safetyCopy, db: live.reopen() };
  } catch (e) {
    copyFileSync(path.join(dir, safetyCopy.fileName), staged);
    renameSync(staged, live.file);
    live.reopen();
    throw new RestoreRefused(`恢复后的数据库无法打开（${(e as Error).message}），已放回恢复前的数据库。`);
  }
}
