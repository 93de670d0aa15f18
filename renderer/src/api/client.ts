// The renderer's only door to the backend: window.api (Electron preload or the HTTP harness).
// `call` turns an ApiResult error into an exception the screens show as a Chinese message.
import type { ApiError, MethodInput, MethodName, MethodOutput, WindowApi } from '../../../shared/api/contract';
import { SESSION_LOCKED_CODE } from '../../../shared/api/dto/accounts';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

export class ApiCallError extends Error {
  override name = 'ApiCallError';
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

function windowApi(): WindowApi {
  if (!window.api) throw new ApiCallError({ code: 'unavailable', message: '界面未连接到后台服务（window.api 不存在）' });
  return window.api;
}

// The inactivity lock (electron/services/auth/session.ts): a call refused because the session
// locked waits until the lock screen unlocks it and is then made again, so the page underneath
// keeps its state and its pending work; if the user logs out instead, the call fails.
let lockWait: { promise: Promise<void>; release: () => void; abandon: (e: unknown) => void } | null = null;
const lockListeners = new Set<(locked: boolean) => void>();

/** Tells `listener` when the session locks (true) and when it is unlocked or ended (false). */
export function onSessionLock(listener: (locked: boolean) => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** The backend said the session is locked (a refused call, or auth.current). */
export function noteSessionLocked(): Promise<void> {
  if (!lockWait) {
    let release!: () => void;
    let abandon!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      release = res;
      abandon = rej;
    });
    promise.catch(() => undefined);
    lockWait = { promise, release, abandon };
    lockListeners.forEach((l) => l(true));
  }
  return lockWait.promise;
}

/** Unlocked (the waiting calls are made again), or ended by a logout (they fail). */
export function endSessionLock(unlocked: boolean): void {
  const w = lockWait;
  lockWait = null;
  if (!w) return;
  if (unlocked) w.release();
  else w.abandon(new ApiCallError({ code: 'session-ended', message: '已退出登录' }));
  lockListeners.forEach((l) => l(false));
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await windowApi().invoke(method, input);
  if (!result.ok) {
    if (result.error.code === SESSION_LOCKED_CODE) {
      await noteSessionLocked();
      return call(method, input);
    }
    throw new ApiCallError(result.error);
  }
  return result.value;
}

/** The Chinese text to show for any failure. */
export function errorText(e: unknown): string {
  if (e instanceof ApiCallError) return e.error.message;
  if (e instanceof Error) return `操作失败：${e.message}`;
  return `操作失败：${String(e)}`;
}

/** Field-level errors (zod paths like "creditCode" or "auditors.0.name") for antd Form.setFields. */
export function fieldErrors(e: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(e instanceof ApiCallError) || !e.error.details) return [];
  return e.error.details
    .filter((d) => d.path)
    .map((d) => ({ name: d.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [d.message] }));
}
