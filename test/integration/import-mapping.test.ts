// The column-mapping screen's backend end to end through the real backend: the preview, the
// self-verifying import refusing likely-wrong mappings (total row, pay components, declared
// rates, unreadable rows) and an explicit override recorded in the report and the audit log,
// templates saved and applied to the next month's file of the same employer, ID-join
// suggestions that change the computed result when accepted, and the report as XLSX.
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { listAudit } from '../../electron/services/audit/auditLog';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, ComputeResultDto, Employer, JobStatus, RatePlanSummary } from '../../shared/api/dto';
import type { IdJoinRecord, IdJoinSuggestion, ImportPreview } from '../../shared/api/dto/imports';
import { generateEmployer, type EmployerData } from '../fixtures/employer';
import { declarationsXlsx, detailedPayrollXlsx, salaryRows, swapDigits } from '../fixtures/mappingFiles';
import { tempDir } from './db-helpers';

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

const MONTHS = ['2024-03', '2024-04'];

describe('import mapping, verification, templates and ID joins', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let caseId: number;
  let employerId: number;
  let data: EmployerData;

  beforeEach(async () => {
    tmp = tempDir('jihe-mapping-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '王稽核' });
    data = generateEmployer(11, { persons: 24, months: MONTHS, undeclaredShare: 0 });
    // The case's employer is the one the files' titles name (a title naming another company is refused).
    const employer = ok<Employer>(await backend.invoke('employers.create', { name: data.employerName, creditCode: '91110000600037341L' }));
    employerId = employer.id;
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = ok<Case>(await backend.invoke('cases.create', { employerId, periodFrom: '2024-03', periodTo: '2024-04', ratePlanId: plan.id, source: 'random' })).id;
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  const preview = async (fileName: string, bytes: Uint8Array, kind: 'payroll' | 'declaration' = 'payroll') =>
    ok<ImportPreview>(await backend.invoke('imports.preview', { caseId, kind, fileName, data: bytes }));

  async function runImport(input: Record<string, unknown>): Promise<JobStatus> {
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId, kind: 'payroll', ...input }));
    await backend.jobSettled(jobId);
    return ok<JobStatus>(await backend.invoke('jobs.get', { jobId }));
  }

  const fileCount = () => (backend.db.prepare('SELECT COUNT(*) AS n FROM source_files').get() as { n: number }).n;

  it('previews the header row, the roles, the rows above the header and the month from the title', async () => {
    const p = await preview('3月工资.xlsx', detailedPayrollXlsx(data, { month: '2024-03' }));
    expect(p.problem).toBe('');
    expect(p.template).toBeNull();
    const [sheet] = p.sheets;
    expect(sheet).toMatchObject({ sheet: '3月', headerRow: 2, headerTop: 2, hasMonthColumn: false, sheetMonth: '2024-03', problem: '' });
    const roles = Object.fromEntries(sheet!.columns.filter((c) => c.role !== 'ignore').map((c) => [c.letter, c.role]));
    expect(roles).toEqual({ B: 'name', C: 'personId', D: 'department', J: 'gross', P: 'net' });
    expect(sheet!.rows[0]!.cells[0]).toBe(`${data.employerName}2024年3月工资表`);
    expect(sheet!.rows[2]!.cells[2]).toBe(salaryRows(data, '2024-03')[0]!.personId);
    expect(p.mapping['3月']).toMatchObject({ headerRow: 2, sheetMonth: '2024-03', columns: { J: 'gross', C: 'personId' } });
  });

  it('previews a big CSV from its beginning only, and says so', async () => {
    const rows = salaryRows(data, '2024-03');
    const lines = ['姓名,身份证号码,工资月份,应发工资'];
    for (let i = 0, size = 0; size < 1_500_000; i++) {
      const r = rows[i % rows.length]!;
      const line = `${r.name},${r.personId},2024-03,${(r.grossFen / 100).toFixed(2)}`;
      lines.push(line);
      size += line.length + 1;
    }
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const p = await preview('全年工资.csv', bytes);
    expect(p.partial).toBe(true);
    expect(p.sheets[0]).toMatchObject({ sheet: '', headerRow: 1, problem: '' });
    expect(p.sheets[0]!.rows).toHaveLength(15);
    expect(p.sheets[0]!.totalRows).toBeLessThan(lines.length);
    const small = await preview('3月工资.xlsx', detailedPayrollXlsx(data, { month: '2024-03' }));
    expect(small.partial).toBe(false);
  });

  it('refuses a sheet whose gross column disagrees with its own 合计 row, and imports it when the auditor overrides with a reason', async () => {
    const bytes = detailedPayrollXlsx(data, { month: '2024-03', totalOffsetFen: 123_45 });
    const refused = await runImport({ fileName: '3月工资.xlsx', data: bytes, leaveOutErrorRows: true });
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatch(/合计/);
    const issue = refused.report!.issues.find((i) => i.code === 'verify-total-mismatch')!;
    expect(issue).toMatchObject({ severity: 'error', sheet: '3月', row: 0 });
    expect(issue.message).toContain('相差 123.45');
    expect(fileCount()).toBe(0);

    const noReason = await backend.invoke('imports.start', { caseId, kind: 'payroll', fileName: '3月工资.xlsx', data: bytes, overrideChecks: ['verify-total-mismatch'] });
    expect(noReason.ok).toBe(false);
    expect(!noReason.ok && noReason.error.message).toMatch(/理由/);

    const done = await runImport({ fileName: '3月工资.xlsx', data: bytes, overrideChecks: ['verify-total-mismatch'], overrideReason: '合计行为手工填写，已与单位核对' });
    expect(done.state, done.error ?? '').toBe('done');
    expect(done.report!.rowsTaken).toBe(salaryRows(data, '2024-03').length);
    const overridden = done.report!.issues.find((i) => i.code === 'verify-total-mismatch')!;
    expect(overridden.severity).toBe('warning');
    expect(overridden.message).toContain('王稽核 确认仍然导入，理由：合计行为手工填写，已与单位核对');
    // The stored report carries the override, and so does the audit log.
    const stored = JSON.parse((backend.db.prepare('SELECT report FROM source_files').get() as { report: string }).report) as JobStatus['report'];
    expect(stored!.issues.some((i) => i.code === 'verification-overridden' && i.message.includes('合计行为手工填写'))).toBe(true);
    const audit = listAudit(backend.db, caseId).find((e) => e.action === 'import.verification-override');
    expect(audit?.detail).toMatchObject({ codes: ['verify-total-mismatch'], fileName: '3月工资.xlsx' });
  });

  it('refuses 实发工资 taken as the gross column because the pay components do not add up to it', async () => {
    const bytes = detailedPayrollXlsx(data, { month: '2024-03' });
    const p = await preview('3月工资.xlsx', bytes);
    const mapping = { '3月': { ...p.mapping['3月'], columns: { ...p.mapping['3月']!.columns, P: 'gross' } } };
    const refused = await runImport({ fileName: '3月工资.xlsx', data: bytes, mapping });
    expect(refused.state).toBe('failed');
    const issue = refused.report!.issues.find((i) => i.code === 'verify-components');
    expect(issue?.message).toMatch(/E～O列各工资项目（基本工资、岗位工资、绩效奖金、加班费、津贴补贴、应发工资/);
    expect(refused.report!.sheets[0]!.columns.find((c) => c.letter === 'P')?.role).toBe('gross');
    expect(fileCount()).toBe(0);
    // As detected (应发工资 in J), the same file passes every check.
    const done = await runImport({ fileName: '3月工资.xlsx', data: bytes, mapping: p.mapping });
    expect(done.state, done.error ?? '').toBe('done');
    expect(done.report!.issues.filter((i) => i.code.startsWith('verify-'))).toEqual([]);
  });

  it('refuses declarations whose employer and employee amounts imply implausible rates', async () => {
    const swapped = declarationsXlsx(data, { months: ['2024-03'], swapAmounts: true });
    const refused = await runImport({ kind: 'declaration', fileName: '申报明细.xlsx', data: swapped });
    expect(refused.state).toBe('failed');
    const rates = refused.report!.issues.filter((i) => i.code === 'verify-rates').map((i) => i.message);
    expect(rates.some((m) => /^基本养老保险单位缴费在 \d+ 行中有 \d+ 行折算费率不在 10%～20% 之间/.test(m) && m.includes('8.00%'))).toBe(true);
    expect(fileCount()).toBe(0);
    const fine = await runImport({ kind: 'declaration', fileName: '申报明细.xlsx', data: declarationsXlsx(data, { months: ['2024-03'] }) });
    expect(fine.state, fine.error ?? '').toBe('done');
  });

  it('refuses a file with many unreadable amounts even when asked to leave out error rows', async () => {
    const bytes = detailedPayrollXlsx(data, { month: '2024-03', unreadableGrossRows: 7 });
    const refused = await runImport({ fileName: '3月工资.xlsx', data: bytes, leaveOutErrorRows: true });
    expect(refused.state).toBe('failed');
    const share = ((7 / salaryRows(data, '2024-03').length) * 100).toFixed(1);
    expect(refused.report!.issues.find((i) => i.code === 'verify-unreadable-rows')?.message).toMatch(new RegExp(`^有 7 行（占数据行的 ${share}%）的月份或金额无法读取，例如工作表“3月”第 3 行 J 列`));
    // Two unreadable rows are "a few": leaving them out is the auditor's ordinary choice.
    const few = await runImport({ fileName: '3月工资.xlsx', data: detailedPayrollXlsx(data, { month: '2024-03', unreadableGrossRows: 2, totalOffsetFen: 0 }), leaveOutErrorRows: true, overrideChecks: ['verify-total-mismatch'], overrideReason: '两行待核，合计含该两行' });
    expect(few.state, few.error ?? '').toBe('done');
    expect(few.report!.rowsLeftOut).toBe(2);
  });

  it('saves the confirmed mapping as the employer template and applies it to the next month automatically', async () => {
    const march = detailedPayrollXlsx(data, { month: '2024-03', grossHeader: '本月应得' });
    const p1 = await preview('3月工资.xlsx', march);
    expect(p1.sheets[0]!.problem).toBe('缺少：应发工资列');
    const mapping = { '3月': { ...p1.mapping['3月'], columns: { ...p1.mapping['3月']!.columns, J: 'gross' } } };
    const first = await runImport({ fileName: '3月工资.xlsx', data: march, mapping, saveTemplate: true, templateName: '瑞丰工资表' });
    expect(first.state, first.error ?? '').toBe('done');

    const april = detailedPayrollXlsx(data, { month: '2024-04', grossHeader: '本月应得' });
    const p2 = await preview('4月工资.xlsx', april);
    expect(p2.templateApplied).toBe(true);
    expect(p2.template).toMatchObject({ name: '瑞丰工资表', employerId, kind: 'payroll', createdBy: '王稽核' });
    expect(p2.sheets[0]).toMatchObject({ sheet: '4月', sheetMonth: '2024-04', problem: '' });
    expect(p2.sheets[0]!.columns.find((c) => c.letter === 'J')?.role).toBe('gross');
    const second = await runImport({ fileName: '4月工资.xlsx', data: april, mapping: p2.mapping, templateId: p2.template!.id });
    expect(second.state, second.error ?? '').toBe('done');
    expect(second.report!.months).toEqual(['2024-04']);
    const row = backend.db.prepare('SELECT COUNT(*) AS n, MAX(last_used_at) AS used FROM import_templates').get() as { n: number; used: string };
    expect(row.n).toBe(1);
    expect(row.used).not.toBeNull();
    // Another employer's case does not see the template.
    const other = ok<Employer>(await backend.invoke('employers.create', { name: '金桥商贸有限公司', creditCode: '91350100M000100Y43' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((x) => x.name === '示例地区 2024')!;
    const otherCase = ok<Case>(await backend.invoke('cases.create', { employerId: other.id, periodFrom: '2024-03', periodTo: '2024-04', ratePlanId: plan.id, source: 'random' }));
    const p3 = ok<ImportPreview>(await backend.invoke('imports.preview', { caseId: otherCase.id, kind: 'payroll', fileName: '4月工资.xlsx', data: april }));
    expect(p3.templateApplied).toBe(false);
  });

  it('suggests joining an ID with a swapped digit to the valid ID of the same name; accepting changes the result', async () => {
    const victim = salaryRows(data, '2024-03').find((r) => swapDigits(r.personId) !== r.personId)!;
    const wrong = swapDigits(victim.personId);
    const march = await runImport({ fileName: '3月工资.xlsx', data: detailedPayrollXlsx(data, { month: '2024-03', typoIds: [victim.personId] }) });
    expect(march.state, march.error ?? '').toBe('done');
    expect(march.report!.issues.some((i) => i.code === 'id-check-digit' && i.message.includes(wrong))).toBe(true);
    const decl = await runImport({ kind: 'declaration', fileName: '申报明细.xlsx', data: declarationsXlsx(data, { months: ['2024-03'] }) });
    expect(decl.state, decl.error ?? '').toBe('done');

    const compute = async () => ok<ComputeResultDto>(await backend.invoke('results.compute', { caseId, asOf: '2024-12-31' }));
    const before = await compute();
    expect(before.payrollOnly.some((p) => p.personId === wrong)).toBe(true);
    expect(before.declaredOnly.some((p) => p.personId === victim.personId)).toBe(true);

    const { suggestions } = ok<{ suggestions: IdJoinSuggestion[] }>(await backend.invoke('imports.idJoins', { caseId }));
    expect(suggestions).toEqual([{ fromId: wrong, toId: victim.personId, name: victim.name, payrollRows: 1, declarationRows: 0, where: expect.stringContaining('3月工资.xlsx，工作表“3月”') }]);
    const record = ok<IdJoinRecord>(await backend.invoke('imports.acceptIdJoin', { caseId, fromId: wrong, toId: victim.personId }));
    expect(record).toMatchObject({ fromId: wrong, toId: victim.personId, payrollRows: 1, declarationRows: 0, createdBy: '王稽核' });

    const after = await compute();
    expect(after.payrollOnly.some((p) => p.personId === wrong)).toBe(false);
    expect(after.declaredOnly.some((p) => p.personId === victim.personId)).toBe(false);
    expect(after.totals).not.toEqual(before.totals);
    // Recorded: the join list, the audit log; the source file bytes are untouched (a trigger forbids it anyway).
    const joins = ok<{ suggestions: IdJoinSuggestion[]; accepted: IdJoinRecord[] }>(await backend.invoke('imports.idJoins', { caseId }));
    expect(joins.suggestions).toEqual([]);
    expect(joins.accepted).toHaveLength(1);
    expect(listAudit(backend.db, caseId).some((e) => e.action === 'import.id-join' && e.detail.fromId === wrong)).toBe(true);
    // Not a suggestion any more: refused with the reason.
    const again = await backend.invoke('imports.acceptIdJoin', { caseId, fromId: wrong, toId: victim.personId });
    expect(!again.ok && again.error.code).toBe('conflict');
  });

  it('exports the report as XLSX that another library reads back with every issue', async () => {
    const done = await runImport({ fileName: '3月工资.xlsx', data: detailedPayrollXlsx(data, { month: '2024-03', typoIds: [salaryRows(data, '2024-03')[3]!.personId] }) });
    expect(done.state, done.error ?? '').toBe('done');
    const file = ok<{ fileName: string; data: Uint8Array }>(await backend.invoke('imports.reportXlsx', { sourceFileId: done.sourceFileId }));
    expect(file.fileName).toBe('导入报告_3月工资.xlsx');
    const wb = XLSX.read(file.data, { type: 'array' });
    expect(wb.SheetNames).toEqual(['概况', '工作表与列', '问题清单']);
    const summary = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['概况']!, { header: 1 });
    expect(summary).toContainEqual(['导入行数', done.report!.rowsTaken]);
    expect(summary).toContainEqual(['SHA-256', done.report!.sha256]);
    const issues = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['问题清单']!);
    expect(issues).toHaveLength(done.report!.issues.length);
    const check = issues.find((r) => r['代码'] === 'id-check-digit')!;
    expect(check).toMatchObject({ 级别: '警告', 文件: '3月工资.xlsx', 工作表: '3月', 列: 'C' });
    const columns = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['工作表与列']!);
    expect(columns.find((r) => r['列'] === 'J')).toMatchObject({ 表头: '应发工资', 识别为: '应发工资' });

    // A refused import's report comes from its job.
    const refused = await runImport({ fileName: '3月工资-错.xlsx', data: detailedPayrollXlsx(data, { month: '2024-03', totalOffsetFen: 500 }) });
    const jobs = (await backend.invoke('imports.reportXlsx', { jobId: refused.id })) as ApiResult<{ data: Uint8Array }>;
    const wb2 = XLSX.read(ok<{ data: Uint8Array }>(jobs).data, { type: 'array' });
    const status = XLSX.utils.sheet_to_json<string[]>(wb2.Sheets['概况']!, { header: 1 }).find((r) => r[0] === '导入结果')!;
    expect(String(status[1])).toMatch(/^未导入：/);
  });
});
