// Backups made before encryption are plain copies of the database: each is encrypted once with
// the database key when the backend starts (encryptPlainDatabase: verified, plain bytes wiped), and
// its metadata's size and SHA-256 are brought up to date so that it still verifies and restores.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DbKey } from '../db/dbKey';
import { encryptPlainDatabase, isPlainSqliteFile } from '../db/encryptPlain';
import { chmodPrivate } from '../fsPrivate';
import { BACKUP_NAME_RE, backupsDir, readBackupMeta, writeBackupMeta } from './backupFiles';

/** Encrypts every plain backup in <dataDir>/backups; returns how many were encrypted. */
export function encryptPlainBackups(dataDir: string, key: DbKey, opts: { nativeBinding?: string } = {}): number {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => BACKUP_NAME_RE.test(f));
  } catch {
    return 0;
  }
  let count = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    chmodPrivate(file);
    if (!isPlainSqliteFile(file)) continue;
    encryptPlainDatabase(file, key, opts);
    const meta = readBackupMeta(file);
    if (meta) writeBackupMeta(file, { ...meta, sizeBytes: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') });
    count++;
  }
  return count;
}
