// The plan's look-back setting (DOMAIN.md §13): limitation for contribution arrears is unsettled,
// so the plan may set how many months before the as-of month are pursued. Months further back are
// never dropped or charged silently: they are flagged with their amounts, and the auditor chooses
// to include them (charged, flagged) or exclude them (kept visible as not pursued, with the reason).
import type { RatePlan } from '../domain/ratePlan';
import type { BackPayRow, ComputeWarning } from '../domain/result';
import { formatFenGrouped, sumFen } from './money';
import { addMonths, formatChineseMonth, type IsoDate, type Month } from './month';
import { describeMonths } from './planRates';

export type LookBackChoice = 'include' | 'exclude';

/** The note an excluded row carries (shown where exempted rows are). */
export const BEYOND_LOOK_BACK_NOTE = '超出缴费政策的追溯期限，稽核人员决定不予追缴';

/** The earliest month the look-back reaches, or null when the plan sets none. */
export function lookBackStart(plan: Pick<RatePlan, 'lookBackMonths'>, asOf: IsoDate): Month | null {
  return plan.lookBackMonths === undefined ? null : addMonths(asOf.slice(0, 7), -plan.lookBackMonths);
}

export function isBeyondLookBack(start: Month | null, month: Month): boolean {
  return start !== null && month < start;
}

/** The flag for rows beyond the look-back, saying what was done with them and how much is at stake. */
export function lookBackWarning(plan: Pick<RatePlan, 'lookBackMonths'>, start: Month | null, beyond: readonly BackPayRow[], choice: LookBackChoice): ComputeWarning[] {
  if (start === null || beyond.length === 0) return [];
  const months = [...new Set(beyond.map((r) => r.month))].sort();
  const back = formatFenGrouped(sumFen(beyond.map((r) => r.totalFen)));
  const fee = formatFenGrouped(sumFen(beyond.map((r) => r.lateFeeFen)));
  const what = choice === 'include' ? '已按稽核人员的选择计入补缴' : '稽核人员选择不予追缴，已列入不计算补缴的清单';
  return [
    {
      code: 'beyond-look-back',
      message: `${describeMonths(months)}早于缴费政策的追溯期限（${plan.lookBackMonths}个月，自${formatChineseMonth(start)}起）：${beyond.length}人次，补缴 ${back} 元，滞纳金 ${fee} 元，${what}。`,
      months,
    },
  ];
}
