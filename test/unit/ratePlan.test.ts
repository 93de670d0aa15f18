// Rate plans (DOMAIN.md §5): validation answers with the field and the reason in Chinese; due
// dates; the example plans shipped with the workstation.
import { describe, expect, it } from 'vitest';
import type { RatePlan } from '../../shared/domain/ratePlan';
import { dueDate, jsonErrorPosition, parseRatePlan, parseRatePlanText, planPeriodFor } from '../../shared/rules/ratePlan';
import { fieldErrorsToText } from '../../shared/rules/zodIssues';
import { loadPlan, simplePlan } from './computeFixtures';

const errorsOf = (json: unknown) => {
  const r = parseRatePlan(json);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

const twoPeriods = (): RatePlan =>
  simplePlan({
    periods: [
      { from: '2023-01', to: '2023-12', insurances: [{ code: 'pension', name: '基本养老保险', employerRate: 0.16, employeeRate: 0.08, floor: 3500, ceiling: 18000 }] },
      { from: '2024-01', to: '2024-12', insurances: [{ code: 'pension', name: '基本养老保险', employerRate: 0.16, employeeRate: 0.08, floor: 4000, ceiling: 20000 }] },
    ],
  });

describe('example plans', () => {
  it('the §5 plan loads, is labelled as an example, and matches DOMAIN.md', () => {
    const plan = loadPlan('example-2024.json');
    expect(plan.example).toBe(true);
    expect(plan.note).toBe('示例方案，费率仅供演示，请按当地政策修改');
    expect(plan.periods).toHaveLength(1);
    expect(plan.periods[0]!.insurances.map((i) => [i.code, i.employerRate, i.employeeRate, i.floor, i.ceiling])).toEqual([
      ['pension', 0.16, 0.08, 4000, 20000],
      ['medical', 0.08, 0.02, 4000, 20000],
      ['maternity', 0.008, 0, 4000, 20000],
      ['unemployment', 0.005, 0.005, 4000, 20000],
    ]);
  });

  it('the annual example: yearStartMonth 7, contiguous periods with changing floors, injury and supplementary medical', () => {
    const plan = loadPlan('example-annual-2023-2025.json');
    expect(plan.example).toBe(true);
    expect(plan.baseRule).toEqual({ kind: 'annual', yearStartMonth: 7 });
    const codes = new Set(plan.periods.flatMap((p) => p.insurances.map((i) => i.code)));
    expect(codes.has('injury') && codes.has('supplementary-medical')).toBe(true);
    const floors = plan.periods.map((p) => p.insurances[0]!.floor);
    expect(new Set(floors).size).toBe(plan.periods.length);
    for (let k = 1; k < plan.periods.length; k++) {
      expect(plan.periods[k]!.from).toBe(nextMonth(plan.periods[k - 1]!.to));
    }
  });
});

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

describe('validation errors in Chinese, with the field', () => {
  it('a negative rate, in the second period', () => {
    const plan = twoPeriods() as unknown as { periods: { insurances: { employerRate: number }[] }[] };
    plan.periods[1]!.insurances[0]!.employerRate = -0.16;
    expect(errorsOf(plan)).toEqual([{ path: '第2个期间 › 第1个险种 › 单位费率', field: 'periods[1].insurances[0].employerRate', message: '费率不能为负' }]);
  });

  it('a ceiling below the floor', () => {
    const plan = twoPeriods();
    plan.periods[0]!.insurances[0]!.ceiling = 3000;
    expect(errorsOf(plan)).toEqual([{ path: '第1个期间 › 第1个险种 › 基数上限', field: 'periods[0].insurances[0].ceiling', message: '缴费基数上限不能低于下限' }]);
  });

  it('overlapping periods, also one nested inside an earlier long period', () => {
    const plan = twoPeriods();
    plan.periods[1]!.from = '2023-10';
    expect(errorsOf(plan)).toEqual([
      { path: '第2个期间 › 开始月', field: 'periods[1].from', message: '期间 2023-10～2024-12 与期间 2023-01～2023-12 重叠' },
    ]);
    const nested = twoPeriods();
    nested.periods[0]!.to = '2025-12';
    nested.periods.push({ ...nested.periods[1]!, from: '2025-03', to: '2025-04' });
    nested.periods[1]!.to = '2024-06';
    const errors = errorsOf(nested);
    expect(errors.map((e) => e.field)).toEqual(['periods[1].from', 'periods[2].from']);
    expect(errors[1]!.message).toBe('期间 2025-03～2025-04 与期间 2023-01～2025-12 重叠');
  });

  it('a bad month and a period that ends before it starts', () => {
    const plan = twoPeriods();
    plan.periods[0]!.from = '2023-13';
    expect(errorsOf(plan)).toEqual([{ path: '第1个期间 › 开始月', field: 'periods[0].from', message: '应为 YYYY-MM 形式的月份' }]);
    const reversed = twoPeriods();
    reversed.periods[1]!.to = '2023-12';
    expect(errorsOf(reversed)[0]).toMatchObject({ path: '第2个期间 › 结束月', message: '期间的结束月不能早于开始月' });
  });

  it('missing fields, wrong types and unknown values are named', () => {
    const plan = twoPeriods() as unknown as Record<string, unknown>;
    delete plan['name'];
    plan['lateFeeCap'] = 'half';
    plan['due'] = { monthOffset: 1, day: 32 };
    (plan['periods'] as { insurances: Record<string, unknown>[] }[])[0]!.insurances[0]!['employeeRate'] = '8%';
    (plan['periods'] as { insurances: Record<string, unknown>[] }[])[0]!.insurances[0]!['code'] = 'pensions';
    const errors = errorsOf(plan);
    const text = fieldErrorsToText(errors);
    expect(text).toContain('方案名称：缺少此项');
    expect(text).toContain('滞纳金上限：只能是 "none" 或 "principal"');
    expect(text).toContain('缴费期限 › 截止日：不能大于 31');
    expect(text).toContain('第1个期间 › 第1个险种 › 个人费率：费率应为数字（如 0.16 表示 16%）');
    expect(text).toContain('第1个期间 › 第1个险种 › 险种代码：只能是 "pension"');
    expect(text).not.toMatch(/[A-Za-z]{6,} (input|expected)/);
  });

  it('duplicate insurance in a period, amounts with more than two decimals, rates above 1', () => {
    const plan = twoPeriods();
    plan.periods[0]!.insurances.push({ ...plan.periods[0]!.insurances[0]! });
    expect(errorsOf(plan)).toEqual([{ path: '第1个期间 › 险种', field: 'periods[0].insurances', message: '同一期间内险种重复' }]);
    const fine = twoPeriods();
    fine.periods[0]!.insurances[0]!.floor = 3500.005;
    fine.periods[1]!.insurances[0]!.employeeRate = 8;
    expect(errorsOf(fine).map((e) => [e.path, e.message])).toEqual([
      ['第1个期间 › 第1个险种 › 基数下限', '金额最多两位小数'],
      ['第2个期间 › 第1个险种 › 个人费率', '费率不能超过 1（100%）'],
    ]);
  });

  it('base rule and due day', () => {
    const plan = twoPeriods() as unknown as Record<string, unknown>;
    plan['baseRule'] = { kind: 'annual', yearStartMonth: 4 };
    expect(errorsOf(plan)).toEqual([{ path: '基数规则 › 年度起始月', field: 'baseRule.yearStartMonth', message: '年度起始月只能是 1 或 7' }]);
    plan['baseRule'] = { kind: 'weekly' };
    plan['due'] = { monthOffset: 1, day: 'first' };
    expect(errorsOf(plan).map((e) => e.path)).toEqual(['缴费期限 › 截止日', '基数规则 › 规则类型']);
  });

  it('not an object at all', () => {
    expect(errorsOf([1, 2])).toEqual([{ path: '', field: '', message: '缴费政策文件的内容应为一个 JSON 对象（{…}）' }]);
  });
});

describe('parseRatePlanText', () => {
  it('accepts a BOM', () => {
    expect(parseRatePlanText('\uFEFF' + JSON.stringify(twoPeriods())).ok).toBe(true);
  });

  it.each([
    ['{"name": "x",\n "region": "y",\n}', '第3行第1列附近，最后一项后面多了逗号'],
    ['{"name": "x"\n "region": "y"}', '第2行第2列附近，上一项后面缺少逗号'],
    ['{"name": “示例”}', '第1行第10列附近，使用了中文标点 “ ，请改为英文标点'],
    ['// 示例\n{}', '第1行第1列附近，JSON 不允许注释'],
    ["{'name': 'x'}", '第1行第2列附近，字符串要用双引号'],
    ['{"periods": [', '文件末尾，内容不完整'],
  ])('syntax error in %j', (text, expected) => {
    const r = parseRatePlanText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toContain(expected);
    expect(!r.ok && r.errors[0]!.message.startsWith('不是有效的 JSON 文件')).toBe(true);
  });

  it('an empty file', () => {
    expect(parseRatePlanText('  \n')).toEqual({ ok: false, errors: [{ path: '', field: '', message: '缴费政策文件是空的' }] });
  });

  it('the JSON checker agrees with JSON.parse on valid text', () => {
    for (const text of ['{}', '[]', '{"a":[1,-2.5e3,true,null,"x\\u00e9\\n"]}', ' 0 ']) expect(jsonErrorPosition(text)).toBe(-1);
    for (const text of ['{', '[1,]', '{"a" 1}', '01', '"\\x"', 'tru']) expect(jsonErrorPosition(text)).toBeGreaterThanOrEqual(0);
  });
});

describe('periods and due dates', () => {
  it('finds the period covering a month', () => {
    const plan = twoPeriods();
    expect(planPeriodFor(plan, '2023-12')?.insurances[0]!.floor).toBe(3500);
    expect(planPeriodFor(plan, '2024-01')?.insurances[0]!.floor).toBe(4000);
    expect(planPeriodFor(plan, '2025-01')).toBeUndefined();
  });

  it('day of month M + offset; a day past the month end means its last day', () => {
    const due = (monthOffset: number, day: number | 'last', month: string) => dueDate({ due: { monthOffset, day } }, month);
    expect(due(1, 15, '2024-03')).toBe('2024-04-15');
    expect(due(1, 31, '2024-01')).toBe('2024-02-29');
    expect(due(1, 31, '2023-01')).toBe('2023-02-28');
    expect(due(1, 31, '2024-03')).toBe('2024-04-30');
    expect(due(1, 'last', '2024-01')).toBe('2024-02-29');
    expect(due(0, 'last', '2024-12')).toBe('2024-12-31');
    expect(due(1, 15, '2024-12')).toBe('2025-01-15');
    expect(due(0, 15, '2024-03')).toBe('2024-03-15');
  });
});
