// The backend's backups: made on request, automatically once a day (checked soon after start)
// and after changes at most once an hour, and restored on request. One chain of work, so two
// backups or a backup and a restore never overlap. Kept cheap: after a call only a clock compare
// runs, and the audit log's head id says whether anything changed since the newest backup.
import type { BackupInfo, BackupList, BackupReason, RestoreResult } from '../../../shared/api/dto/settings';
import type { DbKey } from '../db/dbKey';
import type { Db } from '../db/open';
import { ensurePrivateDir } from '../fsPrivate';
import { backupsDir, listBackups, readBackupMeta } from './backupFiles';
import { createBackup } from './createBackup';
import { restoreBackup, type LiveDatabase } from './restoreBackup';
import { readRetention, rotateBackups, writeRetention, type RetentionPolicy } from './rotation';
import path from 'node:path';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface BackupServiceOptions {
  dataDir: string;
  live: LiveDatabase;
  now: () => Date;
  nativeBinding?: string;
  /** The live database's key (backups are encrypted with it). */
  key: DbKey;
  retention?: RetentionPolicy;
  /** Automatic backups (default true); the first check runs `startDelayMs` after start (default 5 s). */
  auto?: boolean;
  startDelayMs?: number;
}

export interface BackupService {
  readonly dir: string;
  list(): BackupList;
  create(reason: BackupReason, actor: string): Promise<BackupInfo>;
  restore(fileName: string, actor: string): Promise<RestoreResult>;
  /** After a successful API call: an automatic backup if the data changed and the newest backup is over an hour old. */
  afterCall(): void;
  /** Stores the rotation policy (<dataDir>/backups/retention.json) and applies it at once. */
  setRetention(policy: RetentionPolicy): Promise<BackupList>;
  /** Resolves when no backup is running (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

function auditHead(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
}

export function createBackupService(opts: BackupServiceOptions): BackupService {
  const dir = backupsDir(opts.dataDir);
  const retention = () => opts.retention ?? readRetention(dir);
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;
  /** The newest backup's time and audit head, read from disk once and then kept up to date. */
  let newest: { at: number; auditHeadId: number | null } | undefined;

  function loadNewest(): { at: number; auditHeadId: number | null } | null {
    if (newest === undefined) {
      const b = listBackups(dir)[0];
      if (!b) return null;
      newest = { at: Date.parse(b.createdAt), auditHeadId: readBackupMeta(path.join(dir, b.fileName))?.auditHeadId ?? null };
    }
    return newest;
  }

  function queue<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  async function make(reason: BackupReason, actor: string): Promise<BackupInfo> {
    const info = await createBackup(opts.live.db(), dir, { reason, actor, now: opts.now, nativeBinding: opts.nativeBinding, key: opts.key, retention: retention() });
    newest = { at: Date.parse(info.createdAt), auditHeadId: readBackupMeta(path.join(dir, info.fileName))?.auditHeadId ?? null };
    return info;
  }

  function automatic(reason: BackupReason): void {
    if (stopped) return;
    void queue(() => make(reason, '自动备份')).catch((e: unknown) => {
      // Closing the backend mid-backup is expected; anything else is worth a line in the log.
      if (!stopped) console.error(`自动备份失败：${(e as Error).message}`);
    });
  }

  let running = false;
  /** After-change backups begin once the start check has run: short-lived backends (CLI, tests) make none. */
  let started = false;
  function autoIfDue(maxAgeMs: number, reason: BackupReason, onlyIfChanged: boolean): void {
    if (stopped || running) return;
    const last = loadNewest();
    if (last && opts.now().getTime() - last.at < maxAgeMs) return;
    if (onlyIfChanged && last && last.auditHeadId === auditHead(opts.live.db())) return;
    running = true;
    // Marks the attempt at once so calls arriving meanwhile do not queue more backups.
    newest = { at: opts.now().getTime(), auditHeadId: last?.auditHeadId ?? null };
    automatic(reason);
    void chain.then(() => {
      running = false;
    });
  }

  const timer =
    opts.auto === false
      ? null
      : setTimeout(() => {
          started = true;
          try {
            autoIfDue(DAY_MS, 'auto-daily', false);
          } catch (e) {
            console.error(`自动备份检查失败：${(e as Error).message}`);
          }
        }, opts.startDelayMs ?? 5000);
  timer?.unref();

  return {
    dir,
    list: () => ({ dir, retention: retention(), backups: listBackups(dir) }),
    setRetention: (policy) =>
      queue(async () => {
        ensurePrivateDir(dir);
        writeRetention(dir, policy);
        rotateBackups(dir, retention());
        newest = undefined;
        return { dir, retention: retention(), backups: listBackups(dir) };
      }),
    create: (reason, actor) => queue(() => make(reason, actor)),
    restore: (fileName, actor) =>
      queue(async () => {
        const r = await restoreBackup(opts.dataDir, fileName, opts.live, { nativeBinding: opts.nativeBinding, key: opts.key, now: opts.now, actor });
        newest = undefined;
        return { restored: r.restored, safetyCopy: r.safetyCopy };
      }),
    afterCall() {
      if (!started) return;
      try {
        autoIfDue(HOUR_MS, 'auto-change', true);
      } catch (e) {
        console.error(`自动备份检查失败：${(e as Error).message}`);
      }
    },
    idle: () => chain.then(() => undefined),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
