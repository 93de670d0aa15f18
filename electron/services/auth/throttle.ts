// Throttled failed logins (ARCHITECTURE.md §8): after FREE_FAILURES consecutive failures for a
// username, further attempts are refused for a window that doubles with every further failure
// (30 s, 1 min, 2 min … at most 30 min), measured with the backend's clock. The count is read from
// the workstation's audit trail, where every failure is written anyway, so restarting the program
// does not reset it; a successful login or an administrator's password reset ends the series.
import type Database from 'better-sqlite3-multiple-ciphers';

export const FREE_FAILURES = 5;
const BASE_WINDOW_MS = 30_000;
const MAX_WINDOW_MS = 30 * 60_000;

/** Audit actions (workstation chain, detail.username) that count as a failed password. */
export const FAILURE_ACTIONS = ['auth.login-failed', 'auth.unlock-failed', 'auth.password-change-failed'] as const;
/** Actions that end a series of failures. */
const SUCCESS_ACTIONS = ['auth.login', 'auth.unlock', 'user.password-reset'] as const;

export interface Throttle {
  /** Consecutive failures since the last success. */
  failures: number;
  /** Milliseconds to wait before the next attempt is even checked; 0 when allowed. */
  waitMs: number;
}

export function windowAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_WINDOW_MS, BASE_WINDOW_MS * 2 ** (failures - FREE_FAILURES));
}

export function throttleOf(db: Database.Database, username: string, now: Date): Throttle {
  const actions = [...FAILURE_ACTIONS, ...SUCCESS_ACTIONS];
  const rows = db
    .prepare(
      `SELECT action, at FROM audit_log
       WHERE case_id IS NULL AND action IN (${actions.map(() => '?').join(', ')})
         AND lower(json_extract(detail, '$.username')) = lower(?)
       ORDER BY id DESC LIMIT 64`,
    )
    .all(...actions, username) as { action: string; at: string }[];
  let failures = 0;
  let lastFailureAt: string | null = null;
  for (const r of rows) {
    if (!(FAILURE_ACTIONS as readonly string[]).includes(r.action)) break;
    failures++;
    lastFailureAt ??= r.at;
  }
  if (!lastFailureAt) return { failures: 0, waitMs: 0 };
  const until = Date.parse(lastFailureAt) + windowAfter(failures);
  return { failures, waitMs: Math.max(0, until - now.getTime()) };
}

/** "2 分 5 秒" / "40 秒": how long to wait, rounded up to the second. */
export function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} 分${s % 60 ? ` ${s % 60} 秒` : '钟'}` : `${s} 秒`;
}

export function throttledMessage(t: Throttle): string {
  return `该用户名已连续 ${t.failures} 次密码错误，为防止猜测密码，请于 ${waitText(t.waitMs)}后再试`;
}
