// Runs in the browser page served by the harness (bundled by esbuild into /harness-api.js):
// defines window.api exactly as the Electron preload does, but over HTTP to 127.0.0.1.
// The renderer cannot tell the two apart; both are typed by shared/api/contract.
import type { ApiResult, Invoke, WindowApi } from '../../shared/api/contract';
import { parseWire, stringifyWire } from '../../shared/api/wire';

declare const __HARNESS_TOKEN__: string;
declare const __HARNESS_OPEN_FIRST_RUN__: boolean;

const invoke = (async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jihe-token': __HARNESS_TOKEN__ },
      body: stringifyWire(input ?? {}),
    });
  } catch (e) {
    return { ok: false, error: { code: 'unavailable', message: `无法连接后台服务：${String(e)}` } };
  }
  const text = await response.text();
  try {
    return parseWire(text) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `后台服务返回了无法识别的内容（HTTP ${response.status}）` } };
  }
}) as Invoke;

const api: WindowApi = Object.freeze({ invoke, runtime: 'harness' as const, ...(__HARNESS_OPEN_FIRST_RUN__ ? { openFirstRun: true } : {}) });
Object.defineProperty(globalThis, 'api', { value: api, writable: false, configurable: false });
