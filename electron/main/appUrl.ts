// Where the window's content comes from and what it may load: the app:// origin, the
// Content-Security-Policy, and the mapping from an app:// URL to a file under dist/renderer.
// Kept free of 'electron' so the path-traversal check and the policy are unit-tested in Node.
import path from 'node:path';
import { contentTypeOf } from '../services/contentTypes';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's index.html loads ./harness-api.js, which only the test harness serves (it
 * installs the HTTP window.api there). In the app the preload provides window.api, so the
 * protocol answers this one path with an empty script.
 */
export const HARNESS_API_PATH = '/harness-api.js';

/**
 * Sent as a header with every app:// response. No inline script, no eval, nothing remote;
 * inline styles stay allowed because antd writes its CSS-in-JS into <style> elements; blob:
 * carries the PDF preview. renderer/index.html declares the same directives in a <meta> tag
 * (for the harness and as a second line); a header and a meta policy are both enforced, so the
 * two must agree, which test/unit/electron-main.test.ts checks. The header adds what a <meta>
 * policy cannot express (frame-ancestors).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  'frame-src blob:',
  'object-src blob:',
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');


export function contentTypeFor(filePath: string): string {
  return contentTypeOf(filePath);
}

export type AppRequestTarget =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'harness-stub' }
  | { kind: 'forbidden'; reason: string };

/**
 * Maps an app:// request URL to a file inside rootDir. Anything that is not our host, cannot be
 * decoded, or would resolve outside rootDir (../, encoded separators, absolute paths, NUL) is
 * forbidden; whether the file exists is left to the caller.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): AppRequestTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'forbidden', reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'forbidden', reason: `foreign origin ${url.protocol}//${url.host}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'undecodable path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { kind: 'forbidden', reason: 'illegal character in path' };
  }
  if (pathname === HARNESS_API_PATH) return { kind: 'harness-stub' };
  if (pathname === '/' || pathname === '') pathname = '/index.html';

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${path.posix.normalize(pathname)}`);
  if (!filePath.startsWith(root + path.sep)) {
    return { kind: 'forbidden', reason: 'path escapes the renderer folder' };
  }
  return { kind: 'file', filePath, contentType: contentTypeFor(filePath) };
}

/** Headers sent with every app:// response. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** True for URLs of our own bundle, the only thing a window may show. */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
