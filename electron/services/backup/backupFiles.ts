// Where backups live and how they are named and described: <dataDir>/backups/jihe-YYYYMMDD-HHMMSS.sqlite
// with a metadata file beside it (same name + .json), so listing needs no database table and a
// restore of an older database never loses the record of what backups exist.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BackupInfoSchema, type BackupInfo, type BackupReason } from '../../../shared/api/dto/settings';
import { writePrivateFile } from '../fsPrivate';

export const BACKUPS_DIR_NAME = 'backups';
export const BACKUP_NAME_RE = /^jihe-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.sqlite$/;
const META_FORMAT = 'jihe-backup';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR_NAME);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** jihe-YYYYMMDD-HHMMSS.sqlite in the workstation's local time (what the user reads), made unique in `dir`. */
export function newBackupFileName(dir: string, at: Date): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  let name = `jihe-${stamp}.sqlite`;
  for (let n = 2; existsSync(path.join(dir, name)); n++) name = `jihe-${stamp}-${n}.sqlite`;
  return name;
}

/** The local time a backup's name says it was taken (for files without metadata and for rotation). */
export function timeFromBackupName(fileName: string): Date | null {
  const m = BACKUP_NAME_RE.exec(fileName);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, s);
}

export interface BackupMeta {
  createdAt: string;
  createdBy: string;
  reason: BackupReason;
  sizeBytes: number;
  sha256: string;
  tables: number;
  cases: number;
  schemaVersion: number;
  /** Highest audit-log id in the backup: unchanged means nothing was changed since. */
  auditHeadId: number;
}

export function metaPath(file: string): string {
  return `${file}.json`;
}

export function writeBackupMeta(file: string, meta: BackupMeta): void {
  writePrivateFile(metaPath(file), `${JSON.stringify({ format: META_FORMAT, version: 1, ...meta }, null, 2)}\n`);
}

/** The metadata beside a backup, or null when missing or unreadable (the backup is then judged by itself). */
export function readBackupMeta(file: string): BackupMeta | null {
  try {
    const raw = JSON.parse(readFileSync(metaPath(file), 'utf8')) as Partial<BackupMeta> & { format?: string };
    if (raw.format !== META_FORMAT || typeof raw.sha256 !== 'string' || typeof raw.createdAt !== 'string') return null;
    return raw as BackupMeta;
  } catch {
    return null;
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function infoOf(dir: string, fileName: string): BackupInfo {
  const file = path.join(dir, fileName);
  const meta = readBackupMeta(file);
  const size = statSync(file).size;
  return BackupInfoSchema.parse({
    fileName,
    createdAt: meta?.createdAt ?? (timeFromBackupName(fileName) ?? statSync(file).mtime).toISOString(),
    sizeBytes: size,
    reason: meta?.reason ?? null,
    cases: meta?.cases ?? null,
    tables: meta?.tables ?? null,
    schemaVersion: meta?.schemaVersion ?? null,
    sha256: meta?.sha256 ?? null,
    createdBy: meta?.createdBy ?? null,
  });
}

export function backupInfo(dir: string, fileName: string): BackupInfo {
  return infoOf(dir, fileName);
}

/** Orders jihe-…-093012.sqlite before jihe-…-093012-2.sqlite (taken later in the same second). */
function sortKey(fileName: string): string {
  const m = BACKUP_NAME_RE.exec(fileName)!;
  return `${m.slice(1, 7).join('')}-${(m[7] ?? '1').padStart(6, '0')}`;
}

/** Every backup in `dir`, newest first (by the time in the name, then the name). */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_NAME_RE.test(f))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0))
    .map((f) => infoOf(dir, f));
}
