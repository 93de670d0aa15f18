// The dossier ZIP end to end on a real database: a case with the worked-example files imported
// through jobs and an audit notice issued is exported; `verifyDossier` passes on it and, after
// one file is changed by a single byte, removed, added, or the trail altered, fails naming that
// file — also through the real `jihe` bin with its exit code. The manifest is signed by the
// workstation: a changed file whose manifest entry was rewritten to match fails on the signature,
// a re-signature by another key names a signer the workstation has not registered, and entry
// names a plain object would mishandle (`__proto__`, duplicates, `..`) are refused by name.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { exportDossier, TRAIL_PATH, verifyDossier } from '../../electron/services/dossier/index';
import { signedText } from '../../electron/services/dossier/verifyDossier';
import { sha256Hex } from '../../electron/services/dossier/sha256';
import { listAudit } from '../../electron/services/audit/auditLog';
import { ManifestSchema, MANIFEST_PATH, SIGNATURE_PATH, DossierSignatureSchema, TrailFileSchema, type DossierManifest } from '../../shared/dossier/manifest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { workstationKey } from '../../electron/services/signing/workstationKey';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, DocumentSummary, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import { ROOT, tempDir, fillAgencyProfile } from './db-helpers';

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
/** The raw ZIP with an entry's name replaced (local header and central directory) by another of the same length. */
function renamed(zip: Uint8Array, from: string, to: string): Uint8Array {
  const b = Buffer.from(zip);
  for (let at = b.indexOf(from); at >= 0; at = b.indexOf(from)) b.write(to, at);
  return new Uint8Array(b);
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
    fillAgencyProfile(backend.db);
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
    expect(Object.keys(files).sort()).toEqual([MANIFEST_PATH, SIGNATURE_PATH, ...m.files.map((f) => f.path)].sort());

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

  it('passes verification as exported, naming the signing workstation', () => {
    const key = workstationKey(backend.db);
    const r = verifyDossier(zip);
    expect(r).toMatchObject({ ok: true, problems: [], signer: { name: key.name, fingerprint: key.fingerprint, registered: null } });
    expect(r.signer!.fingerprintText).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(verifyDossier(zip, { isTrusted: (fp) => fp === key.fingerprint }).ok).toBe(true);
    // the 备考表 prints the trail's head, the digest of the other files and the signer's fingerprint
    const files = unzip(zip);
    const m = manifestOf(files);
    const notes = execFileSync('pdftotext', ['-raw', '-', '-'], { input: files[m.files.find((f) => f.role === 'notes')!.path]! }).toString('utf8').replace(/\s+/g, '');
    expect(notes).toContain(m.trail.head);
    expect(notes).toContain(m.contentSha256!);
    expect(notes).toContain(r.signer!.fingerprintText.replace(/\s+/g, ''));
  });

  it('refuses a changed source file whose manifest entry was rewritten to match: the signature no longer holds', () => {
    const files = unzip(zip);
    const m = manifestOf(files);
    const source = m.files.find((f) => f.role === 'source')!;
    const forgedBytes = files[source.path]!.slice();
    forgedBytes[100] = forgedBytes[100]! ^ 0x01;
    const forged: DossierManifest = { ...m, files: m.files.map((f) => (f.path === source.path ? { ...f, sha256: sha256Hex(forgedBytes) } : f)) };
    const forgedManifest = strToU8(`${JSON.stringify(forged, null, 2)}\n`);
    const r = verifyDossier(rezip({ ...files, [source.path]: forgedBytes, [MANIFEST_PATH]: forgedManifest }));
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ file: MANIFEST_PATH, kind: 'signature', message: expect.stringContaining('签名无效') }));

    // re-signed by the forger's own key: the signature holds, but the workstation does not know the signer
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const own = DossierSignatureSchema.parse(JSON.parse(strFromU8(files[SIGNATURE_PATH]!)));
    const claim = { format: own.format, workstation: { ...own.workstation, publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') }, manifestSha256: sha256Hex(forgedManifest) };
    const resigned = { ...claim, signature: sign(null, Buffer.from(signedText(claim)), privateKey).toString('base64') };
    const again = rezip({ ...files, [source.path]: forgedBytes, [MANIFEST_PATH]: forgedManifest, [SIGNATURE_PATH]: strToU8(JSON.stringify(resigned)) });
    const key = workstationKey(backend.db);
    const offline = verifyDossier(again);
    expect(offline.signer?.fingerprint).not.toBe(key.fingerprint);
    const checked = verifyDossier(again, { isTrusted: (fp) => fp === key.fingerprint });
    expect(checked.ok).toBe(false);
    expect(checked.problems).toContainEqual(expect.objectContaining({ kind: 'signature', message: expect.stringContaining('未在本机登记') }));

    // the signer's name cannot be swapped in signature.json: the signature covers it
    const renamedSigner = { ...own, workstation: { ...own.workstation, name: '档案室工作站' } };
    expect(verifyDossier(rezip({ ...files, [SIGNATURE_PATH]: strToU8(JSON.stringify(renamedSigner)) })).problems).toEqual([expect.objectContaining({ file: SIGNATURE_PATH, kind: 'signature', message: expect.stringContaining('签名无效') })]);

    // and a dossier without its signature says so
    const { [SIGNATURE_PATH]: _sig, ...unsigned } = files;
    expect(verifyDossier(rezip(unsigned)).problems).toEqual([expect.objectContaining({ file: SIGNATURE_PATH, kind: 'signature', message: expect.stringContaining('没有数字签名') })]);
  });

  it('refuses entries named __proto__, given twice, or climbing out with ..', () => {
    const files = unzip(zip);
    const idCard = strToU8('350102199001011234');
    // fflate cannot even write that name from an object: it is patched into the raw ZIP
    const proto = verifyDossier(renamed(rezip({ ...files, 'proto_x__': idCard }), 'proto_x__', '__proto__'));
    expect(proto.ok).toBe(false);
    expect(proto.problems).toEqual([expect.objectContaining({ file: '__proto__', message: expect.stringContaining('保留名称') })]);
    const up = verifyDossier(rezip({ ...files, '../../etc/evil.txt': idCard }));
    expect(up.problems).toEqual([expect.objectContaining({ file: '../../etc/evil.txt', message: expect.stringContaining('..') })]);
    // two entries of the same name: the second name patched over the first in the raw ZIP
    const dup = verifyDossier(renamed(rezip({ ...files, 'dupA.txt': idCard, 'dupB.txt': strToU8('other') }), 'dupB.txt', 'dupA.txt'));
    expect(dup.ok).toBe(false);
    expect(dup.problems).toEqual([expect.objectContaining({ file: 'dupA.txt', message: expect.stringContaining('重复') })]);
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
    expect(r.problems).toEqual([
      expect.objectContaining({ file: MANIFEST_PATH, kind: 'signature' }),
      expect.objectContaining({ file: MANIFEST_PATH, kind: 'manifest', message: expect.stringContaining('备考表') }),
      expect.objectContaining({ file: TRAIL_PATH, kind: 'trail', message: expect.stringContaining('哈希链断开') }),
    ]);

    // A trail cut short (last entries dropped) is a valid chain, but its head is not the manifest's.
    const cut = { ...trail, entries: TrailFileSchema.parse(JSON.parse(strFromU8(files[TRAIL_PATH]!))).entries.slice(0, -1) };
    cut.head = cut.entries.at(-1)!.hash;
    const cutBytes = strToU8(JSON.stringify(cut));
    const cutManifest: DossierManifest = { ...m, files: m.files.map((f) => (f.path === TRAIL_PATH ? { ...f, sha256: sha256Hex(cutBytes), size: cutBytes.byteLength } : f)) };
    const rc = verifyDossier(rezip({ ...files, [TRAIL_PATH]: cutBytes, [MANIFEST_PATH]: strToU8(JSON.stringify(cutManifest)) }));
    expect(rc.problems.map((p) => p.kind)).toEqual(['signature', 'manifest', 'trail', 'trail']);
    expect(rc.problems[3]!.message).toContain('与清单记载的链头');
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
    expect(pass.stdout).toContain(`签名有效：由工作站“${workstationKey(backend.db).name}”签名`);

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
