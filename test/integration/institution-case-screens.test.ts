// An institution check on the case screens of the one engine (issue 12): cases.list and
// cases.get show it beside employer audits (no employer, the institution as its target), the
// workflow offers its own step names and holds 汇总 / 处理 on the claims screening, evidence and
// the trail work as for any case, the documents offer no employer-audit kind, and the
// contribution figures refuse it with a Chinese reason instead of failing on a missing employer.
import { describe, expect, it } from 'vitest';
import type { Case, CaseDetail, JobStatus } from '../../shared/api/dto';
import type { Institution, InstitutionCheck, ScreeningResultDto } from '../../shared/api/dto/institutions';
import type { WorkflowStatus } from '../../shared/api/dto/workflow';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { generateHospitalQuarter, writeCatalogXlsx, writeClaimsXlsx } from '../fixtures/hospital';
import { createCase } from './db-helpers';
import { fail, ok, useBackend } from './judgments-helpers';

const code = (n: number) => {
  const first17 = `12130123MB${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

describe('an institution check on the case screens', () => {
  const env = useBackend('jihe-inst-case-');

  it('lists, opens and moves an institution check beside an employer audit', async () => {
    const b = env.backend;
    const audit = createCase(b.db);
    const inst = ok<Institution>(await b.invoke('institutions.create', { kind: 'hospital', name: '某县人民医院', creditCode: code(7), address: '某县健康路 1 号', contact: '张医生', phone: '0311-1234' }));
    const check = ok<InstitutionCheck>(await b.invoke('institutionChecks.create', { institutionId: inst.id, periodFrom: '2024-01', periodTo: '2024-03', source: 'random' }));

    const all = ok<Case[]>(await b.invoke('cases.list', {}));
    expect(all.map((c) => [c.kind, c.target.kind, c.target.name])).toEqual([
      ['institution-check', 'institution', '某县人民医院'],
      ['employer-audit', 'employer', '示例市某某机械制造有限公司'],
    ]);
    const listed = all.find((c) => c.id === check.caseId)!;
    expect(listed).toMatchObject({ employerId: null, employerName: null, ratePlanId: null, institutionId: inst.id, state: 'planned', source: 'random' });
    expect(ok<Case[]>(await b.invoke('cases.list', { institutionId: inst.id })).map((c) => c.id)).toEqual([check.caseId]);
    expect(ok<Case[]>(await b.invoke('cases.list', { kind: 'employer-audit' })).map((c) => c.id)).toEqual([audit.caseId]);
    expect(ok<Case[]>(await b.invoke('cases.list', { employerId: audit.employerId })).map((c) => c.id)).toEqual([audit.caseId]);

    const detail = ok<CaseDetail>(await b.invoke('cases.get', { caseId: check.caseId }));
    expect(detail.employer).toBeNull();
    expect(detail.institution).toMatchObject({ id: inst.id, name: '某县人民医院', address: '某县健康路 1 号' });
    const auditDetail = ok<CaseDetail>(await b.invoke('cases.get', { caseId: audit.caseId }));
    expect(auditDetail.institution).toBeNull();
    expect(auditDetail.employer?.id).toBe(audit.employerId);

    // The employer-audit machinery refuses it by name, not with a crash on a missing employer.
    expect(fail(await b.invoke('figures.get', { caseId: check.caseId })).message).toContain('定点医药机构检查');
    expect(ok<unknown[]>(await b.invoke('documents.kinds', { caseId: check.caseId }))).toEqual([]);
    expect((ok<unknown[]>(await b.invoke('documents.kinds', { caseId: audit.caseId }))).length).toBeGreaterThan(5);

    // Workflow: its own step names, 汇总 held until the claims are screened.
    let wf = ok<WorkflowStatus>(await b.invoke('workflow.status', { caseId: check.caseId }));
    expect(wf.options.map((o) => o.label)).toEqual(['已送达监督检查通知书']);
    ok(await b.invoke('workflow.transition', { caseId: check.caseId, to: 'notified' }));
    wf = ok<WorkflowStatus>(await b.invoke('workflow.transition', { caseId: check.caseId, to: 'onsite' }));
    const toSummary = wf.options.find((o) => o.to === 'summarised')!;
    expect(toSummary).toMatchObject({ label: '现场检查结束，进入汇总', allowed: false, missing: ['尚未进行智能监控筛查'] });
    expect(fail(await b.invoke('workflow.transition', { caseId: check.caseId, to: 'summarised' })).message).toContain('尚未进行智能监控筛查');

    const q = generateHospitalQuarter(11, { visitsPerMonth: 30 });
    const { jobId } = ok<{ jobId: string }>(
      await b.invoke('screening.start', { caseId: check.caseId, claims: [{ fileName: '结算明细.xlsx', data: writeClaimsXlsx(q).bytes }], catalog: { fileName: '目录.xlsx', data: writeCatalogXlsx() } }),
    );
    let status: JobStatus;
    for (;;) {
      status = ok<JobStatus>(await b.invoke('jobs.get', { jobId }));
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status.state, status.error ?? '').toBe('done');
    const result = ok<ScreeningResultDto>(await b.invoke('screening.result', { caseId: check.caseId }));
    expect(result.hits).toHaveLength(q.planted.length);

    wf = ok<WorkflowStatus>(await b.invoke('workflow.transition', { caseId: check.caseId, to: 'summarised' }));
    const decide = wf.options.find((o) => o.to === 'concluded')!;
    expect(decide.label).toBe('作出处理决定');
    expect(decide.missing).toEqual([`还有 ${q.planted.length} 个疑点未认定或排除`]);
    // Judge all but one rule, then that rule 待核实: still held; 认定 then lets it through.
    const rules = [...new Set(result.hits.map((h) => h.rule))];
    for (const rule of rules) ok(await b.invoke('screening.judge', { caseId: check.caseId, verdict: 'pending', rule }));
    const pendingWf = ok<WorkflowStatus>(await b.invoke('workflow.status', { caseId: check.caseId }));
    expect(pendingWf.options.find((o) => o.to === 'concluded')!.missing).toEqual([`还有 ${q.planted.length} 个疑点待核实`]);
    for (const rule of rules) ok(await b.invoke('screening.judge', { caseId: check.caseId, verdict: 'confirmed', rule }));
    const ready = ok<WorkflowStatus>(await b.invoke('workflow.status', { caseId: check.caseId }));
    expect(ready.options.find((o) => o.to === 'concluded')).toMatchObject({ allowed: true, missing: [] });
    expect(ready.options.find((o) => o.to === 'closed-no-finding')!.missing).toEqual([`已认定 ${q.planted.length} 个违规疑点，不能无问题结案`]);
    ok(await b.invoke('workflow.transition', { caseId: check.caseId, to: 'concluded' }));

    // Evidence and the trail are the engine's own.
    ok(await b.invoke('evidence.add', { caseId: check.caseId, fileName: '病历.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), description: '住院病历首页', kind: 'photo' }));
    expect(ok<{ fileName: string }[]>(await b.invoke('evidence.list', { caseId: check.caseId })).map((e) => e.fileName)).toEqual(['病历.jpg']);
    const trail = ok<{ action: string }[]>(await b.invoke('trail.list', { caseId: check.caseId })).map((t) => t.action);
    expect(trail).toEqual(expect.arrayContaining(['case.create', 'case.transition', 'screening.run', 'screening.judge', 'evidence.add']));
    expect(ok<{ ok: boolean }>(await b.invoke('trail.verify', { caseId: check.caseId })).ok).toBe(true);

    const dash = ok<{ cases: { case: Case }[] }>(await b.invoke('workflow.dashboard', {}));
    expect(dash.cases.find((c) => c.case.id === check.caseId)!.case.target.name).toBe('某县人民医院');
  });
});
