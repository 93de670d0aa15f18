// The app:// origin's rules, in plain Node: which request maps to which file (never outside
// dist/renderer), and that the CSP header agrees with the policy renderer/index.html declares.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, resolveAppRequest } from '../../electron/main/appUrl';
import { isTrustedSender, parseEnvelope } from '../../electron/main/envelope';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const rendererDir = path.join(root, 'dist', 'renderer');

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources.join(' ')]),
  );
}

describe('resolveAppRequest', () => {
  it('maps app://bundle paths to files in the renderer folder', () => {
    expect(resolveAppRequest(rendererDir, 'app://bundle/')).toEqual({
      kind: 'file',
      filePath: path.join(rendererDir, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest(rendererDir, 'app://bundle/assets/%E7%A8%BD%E6%A0%B8.woff2?v=1#x')).toEqual({
      kind: 'file',
      filePath: path.join(rendererDir, 'assets', '稽核.woff2'),
      contentType: 'font/woff2',
    });
    expect(resolveAppRequest(rendererDir, 'app://bundle/harness-api.js')).toEqual({ kind: 'harness-stub' });
  });

  it.each([
    'app://bundle/..%2F..%2Fpackage.json',
    'app://bundle/%2e%2e/%2e%2e/package.json',
    'app://bundle/a/../../../../etc/passwd',
    'app://bundle/%2Fetc%2Fpasswd',
  ])('keeps %s inside the renderer folder', (url) => {
    const target = resolveAppRequest(rendererDir, url);
    if (target.kind === 'file') expect(target.filePath.startsWith(rendererDir + path.sep)).toBe(true);
    else expect(target.kind).toBe('forbidden');
  });

  it.each([
    ['app://other/index.html', /foreign origin/],
    ['https://bundle/index.html', /foreign origin/],
    ['app://bundle/..%5C..%5Cpackage.json', /illegal character/],
    ['app://bundle/index.html%00.png', /illegal character/],
    ['app://bundle/%E0%A4%A', /undecodable/],
    ['not a url', /malformed/],
  ])('forbids %s', (url, reason) => {
    const target = resolveAppRequest(rendererDir, url);
    expect(target.kind).toBe('forbidden');
    if (target.kind === 'forbidden') expect(target.reason).toMatch(reason);
  });

  it('recognises only our own origin as the app', () => {
    expect(isAppUrl('app://bundle/index.html#/cases/3')).toBe(true);
    expect(isAppUrl('app://bundle.evil/index.html')).toBe(false);
    expect(isAppUrl('http://bundle/index.html')).toBe(false);
    expect(isAppUrl('blob:app://bundle/5f0c')).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const header = directives(CONTENT_SECURITY_POLICY);

  it('allows no inline or eval script and nothing remote', () => {
    expect(header.get('script-src')).toBe("'self'");
    expect(header.get('default-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|wss?:|\*/);
    expect(header.get('frame-src')).toBe('blob:');
    expect(header.get('frame-ancestors')).toBe("'none'");
  });

  it('agrees with every directive of the <meta> policy in renderer/index.html (both are enforced)', () => {
    const html = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'renderer/index.html declares its CSP in a <meta> tag').not.toBeNull();
    for (const [name, sources] of directives(meta![1]!)) {
      expect(header.get(name), `directive ${name}`).toBe(sources);
    }
  });
});

describe('IPC envelope and sender', () => {
  it('accepts { method, input } for a contract method only', () => {
    expect(parseEnvelope({ method: 'cases.get', input: { caseId: 3 } })).toEqual({
      ok: true,
      envelope: { method: 'cases.get', input: { caseId: 3 } },
    });
    for (const raw of [undefined, [], { method: 'toString', input: {} }, { method: '__proto__', input: {} }, { input: {} }]) {
      const parsed = parseEnvelope(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('trusts only the top frame of our own origin', () => {
    expect(isTrustedSender({ frameUrl: 'app://bundle/index.html', isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ frameUrl: 'app://bundle/index.html', isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'blob:app://bundle/1234', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: undefined, isTopFrame: true })).toBe(false);
  });
});
