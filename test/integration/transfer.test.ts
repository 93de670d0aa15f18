// Case transfer between workstations (issue 5 item 6) through backend.invoke on two data folders:
// office → laptop creates the case with every row, file and trail entry (a canonical dump of the
// case is equal on both sides, and the trail's chain verifies on the laptop although the case has
// another id there); importing the same package again changes nothing; work done on the laptop
// comes back to the office losslessly; a case changed on both sides is a conflict that is listed
// and not taken; a damaged package is refused naming the file.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { seal, unseal } from '../../electron/services/crypto/sealedFile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import { canonicalJson } from '../../electron/services/audit/canonicalJson';
import { dumpCase } from '../../electron/services/transfer/dumpCase';
import { idOfUuid } from '../../electron/services/transfer/schemaMap';
import type { TransferImportResult } from '../../shared/api/dto/archive';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import { fail, login, ok, useBackend } from './judgments-helpers';
import { PHOTO, rectifyingCase } from './archive-helpers';
import { tableCounts } from './db-helpers';
import { trustEachOther } from './signing-helpers';

type Pkg = { fileName: string; data: Uint8Array; cases: number };

const dumpText = (b: Backend, caseId: number) => canonicalJson(dumpCase(b.db, caseId));
const caseIdOf = (b: Backend, uuid: string) => idOfUuid(b.db, 'cases', uuid)!;
const uuidOf = (b: Backend, caseId: number) => dumpCase(b.db, caseId).uuid;
/** Equal canonical dumps; on a difference, the first differing table names itself. */
function expectSameCase(actual: string, expected: string): void {
  if (actual !== expected) {
    const a = JSON.parse(actual) as Record<string, unknown> & { tables: Record<string, unknown> };
    const e = JSON.parse(expected) as typeof a;
    for (const k of Object.keys(e)) if (canonicalJson(a[k]) !== canonicalJson(e[k]) && k !== 'tables') expect(a[k], k).toEqual(e[k]);
    for (const k of Object.keys(e.tables)) expect(a.tables[k], k).toEqual(e.tables[k]);
  }
  expect(actual).toBe(expected);
}

describe('case transfer between workstations', () => {
  const office = useBackend('jihe-office-');
  let laptopDir: string;
  let laptop: Backend;
  let laptopClock = new Date('2025-12-30T02:00:00Z');
  beforeEach(() => {
    laptopDir = mkdtempSync(path.join(os.tmpdir(), 'jihe-laptop-'));
    laptop = createBackend({ dataDir: laptopDir, runtime: 'harness', actor: 'laptop-user', now: () => laptopClock });
    trustEachOther(office.backend, laptop);
  });
  afterEach(() => {
    laptop.close();
    rmSync(laptopDir, { recursive: true, force: true });
  });

  /** The laptop already has a case of its own (so the transferred case gets another id there). */
  async function laptopOwnCase(): Promise<Case> {
    laptopClock = new Date('2025-12-30T02:00:00Z');
    const e = ok<Employer>(await laptop.invoke('employers.create', { name: '另一家单位有限公司', creditCode: '91350100M000300Y4J' }));
    const plan = ok<RatePlanSummary[]>(await laptop.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const c = ok<Case>(await laptop.invoke('cases.create', { employerId: e.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'random' }));
    laptopClock = new Date('2026-07-08T02:00:00Z');
    return c;
  }

  it('office → laptop → office is lossless, idempotent, and the chain verifies on each side', async () => {
    const c = await rectifyingCase(office);
    await laptopOwnCase();
    const before = dumpText(office.backend, c.id);
    const uuid = uuidOf(office.backend, c.id);

    const pkg = ok<Pkg>(await office.backend.invoke('transfer.exportCases', { caseIds: [c.id] }));
    expect(pkg.cases).toBe(1);
    const first = ok<TransferImportResult>(await laptop.invoke('transfer.importPackage', { data: pkg.data }));
    expect(first).toMatchObject({ created: 1, updated: 0, unchanged: 0, conflicts: 0 });
    expect(first.cases[0]).toMatchObject({ caseNumber: c.number, outcome: 'created' });
    const onLaptop = caseIdOf(laptop, uuid);
    expect(onLaptop).not.toBe(c.id);
    expectSameCase(dumpText(laptop, onLaptop), before);
    // the laptop sees the same case, files and figures
    const lc = ok<{ case: Case }>(await laptop.invoke('cases.get', { caseId: onLaptop })).case;
    expect(lc).toMatchObject({ number: c.number, state: 'rectifying', employerName: c.employerName });
    const resultAt = async (b: Backend, id: number) => ok<{ totals: unknown }>(await b.invoke('results.compute', { caseId: id, asOf: '2026-07-06' })).totals;
    expect(await resultAt(laptop, onLaptop)).toEqual(await resultAt(office.backend, c.id));
    // trail entries keep their hashes and the chain verifies here (through the API too)
    const trail = listAudit(laptop.db, onLaptop);
    expect(trail.map((e) => e.hash)).toEqual(listAudit(office.backend.db, c.id).map((e) => e.hash));
    expect(verifyAuditChain(trail).ok).toBe(true);
    expect(ok<{ ok: boolean }>(await laptop.invoke('trail.verify', { caseId: onLaptop })).ok).toBe(true);

    // the same package again: nothing changes, nothing doubled
    const counts = tableCounts(laptop.db);
    const again = ok<TransferImportResult>(await laptop.invoke('transfer.importPackage', { data: pkg.data }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, conflicts: 0 });
    const countsAfter = tableCounts(laptop.db);
    expect({ ...countsAfter, audit_log: 0 }).toEqual({ ...counts, audit_log: 0 });
    expect(countsAfter.audit_log).toBe(counts.audit_log! + 1); // only the workstation's own "imported" entry

    // work on the laptop: evidence and a payment, then back to the office
    ok(await laptop.invoke('evidence.add', { caseId: onLaptop, fileName: '补缴凭证.jpg', data: PHOTO.slice().reverse(), description: '银行回单', kind: 'scan' }));
    ok(await laptop.invoke('rectification.recordPayment', { caseId: onLaptop, paidOn: '2026-07-08', amount: '1000.00', purpose: 'back-pay', note: '第一笔' }));
    const laptopAfter = dumpText(laptop, onLaptop);
    const back = ok<Pkg>(await laptop.invoke('transfer.exportCases', { caseIds: [onLaptop] }));
    await login(office.backend, 'chenda'); // only a section head or an archivist takes a package in
    const home = ok<TransferImportResult>(await office.backend.invoke('transfer.importPackage', { data: back.data }));
    expect(home).toMatchObject({ created: 0, updated: 1, conflicts: 0 });
    expectSameCase(dumpText(office.backend, c.id), laptopAfter);
    const officeTrail = listAudit(office.backend.db, c.id);
    expect(verifyAuditChain(officeTrail).ok).toBe(true);
    expect(officeTrail.slice(-2).map((e) => e.action)).toEqual(['evidence.add', 'rectification.payment']);
    // the laptop's entries were hashed with the laptop's case id, and still verify at the office
    expect(officeTrail.at(-1)!.caseId).toBe(onLaptop);
    const evidence = ok<{ fileName: string }[]>(await office.backend.invoke('evidence.list', { caseId: c.id }));
    expect(evidence.map((e) => e.fileName)).toEqual(['现场照片01.jpg', '补缴凭证.jpg']);
    // and the office can go on working on it: its next entry links to the laptop's head
    await login(office.backend, 'zhangming');
    ok(await office.backend.invoke('rectification.recordPayment', { caseId: c.id, paidOn: '2026-07-09', amount: '20.00', purpose: 'late-fee' }));
    expect(verifyAuditChain(listAudit(office.backend.db, c.id)).ok).toBe(true);
    // the laptop's older package is now behind the office: nothing taken
    await login(office.backend, 'chenda');
    const stale = ok<TransferImportResult>(await office.backend.invoke('transfer.importPackage', { data: back.data }));
    expect(stale.cases[0]!.outcome).toBe('local-newer');
  }, 240_000);

  it('a case changed on both sides is a conflict, listed and not taken', async () => {
    const c = await rectifyingCase(office);
    const pkg = ok<Pkg>(await office.backend.invoke('transfer.exportCases', { caseIds: [c.id] }));
    ok(await laptop.invoke('transfer.importPackage', { data: pkg.data }));
    const onLaptop = caseIdOf(laptop, uuidOf(office.backend, c.id));
    laptopClock = new Date('2026-07-08T02:00:00Z');
    ok(await laptop.invoke('rectification.recordPayment', { caseId: onLaptop, paidOn: '2026-07-08', amount: '1000.00', purpose: 'back-pay' }));
    ok(await office.backend.invoke('evidence.add', { caseId: c.id, fileName: '补充说明.jpg', data: new Uint8Array([...PHOTO, 1]), description: '单位补充说明', kind: 'copy' }));
    const officeBefore = dumpText(office.backend, c.id);
    const back = ok<Pkg>(await laptop.invoke('transfer.exportCases', { caseIds: [onLaptop] }));
    await login(office.backend, 'chenda');
    const r = ok<TransferImportResult>(await office.backend.invoke('transfer.importPackage', { data: back.data }));
    expect(r).toMatchObject({ created: 0, updated: 0, conflicts: 1 });
    const conflict = r.cases[0]!;
    expect(conflict.outcome).toBe('conflict');
    const lines = conflict.conflicts.map((i) => `${i.kind}|${i.description}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^审计记录\|本机：.* zhangming 添加证据$/),
        expect.stringMatching(/^审计记录\|交换包：.* laptop-user 登记补缴$/),
        '证据材料|仅本机有：证据材料“单位补充说明”',
        expect.stringMatching(/^整改记录\|仅交换包有：/),
      ]),
    );
    // nothing of the case was overwritten or added
    expect(dumpText(office.backend, c.id)).toBe(officeBefore);
    expect(verifyAuditChain(listAudit(office.backend.db, c.id)).ok).toBe(true);
  }, 240_000);

  it('refuses a damaged package naming the file, changing nothing', async () => {
    const c = await rectifyingCase(office);
    const pkg = ok<Pkg>(await office.backend.invoke('transfer.exportCases', { caseIds: [c.id] }));
    const pass = process.env.JIHE_PASSPHRASE!;
    const files = unzipSync(unseal(pkg.data, pass));
    const blob = Object.keys(files).find((k) => k.startsWith('blobs/'))!;
    files[blob] = files[blob]!.slice();
    files[blob]![0] = files[blob]![0]! ^ 1;
    const counts = tableCounts(laptop.db);
    const err = fail(await laptop.invoke('transfer.importPackage', { data: seal(zipSync(files), pass) }));
    expect(err).toMatchObject({ code: 'bad-file' });
    expect(err.message).toContain(blob);
    expect(fail(await laptop.invoke('transfer.importPackage', { data: seal(strToU8('not a zip'), pass) })).message).toContain('不是有效的 ZIP');
    // Not sealed at all (a bare ZIP, as packages were before encryption), or sealed with another passphrase.
    expect(fail(await laptop.invoke('transfer.importPackage', { data: zipSync(files), fileName: 'a.zip' })).message).toBe('交换包 a.zip 不是本系统加密的文件（缺少文件头 JIHESEAL）');
    expect(fail(await laptop.invoke('transfer.importPackage', { data: pkg.data, passphrase: '另一个口令-another' })).message).toContain('无法解密：口令不正确');
    expect(tableCounts(laptop.db)).toEqual(counts);
  }, 240_000);
});
