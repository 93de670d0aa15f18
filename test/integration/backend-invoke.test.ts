// The backend through its one entry point, invoke(method, rawInput), as the renderer calls it:
// inputs checked against the contract with Chinese answers, a case created, the worked example
// imported as real files through jobs, computed to the fen, and the audit notice issued with a
// number that a failed generation never consumes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, ComputeResultDto, DocumentSummary, Employer, JobStatus, RatePlanSummary, CaseDetail } from '../../shared/api/dto';
import { ROOT, tableCounts, tempDir, fillAgencyProfile } from './db-helpers';

const W = path.join(ROOT, 'test/fixtures/worked-example');
const PAYROLL = readFileSync(path.join(W, 'payroll.xlsx'));
const DECLARATIONS = readFileSync(path.join(W, 'declarations.csv'));
const PLAN_TEXT = readFileSync(path.join(W, 'plan.json'), 'utf8');

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

function fail(r: ApiResult<unknown>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

const NOTICE = {
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
};

describe('backend invoke', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;

  async function runJob(jobId: string): Promise<JobStatus> {
    await backend.jobSettled(jobId);
    return ok<JobStatus>(await backend.invoke('jobs.get', { jobId }));
  }

  async function importFile(caseId: number, kind: 'payroll' | 'declaration', fileName: string, data: Uint8Array, leaveOutErrorRows?: boolean): Promise<JobStatus> {
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId, kind, fileName, data, ...(leaveOutErrorRows === undefined ? {} : { leaveOutErrorRows }) }));
    return runJob(jobId);
  }

  async function workedCase(): Promise<Case> {
    const employer = ok<Employer>(await backend.invoke('employers.create', { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    return ok<Case>(await backend.invoke('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'tip-off' }));
  }

  beforeEach(() => {
    tmp = tempDir('jihe-backend-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '张明', now: () => new Date('2026-07-01T02:00:00Z') });
    fillAgencyProfile(backend.db);
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('answers app.info and refuses unknown methods without throwing', async () => {
    expect(ok(await backend.invoke('app.info', {}))).toMatchObject({ dataDir: tmp.dir, runtime: 'harness', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(fail(await backend.invoke('employers.drop', {}))).toMatchObject({ code: 'unknown-method', message: '未知的调用：employers.drop' });
    expect(fail(await backend.invoke('cases.get', 'not an object')).code).toBe('invalid-input');
  });

  it('validates input against the contract and answers in Chinese with the field', async () => {
    const e1 = fail(await backend.invoke('employers.create', { creditCode: '91350100M000100Y43' }));
    expect(e1.code).toBe('invalid-input');
    expect(e1.message).toMatch(/^输入有误：名称：缺少此项/);
    expect(e1.details).toEqual([{ path: '名称', message: '缺少此项' }]);

    const e2 = fail(await backend.invoke('cases.create', { employerId: 1, periodFrom: '2024-13', periodTo: '2024-03', ratePlanId: 1, source: 'plan' }));
    expect(e2.message).toContain('稽核期间开始月：月份应为 YYYY-MM');

    const e3 = fail(await backend.invoke('documents.generateNotice', { ...NOTICE, caseId: 1, auditors: [NOTICE.auditors[0]] }));
    expect(e3.message).toContain('实地稽核至少需要两名稽核人员');
  });

  it('checks credit codes with GB 32100 and refuses a second employer with the same code', async () => {
    const bad = fail(await backend.invoke('employers.create', { name: '某公司', creditCode: '91350100M000100Y44' }));
    expect(bad).toMatchObject({ code: 'invalid-input', message: '统一社会信用代码校验位不正确（第18位应为 3）', details: [{ path: 'creditCode' }] });
    const e = ok<Employer>(await backend.invoke('employers.create', { name: '某公司', creditCode: ' 91110000600037341l ' }));
    expect(e.creditCode).toBe('91110000600037341L');
    expect(fail(await backend.invoke('employers.create', { name: '另一公司', creditCode: '91110000600037341L' }))).toMatchObject({ code: 'conflict', message: expect.stringContaining('已登记为“某公司”') });
    expect(ok<Employer[]>(await backend.invoke('employers.list', {}))).toHaveLength(1);
  });

  it('lists the shipped example plans and refuses a plan with overlapping periods, storing nothing', async () => {
    const plans = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {}));
    expect(plans.length).toBeGreaterThanOrEqual(2);
    expect(plans.every((p) => p.example)).toBe(true);
    const before = tableCounts(backend.db);

    const plan = JSON.parse(PLAN_TEXT) as { name: string; periods: { from: string; to: string }[] };
    plan.name = '某市 2024（有重叠）';
    plan.periods.push({ ...plan.periods[0]!, from: '2024-07', to: '2025-06' });
    const e = fail(await backend.invoke('ratePlans.import', { json: JSON.stringify(plan, null, 2) }));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toContain('期间 2024-07～2025-06 与期间 2024-01～2024-12 重叠');
    expect(e.details?.[0]?.path).toMatch(/第2个期间/);
    expect(tableCounts(backend.db)).toEqual(before);

    const syntax = fail(await backend.invoke('ratePlans.import', { json: '{"name": "x",' }));
    expect(syntax.code).toBe('invalid-input');
    expect(syntax.message).toMatch(/缴费方案有误/);

    const fresh = { ...JSON.parse(PLAN_TEXT), name: '某市 2024' } as Record<string, unknown>;
    const stored = ok<RatePlanSummary>(await backend.invoke('ratePlans.import', { json: JSON.stringify(fresh) }));
    expect(stored).toMatchObject({ name: '某市 2024', example: false, from: '2024-01', to: '2024-12', baseRule: 'monthly' });
    expect(fail(await backend.invoke('ratePlans.import', { json: JSON.stringify(fresh) })).code).toBe('conflict');
  });

  it('numbers cases per year and refuses a period the plan does not cover', async () => {
    const c1 = await workedCase();
    expect(c1).toMatchObject({ number: '稽〔2026〕1号', state: 'planned', employerName: '示例市某某机械制造有限公司', ratePlanName: '示例地区 2024' });
    const c2 = ok<Case>(await backend.invoke('cases.create', { employerId: c1.employerId, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: c1.ratePlanId, source: 'plan' }));
    expect(c2.number).toBe('稽〔2026〕2号');
    const e = fail(await backend.invoke('cases.create', { employerId: c1.employerId, periodFrom: '2023-11', periodTo: '2024-02', ratePlanId: c1.ratePlanId, source: 'plan' }));
    expect(e).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('2023年11月～2023年12月') });
    expect(ok<Case[]>(await backend.invoke('cases.list', { employerId: c1.employerId })).map((c) => c.number)).toEqual(['稽〔2026〕2号', '稽〔2026〕1号']);
    expect(fail(await backend.invoke('cases.get', { caseId: 99 }))).toMatchObject({ code: 'not-found' });
  });

  it('imports the worked example as jobs, refuses the same file twice, and computes it to the fen', async () => {
    const c = await workedCase();
    const notReady = fail(await backend.invoke('results.compute', { caseId: c.id, asOf: '2025-03-31' }));
    expect(notReady).toMatchObject({ code: 'not-ready', message: expect.stringContaining('尚未导入工资表') });

    const p = await importFile(c.id, 'payroll', '2024年3月工资表.xlsx', PAYROLL);
    expect(p).toMatchObject({ state: 'done', progress: 1, error: null });
    expect(p.sourceFileId).toBeGreaterThan(0);
    expect(p.report?.rowsTaken).toBe(4);
    const d = await importFile(c.id, 'declaration', '申报明细.csv', DECLARATIONS);
    expect(d.state).toBe('done');

    const again = await importFile(c.id, 'payroll', '改名后的工资表.xlsx', PAYROLL);
    expect(again.state).toBe('failed');
    expect(again.error).toMatch(/^该文件已导入（2024年3月工资表\.xlsx，2026-07-01 02:00:00 由 张明 导入）/);

    const detail = ok<CaseDetail>(await backend.invoke('cases.get', { caseId: c.id }));
    expect(detail.files.map((f) => [f.kind, f.fileName, f.rows])).toEqual([
      ['payroll', '2024年3月工资表.xlsx', 4],
      ['declaration', '申报明细.csv', 3],
    ]);

    const r = ok<ComputeResultDto>(await backend.invoke('results.compute', { caseId: c.id, asOf: '2025-03-31' }));
    expect(r.totals).toEqual({ employer: '2150.63', employee: '892.55', backPay: '3043.18', lateFee: '532.56', total: '3575.74' });
    expect(r.lines).toBe(2);
    expect(r.months[0]).toMatchObject({ payrollHeadcount: 3, declaredHeadcount: 3, payrollOnly: 1, declaredOnly: 1 });
    const jia = r.rows.find((x) => x.name === '甲')!;
    expect(jia.payrollSources).toEqual([
      { fileId: p.sourceFileId, fileName: '2024年3月工资表.xlsx', sheet: '2024年3月', row: 3 },
      { fileId: p.sourceFileId, fileName: '2024年3月工资表.xlsx', sheet: '2024年3月', row: 6 },
    ]);

    const audit = listAudit(backend.db, c.id);
    expect(audit.map((a) => a.action)).toEqual(['case.create', 'import.store', 'import.store']);
    expect(verifyAuditChain(audit).ok).toBe(true);
  });

  it('refuses a file with a bad row and stores nothing, unless told to leave the row out', async () => {
    const c = await workedCase();
    const before = tableCounts(backend.db);
    const csv = Buffer.from('姓名,身份证号码,工资月份,应发工资\n甲,110105198001010016,2024-03,9500.55\n乙,110105198503150027,2024-03,三千\n丙,110105199007200034,2024-03,25000\n', 'utf8');
    const refused = await importFile(c.id, 'payroll', '工资.csv', csv);
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatch(/工资表“工资\.csv”中有 1 行无法读取，整个文件未导入（工资\.csv，第 3 行，D 列/);
    expect(refused.report?.issues.some((i) => i.severity === 'error' && i.row === 3)).toBe(true);
    expect(refused.sourceFileId).toBeNull();
    expect(tableCounts(backend.db)).toEqual(before);

    const taken = await importFile(c.id, 'payroll', '工资.csv', csv, true);
    expect(taken.state).toBe('done');
    expect(ok<CaseDetail>(await backend.invoke('cases.get', { caseId: c.id })).files[0]).toMatchObject({ rows: 2, report: { rowsLeftOut: 1 } });

    const noId = await importFile(c.id, 'payroll', '无身份证.csv', Buffer.from('姓名,工资月份,应发工资\n甲,2024-03,100\n'), true);
    expect(noId.state).toBe('failed');
    expect(noId.error).toMatch(/无法导入/);
  });

  it('refuses imports into an archived case', async () => {
    const c = await workedCase();
    backend.db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(c.id);
    const e = fail(await backend.invoke('imports.start', { caseId: c.id, kind: 'payroll', fileName: 'a.xlsx', data: PAYROLL }));
    expect(e).toMatchObject({ code: 'forbidden', message: `案件 ${c.number} 已归档，不能修改` });
  });

  it('cancels a running import and stores nothing', async () => {
    const c = await workedCase();
    const before = tableCounts(backend.db);
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId: c.id, kind: 'payroll', fileName: 'p.xlsx', data: PAYROLL }));
    expect(ok(await backend.invoke('jobs.cancel', { jobId }))).toEqual({ cancelled: true });
    const s = await runJob(jobId);
    expect(s.state).toBe('cancelled');
    expect(ok(await backend.invoke('jobs.cancel', { jobId }))).toEqual({ cancelled: false });
    expect(tableCounts(backend.db)).toEqual(before);
    expect(fail(await backend.invoke('jobs.get', { jobId: 'nope' })).code).toBe('not-found');
  });

  it('issues audit notices with per-year numbers; a refused generation consumes no number', async () => {
    const c = await workedCase();
    const d1 = ok<DocumentSummary>(await backend.invoke('documents.generateNotice', { ...NOTICE, caseId: c.id }));
    expect(d1).toMatchObject({ caseId: c.id, type: 'audit-notice', title: '稽核通知书', number: '示医保稽通〔2026〕1号', status: 'issued' });
    expect(d1.pages).toBeGreaterThanOrEqual(1);

    const tooSoon = fail(await backend.invoke('documents.generateNotice', { ...NOTICE, caseId: c.id, onsiteDate: '2026-07-02' }));
    expect(tooSoon.code).toBe('invalid-input');
    expect(tooSoon.message).toMatch(/至少提前3天/);

    const d2 = ok<DocumentSummary>(await backend.invoke('documents.generateNotice', { ...NOTICE, caseId: c.id }));
    expect(d2.number).toBe('示医保稽通〔2026〕2号');

    const pdf = ok<{ fileName: string; data: Uint8Array }>(await backend.invoke('documents.pdf', { documentId: d1.id }));
    expect(pdf.fileName).toBe('稽核通知书_示医保稽通〔2026〕1号.pdf');
    expect(Buffer.from(pdf.data.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(ok<CaseDetail>(await backend.invoke('cases.get', { caseId: c.id })).documents.map((d) => d.number)).toEqual(['示医保稽通〔2026〕1号', '示医保稽通〔2026〕2号']);
    const audit = listAudit(backend.db, c.id);
    expect(audit.filter((a) => a.action === 'document.issue').map((a) => a.detail.number)).toEqual(['示医保稽通〔2026〕1号', '示医保稽通〔2026〕2号']);
    expect(() => backend.db.prepare("UPDATE documents SET number = 'x' WHERE id = ?").run(d1.id)).toThrow(/已签发的文书不能修改/);
  });
});
