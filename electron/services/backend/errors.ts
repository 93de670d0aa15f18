// Errors as data: handlers throw ApiFailure with a code and a Chinese message; invoke() turns it
// (and anything unexpected, and SQLite's RAISE messages) into the contract's ApiError, never an
// exception across the boundary.
import type { ApiError } from '../../../shared/api/contract';

export type ApiErrorCode = 'invalid-input' | 'not-found' | 'bad-file' | 'conflict' | 'forbidden' | 'not-ready' | 'cannot-compute' | 'unknown-method' | 'internal' | 'session-locked' | 'password-change-required' | 'throttled';

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Messages our own triggers raise (Chinese, meant for the user), recognised by the SQLite error. */
const TRIGGER_CODES: ReadonlyArray<[RegExp, ApiErrorCode]> = [
  [/已归档/, 'forbidden'],
  [/不能修改|不能删除|只能追加/, 'forbidden'],
  [/链断裂/, 'internal'],
  [/职责分离/, 'forbidden'],
];

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return e.details ? { code: e.code, message: e.message, details: e.details } : { code: e.code, message: e.message };
  if (e instanceof Error && (e as { code?: string }).code === 'SQLITE_CONSTRAINT_TRIGGER') {
    for (const [re, code] of TRIGGER_CODES) if (re.test(e.message)) return { code, message: e.message };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `内部错误：${text}` };
}
