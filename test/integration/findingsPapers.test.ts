// The working papers' read methods on the worked example (DOMAIN.md §6.5) through backend.invoke:
// the derivation of 甲's under-declared finding writes out 720.088 → 720.09 and the late fee
// 1,611.18 × 0.05% × 350天 = 281.9565 → 281.96; the what-if compares without storing anything;
// the sign-off state says who may approve and why not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/services/backend';
import type { Case, ComputeResultDto, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import type { FindingDerivation, SignOffState, WhatIfComparison } from '../../shared/api/dto/findings';
import { discrepancyKey } from '../../shared/domain/findingPapers';
import { createUser, fail, login, ok, useBackend } from './judgments-helpers';

const FIXTURES = path.resolve('test/fixtures/worked-example');
const JIA = '110105198001010016';
const YI = '110105198503150027';
const DING = '110105197511110047';
const AS_OF = '2025-03-31';

async function workedExample(b: Backend, declarations = readFileSync(path.join(FIXTURES, 'declarations.csv'))): Promise<Case> {
  const employer = ok<Employer>(await b.invoke('employers.create', { name: '示例机械制造有限公司', creditCode: '91350100M000100Y43' }));
  const plan = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
  const c = ok<Case>(await b.invoke('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'lead' }));
  const files: ['payroll' | 'declaration', string, Uint8Array][] = [
    ['payroll', 'payroll.xlsx', new Uint8Array(readFileSync(path.join(FIXTURES, 'payroll.xlsx')))],
    ['declaration', 'declarations.csv', new Uint8Array(declarations)],
  ];
  for (const [kind, fileName, data] of files) {
    const { jobId } = ok<{ jobId: string }>(await b.invoke('imports.start', { caseId: c.id, kind, fileName, data }));
    await b.jobSettled(jobId);
    const s = ok<JobStatus>(await b.invoke('jobs.get', { jobId }));
    if (s.state !== 'done') throw new Error(`import failed: ${s.error}`);
  }
  return c;
}

describe('working papers: derivation, what-if, sign-off', () => {
  const env = useBackend('jihe-papers-');

  it("writes out 甲's under-declared finding with the plan's terms, sources and exact arithmetic", async () => {
    const c = await workedExample(env.backend);
    const d = ok<FindingDerivation>(await env.backend.invoke('findings.derivation', { caseId: c.id, asOf: AS_OF, key: `under-declared:${JIA}:2024-03` }));
    expect(d).toMatchObject({ name: '甲', kindName: '少报基数', planPeriod: '2024-01～2024-12', basis: '9500.55', total: '1611.18' });
    expect(d.lateFee).toEqual({ dueDate: '2024-04-15', days: 350, dailyRate: '0.0005', cap: 'none', capped: false, amount: '281.96' });
    const pension = d.insurances.find((i) => i.code === 'pension')!;
    expect(pension).toMatchObject({ floor: '4000.00', ceiling: '20000.00', employerRate: '0.16', shortfall: '4500.55', employer: '720.09', employee: '360.04' });
    const texts = d.steps.map((s) => `${s.label}：${s.text}`);
    expect(texts).toContain('基本养老保险 单位补缴：少报 4,500.55 × 16% = 720.088 → 720.09');
    expect(texts).toContain('生育保险 单位补缴：少报 4,500.55 × 0.8% = 36.0044 → 36.00');
    expect(texts).toContain('本行合计：单位 1,138.63 + 个人 472.55 = 1,611.18');
    expect(texts).toContain('滞纳金：滞纳金 1,611.18 × 0.05% × 350天 = 281.9565 → 281.96');
    expect(d.sources.filter((s) => s.side === 'payroll')).toHaveLength(2);
    expect(d.sources.filter((s) => s.side === 'declaration').map((s) => [s.fileName, s.row])).toEqual([['declarations.csv', 2]]);
  });

  it('explains 乙 (payroll only, floor), 丁 (declared only) and refuses unknown findings in Chinese', async () => {
    const c = await workedExample(env.backend);
    const yi = ok<FindingDerivation>(await env.backend.invoke('findings.derivation', { caseId: c.id, asOf: AS_OF, key: `payroll-only:${YI}:2024-03` }));
    expect(yi.steps[0]!.text).toContain('缴费申报明细中没有此人');
    expect(yi.steps.map((s) => s.text)).toContain('应缴基数 4,000.00（低于下限 4,000.00，按下限）− 申报基数 0.00 = 少报 4,000.00');
    expect(yi.lateFee?.amount).toBe('250.60');
    const ding = ok<FindingDerivation>(await env.backend.invoke('findings.derivation', { caseId: c.id, asOf: AS_OF, key: `declared-only:${DING}:2024-03` }));
    expect(ding).toMatchObject({ name: '丁', total: null, sources: [{ side: 'declaration', row: 4 }] });
    expect(fail(await env.backend.invoke('findings.derivation', { caseId: c.id, asOf: AS_OF, key: `under-declared:${YI}:2024-03` }))).toMatchObject({ code: 'not-found', message: expect.stringContaining('少报基数') });
    expect(fail(await env.backend.invoke('findings.derivation', { caseId: c.id, asOf: AS_OF, key: 'discrepancy:x' })).code).toBe('invalid-input');
  });

  it('derives a rate/amount discrepancy from the declared base and the plan rates', async () => {
    // 甲 declared with a wrong employer amount: 5,000.00 × (16% + 8% + 0.8% + 0.5%) = 1,265.00 expected.
    const csv = '姓名,身份证号码,费款所属期,缴费基数,单位缴费金额,个人缴费金额\n甲,110105198001010016,202403,5000.00,1200.00,525.00\n丙,110105199007200034,202403,20000.00,5060.00,2100.00\n';
    const c = await workedExample(env.backend, Buffer.from(csv, 'utf8'));
    const result = ok<ComputeResultDto>(await env.backend.invoke('results.compute', { caseId: c.id, asOf: AS_OF }));
    const disc = result.discrepancies.find((x) => x.personId === JIA && x.side === 'employer')!;
    expect(disc).toMatchObject({ expected: '1265.00', declaredAmount: '1200.00' });
    const d = ok<FindingDerivation>(await env.backend.invoke('findings.derivation', { caseId: c.id, asOf: AS_OF, key: discrepancyKey(disc) }));
    expect(d.steps.map((s) => s.text)).toEqual([
      '申报基数 5,000.00 × 16% = 800.00',
      '申报基数 5,000.00 × 8% = 400.00',
      '申报基数 5,000.00 × 0.8% = 40.00',
      '申报基数 5,000.00 × 0.5% = 25.00',
      '800.00 + 400.00 + 40.00 + 25.00 = 1,265.00',
      '申报金额 1,200.00 − 应缴 1,265.00 = -65.00',
    ]);
  });

  it('what-if: another as-of date and the principal cap, side by side, storing nothing', async () => {
    const c = await workedExample(env.backend);
    const w = ok<WhatIfComparison>(await env.backend.invoke('findings.whatIf', { caseId: c.id, asOf: AS_OF, whatIfAsOf: '2024-06-30', lateFeeCap: 'principal' }));
    expect(w.current).toMatchObject({ asOf: AS_OF, lateFeeCap: 'none', baseRuleName: '按月（当月应发工资）', rows: 2 });
    expect(w.current.totals).toEqual({ employer: '2150.63', employee: '892.55', backPay: '3043.18', lateFee: '532.56', total: '3575.74' });
    // 2024-04-15 → 2024-06-30 is 76 days: 1,611.18 × 0.0005 × 76 = 61.22484 → 61.22; 1,432.00 × … = 54.416 → 54.42.
    expect(w.whatIf.totals).toEqual({ employer: '2150.63', employee: '892.55', backPay: '3043.18', lateFee: '115.64', total: '3158.82' });
    expect(w.difference).toEqual({ employer: '0.00', employee: '0.00', backPay: '0.00', lateFee: '-416.92', total: '-416.92' });
    const again = ok<ComputeResultDto>(await env.backend.invoke('results.compute', { caseId: c.id, asOf: AS_OF }));
    expect(again.totals.total).toBe('3575.74');
  });

  it('sign-off state: who prepared, who may approve, and why not', async () => {
    await createUser(env.backend, 'admin', 'admin', '管理员');
    await login(env.backend, 'admin');
    await createUser(env.backend, 'zhangsan', 'auditor', '张三');
    await createUser(env.backend, 'lisi', 'section-head', '李四');
    await createUser(env.backend, 'wangwu', 'section-head', '王五');
    await login(env.backend, 'zhangsan');
    const c = await workedExample(env.backend);
    const asAuditor = ok<SignOffState>(await env.backend.invoke('findings.signOff', { caseId: c.id }));
    expect(asAuditor).toMatchObject({ canApprove: false, preparer: { username: 'zhangsan', displayName: '张三' }, reason: '只有科室负责人可以审核稽核结论（当前用户为稽核员）' });

    await login(env.backend, 'lisi');
    expect(ok<SignOffState>(await env.backend.invoke('findings.signOff', { caseId: c.id }))).toMatchObject({ canApprove: true, reason: null });
    ok(await env.backend.invoke('findings.judge', { caseId: c.id, key: `under-declared:${JIA}:2024-03`, decision: 'accepted' }));
    const own = ok<SignOffState>(await env.backend.invoke('findings.signOff', { caseId: c.id }));
    expect(own).toMatchObject({ canApprove: false, preparer: { username: 'lisi' }, reason: expect.stringContaining('不能审核本人参与办理的案件：您在本案中认定问题') });

    await login(env.backend, 'zhangsan');
    ok(await env.backend.invoke('findings.judge', { caseId: c.id, key: `under-declared:${JIA}:2024-03`, decision: 'accepted', note: '复核无误' }));
    // Segregation of duties: having judged once, lisi stays out of this case's approval for good.
    await login(env.backend, 'lisi');
    expect(ok<SignOffState>(await env.backend.invoke('findings.signOff', { caseId: c.id }))).toMatchObject({ canApprove: false, preparer: { username: 'zhangsan' } });
    await login(env.backend, 'wangwu');
    ok(await env.backend.invoke('approvals.approve', { caseId: c.id, asOf: AS_OF }));
    const approved = ok<SignOffState>(await env.backend.invoke('findings.signOff', { caseId: c.id }));
    expect(approved).toMatchObject({ status: { approved: true, approvedBy: 'wangwu', changedAfterReview: false }, approvedByName: '王五', canApprove: false, reason: '已由 王五 审核，此后没有变更' });

    await login(env.backend, 'zhangsan');
    ok(await env.backend.invoke('findings.judge', { caseId: c.id, key: `payroll-only:${YI}:2024-03`, decision: 'exempted', reason: 'student-intern' }));
    const changed = ok<SignOffState>(await env.backend.invoke('findings.signOff', { caseId: c.id }));
    expect(changed.status).toMatchObject({ approved: true, changedAfterReview: true });
  });
});
