// The computation of DOMAIN.md §6 beyond the worked example: the annual base rule, plan periods
// changing inside the audit period, mixed declarations, the late-fee cap, exemptions, the
// informational findings and the warnings. Expected figures are worked out by hand in comments.
import { describe, expect, it } from 'vitest';
import type { RatePlan } from '../../shared/domain/ratePlan';
import type { ComputeResult } from '../../shared/domain/result';
import { compute, ComputeError, type ComputeInput } from '../../shared/rules/compute';
import { formatFen } from '../../shared/rules/money';
import { monthRange } from '../../shared/rules/month';
import { decl, ID, loadPlan, pay, simplePlan, src } from './computeFixtures';

const money = (fen: number) => formatFen(fen);
const rowOf = (r: ComputeResult, personId: string, month: string) => r.rows.find((x) => x.personId === personId && x.month === month);
const amounts = (r: ComputeResult, personId: string, month: string) => {
  const row = rowOf(r, personId, month);
  if (!row) return null;
  return { basis: money(row.basisFen), lines: row.insurances.map((i) => `${i.code} ${money(i.employerFen)}/${money(i.employeeFen)}`), total: money(row.totalFen) };
};
const pensionOnly = (floor: number, ceiling: number) => [{ code: 'pension' as const, name: '基本养老保险', employerRate: 0.16, employeeRate: 0.08, floor, ceiling }];

function workedExampleInput(overrides: Partial<ComputeInput> = {}): ComputeInput {
  return {
    plan: loadPlan('example-2024.json'),
    from: '2024-03',
    to: '2024-03',
    asOf: '2025-03-31',
    payroll: [pay(ID.jia, '甲', '2024-03', '9000.00'), pay(ID.jia, '甲', '2024-03', '500.55'), pay(ID.yi, '乙', '2024-03', '3000.00'), pay(ID.bing, '丙', '2024-03', '25000.00')],
    declarations: [decl(ID.jia, '甲', '2024-03', '5000.00'), decl(ID.bing, '丙', '2024-03', '20000.00'), decl(ID.ding, '丁', '2024-03', '4000.00')],
    ...overrides,
  };
}

describe('annual base rule, contribution year from January', () => {
  const plan = simplePlan({ baseRule: { kind: 'annual', yearStartMonth: 1 } });
  const A = ID.jia;
  const B = ID.yi;
  const C = ID.bing;
  const payroll = [
    // A: 2023 Jan–Jun 6,000.00, Jul–Dec 7,000.01 → average 78,000.06 / 12 = 6,500.005 → 6,500.01
    ...monthRange('2023-01', '2023-06').map((m) => pay(A, '甲', m, '6000.00')),
    ...monthRange('2023-07', '2023-12').map((m) => pay(A, '甲', m, '7000.01')),
    pay(A, '甲', '2024-01', '9000.00'),
    pay(A, '甲', '2024-02', '9000.00'),
    // B: hired in August 2023 (a July row of 0.00 is no pay) → 25,500.03 / 5 = 5,100.006 → 5,100.01
    pay(B, '乙', '2023-07', '0.00'),
    ...['2023-08', '2023-09', '2023-10', '2023-11'].map((m) => pay(B, '乙', m, '5000.00')),
    pay(B, '乙', '2023-12', '5500.03'),
    pay(B, '乙', '2024-01', '8000.00'),
    // C: hired in February 2024, no pay in 2023 → the first paid month of 2024, 3,000.00, for every month
    pay(C, '丙', '2024-02', '3000.00'),
    pay(C, '丙', '2024-03', '12000.00'),
  ];
  const declarations = [decl(A, '甲', '2024-01', '6500.00'), decl(A, '甲', '2024-02', '6000.00')];
  const result = compute({ plan, from: '2024-01', to: '2024-03', asOf: '2024-04-15', payroll, declarations });

  it('the average is rounded half-up to the fen; a one-fen shortfall rounds to nothing and makes no row', () => {
    // 2024-01: due 6,500.01, declared 6,500.00 → every amount round(0.01 × rate) = 0.00
    expect(rowOf(result, A, '2024-01')).toBeUndefined();
    // 2024-02: shortfall 500.01 → 80.0016 / 40.0008 / 40.0008 / 10.0002
    expect(amounts(result, A, '2024-02')).toEqual({ basis: '6500.01', lines: ['pension 80.00/40.00', 'medical 40.00/10.00'], total: '170.00' });
    expect(rowOf(result, A, '2024-02')!.basisNote).toBe('2023年月平均工资（12个月）');
  });

  it('averages only the months with pay', () => {
    // due 5,100.01: 816.0016 / 408.0008 / 408.0008 / 102.0002
    expect(amounts(result, B, '2024-01')).toEqual({ basis: '5100.01', lines: ['pension 816.00/408.00', 'medical 408.00/102.00'], total: '1734.00' });
    expect(rowOf(result, B, '2024-01')!.basisNote).toBe('2023年月平均工资（5个月）');
  });

  it('a new hire keeps the gross of the first paid month for the whole contribution year', () => {
    // basis 3,000.00 raised to the floor 4,000.00 in February and in March (not March's 12,000.00)
    const expected = { basis: '3000.00', lines: ['pension 640.00/320.00', 'medical 320.00/80.00'], total: '1360.00' };
    expect(amounts(result, C, '2024-02')).toEqual(expected);
    expect(amounts(result, C, '2024-03')).toEqual(expected);
    expect(rowOf(result, C, '2024-03')!.basisNote).toContain('2024年2月');
    expect(result.warnings).toEqual([]);
  });

  it('2023 payroll is read for the base but its months are not audit months', () => {
    expect(result.months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    // sorted by month, then ID (甲 110105198001… before 丙 110105199007…)
    expect(result.rows.map((r) => `${r.month} ${r.name}`)).toEqual(['2024-01 乙', '2024-02 甲', '2024-02 丙', '2024-03 丙']);
  });
});

describe('annual base rule, contribution year from July', () => {
  const plan = simplePlan({
    baseRule: { kind: 'annual', yearStartMonth: 7 },
    periods: [{ from: '2022-01', to: '2025-12', insurances: pensionOnly(4000, 20000) }],
  });
  const D = ID.ding;
  const E = ID.wu;
  const payroll = [
    ...monthRange('2022-01', '2022-12').map((m) => pay(D, '丁', m, '6000.00')),
    ...monthRange('2023-01', '2023-12').map((m) => pay(D, '丁', m, '8000.00')),
    ...monthRange('2024-01', '2024-08').map((m) => pay(D, '丁', m, '10000.00')),
    // E: hired 2023-09 at 7,200.00, then 7,000.00
    pay(E, '戊', '2023-09', '7200.00'),
    ...monthRange('2023-10', '2024-08').map((m) => pay(E, '戊', m, '7000.00')),
  ];
  const declarations = monthRange('2024-05', '2024-08').map((m) => decl(D, '丁', m, '6000.00'));
  const result = compute({ plan, from: '2024-05', to: '2024-08', asOf: '2024-09-30', payroll, declarations });

  it('May and June 2024 belong to the year that started 2023-07, based on 2022', () => {
    expect(rowOf(result, D, '2024-05')).toBeUndefined();
    expect(rowOf(result, D, '2024-06')).toBeUndefined();
  });

  it('July 2024 starts a year based on 2023', () => {
    // due 8,000.00 − declared 6,000.00 = 2,000.00 → 320.00 / 160.00
    expect(amounts(result, D, '2024-07')).toEqual({ basis: '8000.00', lines: ['pension 320.00/160.00'], total: '480.00' });
    expect(amounts(result, D, '2024-08')).toEqual({ basis: '8000.00', lines: ['pension 320.00/160.00'], total: '480.00' });
  });

  it('a person hired in 2023-09: first paid month until June, then the 2023 average', () => {
    // May: no 2022 pay → 2023-09's 7,200.00 → 1,152.00 / 576.00
    expect(amounts(result, E, '2024-05')).toEqual({ basis: '7200.00', lines: ['pension 1152.00/576.00'], total: '1728.00' });
    expect(rowOf(result, E, '2024-05')!.basisNote).toContain('2023年9月');
    // July: (7,200 + 3 × 7,000) / 4 = 7,050.00 → 1,128.00 / 564.00
    expect(amounts(result, E, '2024-07')).toEqual({ basis: '7050.00', lines: ['pension 1128.00/564.00'], total: '1692.00' });
    expect(rowOf(result, E, '2024-07')!.basisNote).toBe('2023年月平均工资（4个月）');
  });
});

describe('reference year not loaded', () => {
  it('says so on the case, naming the year and the months, and falls back to the first paid month', () => {
    const plan = simplePlan({ baseRule: { kind: 'annual', yearStartMonth: 1 } });
    const result = compute({
      plan,
      from: '2024-01',
      to: '2024-02',
      asOf: '2024-03-15',
      payroll: [pay(ID.jia, '甲', '2024-01', '5000.00'), pay(ID.jia, '甲', '2024-02', '9000.00')],
      declarations: [],
    });
    expect(result.warnings).toHaveLength(1);
    const w = result.warnings[0]!;
    expect(w.code).toBe('reference-year-missing');
    expect(w.months).toEqual(['2024-01', '2024-02']);
    expect(w.message).toContain('未导入2023年的工资表');
    expect(w.message).toContain('2024年1月～2024年2月');
    // February uses January's 5,000.00, not its own 9,000.00: 800.00 / 400.00 + 400.00 / 100.00
    expect(amounts(result, ID.jia, '2024-02')).toEqual({ basis: '5000.00', lines: ['pension 800.00/400.00', 'medical 400.00/100.00'], total: '1700.00' });
  });

  it('no warning under the monthly rule', () => {
    const result = compute({ plan: simplePlan(), from: '2024-01', to: '2024-01', asOf: '2024-03-15', payroll: [pay(ID.jia, '甲', '2024-01', '5000.00')], declarations: [] });
    expect(result.warnings).toEqual([]);
  });
});

describe('plan periods changing inside the audit period', () => {
  const plan = simplePlan({
    periods: [
      { from: '2023-01', to: '2023-12', insurances: pensionOnly(3500, 18000) },
      { from: '2024-01', to: '2024-12', insurances: pensionOnly(4000, 20000) },
    ],
  });
  const X = ID.jia;
  const Y = ID.yi;
  const result = compute({
    plan,
    from: '2023-12',
    to: '2024-01',
    asOf: '2024-02-15',
    payroll: [pay(X, '甲', '2023-12', '3000.00'), pay(X, '甲', '2024-01', '3000.00'), pay(Y, '乙', '2023-12', '19000.00'), pay(Y, '乙', '2024-01', '19000.00')],
    declarations: [decl(Y, '乙', '2023-12', '18000.00'), decl(Y, '乙', '2024-01', '18000.00')],
  });

  it('each month takes the floor and ceiling of its own period', () => {
    // December: floor 3,500.00 → 560.00 / 280.00; January: floor 4,000.00 → 640.00 / 320.00
    expect(amounts(result, X, '2023-12')).toEqual({ basis: '3000.00', lines: ['pension 560.00/280.00'], total: '840.00' });
    expect(amounts(result, X, '2024-01')).toEqual({ basis: '3000.00', lines: ['pension 640.00/320.00'], total: '960.00' });
    expect(rowOf(result, X, '2023-12')!.planPeriod).toBe('2023-01～2023-12');
    expect(rowOf(result, X, '2024-01')!.planPeriod).toBe('2024-01～2024-12');
    // December: ceiling 18,000.00 = declared; January: ceiling 20,000 > 19,000 → shortfall 1,000.00
    expect(rowOf(result, Y, '2023-12')).toBeUndefined();
    expect(amounts(result, Y, '2024-01')).toEqual({ basis: '19000.00', lines: ['pension 160.00/80.00'], total: '240.00' });
  });

  it('late fee days run from each month’s own due date', () => {
    // December is due 2024-01-15: 31 days → 840.00 × 0.0005 × 31 = 13.02; January is due on the as-of date
    expect([rowOf(result, X, '2023-12')!.lateFeeDays, money(rowOf(result, X, '2023-12')!.lateFeeFen)]).toEqual([31, '13.02']);
    expect([rowOf(result, X, '2024-01')!.lateFeeDays, rowOf(result, X, '2024-01')!.lateFeeFen]).toEqual([0, 0]);
    expect(money(result.totals.backPayFen)).toBe('2040.00');
    expect(money(result.totals.totalFen)).toBe('2053.02');
  });
});

describe('declarations with and without an insurance column, mixed', () => {
  const plan = simplePlan();
  const result = compute({
    plan,
    from: '2024-03',
    to: '2024-03',
    asOf: '2024-04-15',
    payroll: [pay(ID.jia, '甲', '2024-03', '10000.00'), pay(ID.yi, '乙', '2024-03', '10000.00'), pay(ID.bing, '丙', '2024-03', '10000.00')],
    declarations: [
      decl(ID.jia, '甲', '2024-03', '3000.00', 'pension'),
      decl(ID.jia, '甲', '2024-03', '2000.00', 'pension'),
      decl(ID.jia, '甲', '2024-03', '4000.00', null),
      decl(ID.jia, '甲', '2024-03', '6000.00', 'medical', {}, src('医保申报.xlsx')),
      decl(ID.yi, '乙', '2024-03', '8000.00', null),
      decl(ID.bing, '丙', '2024-03', '10000.00', 'injury'),
    ],
  });

  it('typed rows of one type add up, and an untyped row counts for every type', () => {
    // pension 3,000 + 2,000 + 4,000 = 9,000 → shortfall 1,000.00; medical 6,000 + 4,000 = 10,000 → none
    const jia = rowOf(result, ID.jia, '2024-03')!;
    expect(jia.insurances.map((i) => [i.code, money(i.declaredBaseFen), money(i.shortfallFen)])).toEqual([
      ['pension', '9000.00', '1000.00'],
      ['medical', '10000.00', '0.00'],
    ]);
    expect(money(jia.totalFen)).toBe('240.00');
    expect(jia.declarationSources.map((s) => s.fileName).sort()).toEqual(['医保申报.xlsx', '申报明细.xlsx', '申报明细.xlsx', '申报明细.xlsx']);
  });

  it('untyped only: the same base for every type', () => {
    expect(amounts(result, ID.yi, '2024-03')).toEqual({ basis: '10000.00', lines: ['pension 320.00/160.00', 'medical 160.00/40.00'], total: '680.00' });
  });

  it('a type the plan does not have is no declaration for the others, but the person is declared', () => {
    const bing = rowOf(result, ID.bing, '2024-03')!;
    expect(bing.payrollOnly).toBe(false);
    // nothing counts for pension or medical: 1,600.00 / 800.00 + 800.00 / 200.00
    expect(money(bing.totalFen)).toBe('3400.00');
    expect(result.months[0]).toMatchObject({ payrollHeadcount: 3, declaredHeadcount: 3, matched: 3, payrollOnly: 0, declaredOnly: 0 });
    // the summary's declared base per person is the largest per type: 10,000 + 8,000 + 10,000
    expect(money(result.months[0]!.declaredBaseFen)).toBe('28000.00');
  });
});

describe('late fee cap', () => {
  // 2024-04-15 → 2031-03-31 is 2,541 days: 1,611.18 × 0.0005 × 2,541 = 2,047.00419 → 2,047.00
  it('"none": the late fee may exceed the back-pay', () => {
    const r = compute(workedExampleInput({ asOf: '2031-03-31' }));
    expect(r.rows.map((x) => [x.lateFeeDays, money(x.lateFeeFen), x.lateFeeCapped])).toEqual([
      [2541, '2047.00', false],
      [2541, '1819.36', false],
    ]);
  });

  it('"principal": each row’s late fee is cut to its back-pay', () => {
    const plan = { ...loadPlan('example-2024.json'), lateFeeCap: 'principal' as const };
    const r = compute(workedExampleInput({ plan, asOf: '2031-03-31' }));
    expect(r.rows.map((x) => [money(x.lateFeeFen), x.lateFeeCapped])).toEqual([
      ['1611.18', true],
      ['1432.00', true],
    ]);
    expect(money(r.totals.lateFeeFen)).toBe('3043.18');
    // under the cap nothing changes
    const early = compute(workedExampleInput({ plan }));
    expect(early.rows.map((x) => [money(x.lateFeeFen), x.lateFeeCapped])).toEqual([
      ['281.96', false],
      ['250.60', false],
    ]);
  });

  it('no late fee before the due date', () => {
    const r = compute(workedExampleInput({ asOf: '2024-04-10' }));
    expect(r.rows.map((x) => [x.lateFeeDays, x.lateFeeFen])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(money(r.totals.totalFen)).toBe('3043.18');
  });
});

describe('exemptions', () => {
  it('an exempt person-month owes nothing and is kept visible with what it would have owed', () => {
    const r = compute(workedExampleInput({ exemptions: [{ personId: ID.yi, reason: 'student-intern', note: '在校学生实习协议' }] }));
    // totals lose exactly 乙's 1,012.00 / 420.00 and late fee 250.60
    expect(r.rows.map((x) => x.name)).toEqual(['甲']);
    expect({ e: money(r.totals.employerFen), ee: money(r.totals.employeeFen), fee: money(r.totals.lateFeeFen), t: money(r.totals.totalFen) }).toEqual({
      e: '1138.63',
      ee: '472.55',
      fee: '281.96',
      t: '1893.14',
    });
    expect(r.exempted).toHaveLength(1);
    const yi = r.exempted[0]!;
    expect([yi.name, money(yi.employerFen), money(yi.employeeFen), money(yi.totalFen), money(yi.lateFeeFen)]).toEqual(['乙', '1012.00', '420.00', '1432.00', '250.60']);
    expect(yi.exemption).toEqual({ reason: 'student-intern', note: '在校学生实习协议' });
    expect(r.byInsurance.pension).toEqual({ employerFen: 72009, employeeFen: 36004 });
    // the reconciliation does not change: 乙 is still on the payroll and not declared
    expect(r.months[0]).toMatchObject({ payrollOnly: 1, rows: 1 });
    expect(r.payrollOnly.map((p) => p.name)).toEqual(['乙']);
  });

  it('an exemption for other months changes nothing', () => {
    const r = compute(workedExampleInput({ exemptions: [{ personId: ID.yi, months: ['2024-02', '2024-04'], reason: 'retiree-rehired' }] }));
    expect(money(r.totals.totalFen)).toBe('3575.74');
    expect(r.exempted).toEqual([]);
  });

  it('month-limited exemptions apply to those months only', () => {
    const payroll = monthRange('2024-01', '2024-03').map((m) => pay(ID.yi, '乙', m, '3000.00'));
    const r = compute({
      plan: loadPlan('example-2024.json'),
      from: '2024-01',
      to: '2024-03',
      asOf: '2024-04-15',
      payroll,
      declarations: [],
      exemptions: [{ personId: ID.yi, months: ['2024-02'], reason: 'insured-elsewhere' }],
    });
    expect(r.rows.map((x) => x.month)).toEqual(['2024-01', '2024-03']);
    expect(r.exempted.map((x) => x.month)).toEqual(['2024-02']);
    expect(money(r.totals.backPayFen)).toBe('2864.00');
  });
});

describe('over-declared bases and rate/amount discrepancies', () => {
  const plan = simplePlan();
  const result = compute({
    plan,
    from: '2024-03',
    to: '2024-03',
    asOf: '2024-04-15',
    payroll: [pay(ID.jia, '甲', '2024-03', '9000.00'), pay(ID.yi, '乙', '2024-03', '5000.00'), pay(ID.bing, '丙', '2024-03', '30000.00')],
    declarations: [
      decl(ID.jia, '甲', '2024-03', '9500.00'),
      // typed, correct: 5,000 × 0.16 = 800.00, × 0.08 = 400.00; the employer side is off
      decl(ID.yi, '乙', '2024-03', '5000.00', 'pension', { employer: '750.00', employee: '400.00' }),
      // untyped: pension + medical = 800.00 + 400.00 employer, 400.00 + 100.00 employee; one fen off is tolerated
      decl(ID.yi, '乙', '2024-03', '0.00', 'medical'),
      decl(ID.bing, '丙', '2024-03', '20000.00', null, { employer: '4800.01', employee: '2000.02' }),
    ],
  });

  it('a base above the due base is listed per insurance, and owes nothing', () => {
    expect(result.overDeclared.map((o) => [o.name, o.insurance, money(o.dueBaseFen), money(o.declaredBaseFen)])).toEqual([
      ['甲', 'pension', '9000.00', '9500.00'],
      ['甲', 'medical', '9000.00', '9500.00'],
    ]);
    expect(rowOf(result, ID.jia, '2024-03')).toBeUndefined();
    // 丙 earns 30,000 but the ceiling is 20,000: declared = due, not over-declared
    expect(result.overDeclared.some((o) => o.personId === ID.bing)).toBe(false);
  });

  it('an amount more than 0.01 from round(base × rate) is a discrepancy', () => {
    // 丙: untyped 20,000 → employer 3,200 + 1,600 = 4,800.00 (4,800.01 tolerated), employee 1,600 + 400 = 2,000.00 (2,000.02 not)
    expect(result.discrepancies.map((d) => [d.name, d.insurance, d.side, money(d.expectedFen), money(d.declaredAmountFen)])).toEqual([
      ['乙', 'pension', 'employer', '800.00', '750.00'],
      ['丙', null, 'employee', '2000.00', '2000.02'],
    ]);
    expect(result.discrepancies[0]!.source.fileName).toBe('申报明细.xlsx');
  });

  it('乙 still owes medical on the whole base', () => {
    expect(amounts(result, ID.yi, '2024-03')).toEqual({ basis: '5000.00', lines: ['pension 0.00/0.00', 'medical 400.00/100.00'], total: '500.00' });
  });
});

describe('who is where', () => {
  it('payroll rows adding up to zero are no pay: a declaration then is declared-only, never back-paid', () => {
    const r = compute({
      plan: simplePlan(),
      from: '2024-03',
      to: '2024-03',
      asOf: '2024-04-15',
      payroll: [pay(ID.jia, '甲', '2024-03', '5000.00'), { ...pay(ID.jia, '甲', '2024-03', '5000.00'), grossFen: -500000 }],
      declarations: [decl(ID.jia, '甲', '2024-03', '4000.00'), decl(ID.yi, '乙', '2024-03', '4000.00')],
    });
    expect(r.months[0]).toMatchObject({ payrollHeadcount: 0, declaredHeadcount: 2, declaredOnly: 2, payrollOnly: 0, rows: 0 });
    expect(r.declaredOnly.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(r.rows).toEqual([]);
    expect(r.totals.totalFen).toBe(0);
  });

  it('declarations outside the audit period are ignored; payroll outside only feeds the annual rule', () => {
    const r = compute({
      plan: simplePlan(),
      from: '2024-03',
      to: '2024-03',
      asOf: '2024-04-15',
      payroll: [pay(ID.jia, '甲', '2024-02', '5000.00'), pay(ID.jia, '甲', '2024-03', '5000.00')],
      declarations: [decl(ID.jia, '甲', '2024-02', '5000.00'), decl(ID.jia, '甲', '2024-04', '5000.00')],
    });
    expect(r.months).toHaveLength(1);
    expect(r.rows.map((x) => [x.month, x.payrollOnly])).toEqual([['2024-03', true]]);
    expect(r.declaredOnly).toEqual([]);
  });
});

describe('arrears before 2011-07', () => {
  it('are computed at the plan’s rate and flagged, listing the months', () => {
    const plan: RatePlan = simplePlan({ periods: [{ from: '2010-01', to: '2011-12', insurances: pensionOnly(1500, 9000) }] });
    const r = compute({
      plan,
      from: '2011-05',
      to: '2011-08',
      asOf: '2012-01-31',
      payroll: monthRange('2011-05', '2011-08').map((m) => pay(ID.jia, '甲', m, '2000.00')),
      declarations: [],
    });
    expect(r.rows).toHaveLength(4);
    const w = r.warnings.find((x) => x.code === 'pre-2011-arrears')!;
    expect(w.months).toEqual(['2011-05', '2011-06']);
    expect(w.message).toContain('2011年5月～2011年6月');
    // May: 480.00 due 2011-06-15, 230 days to 2012-01-31 → 480.00 × 0.0005 × 230 = 55.20
    expect([r.rows[0]!.lateFeeDays, money(r.rows[0]!.lateFeeFen)]).toEqual([230, '55.20']);
  });
});

describe('errors', () => {
  it('a month no plan period covers', () => {
    const input = workedExampleInput({ from: '2023-11', to: '2024-02' });
    expect(() => compute(input)).toThrow(ComputeError);
    expect(() => compute(input)).toThrow('没有覆盖稽核期间的以下月份：2023年11月～2023年12月');
    try {
      compute(input);
    } catch (e) {
      expect((e as ComputeError).months).toEqual(['2023-11', '2023-12']);
    }
  });

  it('an audit period that ends before it starts, or bad dates', () => {
    expect(() => compute(workedExampleInput({ from: '2024-04', to: '2024-03' }))).toThrow('稽核期间的结束月（2024年3月）早于开始月（2024年4月）');
    expect(() => compute(workedExampleInput({ asOf: '2025-02-30' }))).toThrow(ComputeError);
    expect(() => compute(workedExampleInput({ from: '2024-3' }))).toThrow(ComputeError);
  });
});

describe('declaration corrections', () => {
  it('a net negative declared base counts as nothing declared, never more than the due base', () => {
    const r = compute({
      plan: simplePlan(),
      from: '2024-03',
      to: '2024-03',
      asOf: '2024-04-15',
      payroll: [pay(ID.jia, '甲', '2024-03', '5000.00')],
      declarations: [decl(ID.jia, '甲', '2024-03', '3000.00'), { ...decl(ID.jia, '甲', '2024-03', '4000.00'), baseFen: -400000 }],
    });
    // declared 3,000 − 4,000 = −1,000 → shortfall 5,000.00 (not 6,000.00): 800/400 + 400/100
    expect(amounts(r, ID.jia, '2024-03')).toEqual({ basis: '5000.00', lines: ['pension 800.00/400.00', 'medical 400.00/100.00'], total: '1700.00' });
    expect(rowOf(r, ID.jia, '2024-03')!.insurances[0]!.declaredBaseFen).toBe(-100000);
  });
});
