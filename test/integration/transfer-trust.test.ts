// What an office takes from a laptop it does not control (issue 8): the scenarios of the issue,
// replayed through backend.invoke on real data folders. A package signed by a workstation the
// office never registered is refused naming its fingerprint; a registered laptop's package that
// claims an approval by someone who is not a section head there is refused; a package changed
// after signing, one with a `__proto__` entry, or one that would write a table outside the case
// is refused; only a section head or an archivist imports. And two laptops that issued case and
// document numbers offline, each from the range the office gave it, merge at the office without
// a collision.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { seal, unseal } from '../../electron/services/crypto/sealedFile';
import { createBackend, type Backend } from '../../electron/services/backend';
import { appendAudit } from '../../electron/services/audit/auditLog';
import { signBytes, workstationKey } from '../../electron/services/signing/workstationKey';
import { formatFingerprint } from '../../shared/security/fingerprint';
import type { TransferImportResult } from '../../shared/api/dto/archive';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import type { WorkstationIdentity } from '../../shared/api/dto/signing';
import { createTeam, createUser, fail, login, ok } from './judgments-helpers';
import { issue } from './archive-helpers';
import { tableCounts, tempDir } from './db-helpers';
import { register } from './signing-helpers';

type Pkg = { fileName: string; data: Uint8Array; cases: number };

function station(prefix: string, actor: string): { b: Backend; done(): void } {
  const tmp = tempDir(prefix);
  const b = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor, now: () => new Date('2026-07-02T02:00:00Z') });
  return {
    b,
    done: () => {
      b.close();
      tmp.cleanup();
    },
  };
}

async function newCase(b: Backend): Promise<Case> {
  const creditCode = '91350100M000100Y43';
  const e =
    ok<Employer[]>(await b.invoke('employers.list', {})).find((x) => x.creditCode === creditCode) ??
    ok<Employer>(await b.invoke('employers.create', { name: '示例市某某机械制造有限公司', creditCode }));
  const plan = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
  return ok<Case>(await b.invoke('cases.create', { employerId: e.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }));
}

const PASS = process.env.JIHE_PASSPHRASE ?? '';
/** Packages travel sealed (crypto/sealedFile.ts): a forger seals what he changed with the transfer passphrase. */
const sealZip = (zip: Uint8Array) => new Uint8Array(seal(zip, PASS));
const exportOf = async (b: Backend, caseId: number) => ok<Pkg>(await b.invoke('transfer.exportCases', { caseIds: [caseId] })).data;

/** Re-signs a package's changed manifest with `signer`'s own key (a forger holding that laptop). */
function resign(files: Record<string, Uint8Array>, signer: Backend): Uint8Array {
  files['transfer.sig'] = strToU8(signBytes(workstationKey(signer.db), files['transfer.json']!));
  return sealZip(zipSync(files));
}

describe('what the office takes in from a laptop', () => {
  let office: ReturnType<typeof station>;
  let laptop: ReturnType<typeof station>;
  beforeEach(async () => {
    office = station('jihe-office-', 'os-office');
    laptop = station('jihe-laptop-', 'laptop-user');
    await createTeam(office.b);
    await login(office.b, 'chenda');
  });
  afterEach(() => {
    office.done();
    laptop.done();
  });

  it('refuses a package signed by a workstation it never registered, naming its fingerprint', async () => {
    const c = await newCase(laptop.b);
    const pkg = await exportOf(laptop.b, c.id);
    const counts = tableCounts(office.b.db);
    const err = fail(await office.b.invoke('transfer.importPackage', { data: pkg }));
    expect(err.code).toBe('forbidden');
    expect(err.message).toContain('未登记的工作站');
    expect(err.message).toContain(formatFingerprint(workstationKey(laptop.b.db).fingerprint));
    expect(tableCounts(office.b.db)).toEqual(counts);
    // once registered (fingerprint compared by phone), the same package comes in
    register(office.b, laptop.b);
    expect(ok<TransferImportResult>(await office.b.invoke('transfer.importPackage', { data: pkg }))).toMatchObject({ created: 1 });
  });

  it('refuses an approval by someone who is not a section head of the signing laptop', async () => {
    register(office.b, laptop.b);
    const c = await newCase(laptop.b);
    // the laptop's holder writes an approval in the name of the office's real section head
    laptop.b.db.transaction(() => appendAudit(laptop.b.db, { actor: 'wangke', caseId: c.id, action: 'approval.approve', detail: { asOf: '2026-07-02' } }))();
    const err = fail(await office.b.invoke('transfer.importPackage', { data: await exportOf(laptop.b, c.id) }));
    expect(err.code).toBe('forbidden');
    expect(err.message).toMatch(/审核通过.*“wangke”不是发送工作站“.*”的用户/);

    // … and with a "section head of the same name" made there as an auditor: still not a section head
    await createUser(laptop.b, 'admin', 'admin');
    await login(laptop.b, 'admin');
    await createUser(laptop.b, 'wangke', 'auditor', '王科长');
    await login(laptop.b, 'wangke');
    const again = fail(await office.b.invoke('transfer.importPackage', { data: await exportOf(laptop.b, c.id) }));
    expect(again.message).toContain('“wangke”在发送工作站');
    expect(again.message).toContain('不是科室负责人');
    expect(ok<Case[]>(await office.b.invoke('cases.list', {}))).toHaveLength(0);
  });

  it('refuses a package changed after signing, an extra __proto__ entry, and a table outside the case', async () => {
    register(office.b, laptop.b);
    const c = await newCase(laptop.b);
    const files = unzipSync(unseal(await exportOf(laptop.b, c.id), PASS));

    const manifest = JSON.parse(strFromU8(files['transfer.json']!)) as { exportedBy: string; users: unknown[] };
    manifest.users = [{ username: 'wangke', displayName: '王科长', role: 'section-head', active: true }];
    const tampered = sealZip(zipSync({ ...files, 'transfer.json': strToU8(JSON.stringify(manifest)) }));
    const bad = fail(await office.b.invoke('transfer.importPackage', { data: tampered }));
    expect(bad).toMatchObject({ code: 'forbidden', message: expect.stringContaining('数字签名无效') });

    // a __proto__ entry (fflate cannot write that name from an object: patched into the raw bytes)
    const raw = Buffer.from(zipSync({ ...files, 'proto_x__': strToU8('350102199001011234') }));
    for (let at = raw.indexOf('proto_x__'); at >= 0; at = raw.indexOf('proto_x__')) raw.write('__proto__', at);
    const proto = fail(await office.b.invoke('transfer.importPackage', { data: sealZip(new Uint8Array(raw)) }));
    expect(proto).toMatchObject({ code: 'bad-file', message: expect.stringContaining('__proto__') });
    expect(proto.message).toContain('不安全的条目');

    // the laptop's own key signing a case dump that writes into `users`
    const casePath = Object.keys(files).find((k) => k.startsWith('cases/'))!;
    const dump = JSON.parse(strFromU8(files[casePath]!)) as { tables: Record<string, unknown> };
    dump.tables.users = { columns: ['username', 'role'], rows: [{ key: 'x', uuid: null, values: ['wangke', 'section-head'] }] };
    const dumpBytes = strToU8(JSON.stringify(dump));
    const m2 = JSON.parse(strFromU8(files['transfer.json']!)) as { files: { path: string; sha256: string; size: number }[] };
    const { createHash } = await import('node:crypto');
    m2.files = m2.files.map((f) => (f.path === casePath ? { ...f, sha256: createHash('sha256').update(dumpBytes).digest('hex'), size: dumpBytes.byteLength } : f));
    const forged = resign({ ...files, [casePath]: dumpBytes, 'transfer.json': strToU8(JSON.stringify(m2)) }, laptop.b);
    const tbl = fail(await office.b.invoke('transfer.importPackage', { data: forged }));
    expect(tbl.message).toContain('案件数据以外的表');
    expect(tbl.message).toContain('users');
    expect(ok<Case[]>(await office.b.invoke('cases.list', {}))).toHaveLength(0);
  });

  it('only a section head or an archivist imports a package', async () => {
    register(office.b, laptop.b);
    const c = await newCase(laptop.b);
    await login(office.b, 'zhangming');
    const err = fail(await office.b.invoke('transfer.importPackage', { data: await exportOf(laptop.b, c.id) }));
    expect(err.code).toBe('forbidden');
    expect(err.message).toContain('导入案件交换包');
    await login(office.b, 'wangke');
    expect(ok<TransferImportResult>(await office.b.invoke('transfer.importPackage', { data: await exportOf(laptop.b, c.id) })).created).toBe(1);
  });
});

describe('numbers that never collide', () => {
  it('two laptops issuing offline from their own ranges merge at the office without a collision', async () => {
    const office = station('jihe-office-', 'os-office');
    const a = station('jihe-laptop-a-', 'laptop-a');
    const b = station('jihe-laptop-b-', 'laptop-b');
    try {
      // at the office, before the laptops leave: each gets a name and a range, and the office registers it
      for (const [l, name, start] of [[a, '一号笔记本', 1001], [b, '二号笔记本', 2001]] as const) {
        const id = ok<WorkstationIdentity>(await l.b.invoke('signing.setIdentity', { name, numberRange: { start, end: start + 998 } }));
        expect(id.numberRange).toEqual({ start, end: start + 998 });
        const file = ok<{ text: string }>(await l.b.invoke('signing.exportPublicKey', {}));
        ok(await office.b.invoke('signing.registerKey', { keyText: file.text, numberRange: null, confirmFingerprint: id.fingerprintText }));
        register(l.b, office.b);
      }
      register(a.b, b.b);
      // a fingerprint that does not match the one read out on the phone, or a range overlapping another laptop's, is refused
      const third = station('jihe-laptop-c-', 'laptop-c');
      try {
        const id3 = ok<WorkstationIdentity>(await third.b.invoke('signing.identity', {}));
        const file3 = ok<{ text: string }>(await third.b.invoke('signing.exportPublicKey', {}));
        expect(fail(await office.b.invoke('signing.registerKey', { keyText: file3.text, numberRange: { start: 3001, end: 3999 }, confirmFingerprint: 'AAAA BBBB' })).message).toContain('电话核对的指纹与公钥文件不符');
        const overlap = fail(await office.b.invoke('signing.registerKey', { keyText: file3.text, numberRange: { start: 1500, end: 1600 }, confirmFingerprint: id3.fingerprintText }));
        expect(overlap.message).toContain('与已登记工作站“一号笔记本”的号段 1001–1999 重叠');
      } finally {
        third.done();
      }

      // offline, both laptops and the office open cases and issue notices
      const ca = await newCase(a.b);
      const cb = await newCase(b.b);
      const co = await newCase(office.b);
      expect([ca.number, cb.number, co.number]).toEqual(['稽〔2026〕1001号', '稽〔2026〕2001号', '稽〔2026〕1号']);
      const da = issue(a.b, ca.id, 'audit-notice', '稽核通知书');
      const db = issue(b.b, cb.id, 'audit-notice', '稽核通知书');
      expect([da.number, db.number]).toEqual(['示医保audit-notice〔2026〕1001号', '示医保audit-notice〔2026〕2001号']);

      // at the office, both packages come in: two new cases, no conflict
      for (const [l, c] of [[a, ca], [b, cb]] as const) {
        const r = ok<TransferImportResult>(await office.b.invoke('transfer.importPackage', { data: await exportOf(l.b, c.id) }));
        expect(r).toMatchObject({ created: 1, conflicts: 0 });
      }
      const numbers = ok<Case[]>(await office.b.invoke('cases.list', {})).map((c) => c.number).sort();
      expect(numbers).toEqual(['稽〔2026〕1001号', '稽〔2026〕1号', '稽〔2026〕2001号']);
      // the office goes on from its own sequence, stepping over the laptops' ranges
      expect((await newCase(office.b)).number).toBe('稽〔2026〕2号');
      // laptop A takes B's case in without moving its own counter
      ok(await a.b.invoke('transfer.importPackage', { data: await exportOf(b.b, cb.id) }));
      expect((await newCase(a.b)).number).toBe('稽〔2026〕1002号');
      expect(issue(a.b, ca.id, 'audit-notice', '稽核通知书').number).toBe('示医保audit-notice〔2026〕1002号');
      // the registrations are in the office's own trail
      const actions = (office.b.db.prepare('SELECT action FROM audit_log WHERE case_id IS NULL').all() as { action: string }[]).map((r) => r.action);
      expect(actions.filter((x) => x === 'workstation.register-key')).toHaveLength(2);
    } finally {
      office.done();
      a.done();
      b.done();
    }
  });
});
