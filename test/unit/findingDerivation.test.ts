// The working papers' arithmetic lines (shared/rules/findingDerivation.ts): exact products without
// floating point, rates as percentages, and the self-check that every rounded figure the
// computation produced is round_half_up of the product the line writes out.
import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../shared/api/dto';
import { backPaySteps, backPayStepsConsistent, discrepancySteps, exactProductText, overDeclaredSteps, percentText } from '../../shared/rules/findingDerivation';
import { discrepancyKey, parsePaperKey } from '../../shared/domain/findingPapers';

// 甲 of the worked example (DOMAIN.md §6.5), as results.compute gives it.
const line = (code: 'pension' | 'medical' | 'maternity' | 'unemployment', name: string, er: string, ee: string, employer: string, employee: string) => ({
  code,
  name,
  employerRate: er,
  employeeRate: ee,
  floor: '4000.00',
  ceiling: '20000.00',
  dueBase: '9500.55',
  declaredBase: '5000.00',
  shortfall: '4500.55',
  employer,
  employee,
});
const JIA: ResultRow = {
  personId: '110105198001010016',
  name: '甲',
  month: '2024-03',
  payrollOnly: false,
  basis: '9500.55',
  basisNote: '当月应发工资',
  planPeriod: '2024-01～2024-12',
  insurances: [
    line('pension', '基本养老保险', '0.16', '0.08', '720.09', '360.04'),
    line('medical', '职工基本医疗保险', '0.08', '0.02', '360.04', '90.01'),
    line('maternity', '生育保险', '0.008', '0', '36.00', '0.00'),
    line('unemployment', '失业保险', '0.005', '0.005', '22.50', '22.50'),
  ],
  employer: '1138.63',
  employee: '472.55',
  total: '1611.18',
  dueDate: '2024-04-15',
  lateFeeDays: 350,
  lateFee: '281.96',
  lateFeeCapped: false,
  payrollSources: [],
  declarationSources: [],
};
const LATE = { dailyRate: '0.0005', cap: 'none' as const, asOf: '2025-03-31' };

describe('exact products and percentages', () => {
  it('multiplies money by decimal rates and days exactly', () => {
    expect(exactProductText('4500.55', ['0.16'])).toBe('720.088');
    expect(exactProductText('1611.18', ['0.0005'], 350)).toBe('281.9565');
    expect(exactProductText('4000.00', ['0.16'])).toBe('640.00');
    // 0.1 + 0.2-style float noise would show here: 1234567.89 × 0.07 = 86419.7523 exactly.
    expect(exactProductText('1234567.89', ['0.07'])).toBe('86,419.7523');
  });
  it('writes rates as percentages without float noise', () => {
    expect(['0.16', '0.0005', '0.008', '0.005', '0', '1', '0.07'].map(percentText)).toEqual(['16%', '0.05%', '0.8%', '0.5%', '0%', '100%', '7%']);
  });
});

describe('back-pay lines', () => {
  it("writes 甲's amounts with the exact product and the computation's rounded figure", () => {
    const texts = backPaySteps(JIA, LATE).map((s) => `${s.label}：${s.text}`);
    expect(texts[0]).toBe('工资基数：当月应发工资：9,500.55');
    expect(texts).toContain('基本养老保险 少报基数：应缴基数 9,500.55（在下限 4,000.00 与上限 20,000.00 之间）− 申报基数 5,000.00 = 少报 4,500.55');
    expect(texts).toContain('基本养老保险 单位补缴：少报 4,500.55 × 16% = 720.088 → 720.09');
    expect(texts).toContain('生育保险 个人补缴：少报 4,500.55 × 0% = 0.00');
    expect(texts.at(-1)).toBe('滞纳金：滞纳金 1,611.18 × 0.05% × 350天 = 281.9565 → 281.96');
    expect(backPayStepsConsistent(JIA, LATE)).toBe(true);
  });
  it('catches a rounded figure that is not the rounding of its product', () => {
    expect(backPayStepsConsistent({ ...JIA, lateFee: '281.95' }, LATE)).toBe(false);
    const wrong = { ...JIA, insurances: [{ ...JIA.insurances[0]!, employer: '720.08' }, ...JIA.insurances.slice(1)] };
    expect(backPayStepsConsistent(wrong, LATE)).toBe(false);
  });
  it('says when the late fee is capped at the principal, and when there is none yet', () => {
    const capped = backPaySteps({ ...JIA, lateFeeDays: 2000, lateFee: '1611.18', lateFeeCapped: true }, { ...LATE, cap: 'principal' });
    expect(capped.at(-1)!.text).toBe('滞纳金 1,611.18 × 0.05% × 2000天 = 1,611.18，超过本金，按本金封顶 → 1,611.18');
    expect(backPaySteps({ ...JIA, lateFeeDays: 0, lateFee: '0.00' }, LATE).at(-1)!.text).toBe('未超过应缴截止日，不计滞纳金');
  });
});

describe('other findings', () => {
  it('over-declared and discrepancy lines subtract in fen', () => {
    expect(overDeclaredSteps([{ insurance: 'pension', dueBase: '4000.00', declaredBase: '4500.10' }])[0]!.text).toBe('申报基数 4,500.10 − 应缴基数 4,000.00 = 多报 500.10（仅列示，不予退还）');
    const steps = discrepancySteps({ declaredBase: '5000.00', expected: '800.00', declaredAmount: '750.00', side: 'employer' }, [{ name: '基本养老保险', rate: '0.16', amount: '800.00' }]);
    expect(steps.map((s) => s.text)).toEqual(['申报基数 5,000.00 × 16% = 800.00', '申报金额 750.00 − 应缴 800.00 = -50.00']);
  });
  it('discrepancy keys round-trip, and bad keys are refused in Chinese', () => {
    const key = discrepancyKey({ personId: '110105198001010016', month: '2024-03', side: 'employee', source: { fileId: 7, row: 12 } });
    expect(parsePaperKey(key)).toEqual({ ok: true, key: { kind: 'discrepancy', personId: '110105198001010016', month: '2024-03', side: 'employee', fileId: 7, row: 12 } });
    expect(parsePaperKey('discrepancy:x:2024-03:both:1:2')).toMatchObject({ ok: false, reason: expect.stringContaining('格式应为') });
    expect(parsePaperKey('under-declared:110105198001010016:2024-03')).toMatchObject({ ok: true, key: { kind: 'under-declared' } });
  });
});
