// Which backups to keep: the newest few (recent work, including the hourly ones after changes)
// and the first backup of each recent month (to go back further). Everything else is deleted
// together with its metadata file.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/api/dto/settings';
import { listBackups, metaPath } from './backupFiles';

export interface RetentionPolicy {
  /** The newest backups kept whatever their age. */
  keepRecent: number;
  /** For this many most recent calendar months (local time), the first backup of the month is kept. */
  keepMonthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepRecent: 10, keepMonthly: 12 };

/** The workstation's policy sits beside the backups, so restoring an older database never changes it. */
export const RETENTION_FILE = 'retention.json';

export function readRetention(dir: string): RetentionPolicy {
  try {
    const raw = JSON.parse(readFileSync(path.join(dir, RETENTION_FILE), 'utf8')) as Partial<RetentionPolicy>;
    const ok = (v: unknown, min: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= 1000;
    return { keepRecent: ok(raw.keepRecent, 1) ? raw.keepRecent : DEFAULT_RETENTION.keepRecent, keepMonthly: ok(raw.keepMonthly, 0) ? raw.keepMonthly : DEFAULT_RETENTION.keepMonthly };
  } catch {
    return DEFAULT_RETENTION;
  }
}

export function writeRetention(dir: string, policy: RetentionPolicy): void {
  const file = path.join(dir, RETENTION_FILE);
  writeFileSync(`${file}.partial`, `${JSON.stringify(policy, null, 2)}\n`);
  renameSync(`${file}.partial`, file);
}

const monthOf = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** The file names to keep from `backups` (newest first, as listBackups gives them). */
export function backupsToKeep(backups: readonly BackupInfo[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const keep = new Set(backups.slice(0, Math.max(0, policy.keepRecent)).map((b) => b.fileName));
  const firstOfMonth = new Map<string, BackupInfo>();
  // Oldest first, so the first one seen in a month is its first backup.
  for (const b of [...backups].reverse()) {
    const m = monthOf(b.createdAt);
    if (!firstOfMonth.has(m)) firstOfMonth.set(m, b);
  }
  const months = [...firstOfMonth.keys()].sort().reverse().slice(0, Math.max(0, policy.keepMonthly));
  for (const m of months) keep.add(firstOfMonth.get(m)!.fileName);
  return keep;
}

/** Deletes the backups the policy does not keep; returns their names. */
export function rotateBackups(dir: string, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const backups = listBackups(dir);
  const keep = backupsToKeep(backups, policy);
  const removed: string[] = [];
  for (const b of backups) {
    if (keep.has(b.fileName)) continue;
    const file = path.join(dir, b.fileName);
    rmSync(file, { force: true });
    rmSync(metaPath(file), { force: true });
    removed.push(b.fileName);
  }
  return removed;
}
