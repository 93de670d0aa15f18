// The roster (花名册) import end to end: messy headers and every date form employers write,
// bad dates listed with sheet, row and column, all-or-nothing storage with the file kept
// byte-for-byte and an audit entry; the headcount comparison through the backend on generated
// payroll, per-insurance declarations and roster; and the per-insurance declarations' amount
// checks reaching results.compute.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { importRoster } from '../../electron/services/import/roster';
import { listAudit } from '../../electron/services/audit/auditLog';
import { getRosterFileBytes } from '../../electron/services/db/repos/roster';
import type { ApiResult } from '../../shared/api/contract';
import type { Case, ComputeResultDto, Employer, JobStatus, RatePlanSummary, SourceFile } from '../../shared/api/dto';
import type { HeadcountDto } from '../../shared/api/dto/roster';
import { generateEmployer, type EmployerData } from '../fixtures/employer';
import { serialise, writeDeclarations, writePayroll, type FileFormat } from '../fixtures/employerFiles';
import { buildRosterSheets, DATE_STYLES, rosterFromEmployer, type RosterPerson } from '../fixtures/roster';
import { tempDir } from './db-helpers';

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('importRoster (reader)', () => {
  const data = generateEmployer(11, { persons: 24, months: MONTHS });
  const roster = rosterFromEmployer(data, { seed: 5, months: MONTHS, neverPaid: 2 });

  it.each<[FileFormat, 'mixed' | 'iso' | 'chinese']>([
    ['xlsx', 'mixed'],
    ['xls', 'mixed'],
    ['csv-gb18030', 'chinese'],
    ['csv-utf8-bom', 'iso'],
  ])('%s with synonym headers, title, totals and %s dates gives every person with the right dates', async (format, dates) => {
    // CSV cannot carry an Excel date serial; those layouts use text dates.
    const sheets = buildRosterSheets(roster, { title: true, headers: 'synonyms', dates: format.startsWith('csv') ? dates : 'mixed' });
    const bytes = serialise(sheets, format);
    const { report, roster: lines } = await importRoster({ bytes, fileName: `花名册.${format.startsWith('csv') ? 'csv' : format}` });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.kind).toBe('roster');
    expect(report.rowsTaken).toBe(roster.length);
    expect(report.persons).toBe(roster.length);
    expect(report.sheets[0]!.headerRow).toBe(3);
    expect(report.sheets[0]!.columns.map((c) => c.role)).toEqual(['ignore', 'name', 'personId', 'department', 'hireDate', 'leaveDate', 'contractType', 'employmentStatus']);
    expect(report.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['total-row-skipped', 'note-row-skipped']));
    const got = lines.map((l) => ({ id: l.personId, name: l.name, hire: l.hireDate, leave: l.leaveDate, contract: l.contractType, status: l.status, dept: l.department }));
    expect(got).toEqual(roster.map((p) => ({ id: p.personId, name: p.name, hire: p.hireDate, leave: p.leaveDate, contract: p.contractType, status: p.status, dept: p.department })));
    // Row numbers are the spreadsheet's: title, unit line and header above the first person.
    expect(lines[0]!.source).toMatchObject({ sheet: format.startsWith('csv') ? '' : '花名册', row: 4 });
  });

  it('reads each date style on its own', async () => {
    for (const style of DATE_STYLES) {
      const { report, roster: lines } = await importRoster({ bytes: serialise(buildRosterSheets(roster.slice(0, 6), { dates: style }), 'xlsx'), fileName: `${style}.xlsx` });
      expect(report.issues.filter((i) => i.severity !== 'info'), style).toEqual([]);
      expect(lines.map((l) => [l.hireDate, l.leaveDate]), style).toEqual(roster.slice(0, 6).map((p) => [p.hireDate, p.leaveDate]));
    }
  });

  it('lists bad dates and IDs with sheet, row and column, and takes nothing from those rows', async () => {
    const people: RosterPerson[] = roster.slice(0, 6).map((p) => ({ ...p }));
    const sheets = buildRosterSheets(people, { dates: 'iso' });
    const rows = sheets[0]!.rows;
    rows[2]![4] = '2023-02-30'; // row 3, hire date E: no such day
    rows[3]![4] = null; // row 4: hire date empty
    rows[4]![5] = '下个月'; // row 5, leave date F: not a date
    rows[5]![4] = '2024-05-01';
    rows[5]![5] = '2024-04-30'; // row 6: leave before hire
    rows[6]![2] = '12345'; // row 7, ID C: not an ID
    const { report, roster: lines } = await importRoster({ bytes: serialise(sheets, 'xlsx'), fileName: '花名册.xlsx' });
    const errors = report.issues.filter((i) => i.severity === 'error').map((i) => ({ row: i.row, column: i.column, code: i.code, sheet: i.sheet }));
    expect(errors).toEqual([
      { row: 3, column: 'E', code: 'bad-date', sheet: '花名册' },
      { row: 4, column: 'E', code: 'bad-date', sheet: '花名册' },
      { row: 5, column: 'F', code: 'bad-date', sheet: '花名册' },
      { row: 6, column: 'F', code: 'leave-before-hire', sheet: '花名册' },
      { row: 7, column: 'C', code: 'bad-id', sheet: '花名册' },
    ]);
    const messages = report.issues.filter((i) => i.severity === 'error').map((i) => i.message);
    expect(messages[0]).toContain('日期不存在：2023年2月30日');
    expect(messages[1]).toBe('入职日期为空');
    expect(messages[2]).toContain('无法识别的日期');
    expect(messages[3]).toBe('离职日期（2024-04-30）早于入职日期（2024-05-01）');
    expect(report.rowsLeftOut).toBe(5);
    expect(lines.map((l) => l.source.row)).toEqual([2]);
  });

  it('refuses a file without a hire date column, saying which column and its names', async () => {
    const sheets = buildRosterSheets(roster.slice(0, 3));
    for (const row of sheets[0]!.rows) row.splice(4, 1);
    const { report } = await importRoster({ bytes: serialise(sheets, 'csv-utf8'), fileName: '名单.csv' });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'no-hire-date-column', row: 0, message: expect.stringContaining('未找到“入职日期”列：表头中应有“入职日期、参加工作时间、入职时间') }),
    ]);
  });

  it('warns about a person who left per the status column but has no leave date', async () => {
    const people = roster.slice(0, 2).map((p) => ({ ...p, leaveDate: null }));
    people[1]!.status = '离职';
    const { report, roster: lines } = await importRoster({ bytes: serialise(buildRosterSheets(people), 'xlsx'), fileName: 'a.xlsx' });
    expect(report.issues.filter((i) => i.severity === 'warning')).toEqual([expect.objectContaining({ code: 'left-without-date', row: 3, column: 'H' })]);
    expect(lines).toHaveLength(2);
  });
});

describe('roster and headcount through the backend', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let caseId: number;
  let data: EmployerData;

  async function importFile(kind: 'payroll' | 'declaration' | 'roster', fileName: string, bytes: Uint8Array, leaveOutErrorRows = false): Promise<JobStatus> {
    const { jobId } = ok<{ jobId: string }>(await backend.invoke('imports.start', { caseId, kind, fileName, data: bytes, leaveOutErrorRows }));
    await backend.jobSettled(jobId);
    return ok<JobStatus>(await backend.invoke('jobs.get', { jobId }));
  }
  const count = (table: string) => (backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  beforeEach(async () => {
    tmp = tempDir('jihe-roster-');
    backend = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: '张明', now: () => new Date('2026-07-01T02:00:00Z'), autoBackup: false });
    data = generateEmployer(23, { persons: 30, months: MONTHS });
    // The case's employer is the one the files' titles name (a title naming another company is refused).
    const employer = ok<Employer>(await backend.invoke('employers.create', { name: data.employerName, creditCode: '91350100M000100Y43' }));
    const plan = ok<RatePlanSummary[]>(await backend.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = ok<Case>(await backend.invoke('cases.create', { employerId: employer.id, periodFrom: MONTHS[0], periodTo: MONTHS[5], ratePlanId: plan.id, source: 'plan' })).id;
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('refuses a roster with bad rows whole, then takes the rest when told to leave them out', async () => {
    const roster = rosterFromEmployer(data, { seed: 2, months: MONTHS });
    const sheets = buildRosterSheets(roster, { title: true, dates: 'mixed' });
    sheets[0]!.rows[5]![4] = '2024年13月1日';
    const bytes = serialise(sheets, 'xlsx');
    const refused = await importFile('roster', '花名册.xlsx', bytes);
    expect(refused.state).toBe('failed');
    expect(refused.error).toContain('花名册“花名册.xlsx”中有 1 行无法读取，整个文件未导入');
    expect(refused.error).toContain('工作表“花名册”，第 6 行，E 列');
    expect(refused.report?.kind).toBe('roster');
    expect([count('roster_files'), count('roster_lines')]).toEqual([0, 0]);
    expect(listAudit(backend.db, caseId).filter((e) => e.action === 'import.store')).toEqual([]);

    const taken = await importFile('roster', '花名册.xlsx', bytes, true);
    expect(taken.state).toBe('done');
    expect([count('roster_files'), count('roster_lines')]).toEqual([1, roster.length - 1]);
    const files = ok<SourceFile[]>(await backend.invoke('roster.files', { caseId }));
    expect(files).toEqual([expect.objectContaining({ kind: 'roster', fileName: '花名册.xlsx', rows: roster.length - 1, sha256: createHash('sha256').update(bytes).digest('hex') })]);
    expect(Buffer.from(getRosterFileBytes(backend.db, files[0]!.id)!).equals(Buffer.from(bytes))).toBe(true);
    const audit = listAudit(backend.db, caseId).filter((e) => e.action === 'import.store');
    expect(audit).toEqual([expect.objectContaining({ actor: '张明', detail: expect.objectContaining({ kind: 'roster', rows: roster.length - 1, rowsLeftOut: 1 }) })]);
    // The same file again is recognised by its SHA-256 and refused.
    const again = await importFile('roster', '花名册-副本.xlsx', bytes, true);
    expect(again.error).toContain('该文件已导入（花名册.xlsx');
    expect(count('roster_lines')).toBe(roster.length - 1);
  });

  it('compares roster, payroll and per-insurance declarations per month, with the rows behind each person', async () => {
    const roster = rosterFromEmployer(data, { seed: 4, months: MONTHS, leftOff: 2, neverPaid: 2 });
    expect((await importFile('payroll', '工资表.xlsx', writePayroll(data, { title: true, months: 'mixed', totals: true }, 'xlsx'))).state).toBe('done');
    expect((await importFile('declaration', '申报明细.xls', writeDeclarations(data, { title: true, insuranceNames: 'varied', totals: true }, 'xls'))).state).toBe('done');
    expect((await importFile('roster', '花名册.xlsx', serialise(buildRosterSheets(roster, { title: true, headers: 'synonyms', dates: 'mixed' }), 'xlsx'))).state).toBe('done');

    const hc = ok<HeadcountDto>(await backend.invoke('roster.headcount', { caseId }));
    expect(hc).toMatchObject({ periodFrom: '2024-01', periodTo: '2024-06', rosterFiles: 1, rosterPersons: roster.length, payrollFiles: 1, declarationFiles: 1 });

    // The expectation from the generator's ground truth, not from the importer or the rule.
    const ids = (s: Set<string>) => [...s].sort();
    for (const [i, month] of MONTHS.entries()) {
      const onRoster = new Set(roster.filter((p) => p.hireDate.slice(0, 7) <= month && (p.leaveDate === null || p.leaveDate.slice(0, 7) >= month)).map((p) => p.personId));
      const paid = new Set(data.payrollRows.filter((r) => r.month === month).map((r) => r.personId));
      const declared = new Set(data.declarationRows.filter((r) => r.month === month).map((r) => r.personId));
      const row = hc.months[i]!;
      expect(row.month).toBe(month);
      expect([row.rosterCount, row.payrollCount, row.declaredCount]).toEqual([onRoster.size, paid.size, declared.size]);
      expect(row.rosterNotPaid.map((p) => p.personId)).toEqual(ids(new Set([...onRoster].filter((id) => !paid.has(id)))));
      expect(row.paidNotOnRoster.map((p) => p.personId)).toEqual(ids(new Set([...paid].filter((id) => !onRoster.has(id)))));
      expect(row.rosterNotDeclared.map((p) => p.personId)).toEqual(ids(new Set([...onRoster].filter((id) => !declared.has(id)))));
      expect(row.rosterOnly.map((p) => p.personId)).toEqual(ids(new Set([...onRoster].filter((id) => !paid.has(id) && !declared.has(id)))));
    }
    // The two persons the roster forgot are paid-not-on-roster every month they were paid, with their payroll rows.
    const forgotten = data.persons.slice(0, 2);
    const jan = hc.months[0]!;
    for (const p of forgotten.filter((x) => x.from <= '2024-01')) {
      const entry = jan.paidNotOnRoster.find((x) => x.personId === p.personId)!;
      expect(entry.name).toBe(p.name);
      expect(entry.sources.length).toBeGreaterThan(0);
      expect(entry.sources.every((s) => s.fileName === '工资表.xlsx' || s.fileName === '申报明细.xls')).toBe(true);
    }
    // The never-paid persons appear as on the roster only, pointing at their roster rows.
    const ghosts = roster.slice(-2);
    const last = hc.months[5]!;
    for (const g of ghosts) {
      const entry = last.rosterOnly.find((x) => x.personId === g.personId)!;
      expect(entry.sources).toEqual([expect.objectContaining({ fileName: '花名册.xlsx', sheet: '花名册', row: 4 + roster.indexOf(g) })]);
    }
    expect(last.rosterOnly.length).toBeGreaterThanOrEqual(2);
    // The generated case has every kind of difference somewhere in the period.
    const total = (k: 'rosterNotPaid' | 'paidNotOnRoster' | 'rosterNotDeclared') => hc.months.reduce((s, m) => s + m[k].length, 0);
    expect(total('paidNotOnRoster')).toBeGreaterThan(0);
    expect(total('rosterNotDeclared')).toBeGreaterThan(total('rosterNotPaid'));
  });

  it('imports declarations with per-insurance amounts in the wide two-row layout and reports amount discrepancies', async () => {
    // Three declared amounts the employer got wrong: the check must find exactly these.
    const wrong = data.declarationRows.filter((r) => r.insurance === 'pension' && r.month === '2024-03').slice(0, 3);
    const perturbed: EmployerData = {
      ...data,
      declarationRows: data.declarationRows.map((r) => (wrong.includes(r) ? { ...r, employerFen: r.employerFen + 5_000 } : r)),
    };
    expect((await importFile('payroll', '工资表.xlsx', writePayroll(data, {}, 'xlsx'))).state).toBe('done');
    const decl = await importFile('declaration', '申报明细.xlsx', writeDeclarations(perturbed, { wide: true, title: true }, 'xlsx'));
    expect(decl.state).toBe('done');
    const rows = backend.db.prepare('SELECT insurance, count(*) AS n, sum(employer_fen) AS er, sum(employee_fen) AS ee FROM declaration_lines GROUP BY insurance ORDER BY insurance').all() as { insurance: string; n: number; er: number; ee: number }[];
    const expected = new Map<string, { n: number; er: number; ee: number }>();
    for (const r of perturbed.declarationRows) {
      const e = expected.get(r.insurance as string) ?? { n: 0, er: 0, ee: 0 };
      expected.set(r.insurance as string, { n: e.n + 1, er: e.er + r.employerFen, ee: e.ee + r.employeeFen });
    }
    expect(rows).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([insurance, v]) => ({ insurance, ...v })));

    const result = ok<ComputeResultDto>(await backend.invoke('results.compute', { caseId, asOf: '2026-07-01' }));
    const pensionEmployer = result.discrepancies.filter((d) => d.insurance === 'pension' && d.side === 'employer');
    expect(pensionEmployer.map((d) => d.personId).sort()).toEqual(wrong.map((r) => r.personId).sort());
    for (const d of pensionEmployer) {
      const w = wrong.find((r) => r.personId === d.personId)!;
      expect(d).toMatchObject({ month: '2024-03', declaredAmount: ((w.employerFen + 5_000) / 100).toFixed(2), expected: (w.employerFen / 100).toFixed(2) });
      expect(d.source).toMatchObject({ fileName: '申报明细.xlsx', sheet: '申报明细' });
      expect(d.source.row).toBeGreaterThan(4);
    }
  });
});
