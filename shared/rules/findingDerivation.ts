// The arithmetic behind a finding, written out line by line for the working papers (issue 4 item
// 1): "少报 4,500.55 × 16% = 720.088 → 720.09". The exact product is computed here in integers
// (never binary floating point); the figure after the arrow is the computation's own result, so
// the paper shows what the rules did, not a second calculation that could disagree.
import type { ResultRow } from '../api/dto';
import { INSURANCE_NAMES, type InsuranceCode } from '../domain/insurance';
import { decimalFrom, decimalToString, fenFromString, formatFenGrouped, mulRoundHalfUp } from './money';
import { formatChineseMonth } from './month';

export interface DerivationStep {
  /** What the line computes, e.g. "基本养老保险 单位补缴". */
  label: string;
  /** The arithmetic, e.g. "少报 4,500.55 × 16% = 720.088 → 720.09". */
  text: string;
}

/** "4500.55" → "4,500.55" (an API money string regrouped, exactly). */
export function groupedMoney(text: string): string {
  return formatFenGrouped(fenFromString(text));
}

/** An exact decimal rate as a percentage: "0.16" → "16%", "0.0005" → "0.05%", "0.008" → "0.8%". */
export function percentText(rate: string): string {
  const d = decimalFrom(rate);
  // rate × 100 = numerator / 10^(scale − 2)
  const shifted = d.scale >= 2 ? { numerator: d.numerator, scale: d.scale - 2 } : { numerator: d.numerator * 10n ** BigInt(2 - d.scale), scale: 0 };
  return `${trimZeros(decimalToString(shifted))}%`;
}

function trimZeros(text: string, keep = 0): string {
  if (!text.includes('.')) return keep > 0 ? `${text}.${'0'.repeat(keep)}` : text;
  const [int, frac] = text.split('.') as [string, string];
  let f = frac.replace(/0+$/, '');
  if (f.length < keep) f = f.padEnd(keep, '0');
  return f ? `${int}.${f}` : int;
}

/**
 * amount × factors × days, exactly, with at least two decimals and no trailing zeros beyond them:
 * ("4500.55", ["0.16"]) → "720.088"; ("1611.18", ["0.0005"], 350) → "281.9565".
 */
export function exactProductText(amount: string, factors: readonly string[], days = 1): string {
  let num = BigInt(fenFromString(amount)) * BigInt(days);
  let scale = 2;
  for (const f of factors) {
    const d = decimalFrom(f);
    num *= d.numerator;
    scale += d.scale;
  }
  const plain = trimZeros(decimalToString({ numerator: num, scale }), 2);
  const [int, frac] = plain.split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** Whether round_half_up(amount × factors × days) is `result` (a self-check of the paper). */
export function productRoundsTo(amount: string, factors: readonly string[], days: number, result: string): boolean {
  return mulRoundHalfUp(fenFromString(amount), factors.map(decimalFrom), days) === fenFromString(result);
}

function arrow(amount: string, factors: readonly string[], days: number, result: string): string {
  const exact = exactProductText(amount, factors, days);
  const shown = groupedMoney(result);
  return exact === shown ? `= ${shown}` : `= ${exact} → ${shown}`;
}

export interface LateFeeTerms {
  /** The plan's daily rate as an exact decimal string, e.g. "0.0005". */
  dailyRate: string;
  cap: 'none' | 'principal';
  asOf: string;
}

/** The lines of a back-pay row: basis, due base per insurance, each rounded amount, totals, late fee. */
export function backPaySteps(row: ResultRow, late: LateFeeTerms): DerivationStep[] {
  const steps: DerivationStep[] = [{ label: '工资基数', text: `${row.basisNote}：${groupedMoney(row.basis)}` }];
  for (const i of row.insurances) {
    const clamp =
      fenFromString(row.basis) < fenFromString(i.floor)
        ? `低于下限 ${groupedMoney(i.floor)}，按下限`
        : fenFromString(row.basis) > fenFromString(i.ceiling)
          ? `高于上限 ${groupedMoney(i.ceiling)}，按上限`
          : `在下限 ${groupedMoney(i.floor)} 与上限 ${groupedMoney(i.ceiling)} 之间`;
    steps.push({
      label: `${i.name} 少报基数`,
      text: `应缴基数 ${groupedMoney(i.dueBase)}（${clamp}）− 申报基数 ${groupedMoney(i.declaredBase)} = 少报 ${groupedMoney(i.shortfall)}`,
    });
    for (const [side, rate, amount] of [
      ['单位', i.employerRate, i.employer],
      ['个人', i.employeeRate, i.employee],
    ] as const) {
      steps.push({ label: `${i.name} ${side}补缴`, text: `少报 ${groupedMoney(i.shortfall)} × ${percentText(rate)} ${arrow(i.shortfall, [rate], 1, amount)}` });
    }
  }
  steps.push({
    label: '本行合计',
    text: `单位 ${groupedMoney(row.employer)} + 个人 ${groupedMoney(row.employee)} = ${groupedMoney(row.total)}`,
  });
  steps.push({
    label: '滞纳天数',
    text: `应缴截止日 ${row.dueDate} 至计算截止日 ${late.asOf}：${row.lateFeeDays} 天`,
  });
  if (row.lateFeeDays === 0) {
    steps.push({ label: '滞纳金', text: '未超过应缴截止日，不计滞纳金' });
  } else if (row.lateFeeCapped) {
    const exact = exactProductText(row.total, [late.dailyRate], row.lateFeeDays);
    steps.push({
      label: '滞纳金',
      text: `滞纳金 ${groupedMoney(row.total)} × ${percentText(late.dailyRate)} × ${row.lateFeeDays}天 = ${exact}，超过本金，按本金封顶 → ${groupedMoney(row.lateFee)}`,
    });
  } else {
    steps.push({
      label: '滞纳金',
      text: `滞纳金 ${groupedMoney(row.total)} × ${percentText(late.dailyRate)} × ${row.lateFeeDays}天 ${arrow(row.total, [late.dailyRate], row.lateFeeDays, row.lateFee)}`,
    });
  }
  return steps;
}

/** Every rounded amount of the row equals round_half_up of its exact product (a self-check). */
export function backPayStepsConsistent(row: ResultRow, late: LateFeeTerms): boolean {
  const amountsOk = row.insurances.every(
    (i) => productRoundsTo(i.shortfall, [i.employerRate], 1, i.employer) && productRoundsTo(i.shortfall, [i.employeeRate], 1, i.employee),
  );
  const feeOk = row.lateFeeDays === 0 || row.lateFeeCapped || productRoundsTo(row.total, [late.dailyRate], row.lateFeeDays, row.lateFee);
  return amountsOk && feeOk;
}

/** Over-declared insurances of one person-month: declared − due, informational. */
export function overDeclaredSteps(items: readonly { insurance: InsuranceCode; dueBase: string; declaredBase: string }[]): DerivationStep[] {
  return items.map((o) => ({
    label: `${INSURANCE_NAMES[o.insurance]} 多报基数`,
    text: `申报基数 ${groupedMoney(o.declaredBase)} − 应缴基数 ${groupedMoney(o.dueBase)} = 多报 ${formatFenGrouped(fenFromString(o.declaredBase) - fenFromString(o.dueBase))}（仅列示，不予退还）`,
  }));
}

export function declaredOnlySteps(month: string): DerivationStep[] {
  return [
    {
      label: '认定依据',
      text: `${formatChineseMonth(month)}在缴费申报明细中，但工资表中没有此人或其应发工资为 0：不计算补缴，应核实是否挂靠参保`,
    },
  ];
}

/**
 * A declaration row whose amount differs from round(declared base × rate): the expected amount
 * per insurance, their sum, and the difference to what was declared.
 */
export function discrepancySteps(
  d: { declaredBase: string; expected: string; declaredAmount: string; side: 'employer' | 'employee' },
  rates: readonly { name: string; rate: string; amount: string }[],
): DerivationStep[] {
  const side = d.side === 'employer' ? '单位' : '个人';
  const steps: DerivationStep[] = rates.map((r) => ({
    label: `${r.name} ${side}应缴`,
    text: `申报基数 ${groupedMoney(d.declaredBase)} × ${percentText(r.rate)} ${arrow(d.declaredBase, [r.rate], 1, r.amount)}`,
  }));
  if (rates.length > 1) steps.push({ label: `${side}应缴合计`, text: `${rates.map((r) => groupedMoney(r.amount)).join(' + ')} = ${groupedMoney(d.expected)}` });
  steps.push({
    label: '差额',
    text: `申报金额 ${groupedMoney(d.declaredAmount)} − 应缴 ${groupedMoney(d.expected)} = ${formatFenGrouped(fenFromString(d.declaredAmount) - fenFromString(d.expected))}`,
  });
  return steps;
}
