// The annual plan through the backend (issue 11): a case's team picked from the inspector
// directory (conflicts and inactive inspectors refused) and printed from it on the case facts
// every document reads; the year's checks counted by source and state with progress; and its
// publication (task list, plan, results) as XLSX and PDF, refused when an insured person's name
// slips in.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { listAudit } from '../../electron/services/audit/auditLog';
import { storeImport } from '../../electron/services/db/storeImport';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import type { AnnualPlan } from '../../shared/api/dto/annualPlan';
import type { Inspector } from '../../shared/api/dto/office';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { tempDir } from './db-helpers';

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
function fail(r: ApiResult<unknown>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}
const code = (n: number) => {
  const first = `9141090${String(n).padStart(10, '0')}`;
  return first + creditCodeCheckChar(first);
};

describe('annual plan, case teams and yearly publication', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;

  beforeEach(() => {
    tmp = tempDir('jihe-plan-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '科长甲', now: () => new Date('2026-03-05T02:00:00Z') });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('takes a case team from the directory, counts the year by source and state, and publishes without personal data', async () => {
    const employers: Employer[] = [];
    for (let i = 1; i <= 3; i++) employers.push(ok<Employer>(await backend.invoke('employers.create', { name: `濮阳市某某${i}号有限公司`, creditCode: code(i) })));
    const inspectors: Inspector[] = [];
    for (const [name, credential] of [['张伟', '豫濮医保执0001'], ['王芳', '豫濮医保执0002'], ['李娜', '豫濮医保执0003']]) inspectors.push(ok<Inspector>(await backend.invoke('inspectors.create', { name, credential })));
    ok(await backend.invoke('conflicts.add', { inspectorId: inspectors[2]!.id, targetKind: 'employer', creditCode: code(1), reason: '曾在该单位任职' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const cases: Case[] = [];
    for (const [i, source] of [[0, 'plan'], [1, 'tip-off'], [2, 'tip-off']] as const) cases.push(ok<Case>(await backend.invoke('cases.create', { employerId: employers[i]!.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plan.id, source })));

    // The team: conflicts refused; the documents' case facts print names and 执法证号 from the directory.
    expect(fail(await backend.invoke('cases.setTeam', { caseId: cases[0]!.id, inspectorIds: [inspectors[0]!.id, inspectors[2]!.id] })).message).toContain('李娜（豫濮医保执0003）与被检查对象有回避关系');
    ok(await backend.invoke('caseFacts.set', { caseId: cases[0]!.id, facts: { auditors: [{ name: '手填甲', credentialNo: 'X1' }], employerAttendees: [] } }));
    ok(await backend.invoke('cases.setTeam', { caseId: cases[0]!.id, inspectorIds: [inspectors[1]!.id, inspectors[0]!.id] }));
    const facts = ok<{ facts: { auditors: unknown[] } }>(await backend.invoke('caseFacts.get', { caseId: cases[0]!.id }));
    expect(facts.facts.auditors).toEqual([
      { name: '王芳', credentialNo: '豫濮医保执0002' },
      { name: '张伟', credentialNo: '豫濮医保执0001' },
    ]);
    ok(await backend.invoke('inspectors.setActive', { id: inspectors[1]!.id, active: false, reason: '调离' }));
    expect(fail(await backend.invoke('cases.setTeam', { caseId: cases[1]!.id, inspectorIds: [inspectors[1]!.id, inspectors[0]!.id] })).message).toContain('已停用');
    expect(listAudit(backend.db, cases[0]!.id).find((a) => a.action === 'case.team')!.detail).toMatchObject({ after: ['王芳（豫濮医保执0002）', '张伟（豫濮医保执0001）'] });

    backend.db.prepare("UPDATE cases SET state = 'closed-no-finding' WHERE id = ?").run(cases[2]!.id);
    const p = ok<AnnualPlan>(await backend.invoke('plan.year', { year: 2026 }));
    expect(p).toMatchObject({ total: 3, started: 1, finished: 1, counts: { plan: { planned: 1 }, 'tip-off': { planned: 1, 'closed-no-finding': 1 } } });
    expect(p.rows[0]!.team.map((t) => t.credential)).toEqual(['豫濮医保执0002', '豫濮医保执0001']);

    const xlsx = ok<{ fileName: string; data: Uint8Array }>(await backend.invoke('plan.publication', { year: 2026, kind: 'plan', format: 'xlsx' }));
    expect(xlsx.fileName).toBe('年度稽核计划_2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as never);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '检查对象', '统一社会信用代码', '来源', '检查期间', '检查人员（执法证号）']);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['1', '濮阳市某某1号有限公司', code(1), '年度计划', '2024-01～2024-12', '王芳（豫濮医保执0002）、张伟（豫濮医保执0001）']);
    const results = ok<{ data: Uint8Array }>(await backend.invoke('plan.publication', { year: 2026, kind: 'results', format: 'pdf' }));
    expect(new TextDecoder().decode(results.data.slice(0, 5))).toBe('%PDF-');
    ok(await backend.invoke('plan.publication', { year: 2026, kind: 'tasks', format: 'xlsx' }));

    // An insured person named like an inspector on the list: the export is refused.
    storeImport(backend.db, { caseId: cases[1]!.id, kind: 'declaration', fileName: '申报.xlsx', bytes: new Uint8Array([1]), sha256: 'e'.repeat(64), report: { issues: [], rowsLeftOut: 0 } as never, payroll: [], declarations: [{ personId: '410901199001011234', name: '王芳', month: '2024-01', insurance: null, baseFen: 400000, source: { fileId: 0, fileName: '申报.xlsx', sheet: 'S', row: 2 } }] }, { actor: 't', at: 'now' });
    const refused = fail(await backend.invoke('plan.publication', { year: 2026, kind: 'plan', format: 'pdf' }));
    expect(refused.message).toContain('参保人员姓名“王芳”');
    expect(listAudit(backend.db, null).filter((a) => a.action === 'plan.publish')).toHaveLength(3);
  });
});
