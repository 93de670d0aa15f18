// The small rules the computation is made of, each on its own: contribution years, rounded
// averages, clamping, late fees, exemptions, month spans, and the reusable zod error formatter.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { averageHalfUp, contributionYearStart, referenceYear } from '../../shared/rules/basis';
import { clampBase } from '../../shared/rules/backPay';
import { makeExemptionLookup } from '../../shared/rules/exemptions';
import { isBeforeSocialInsuranceLaw, lateFeeDays, lateFeeFor } from '../../shared/rules/lateFee';
import { decimalFrom } from '../../shared/rules/money';
import { describeMonths } from '../../shared/rules/planRates';
import { chineseErrorMap, formatZodIssues, humanPath } from '../../shared/rules/zodIssues';

describe('contribution and reference years', () => {
  it.each([
    ['2024-01', 1, '2024-01', 2023],
    ['2024-12', 1, '2024-01', 2023],
    ['2024-06', 7, '2023-07', 2022],
    ['2024-07', 7, '2024-07', 2023],
    ['2025-01', 7, '2024-07', 2023],
  ] as const)('%s with yearStartMonth %i: year starts %s, reference year %i', (month, start, yearStart, ref) => {
    expect(contributionYearStart(month, start)).toBe(yearStart);
    expect(referenceYear(month, start)).toBe(ref);
  });
});

describe('averageHalfUp', () => {
  it('rounds half-up to the fen in integers', () => {
    expect(averageHalfUp(7800006, 12)).toBe(650001); // 650,000.5
    expect(averageHalfUp(7800005, 12)).toBe(650000); // 650,000.41…
    expect(averageHalfUp(5, 2)).toBe(3);
    expect(averageHalfUp(4, 3)).toBe(1);
    expect(averageHalfUp(0, 1)).toBe(0);
    expect(() => averageHalfUp(100, 0)).toThrow();
  });
});

describe('clampBase', () => {
  it('raises to the floor and cuts at the ceiling', () => {
    expect(clampBase(300000, 400000, 2000000)).toBe(400000);
    expect(clampBase(2500000, 400000, 2000000)).toBe(2000000);
    expect(clampBase(950055, 400000, 2000000)).toBe(950055);
  });
});

describe('late fee', () => {
  const rate = decimalFrom(0.0005);
  it('counts days from the due date, none before it', () => {
    expect(lateFeeDays('2024-04-15', '2025-03-31')).toBe(350);
    expect(lateFeeDays('2024-04-15', '2024-04-15')).toBe(0);
    expect(lateFeeDays('2024-04-15', '2024-04-01')).toBe(0);
  });

  it('rounds once, caps at the principal only when asked', () => {
    expect(lateFeeFor(161118, 350, rate, 'none')).toEqual({ days: 350, fen: 28196, capped: false });
    expect(lateFeeFor(10000, 2001, rate, 'none')).toEqual({ days: 2001, fen: 10005, capped: false });
    expect(lateFeeFor(10000, 2001, rate, 'principal')).toEqual({ days: 2001, fen: 10000, capped: true });
    expect(lateFeeFor(10000, 2000, rate, 'principal')).toEqual({ days: 2000, fen: 10000, capped: false });
    expect(lateFeeFor(10000, 0, rate, 'none')).toEqual({ days: 0, fen: 0, capped: false });
  });

  it('knows when the social insurance law took over', () => {
    expect(isBeforeSocialInsuranceLaw('2011-06')).toBe(true);
    expect(isBeforeSocialInsuranceLaw('2011-07')).toBe(false);
  });
});

describe('exemptions', () => {
  it('a whole-person exemption covers every month; the first matching one wins', () => {
    const lookup = makeExemptionLookup([
      { personId: 'A', months: ['2024-03'], reason: 'student-intern' },
      { personId: 'A', reason: 'retiree-rehired' },
      { personId: 'B', months: [], reason: 'other' },
    ]);
    expect(lookup('A', '2024-03')?.reason).toBe('student-intern');
    expect(lookup('A', '2024-04')?.reason).toBe('retiree-rehired');
    expect(lookup('B', '2024-03')).toBeUndefined();
    expect(lookup('C', '2024-03')).toBeUndefined();
    expect(makeExemptionLookup(undefined)('A', '2024-03')).toBeUndefined();
  });
});

describe('describeMonths', () => {
  it('joins consecutive months into spans, in order', () => {
    expect(describeMonths(['2024-03', '2023-12', '2024-01', '2024-02', '2024-06'])).toBe('2023年12月～2024年3月、2024年6月');
    expect(describeMonths(['2011-05'])).toBe('2011年5月');
  });
});

describe('formatZodIssues for any schema', () => {
  const Schema = z.object({
    employer: z.object({ name: z.string().min(1, '请填写单位名称'), staff: z.number().int() }),
    auditors: z.array(z.object({ name: z.string() })).min(2),
  });
  const labels = { fields: { employer: '单位', name: '名称', 'auditors.name': '姓名', staff: '职工人数', auditors: '稽核人员' }, items: { auditors: '稽核人员' } };

  it('names the place in Chinese and keeps the technical path', () => {
    const r = Schema.safeParse({ employer: { name: '', staff: 'x' }, auditors: [{ name: 3 }] }, { error: chineseErrorMap });
    expect(r.success).toBe(false);
    expect(formatZodIssues(r.error!, labels)).toEqual([
      { path: '单位 › 名称', field: 'employer.name', message: '请填写单位名称' },
      { path: '单位 › 职工人数', field: 'employer.staff', message: '应为数字，实际为文本' },
      { path: '第1个稽核人员 › 姓名', field: 'auditors[0].name', message: '应为文本，实际为数字' },
      { path: '稽核人员', field: 'auditors', message: '至少要有 2 项' },
    ]);
  });

  it('without labels it still gives a readable path', () => {
    expect(humanPath(['rows', 4, 'amount'])).toBe('rows › 第5项 › amount');
  });
});
