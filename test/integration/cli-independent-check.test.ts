// The independent check: realistic generated employer files (300 persons × 24 months with
// under-declared bases, payroll-only persons, a declared-only person, bonus rows, messy layouts)
// go through the real `jihe compute`, and its figures must equal to the fen those of
// test/fixtures/independent_calc.py — a separate implementation of DOMAIN.md §6 in Python's
// decimal arithmetic that reads the generator's ground-truth rows, not the files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputeResultDtoSchema, type ComputeResultDto } from '../../shared/api/dto';
import { ComputeSummaryDtoSchema } from '../../shared/api/dto/computeSummary';
import { generateEmployer, type EmployerData } from '../fixtures/employer';
import { writeDeclarations, writePayroll, type DeclarationLayout, type FileFormat, type PayrollLayout } from '../fixtures/employerFiles';
import { ROOT, tempDir } from './db-helpers';

interface Independent {
  totals: ComputeResultDto['totals'];
  byInsurance: ComputeResultDto['byInsurance'];
  months: { month: string; payrollHeadcount: number; declaredHeadcount: number; payrollOnly: number; declaredOnly: number; backPay: string; lateFee: string; rows: number }[];
  lines: number;
  estimatedLines: number;
}

const INSURANCES_2023 = [
  { code: 'pension', name: '基本养老保险', employerRate: 0.16, employeeRate: 0.08, floor: 3900.5, ceiling: 19500 },
  { code: 'medical', name: '职工基本医疗保险', employerRate: 0.075, employeeRate: 0.02, floor: 3900.5, ceiling: 19500 },
  { code: 'maternity', name: '生育保险', employerRate: 0.008, employeeRate: 0, floor: 3900.5, ceiling: 19500 },
  { code: 'unemployment', name: '失业保险', employerRate: 0.005, employeeRate: 0.005, floor: 3900.5, ceiling: 19500 },
];
const INSURANCES_2024 = [
  { code: 'pension', name: '基本养老保险', employerRate: 0.16, employeeRate: 0.08, floor: 4000, ceiling: 20000 },
  { code: 'medical', name: '职工基本医疗保险', employerRate: 0.08, employeeRate: 0.02, floor: 4000, ceiling: 20000 },
  { code: 'maternity', name: '生育保险', employerRate: 0.008, employeeRate: 0, floor: 4000, ceiling: 20000 },
  { code: 'unemployment', name: '失业保险', employerRate: 0.005, employeeRate: 0.005, floor: 4000, ceiling: 20000 },
];

function planJson(baseRule: object, lateFeeCap: 'none' | 'principal', extra: object = {}): string {
  return JSON.stringify(
    {
      ...extra,
      name: '独立核算检验方案',
      region: '示例市',
      lateFeeDailyRate: 0.0005,
      lateFeeCap,
      due: { monthOffset: 1, day: 'last' },
      baseRule,
      periods: [
        { from: '2023-01', to: '2023-12', insurances: INSURANCES_2023 },
        { from: '2024-01', to: '2024-12', insurances: INSURANCES_2024 },
      ],
    },
    null,
    2,
  );
}

function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5))]; `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((m = 1), y++) : m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

interface Scenario {
  label: string;
  data: EmployerData;
  payroll: [PayrollLayout, FileFormat];
  declarations: [DeclarationLayout, FileFormat];
  plan: string;
  from: string;
  to: string;
  asOf: string;
  exemptions?: { personId: string; months: string[] | null; reason: string; note?: string }[];
  estimations?: { personId: string | null; months: string[] | null; reason: string }[];
}

describe('jihe compute against an independent Python calculation', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('jihe-indep-');
  });
  afterAll(() => tmp.cleanup());

  function run(s: Scenario): { cli: ComputeResultDto; py: Independent; summaryText: string; rowsText: string } {
    const dir = path.join(tmp.dir, s.label);
    mkdirSync(dir, { recursive: true });
    const payrollFile = path.join(dir, s.payroll[1] === 'xlsx' ? '工资表.xlsx' : '工资表.csv');
    const declarationFile = path.join(dir, s.declarations[1] === 'xlsx' ? '申报明细.xlsx' : '申报明细.csv');
    writeFileSync(payrollFile, writePayroll(s.data, s.payroll[0], s.payroll[1]));
    writeFileSync(declarationFile, writeDeclarations(s.data, s.declarations[0], s.declarations[1]));
    const planFile = path.join(dir, 'plan.json');
    writeFileSync(planFile, s.plan, 'utf8');
    const truthFile = path.join(dir, 'truth.json');
    writeFileSync(truthFile, JSON.stringify({ payrollRows: s.data.payrollRows, declarationRows: s.data.declarationRows }), 'utf8');
    const period = ['--from', s.from, '--to', s.to, '--as-of', s.asOf];
    const exempt: string[] = [];
    if (s.exemptions) {
      const f = path.join(dir, 'exempt.json');
      writeFileSync(f, JSON.stringify(s.exemptions), 'utf8');
      exempt.push('--exempt', f);
    }
    if (s.estimations) {
      const f = path.join(dir, 'estimate.json');
      writeFileSync(f, JSON.stringify(s.estimations), 'utf8');
      exempt.push('--estimate', f);
    }
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/jihe.mjs'), 'compute', payrollFile, declarationFile, planFile, ...period, ...exempt, '--json', '--rows'], {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 512 * 1024 * 1024,
    });
    expect(cli.status, cli.stderr).toBe(0);
    // Without --rows: the same result in kilobytes (checked on the first scenario).
    const summary = s.label === 'monthly' ? spawnSync(process.execPath, [path.join(ROOT, 'bin/jihe.mjs'), 'compute', payrollFile, declarationFile, planFile, ...period, ...exempt, '--json'], { encoding: 'utf8', timeout: 120_000 }) : null;
    if (summary) expect(summary.status, summary.stderr).toBe(0);
    const py = spawnSync('python3', [path.join(ROOT, 'test/fixtures/independent_calc.py'), truthFile, planFile, ...period, ...exempt], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    expect(py.status, py.stderr).toBe(0);
    return { cli: ComputeResultDtoSchema.parse(JSON.parse(cli.stdout)), py: JSON.parse(py.stdout) as Independent, summaryText: summary?.stdout ?? '', rowsText: cli.stdout };
  }

  function expectSame(cli: ComputeResultDto, py: Independent): void {
    expect(cli.totals).toEqual(py.totals);
    expect(cli.lines).toBe(py.lines);
    if (cli.rows.length === cli.lines) expect(cli.rows.filter((r) => r.estimated).length).toBe(py.estimatedLines);
    for (const [code, v] of Object.entries(py.byInsurance)) expect(cli.byInsurance[code], code).toEqual(v);
    for (const [code, v] of Object.entries(cli.byInsurance)) if (!(code in py.byInsurance)) expect(v).toEqual({ employer: '0.00', employee: '0.00' });
    expect(
      cli.months.map((m) => ({ month: m.month, payrollHeadcount: m.payrollHeadcount, declaredHeadcount: m.declaredHeadcount, payrollOnly: m.payrollOnly, declaredOnly: m.declaredOnly, backPay: m.backPay, lateFee: m.lateFee, rows: m.rows })),
    ).toEqual(py.months);
  }

  it('monthly rule, 300 persons × 24 months, two plan periods, messy xlsx payroll and GB18030 declarations per insurance', () => {
    const data = generateEmployer(20260701, { persons: 300, months: months('2023-01', '2024-12'), undeclaredShare: 0.08 });
    const { cli, py, summaryText, rowsText } = run({
      label: 'monthly',
      data,
      payroll: [{ title: true, headers: 'synonyms', ids: 'messy', amounts: 'text', months: 'mixed', subtotals: true, totals: true, seed: 31 }, 'xlsx'],
      declarations: [{ title: true, ids: 'messy', months: 'mixed', insuranceNames: 'varied', seed: 32 }, 'csv-gb18030'],
      plan: planJson({ kind: 'monthly' }, 'none'),
      from: '2023-01',
      to: '2024-12',
      asOf: '2025-06-30',
    });
    // The scenario is what it claims to be: many rows, payroll-only and declared-only persons.
    expect(py.lines).toBeGreaterThan(1000);
    expect(py.months.every((m) => m.payrollOnly > 0 && m.declaredOnly > 0)).toBe(true);
    expectSame(cli, py);
    // --json alone: the same figures and the lists' lengths, kilobytes instead of megabytes.
    const summary = ComputeSummaryDtoSchema.strict().parse(JSON.parse(summaryText));
    expect(summary.totals).toEqual(cli.totals);
    expect(summary.months).toEqual(cli.months);
    expect(summary.counts).toMatchObject({ rows: cli.rows.length, payrollOnly: cli.payrollOnly.length, declaredOnly: cli.declaredOnly.length, exempted: cli.exempted.length });
    expect(summaryText.length).toBeLessThan(32 * 1024);
    expect(rowsText.length).toBeGreaterThan(50 * summaryText.length);
  }, 180_000);

  it('annual rule, late fee capped at the principal, declarations without insurance type, exemptions', () => {
    const data = generateEmployer(77, { persons: 300, months: months('2023-01', '2024-12'), declarationsPerInsurance: false, undeclaredShare: 0.12 });
    const firstIds = [...new Set(data.payrollRows.filter((r) => r.month === '2024-05').map((r) => r.personId))].slice(0, 3);
    const { cli, py } = run({
      label: 'annual',
      data,
      payroll: [{ sheetPerMonth: 'full-name', months: 'none', totals: true, twoRowHeader: true, seed: 41 }, 'xlsx'],
      declarations: [{ title: true, headers: 'synonyms', months: 'mixed', totals: true, seed: 42 }, 'csv-utf8-bom'],
      plan: planJson({ kind: 'annual', yearStartMonth: 1 }, 'principal'),
      from: '2024-01',
      to: '2024-12',
      asOf: '2031-01-15',
      exemptions: [
        { personId: firstIds[0]!, months: null, reason: 'retiree-rehired' },
        { personId: firstIds[1]!, months: ['2024-05', '2024-06'], reason: 'student-intern' },
        { personId: firstIds[2]!, months: ['2024-05'], reason: 'other', note: '已在外省参保，待核实' },
      ],
    });
    expect(py.lines).toBeGreaterThan(500);
    expect(cli.exempted.length).toBeGreaterThanOrEqual(1);
    // More than 2,000 days late: the cap must have bitten for every row.
    expect(cli.rows.every((r) => r.lateFeeCapped && r.lateFee === r.total)).toBe(true);
    expectSame(cli, py);
  });

  it('a net negative declared base counts as nothing declared; an exemption with an empty month list exempts no month', () => {
    const data = generateEmployer(4242, { persons: 60, months: months('2024-01', '2024-06'), declarationsPerInsurance: false, undeclaredShare: 0.05 });
    const declared = data.declarationRows.filter((r) => r.month === '2024-03' || r.month === '2024-04');
    // Correction rows (冲销): two person-months end net negative, one partly corrected, in file order after the declaration.
    const [neg1, neg2, partial] = [declared[0]!, declared[5]!, declared[9]!];
    data.declarationRows.push(
      { ...neg1, baseFen: -(neg1.baseFen + 123_456) },
      { ...neg2, baseFen: -(neg2.baseFen + 1) },
      { ...partial, baseFen: -Math.floor(partial.baseFen / 2) },
    );
    const paidIn = (m: string) => [...new Set(data.payrollRows.filter((r) => r.month === m && r.grossFen > 0).map((r) => r.personId))];
    const emptyListPerson = paidIn('2024-02').find((id) => id !== neg1.personId && id !== neg2.personId && id !== partial.personId)!;
    const wholePerson = paidIn('2024-02').find((id) => id !== emptyListPerson && id !== neg1.personId && id !== neg2.personId && id !== partial.personId)!;
    const { cli, py } = run({
      label: 'corrections',
      data,
      payroll: [{ title: true, seed: 51 }, 'xlsx'],
      declarations: [{ title: true, seed: 52 }, 'csv-utf8-bom'],
      plan: planJson({ kind: 'monthly' }, 'none'),
      from: '2024-01',
      to: '2024-06',
      asOf: '2025-06-30',
      exemptions: [
        { personId: emptyListPerson, months: [], reason: 'student-intern' },
        { personId: wholePerson, months: null, reason: 'retiree-rehired' },
      ],
    });
    expectSame(cli, py);
    // The net negative person-months owe on the whole due base: shortfall = due base, declared base shown as it sums.
    for (const c of [neg1, neg2]) {
      const row = cli.rows.find((r) => r.personId === c.personId && r.month === c.month);
      expect(row, `${c.personId} ${c.month}`).toBeDefined();
      for (const ins of row!.insurances) {
        expect(ins.declaredBase.startsWith('-')).toBe(true);
        expect(ins.shortfall).toBe(ins.dueBase);
      }
    }
    // The empty month list exempted nothing and the case says so; the null list exempted the whole person.
    expect(cli.exempted.some((r) => r.personId === emptyListPerson)).toBe(false);
    expect(cli.rows.some((r) => r.personId === emptyListPerson)).toBe(true);
    expect(cli.rows.some((r) => r.personId === wholePerson)).toBe(false);
    expect(cli.exempted.some((r) => r.personId === wholePerson)).toBe(true);
    expect(cli.warnings.find((w) => w.code === 'empty-exemption')?.message).toContain(emptyListPerson);
  }, 180_000);

  it('estimation (核定): the average-wage rule for the whole case in months without payroll, and the last-declared rule per person-month', () => {
    const data = generateEmployer(9090, { persons: 80, months: months('2024-01', '2024-08'), undeclaredShare: 0.1 });
    // The employer produced no payroll for July and August: the whole case is estimated there.
    data.payrollRows = data.payrollRows.filter((r) => r.month < '2024-07');
    const averageWage = planJson({ kind: 'monthly' }, 'none', { estimation: { rule: 'average-wage', legalBasis: '《社会保险法》第六十二条', averageWages: [{ from: '2024-01', to: '2024-06', monthly: 8123.45 }, { from: '2024-07', to: '2024-12', monthly: 8567.89 }] } });
    const someone = [...new Set(data.payrollRows.filter((r) => r.month === '2024-03').map((r) => r.personId))];
    const a = run({
      label: 'estimate-average',
      data,
      payroll: [{ title: true, seed: 61 }, 'xlsx'],
      declarations: [{ title: true, seed: 62 }, 'csv-utf8-bom'],
      plan: averageWage,
      from: '2024-01',
      to: '2024-08',
      asOf: '2025-06-30',
      estimations: [
        { personId: null, months: ['2024-07', '2024-08'], reason: '单位未提供七、八月工资表' },
        { personId: someone[0]!, months: ['2024-03', '2024-04'], reason: '工资表与考勤不符' },
      ],
      exemptions: [{ personId: someone[1]!, months: ['2024-07'], reason: 'student-intern' }],
    });
    expectSame(a.cli, a.py);
    expect(a.py.estimatedLines).toBeGreaterThan(50);
    expect(a.cli.rows.filter((r) => r.month === '2024-08').every((r) => r.estimated?.reason === '单位未提供七、八月工资表' && r.basis === '8567.89' && r.basisNote.startsWith('核定'))).toBe(true);
    expect(a.cli.rows.some((r) => r.personId === someone[0] && r.month === '2024-03' && r.basis === '8123.45')).toBe(true);

    const lastDeclared = planJson({ kind: 'monthly' }, 'principal', { estimation: { rule: 'last-declared', legalBasis: '《社会保险法》第六十二条', percent: 110 } });
    const b = run({
      label: 'estimate-last-declared',
      data,
      payroll: [{ title: true, seed: 63 }, 'xlsx'],
      declarations: [{ title: true, seed: 64 }, 'csv-utf8-bom'],
      plan: lastDeclared,
      from: '2024-01',
      to: '2024-08',
      asOf: '2025-06-30',
      estimations: [
        { personId: null, months: ['2024-07', '2024-08'], reason: '单位未提供七、八月工资表' },
        ...someone.slice(2, 12).map((personId) => ({ personId, months: ['2024-02', '2024-05'], reason: '工资表涂改' })),
      ],
    });
    expectSame(b.cli, b.py);
    expect(b.py.estimatedLines).toBeGreaterThan(20);
  }, 240_000);
});
