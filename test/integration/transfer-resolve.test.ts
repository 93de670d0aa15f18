// Resolving transfer conflicts (issue 8 item 6) through backend.invoke on two data folders: three
// cases changed on both the office and the laptop come back as three conflicts; only a section
// head or an archivist resolves; a missing choice, or a choice the data cannot take (deleting
// evidence, which is append-only), refuses everything; then take theirs / keep ours / keep both
// each do what they say, each is one entry in the case's trail, the chains verify, and the same
// package brought in again is recognised as already resolved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import { canonicalJson } from '../../electron/services/audit/canonicalJson';
import { dumpCase } from '../../electron/services/transfer/dumpCase';
import { idOfUuid } from '../../electron/services/transfer/schemaMap';
import type { TransferImportResult } from '../../shared/api/dto/archive';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import { createTeam, fail, login, ok, useBackend } from './judgments-helpers';
import { PHOTO } from './archive-helpers';
import { tempDir } from './db-helpers';
import { trustEachOther } from './signing-helpers';

type Pkg = { data: Uint8Array };
const photo = (n: number) => new Uint8Array([...PHOTO, n]);
const tablesOf = (b: Backend, id: number) => canonicalJson(dumpCase(b.db, id).tables);
const evidenceNames = async (b: Backend, caseId: number) => ok<{ fileName: string }[]>(await b.invoke('evidence.list', { caseId })).map((e) => e.fileName).sort();

describe('resolving transfer conflicts', () => {
  const office = useBackend('jihe-resolve-office-');
  let laptop: Backend;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('jihe-resolve-laptop-');
    laptop = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'laptop-user', now: () => new Date('2026-07-08T02:00:00Z') });
    trustEachOther(office.backend, laptop);
  });
  afterEach(() => {
    laptop.close();
    tmp.cleanup();
  });

  it('take theirs / keep ours / keep both, all-or-nothing, each recorded in the trail', async () => {
    const b = office.backend;
    await createTeam(b);
    await login(b, 'zhangming');
    const plan = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const cases: Case[] = [];
    for (const [name, code] of [['甲机械有限公司', '91350100M000100Y43'], ['乙贸易有限公司', '91350100M000300Y4J'], ['丙食品有限公司', '91350100M000500Y2U']]) {
      const e = ok<Employer>(await b.invoke('employers.create', { name, creditCode: code }));
      cases.push(ok<Case>(await b.invoke('cases.create', { employerId: e.id, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: plan.id, source: 'plan' })));
    }
    const [a, keep, both] = cases as [Case, Case, Case];
    ok(await laptop.invoke('transfer.importPackage', { data: ok<Pkg>(await b.invoke('transfer.exportCases', { caseIds: cases.map((c) => c.id) })).data }));
    const onLaptop = (c: Case) => idOfUuid(laptop.db, 'cases', dumpCase(b.db, c.id).uuid)!;

    // offline, both sides work on all three cases
    for (const [k, c] of cases.entries()) ok(await laptop.invoke('evidence.add', { caseId: onLaptop(c), fileName: `笔记本现场照片${k + 1}.jpg`, data: photo(10 + k), description: '笔记本上添加', kind: 'photo' }));
    ok(await b.invoke('figures.set', { caseId: a.id, asOf: '2026-07-15' }));
    ok(await b.invoke('evidence.add', { caseId: keep.id, fileName: '科室补充材料.jpg', data: photo(20), description: '科室添加', kind: 'copy' }));
    ok(await b.invoke('evidence.add', { caseId: both.id, fileName: '科室补充材料.jpg', data: photo(21), description: '科室添加', kind: 'copy' }));
    const pkg = ok<Pkg>(await laptop.invoke('transfer.exportCases', { caseIds: cases.map(onLaptop) })).data;
    const laptopTables = cases.map((c) => tablesOf(laptop, onLaptop(c)));

    await login(b, 'chenda');
    const first = ok<TransferImportResult>(await b.invoke('transfer.importPackage', { data: pkg }));
    expect(first).toMatchObject({ conflicts: 3, resolved: 0 });
    const before = cases.map((c) => canonicalJson(dumpCase(b.db, c.id)));
    const unchanged = () => expect(cases.map((c) => canonicalJson(dumpCase(b.db, c.id)))).toEqual(before);

    // the auditor may not resolve
    await login(b, 'zhangming');
    expect(fail(await b.invoke('transfer.resolveConflicts', { data: pkg, resolutions: [{ caseNumber: a.number, choice: 'ours' }] })).code).toBe('forbidden');
    await login(b, 'chenda');
    // a conflict without a choice: nothing is taken
    const missing = fail(await b.invoke('transfer.resolveConflicts', { data: pkg, resolutions: [{ caseNumber: a.number, choice: 'theirs' }, { caseNumber: keep.number, choice: 'ours' }] }));
    expect(missing).toMatchObject({ code: 'conflict' });
    expect(missing.message).toContain(`案件 ${both.number} 两个工作站都修改过，尚未选择处理方式`);
    unchanged();
    // taking theirs for a case whose evidence only we have would delete evidence: refused, and the
    // first case's choice (valid on its own) is not taken either
    const cannot = fail(
      await b.invoke('transfer.resolveConflicts', {
        data: pkg,
        resolutions: [
          { caseNumber: a.number, choice: 'theirs' },
          { caseNumber: keep.number, choice: 'theirs' },
          { caseNumber: both.number, choice: 'both' },
        ],
      }),
    );
    expect(cannot.message).toContain(`案件 ${keep.number} 不能按“采用交换包”处理：证据材料不能删除`);
    unchanged();

    const r = ok<TransferImportResult>(
      await b.invoke('transfer.resolveConflicts', {
        data: pkg,
        resolutions: [
          { caseNumber: a.number, choice: 'theirs' },
          { caseNumber: keep.number, choice: 'ours' },
          { caseNumber: both.number, choice: 'both' },
        ],
      }),
    );
    expect(r).toMatchObject({ conflicts: 0, resolved: 3 });
    expect(r.cases.map((c) => [c.caseNumber, c.outcome, c.message.split('：')[0]])).toEqual([
      [a.number, 'resolved', '采用交换包'],
      [keep.number, 'resolved', '保留本机'],
      [both.number, 'resolved', '两边都保留（作为更正）'],
    ]);
    // take theirs: the case's rows are the laptop's (its evidence in, our cut-off date gone)
    expect(tablesOf(b, a.id)).toBe(laptopTables[0]);
    expect(await evidenceNames(b, a.id)).toEqual(['笔记本现场照片1.jpg']);
    // keep ours: as it was
    expect(canonicalJson(dumpCase(b.db, keep.id).tables)).toBe(canonicalJson((JSON.parse(before[1]!) as { tables: unknown }).tables));
    expect(await evidenceNames(b, keep.id)).toEqual(['科室补充材料.jpg']);
    // keep both: our evidence and theirs
    expect(await evidenceNames(b, both.id)).toEqual(['科室补充材料.jpg', '笔记本现场照片3.jpg']);

    // each choice is the last entry of its case's trail, naming who chose, the package's head and its entries
    for (const [c, choice] of [[a, 'theirs'], [keep, 'ours'], [both, 'both']] as const) {
      const trail = listAudit(b.db, c.id);
      expect(verifyAuditChain(trail).ok).toBe(true);
      expect(ok<{ ok: boolean }>(await b.invoke('trail.verify', { caseId: c.id })).ok).toBe(true);
      const last = trail.at(-1)!;
      expect(last).toMatchObject({ action: 'transfer.resolve', actor: 'chenda', detail: { choice, incomingHead: dumpCase(laptop.db, onLaptop(c)).head } });
      expect(last.detail.theirEntries).toEqual([expect.objectContaining({ actor: 'laptop-user', action: 'evidence.add' })]);
    }
    expect(listAudit(b.db, keep.id).at(-1)!.detail.notTaken).toEqual(['证据材料“笔记本上添加”']);

    // the same package again: already resolved, nothing changes
    const after = cases.map((c) => canonicalJson(dumpCase(b.db, c.id)));
    const again = ok<TransferImportResult>(await b.invoke('transfer.importPackage', { data: pkg }));
    expect(again).toMatchObject({ conflicts: 0, unchanged: 3 });
    expect(again.cases[0]!.message).toContain('由 chenda 处理（采用交换包）');
    expect(cases.map((c) => canonicalJson(dumpCase(b.db, c.id)))).toEqual(after);
  }, 240_000);
});
