// Test/dev host for the UI without Electron: serves the built renderer and the API contract over
// HTTP on 127.0.0.1 only, guarded by a per-run token, with the same CSP the app uses. The page
// gets window.api from a generated /harness-api.js that the server injects into index.html, so
// the built renderer stays identical to what Electron loads. Never packaged.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isMethodName, type ApiResult } from '../../shared/api/contract';
import { parseWire, stringifyWire } from '../../shared/api/wire';
import { contentTypeOf } from '../services/contentTypes';

export interface HarnessBackend {
  invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  close(): void;
}

export interface HarnessOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer; default dist/renderer of the project. */
  rendererDir?: string;
  /** Folder of fonts, example plans and templates handed to the backend. */
  resourcesDir?: string;
  /** E2e tests not about the first run: a workstation without accounts is usable without creating the administrator (window.api.openFirstRun). */
  openFirstRun?: boolean;
  /** For tests of the server itself; normally the real backend is created on dataDir. */
  backend?: HarnessBackend;
}

export interface Harness {
  url: string;
  token: string;
  close(): Promise<void>;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HARNESS_SCRIPT = 'harness-api.js';
const TOKEN_HEADER = 'x-jihe-token';
const MAX_BODY_BYTES = 256 * 1024 * 1024;


/** The renderer's CSP lives in one place, the meta tag of its index.html; the harness repeats it as a header. */
export function extractCsp(indexHtml: string): string {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(indexHtml);
  if (!m) throw new Error('index.html 缺少 Content-Security-Policy meta 标签');
  return m[1]!;
}

/** Inserts the harness client before the app's first script, so window.api exists when the app starts. */
export function injectHarnessScript(indexHtml: string): string {
  const tag = `<script src="./${HARNESS_SCRIPT}"></script>`;
  const at = indexHtml.search(/<script\b/i);
  if (at < 0) return indexHtml.replace(/<\/head>/i, `${tag}</head>`);
  return indexHtml.slice(0, at) + tag + indexHtml.slice(at);
}

/** Maps a URL path to a file inside root, or null when it would leave root. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const full = path.resolve(root, rel);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  return full.startsWith(rootWithSep) ? full : null;
}

async function buildClientScript(token: string, openFirstRun: boolean): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browserClient.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { __HARNESS_TOKEN__: JSON.stringify(token), __HARNESS_OPEN_FIRST_RUN__: JSON.stringify(openFirstRun) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('请求内容过大'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function apiError(code: string, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(PROJECT_ROOT, 'dist/renderer'));
  let indexHtml: string;
  try {
    indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`找不到界面文件 ${path.join(rendererDir, 'index.html')}：请先运行 npm run build:renderer`);
  }
  const csp = extractCsp(indexHtml);
  const servedIndex = injectHarnessScript(indexHtml);
  const token = randomBytes(24).toString('hex');
  const clientScript = await buildClientScript(token, options.openFirstRun === true);

  let backend = options.backend;
  const ownsBackend = !backend;
  if (!backend) {
    const { createBackend } = await import('../services/backend');
    backend = (await createBackend({
      dataDir: options.dataDir,
      runtime: 'harness',
      ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
    })) as HarnessBackend;
  }
  const theBackend = backend;

  const baseHeaders = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
  let expectedHost = '';

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { ...baseHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const sendResult = (res: http.ServerResponse, status: number, result: ApiResult<unknown>) =>
    send(res, status, 'application/json; charset=utf-8', stringifyWire(result));

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') return sendResult(res, 405, apiError('invalid-input', '只接受 POST 请求'));
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendResult(res, 403, apiError('forbidden', '缺少或错误的访问令牌'));
    }
    if (!isMethodName(method)) return sendResult(res, 404, apiError('not-found', `没有这个接口：${method}`));
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : parseWire(body.toString('utf8'));
    } catch (e) {
      return sendResult(res, 400, apiError('invalid-input', `请求内容无法解析：${e instanceof Error ? e.message : String(e)}`));
    }
    let result: ApiResult<unknown>;
    try {
      result = await theBackend.invoke(method, input);
    } catch (e) {
      result = apiError('internal', `后台处理出错：${e instanceof Error ? e.message : String(e)}`);
    }
    return sendResult(res, 200, result);
  }

  async function handleStatic(res: http.ServerResponse, urlPath: string) {
    if (urlPath === '/' || urlPath === '/index.html') return send(res, 200, contentTypeOf('index.html'), servedIndex);
    if (urlPath === `/${HARNESS_SCRIPT}`) return send(res, 200, contentTypeOf('x.js'), clientScript);
    const file = resolveStaticPath(rendererDir, urlPath);
    if (!file) return send(res, 400, 'text/plain; charset=utf-8', '非法路径');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      return send(res, 200, contentTypeOf(file), body);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', '未找到');
    }
  }

  const server = http.createServer((req, res) => {
    // Refuse requests addressed to another host name (DNS rebinding).
    if (req.headers.host !== expectedHost) return send(res, 421, 'text/plain; charset=utf-8', '主机名不符');
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);
    const work = url.pathname.startsWith('/api/')
      ? handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)))
      : req.method === 'GET' || req.method === 'HEAD'
        ? handleStatic(res, url.pathname)
        : Promise.resolve(send(res, 405, 'text/plain; charset=utf-8', '不支持的请求方法'));
    work.catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `内部错误：${String(e)}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('harness: no TCP address');
  expectedHost = `127.0.0.1:${address.port}`;

  return {
    url: `http://${expectedHost}/`,
    token,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsBackend) theBackend.close();
    },
  };
}
