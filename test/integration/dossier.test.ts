// The dossier ZIP end to end on a real database: a case with the worked-example files imported
// through jobs and an audit notice issued is exported; `verifyDossier` passes on it and, after
// one file is changed by a single byte, removed, added, or the trail altered, fails naming that
// file — also through the real `jihe` bin with its exit code.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { exportDossier, TRAIL_PATH, verifyDossier } from '../../electron/services/dossier/index';
import { sha256Hex } from '../../electron/services/dossier/sha256';
import { listAudit } from '../../electron/services/audit/auditLog';
import { ManifestSchema, MANIFEST_PATH, TrailFileSchema, type DossierManifest } from '../../shared/dossier/manifest';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, DocumentSummary, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import { ROOT, tempDir } from './db-helpers';

const W = path.join(ROOT, 'test/fixtures/worked-example');
const PAYROLL = new Uint8Array(readFileSync(path.join(W, 'payroll.xlsx')));
const DECLARATIONS = new Uint8Array(readFileSync(path.join(W, 'declarations.csv')));
const run = promisify(execFile);

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

function unzip(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}
function rezip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])));
}
function manifestOf(files: Record<string, Uint8Array>): DossierManifest {
  return ManifestSchema.parse(JSON.parse(strFromU8(files[MANIFEST_PATH]!)));
}

describe('dossier export and offline verification', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let c: Case;
  let notice: DocumentSummary;
  let zip: Uint8Array;

  beforeAll(async () => {
    tmp = tempDir('jihe-dossier-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '张明', now: () => new Date('2026-07-01T02:00:00Z') });
    const employer = ok<Employer>(await backend.invoke('employers.create', { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    c = ok<Case>(await backend.invoke('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'tip-off' }));
    for (const [kind, fileName, data] of [
      ['payroll', '2024年3月工资表.xlsx', PAYROLL],
      ['declaration', '缴费申报明细.csv', DECLARATIONS],
    ] as const) {
      const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId: c.id, kind, fileName, data }));
      await backend.jobSettled(jobId);
      expect(ok<JobStatus>(await backend.invoke('jobs.get', { jobId })).state).toBe('done');
    }
    notice = ok<DocumentSummary>(
      await backend.invoke('documents.generateNotice', {
        caseId: c.id,
        onsiteDate: '2026-07-10',
        onsiteTime: '上午9:00',
        place: '被稽核单位财务室',
        auditors: [
          { name: '张明', credentialNo: '示稽00123' },
          { name: '李华', credentialNo: '示稽00456' },
        ],
        contactName: '王芳',
        contactPhone: '0000-12345678',
        issueDate: '2026-07-01',
      }),
    );
    zip = await exportDossier(backend.db, c.id, { actor: '陈档案', now: new Date('2026-07-02T03:00:00Z') });
  }, 120_000);

  afterAll(() => {
    backend.close();
    tmp.cleanup();
  });

  it('holds the issued PDF and the source files byte-for-byte, the trail, and a manifest of all of them', async () => {
    const files = unzip(zip);
    const m = manifestOf(files);
    expect(m.case).toMatchObject({ number: c.number, employer: { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }, periodFrom: '2024-03', periodTo: '2024-03', state: c.state, closedAt: null });
    expect(Object.keys(files).sort()).toEqual([MANIFEST_PATH, ...m.files.map((f) => f.path)].sort());

    const pdf = ok<{ data: Uint8Array }>(await backend.invoke('documents.pdf', { documentId: notice.id })).data;
    const doc = m.files.filter((f) => f.role === 'document');
    expect(doc).toHaveLength(1);
    expect(doc[0]).toMatchObject({ number: notice.number, sha256: notice.sha256, size: pdf.byteLength });
    expect(Buffer.compare(Buffer.from(files[doc[0]!.path]!), Buffer.from(pdf))).toBe(0);

    const sources = m.files.filter((f) => f.role === 'source');
    expect(sources.map((f) => f.title)).toEqual(['2024年3月工资表.xlsx', '缴费申报明细.csv']);
    expect(Buffer.compare(Buffer.from(files[sources[0]!.path]!), Buffer.from(PAYROLL))).toBe(0);
    expect(Buffer.compare(Buffer.from(files[sources[1]!.path]!), Buffer.from(DECLARATIONS))).toBe(0);
    expect(sources[1]!.sha256).toBe(sha256Hex(DECLARATIONS));

    for (const role of ['cover', 'index', 'notes'] as const) {
      const sheet = m.files.filter((f) => f.role === role);
      expect(sheet).toHaveLength(1);
      expect(strFromU8(files[sheet[0]!.path]!.subarray(0, 5))).toBe('%PDF-');
    }
    // The index (卷内文件目录) lists the bureau's documents first, with 文号 and 页号.
    const indexText = execFileSync('pdftotext', ['-raw', '-', '-'], { input: files[m.files.find((f) => f.role === 'index')!.path]! })
      .toString('utf8')
      .replace(/\s+/g, '');
    const pageNo = notice.pages === 1 ? '1' : `1-${notice.pages}`;
    for (const h of ['序号文号责任者题名日期页号备注', notice.number, `稽核通知书2026年7月1日${pageNo}`, '2024年3月工资表.xlsx']) expect(indexText).toContain(h);
    expect(indexText.indexOf(notice.number)).toBeLessThan(indexText.indexOf('2024年3月工资表.xlsx'));

    const trail = TrailFileSchema.parse(JSON.parse(strFromU8(files[TRAIL_PATH]!)));
    const entries = listAudit(backend.db, c.id);
    expect(trail.entries.map((e) => e.action)).toEqual(entries.map((e) => e.action));
    expect(trail.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['case.create', 'import.store', 'document.issue']));
    expect(m.trail).toEqual({ path: TRAIL_PATH, entries: entries.length, head: entries.at(-1)!.hash });
    expect(trail.head).toBe(m.trail.head);
  });

  it('passes verification as exported', () => {
    expect(verifyDossier(zip)).toMatchObject({ ok: true, problems: [] });
  });

  it('names the file when any one byte of any one file is changed, even in the raw ZIP', () => {
    const files = unzip(zip);
    for (const f of manifestOf(files).files) {
      const changed = { ...files, [f.path]: files[f.path]!.slice() };
      const bytes = changed[f.path]!;
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      const r = verifyDossier(rezip(changed));
      expect(r.ok).toBe(false);
      expect(r.problems).toContainEqual(expect.objectContaining({ file: f.path, kind: 'changed', message: expect.stringContaining('已被改动') }));
    }
    // Entries are stored, so a byte flipped inside the ZIP itself lands in that file's content.
    const m = manifestOf(files);
    const source = m.files.find((f) => f.role === 'source')!;
    const offset = Buffer.from(zip).indexOf(Buffer.from(files[source.path]!));
    expect(offset).toBeGreaterThan(0);
    const raw = zip.slice();
    raw[offset + 10] = raw[offset + 10]! ^ 0x20;
    expect(verifyDossier(raw).problems).toContainEqual(expect.objectContaining({ file: source.path, kind: 'changed' }));
  });

  it('names a removed file as missing and an added file as extra', () => {
    const files = unzip(zip);
    const doc = manifestOf(files).files.find((f) => f.role === 'document')!;
    const { [doc.path]: _removed, ...rest } = files;
    expect(verifyDossier(rezip(rest)).problems).toEqual([expect.objectContaining({ file: doc.path, kind: 'missing', message: expect.stringContaining('缺少') })]);

    const added = rezip({ ...files, '证据材料/补充照片.jpg': strToU8('not in the manifest') });
    expect(verifyDossier(added).problems).toEqual([{ file: '证据材料/补充照片.jpg', kind: 'extra', message: '清单中没有此文件（多出的文件）' }]);

    const noManifest = { ...files };
    delete noManifest[MANIFEST_PATH];
    expect(verifyDossier(rezip(noManifest)).problems).toEqual([expect.objectContaining({ file: MANIFEST_PATH, kind: 'missing' })]);
  });

  it('finds an altered trail even when the manifest was updated to match it', () => {
    const files = unzip(zip);
    const trail = TrailFileSchema.parse(JSON.parse(strFromU8(files[TRAIL_PATH]!)));
    const importEntry = trail.entries.find((e) => e.action === 'import.store')!;
    importEntry.actor = '李四';
    const altered = strToU8(JSON.stringify(trail, null, 2));

    const plain = verifyDossier(rezip({ ...files, [TRAIL_PATH]: altered }));
    expect(plain.problems.map((p) => [p.file, p.kind])).toEqual([
      [TRAIL_PATH, 'changed'],
      [TRAIL_PATH, 'trail'],
    ]);
    expect(plain.problems[1]!.message).toContain(`第 ${importEntry.id} 条审计记录的内容与其哈希不符`);

    // A forger who also rewrites the manifest's hash and size still breaks the chain.
    const m = manifestOf(files);
    const forged: DossierManifest = { ...m, files: m.files.map((f) => (f.path === TRAIL_PATH ? { ...f, sha256: sha256Hex(altered), size: altered.byteLength } : f)) };
    const r = verifyDossier(rezip({ ...files, [TRAIL_PATH]: altered, [MANIFEST_PATH]: strToU8(JSON.stringify(forged)) }));
    expect(r.problems).toEqual([expect.objectContaining({ file: TRAIL_PATH, kind: 'trail', message: expect.stringContaining('哈希链断开') })]);

    // A trail cut short (last entries dropped) is a valid chain, but its head is not the manifest's.
    const cut = { ...trail, entries: TrailFileSchema.parse(JSON.parse(strFromU8(files[TRAIL_PATH]!))).entries.slice(0, -1) };
    cut.head = cut.entries.at(-1)!.hash;
    const cutBytes = strToU8(JSON.stringify(cut));
    const cutManifest: DossierManifest = { ...m, files: m.files.map((f) => (f.path === TRAIL_PATH ? { ...f, sha256: sha256Hex(cutBytes), size: cutBytes.byteLength } : f)) };
    const rc = verifyDossier(rezip({ ...files, [TRAIL_PATH]: cutBytes, [MANIFEST_PATH]: strToU8(JSON.stringify(cutManifest)) }));
    expect(rc.problems.map((p) => p.kind)).toEqual(['trail', 'trail']);
    expect(rc.problems[1]!.message).toContain('与清单记载的链头');
  });

  it('reports garbage instead of throwing', () => {
    expect(verifyDossier(strToU8('this is not a zip'))).toMatchObject({ ok: false, problems: [expect.objectContaining({ kind: 'manifest' })] });
    const files = unzip(zip);
    const bad = verifyDossier(rezip({ ...files, [MANIFEST_PATH]: strToU8('{"format":"jihe-dossier"}') }));
    expect(bad.problems).toEqual([expect.objectContaining({ file: MANIFEST_PATH, kind: 'manifest', message: expect.stringContaining('清单文件格式有误') })]);
  });

  it('`jihe dossier verify` exits 0 with 核验通过, or 1 naming each problem; export writes the same dossier', async () => {
    const good = path.join(tmp.dir, '档案.zip');
    writeFileSync(good, zip);
    const bin = path.join(ROOT, 'bin/jihe.mjs');
    const pass = await run(process.execPath, [bin, 'dossier', 'verify', good], { cwd: ROOT });
    expect(pass.stdout).toContain('核验通过');
    expect(pass.stdout).toContain(c.number);

    const files = unzip(zip);
    const source = manifestOf(files).files.find((f) => f.role === 'source')!;
    const changed = { ...files, [source.path]: files[source.path]!.slice() };
    changed[source.path]![0] = changed[source.path]![0]! ^ 0xff;
    delete changed[TRAIL_PATH];
    const badFile = path.join(tmp.dir, '被改动.zip');
    writeFileSync(badFile, rezip({ ...changed, 'extra.txt': strToU8('x') }));
    const failed = await run(process.execPath, [bin, 'dossier', 'verify', badFile], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('核验未通过');
    expect(failed?.stderr).toContain(`${source.path}：原始文件“2024年3月工资表.xlsx”已被改动`);
    expect(failed?.stderr).toContain(`${TRAIL_PATH}：缺少清单所列的审计记录`);
    expect(failed?.stderr).toContain('extra.txt：清单中没有此文件');

    // export from the data folder of a second process while this one holds the database open (WAL).
    const out = path.join(tmp.dir, '导出.zip');
    const exported = await run(process.execPath, [bin, 'dossier', 'export', '--data', tmp.dir, '--case', c.number, '--out', out], { cwd: ROOT });
    expect(exported.stdout).toContain(`已导出案件 ${c.number}`);
    const written = new Uint8Array(readFileSync(out));
    expect(verifyDossier(written).ok).toBe(true);
    // The bureau's own sheets (and the trail's PDF rendering) are made at export; what is stored is identical.
    const stored = (mf: DossierManifest) => mf.files.filter((f) => ['document', 'source'].includes(f.role) || f.path === TRAIL_PATH).map((f) => [f.path, f.sha256]);
    expect(stored(manifestOf(unzip(written)))).toEqual(stored(manifestOf(files)));
  }, 60_000);
});
