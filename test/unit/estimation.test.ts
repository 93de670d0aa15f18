// Estimation (核定, DOMAIN.md §13), worked by hand on the plan of §5 (pension 16 %/8 %, medical
// 8 %/2 %, maternity 0.8 %/0, unemployment 0.5 %/0.5 %; base 4,000.00–20,000.00; due the 15th of
// the next month; 0.05 % a day). As-of 2025-03-31: 2024-03 is due 2024-04-15, 350 days late, so a
// row's late fee is round(total × 0.175).
import { describe, expect, it } from 'vitest';
import type { RatePlan } from '../../shared/domain/ratePlan';
import { RatePlanSchema } from '../../shared/domain/ratePlan';
import type { ComputeResult } from '../../shared/domain/result';
import { compute } from '../../shared/rules/compute';
import { formatFen } from '../../shared/rules/money';
import { parseRatePlan } from '../../shared/rules/ratePlan';
import { decl, ID, loadPlan, pay } from './computeFixtures';

const LEGAL = '《社会保险法》第六十二条';
const withEstimation = (estimation: RatePlan['estimation']): RatePlan => ({ ...loadPlan('example-2024.json'), estimation });
const rowOf = (r: ComputeResult, personId: string, month = '2024-03') => r.rows.find((x) => x.personId === personId && x.month === month);
const lines = (r: ComputeResult, personId: string) => rowOf(r, personId)!.insurances.map((i) => `${i.code} ${formatFen(i.employerFen)}/${formatFen(i.employeeFen)}`);

describe('the average-wage rule, per person-month', () => {
  const plan = withEstimation({ rule: 'average-wage', legalBasis: LEGAL, averageWages: [{ from: '2024-01', to: '2024-12', monthly: 7654.32 }] });
  const result = compute({
    plan,
    from: '2024-03',
    to: '2024-03',
    asOf: '2025-03-31',
    // 甲's March payroll is judged unusable (3,000.00 for a full-time engineer); 乙 is not estimated
    payroll: [pay(ID.jia, '甲', '2024-03', '3000.00'), pay(ID.yi, '乙', '2024-03', '3000.00')],
    declarations: [decl(ID.jia, '甲', '2024-03', '4000.00'), decl(ID.yi, '乙', '2024-03', '4000.00')],
    estimations: [{ personId: ID.jia, months: ['2024-03'], reason: '三月工资表只有半月记录' }],
  });

  it('takes the plan\'s average wage as the basis and computes to the fen', () => {
    const row = rowOf(result, ID.jia)!;
    // basis 7,654.32, shortfall 3,654.32:
    // pension 584.6912 → 584.69 / 292.3456 → 292.35; medical 292.3456 → 292.35 / 73.0864 → 73.09;
    // maternity 29.23456 → 29.23 / 0; unemployment 18.2716 → 18.27 / 18.27
    expect(formatFen(row.basisFen)).toBe('7654.32');
    expect(row.basisNote).toBe('核定：按地区月平均工资核定');
    expect(lines(result, ID.jia)).toEqual(['pension 584.69/292.35', 'medical 292.35/73.09', 'maternity 29.23/0.00', 'unemployment 18.27/18.27']);
    // employer 924.54, employee 383.71, total 1,308.25; late fee 1,308.25 × 0.175 = 228.94375 → 228.94
    expect([row.employerFen, row.employeeFen, row.totalFen, row.lateFeeFen].map(formatFen)).toEqual(['924.54', '383.71', '1308.25', '228.94']);
    expect(row.estimated).toEqual({ rule: '按地区月平均工资核定', legalBasis: LEGAL, reason: '三月工资表只有半月记录' });
  });

  it('leaves the persons not estimated on their payroll (乙: floor 4,000.00 = declared, no row)', () => {
    expect(rowOf(result, ID.yi)).toBeUndefined();
    expect(result.rows).toHaveLength(1);
    expect(formatFen(result.totals.totalFen)).toBe('1537.19'); // 1,308.25 + 228.94
  });
});

describe('the last-declared rule for the whole case, payroll missing', () => {
  const plan = withEstimation({ rule: 'last-declared', legalBasis: LEGAL, percent: 110 });
  const result = compute({
    plan,
    from: '2024-03',
    to: '2024-03',
    asOf: '2025-03-31',
    payroll: [], // the employer produced no payroll at all
    declarations: [decl(ID.jia, '甲', '2024-03', '5000.00'), decl(ID.yi, '乙', '2024-03', '4321.05')],
    estimations: [{ personId: null, months: null, reason: '单位拒不提供工资表' }],
  });

  it('110 % of the declared base: 5,000.00 → 5,500.00, shortfall 500.00', () => {
    const row = rowOf(result, ID.jia)!;
    expect(formatFen(row.basisFen)).toBe('5500.00');
    expect(lines(result, ID.jia)).toEqual(['pension 80.00/40.00', 'medical 40.00/10.00', 'maternity 4.00/0.00', 'unemployment 2.50/2.50']);
    // total 179.00; late fee 179.00 × 0.175 = 31.325 → 31.33
    expect([row.totalFen, row.lateFeeFen].map(formatFen)).toEqual(['179.00', '31.33']);
    expect(row.payrollSources).toEqual([]);
    expect(row.declarationSources).toHaveLength(1);
  });

  it('rounds the estimated base half-up to the fen: 4,321.05 × 110 % = 4,753.155 → 4,753.16', () => {
    const row = rowOf(result, ID.yi)!;
    expect(formatFen(row.basisFen)).toBe('4753.16');
    // shortfall 432.11: pension 69.1376 → 69.14 / 34.5688 → 34.57; medical 34.57 / 8.6422 → 8.64;
    // maternity 3.45688 → 3.46; unemployment 2.16055 → 2.16 / 2.16 — employer 109.33, employee 45.37
    expect(lines(result, ID.yi)).toEqual(['pension 69.14/34.57', 'medical 34.57/8.64', 'maternity 3.46/0.00', 'unemployment 2.16/2.16']);
    expect([row.employerFen, row.employeeFen, row.totalFen].map(formatFen)).toEqual(['109.33', '45.37', '154.70']);
    expect(row.estimated?.reason).toBe('单位拒不提供工资表');
  });
});

describe('estimation the plan cannot serve is said, not guessed', () => {
  it('a month without an average wage: computed on the payroll and warned', () => {
    const plan = withEstimation({ rule: 'average-wage', legalBasis: LEGAL, averageWages: [{ from: '2024-04', to: '2024-12', monthly: 7654.32 }] });
    const r = compute({
      plan,
      from: '2024-03',
      to: '2024-03',
      asOf: '2025-03-31',
      payroll: [pay(ID.jia, '甲', '2024-03', '3000.00')],
      declarations: [],
      estimations: [{ personId: ID.jia, months: null, reason: '工资表不可信' }],
    });
    const row = rowOf(r, ID.jia)!;
    expect(row.estimated).toBeUndefined();
    expect(formatFen(row.basisFen)).toBe('3000.00');
    expect(r.warnings.map((w) => w.code)).toEqual(['estimation-unavailable']);
    expect(r.warnings[0]!.months).toEqual(['2024-03']);
  });

  it('a plan without an estimation rule: warned', () => {
    const r = compute({ plan: loadPlan('example-2024.json'), from: '2024-03', to: '2024-03', asOf: '2025-03-31', payroll: [pay(ID.jia, '甲', '2024-03', '3000.00')], declarations: [], estimations: [{ personId: null, reason: '工资表缺失' }] });
    expect(r.warnings[0]?.message).toContain('未设核定基数规则');
  });
});

describe('the plan fields', () => {
  it('name the field in Chinese when the legal basis is missing', () => {
    const raw = { ...loadPlan('example-2024.json'), estimation: { rule: 'last-declared', percent: 110 } };
    const parsed = parseRatePlan(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path).join(' ')).toContain('核定基数 › 法律依据');
  });

  it('accept a look-back setting and both rules', () => {
    expect(RatePlanSchema.safeParse({ ...loadPlan('example-2024.json'), lookBackMonths: 24, estimation: { rule: 'average-wage', legalBasis: LEGAL, averageWages: [{ from: '2024-01', to: '2024-12', monthly: 8000 }] } }).success).toBe(true);
  });
});
