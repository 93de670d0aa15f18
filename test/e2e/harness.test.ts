// The harness is the UI's host in every browser test, so its own guarantees are tested here
// without a browser: 127.0.0.1 only, the per-run token, the Host check, path traversal, the CSP
// header repeated from index.html, window.api injected before the app, bytes through the codec.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCsp, injectHarnessScript, resolveStaticPath, startHarness, type Harness } from '../../electron/harness/server';
import { parseWire, stringifyWire } from '../../shared/api/wire';

/** A raw request, so that paths like /../ reach the server unnormalised. */
function rawGet(url: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: pathAndQuery, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('harness server', () => {
  let dataDir: string;
  let harness: Harness;
  const post = (method: string, body: string, token: string | null = harness.token) =>
    fetch(new URL(`api/${method}`, harness.url), { method: 'POST', headers: token ? { 'x-jihe-token': token } : {}, body });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jihe-harness-'));
    harness = await startHarness({ dataDir });
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves index.html with the CSP of its meta tag and the client script first', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(harness.url);
    const html = await res.text();
    const built = readFileSync(path.resolve('dist/renderer/index.html'), 'utf8');
    expect(res.headers.get('content-security-policy')).toBe(extractCsp(built));
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(html.indexOf('harness-api.js')).toBeGreaterThan(0);
    expect(html.indexOf('harness-api.js')).toBeLessThan(html.indexOf('type="module"'));
    const script = await (await fetch(new URL('harness-api.js', harness.url))).text();
    expect(script).toContain(harness.token);
  });

  it('answers API calls only with the token, and never for an unknown method', async () => {
    expect((await post('employers.list', '{}', null)).status).toBe(403);
    expect((await post('employers.list', '{}', 'x'.repeat(48))).status).toBe(403);
    const unknown = await post('system.exec', '{}');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('没有这个接口');
    const bad = await post('employers.list', '{not json');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid-input');
  });

  it('passes the backend result through, errors in Chinese included', async () => {
    const refused = parseWire(await (await post('employers.create', stringifyWire({ name: '某公司', creditCode: '91350100M000100Y44' }))).text()) as {
      ok: boolean;
      error: { message: string };
    };
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toMatch(/统一社会信用代码/);
    const listed = parseWire(await (await post('ratePlans.list', '{}')).text()) as { ok: boolean; value: { example: boolean }[] };
    expect(listed.ok).toBe(true);
    expect(listed.value.some((p) => p.example)).toBe(true);
  });

  it('carries file bytes both ways through the wire codec', async () => {
    const employer = (parseWire(await (await post('employers.create', stringifyWire({ name: '示例市某某机械制造有限公司', creditCode: '91110000600037341L' }))).text()) as { value: { id: number } }).value;
    const plans = (parseWire(await (await post('ratePlans.list', '{}')).text()) as { value: { id: number; name: string }[] }).value;
    const plan = plans.find((p) => p.name === '示例地区 2024') ?? plans[0]!;
    const created = parseWire(
      await (await post('cases.create', stringifyWire({ employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }))).text(),
    ) as { value: { id: number } };
    const data = new Uint8Array(readFileSync(path.resolve('test/fixtures/worked-example/payroll.xlsx')));
    const started = parseWire(await (await post('imports.start', stringifyWire({ caseId: created.value.id, kind: 'payroll', fileName: 'payroll.xlsx', data }))).text()) as {
      ok: boolean;
      value: { jobId: string };
    };
    expect(started.ok).toBe(true);
    let state = 'running';
    let sha = '';
    for (let i = 0; i < 200 && state === 'running'; i++) {
      const job = parseWire(await (await post('jobs.get', stringifyWire({ jobId: started.value.jobId }))).text()) as { value: { state: string; report: { sha256: string } | null } };
      state = job.value.state;
      sha = job.value.report?.sha256 ?? '';
      if (state === 'running') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('done');
    const { createHash } = await import('node:crypto');
    // The stored file is byte-for-byte what the client sent.
    expect(sha).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('refuses requests for another host name and paths outside the renderer folder', async () => {
    expect((await rawGet(harness.url, '/', { host: 'evil.example:80' })).status).toBe(421);
    for (const p of ['/../package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await rawGet(harness.url, p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('jihe-workstation');
    }
    const missing = await rawGet(harness.url, '/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBeTruthy();
  });

  it('keeps path resolution and HTML injection pure and predictable', () => {
    const root = path.resolve('/srv/ui');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveStaticPath(root, '/../x')).toBeNull();
    expect(resolveStaticPath(root, '/%2e%2e/x')).toBeNull();
    expect(resolveStaticPath(root, '/a%00.js')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
    expect(injectHarnessScript('<head><title>t</title><script type="module" src="./a.js"></script></head>')).toBe(
      '<head><title>t</title><script src="./harness-api.js"></script><script type="module" src="./a.js"></script></head>',
    );
    expect(() => extractCsp('<html><head></head></html>')).toThrow(/Content-Security-Policy/);
  });
});
