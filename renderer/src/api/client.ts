// The renderer's only door to the backend: window.api (Electron preload or the HTTP harness).
// `call` turns an ApiResult error into an exception the screens show as a Chinese message.
import type { ApiError, MethodInput, MethodName, MethodOutput, WindowApi } from '../../../shared/api/contract';

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

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await windowApi().invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
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
