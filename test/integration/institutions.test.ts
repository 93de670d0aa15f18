// The institutions area through the backend (INSTITUTIONS.md §2, §6): a directory imported from
// a messy xlsx (title row, synonym headers), edited and deactivated; an institution check as a
// case of kind 'institution-check'; screening a generated month of claims as a job with
// progress; totals per rule; judgments in bulk by rule and by person (排除 needs a reason); only
// 认定 hits carry amounts; the hits as XLSX; the legal representative's ID masked for others.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { ApiResult } from '../../shared/api/contract';
import type { JobStatus } from '../../shared/api/dto';
import type { Institution, InstitutionCheck, ScreeningResultDto } from '../../shared/api/dto/institutions';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { toXlsx } from '../fixtures/employerFiles';
import { generateHospitalQuarter, writeCatalogXlsx, writeClaimsXlsx } from '../fixtures/hospital';
import { tempDir } from './db-helpers';
import { createUser, login } from './judgments-helpers';

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}
const code = (n: number) => {
  const first17 = `12130123MB${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

describe('institutions, checks and screening through the backend', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    tmp = tempDir('jihe-inst-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '李华' });
  });
  afterEach(async () => {
    await backend.close();
    tmp.cleanup();
  });

  it('imports the directory from a messy xlsx, edits, deactivates and opens a check', async () => {
    const template = ok<{ data: Uint8Array }>(await backend.invoke('institutions.template', {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template.data) as never);
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['统一社会信用代码', '名称', '所在地区']);

    const file = toXlsx([
      {
        name: '名录',
        rows: [
          ['某县定点医药机构名录（2024年）'],
          ['序号', '机构名称', '社会信用代码', '地区', '医保定点编码', '定点类别', '性质', '等级', '法定代表人', '法定代表人身份证号', '协议编号', '协议起始日期', '协议终止日期', '信用等级'],
          [1, '某县人民医院', code(1), '某县', 'H13012300001', '医疗机构', '公立', '二级甲等', '王建国', '130123197001010012', 'XY-2024-001', '2024/1/1', '2024年12月31日', 'A'],
          [2, '康泰大药房', code(2), '某县', 'P13012300002', '零售药店', '民营', '', '李芳', '', 'XY-2024-002', '20240101', '20241231', 'B级'],
          ['合计', '2 家'],
        ],
        merges: [],
      },
    ]);
    const imported = ok<{ created: number; updated: number }>(await backend.invoke('institutions.import', { fileName: '名录.xlsx', data: file }));
    expect(imported).toMatchObject({ created: 2, updated: 0 });
    const list = ok<Institution[]>(await backend.invoke('institutions.list', {}));
    const hospital = list.find((i) => i.name === '某县人民医院')!;
    expect(hospital).toMatchObject({ kind: 'hospital', ownership: '公立', agreementFrom: '2024-01-01', agreementTo: '2024-12-31', creditRating: 'A', legalRepId: '130123197001010012', legalRepIdMasked: false });
    expect(list.find((i) => i.name === '康泰大药房')).toMatchObject({ kind: 'pharmacy', creditRating: 'B' });

    // Re-importing updates by credit code; empty cells keep what the directory has.
    const again = toXlsx([{ name: '名录', rows: [['名称', '统一社会信用代码', '联系电话'], ['某县人民医院', code(1), '0311-8888']], merges: [] }]);
    expect(ok(await backend.invoke('institutions.import', { fileName: '补充.xlsx', data: again }))).toMatchObject({ created: 0, updated: 1 });
    expect(ok<Institution>(await backend.invoke('institutions.get', { id: hospital.id }))).toMatchObject({ phone: '0311-8888', legalRepName: '王建国', creditRating: 'A' });

    const bad = await backend.invoke('institutions.update', { id: hospital.id, changes: { kind: 'hospital', name: '某县人民医院', creditCode: code(1), agreementStatus: 'suspended' } });
    expect(bad.ok).toBe(false);
    const suspended = ok<Institution>(await backend.invoke('institutions.update', { id: hospital.id, changes: { ...hospital, agreementStatus: 'suspended', suspendedUntil: '2025-06-30' } }));
    expect(suspended).toMatchObject({ agreementStatus: 'suspended', suspendedUntil: '2025-06-30' });

    const check = ok<InstitutionCheck>(await backend.invoke('institutionChecks.create', { institutionId: hospital.id, periodFrom: '2024-01', periodTo: '2024-03', source: 'random' }));
    expect(check).toMatchObject({ institutionName: '某县人民医院', state: 'planned' });
    expect(ok<InstitutionCheck[]>(await backend.invoke('institutionChecks.list', { institutionId: hospital.id }))).toHaveLength(1);

    const pharmacy = list.find((i) => i.name === '康泰大药房')!;
    expect((await backend.invoke('institutions.deactivate', { id: pharmacy.id, reason: '' })).ok).toBe(false);
    ok(await backend.invoke('institutions.deactivate', { id: pharmacy.id, reason: '协议解除' }));
    expect(ok<Institution[]>(await backend.invoke('institutions.list', {})).map((i) => i.name)).toEqual(['某县人民医院']);
    expect((await backend.invoke('institutionChecks.create', { institutionId: pharmacy.id, periodFrom: '2024-01', periodTo: '2024-03' })).ok).toBe(false);
  });

  it('screens claims as a job, totals per rule, judges in bulk and exports the hits', async () => {
    const inst = ok<Institution>(await backend.invoke('institutions.create', { kind: 'hospital', name: '某县人民医院', creditCode: code(3), legalRepName: '王建国', legalRepId: '130123197001010012' }));
    const check = ok<InstitutionCheck>(await backend.invoke('institutionChecks.create', { institutionId: inst.id, periodFrom: '2024-01', periodTo: '2024-03' }));
    const q = generateHospitalQuarter(5, { visitsPerMonth: 150 });
    const claims = writeClaimsXlsx(q);
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('screening.start', { caseId: check.caseId, claims: [{ fileName: '结算明细.xlsx', data: claims.bytes }], catalog: { fileName: '目录.xlsx', data: writeCatalogXlsx() } }));
    const seen: number[] = [];
    let status: JobStatus;
    for (;;) {
      status = ok<JobStatus>(await backend.invoke('jobs.get', { jobId }));
      seen.push(status.progress);
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status.state, status.error ?? '').toBe('done');
    expect(seen.length).toBeGreaterThan(1);

    const result = ok<ScreeningResultDto>(await backend.invoke('screening.result', { caseId: check.caseId }));
    expect(result.run).toMatchObject({ paramsVersion: 1, rowsScreened: q.rows.length - q.refunds.length });
    expect(result.hits).toHaveLength(q.planted.length);
    expect(result.totals.R05).toEqual({ hits: 1, amount: '12.00', fundLoss: '8.41', pending: 0 });
    expect(result.confirmed.R05.hits).toBe(0);

    // 排除 needs a reason; bulk by rule and by person.
    expect((await backend.invoke('screening.judge', { caseId: check.caseId, verdict: 'excluded', rule: 'R04' })).ok).toBe(false);
    expect(ok(await backend.invoke('screening.judge', { caseId: check.caseId, verdict: 'confirmed', rule: 'R02' }))).toEqual({ judged: 2 });
    const r03 = result.hits.find((h) => h.rule === 'R03' && h.rows[0]!.sheet === '1月')!;
    // The man with the gynaecological exam: R02 and R03 on one row; excluding by person covers both.
    expect(ok(await backend.invoke('screening.judge', { caseId: check.caseId, verdict: 'excluded', reason: '系录入错误，已冲正', personId: r03.personId }))).toEqual({ judged: 2 });
    expect(ok(await backend.invoke('screening.judge', { caseId: check.caseId, verdict: 'confirmed', rule: 'R05' }))).toEqual({ judged: 1 });
    const after = ok<ScreeningResultDto>(await backend.invoke('screening.result', { caseId: check.caseId }));
    expect(after.confirmed.R02).toEqual({ hits: 1, amount: '4.00', fundLoss: after.hits.find((h) => h.rule === 'R02' && h.verdict === 'confirmed')!.fundLoss, pending: 0 });
    expect(after.confirmed.R05).toEqual({ hits: 1, amount: '12.00', fundLoss: '8.41', pending: 0 });
    expect(after.hits.filter((h) => h.verdict === 'excluded').map((h) => h.reason)).toEqual(['系录入错误，已冲正', '系录入错误，已冲正']);

    const x = ok<{ fileName: string; data: Uint8Array }>(await backend.invoke('screening.xlsx', { caseId: check.caseId }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '疑点明细']);
    expect(wb.getWorksheet('疑点明细')!.rowCount).toBe(q.planted.length + 1);
    const r05 = wb.getWorksheet('汇总')!.getRow(7).values as unknown[];
    expect(r05.slice(1, 10)).toEqual(['R05', '超限定频次', 1, 12, 8.41, 0, 1, 12, 8.41]);
  });

  it('shows the legal representative’s ID to inspectors only', async () => {
    const inst = ok<Institution>(await backend.invoke('institutions.create', { kind: 'pharmacy', name: '康泰大药房', creditCode: code(4), legalRepName: '李芳', legalRepId: '130123198503150027' }));
    expect(inst.legalRepId).toBe('130123198503150027');
    await createUser(backend, 'admin', 'auditor', '管理员');
    await login(backend, 'admin');
    await createUser(backend, 'zhangming', 'auditor', '张明');
    await createUser(backend, 'archivist', 'archivist', '档案员');
    await login(backend, 'archivist');
    expect(ok<Institution>(await backend.invoke('institutions.get', { id: inst.id }))).toMatchObject({ legalRepId: '1301**********0027', legalRepIdMasked: true });
    expect(ok<Institution[]>(await backend.invoke('institutions.list', {}))[0]!.legalRepId).toBe('1301**********0027');
    await login(backend, 'zhangming');
    expect(ok<Institution>(await backend.invoke('institutions.get', { id: inst.id }))).toMatchObject({ legalRepId: '130123198503150027', legalRepIdMasked: false });
  });
});
