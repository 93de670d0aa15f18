// The late fee of a back-pay row (DOMAIN.md §6.3): round_half_up(row total × daily rate × days),
// days counted from the month's due date to the as-of date, none when not positive, optionally
// capped at the row total (lateFeeCap "principal"). Before 2011-07 the law and rate differed
// (征缴暂行条例 §13), so such months are computed at the plan's rate and flagged.
import type { RatePlan } from '../domain/ratePlan';
import { daysBetween, type IsoDate, type Month } from './month';
import { mulRoundHalfUp, type Decimal, type Fen } from './money';

/** First month whose arrears fall under 社会保险法 §86 (in force 2011-07-01). */
export const SOCIAL_INSURANCE_LAW_MONTH: Month = '2011-07';

export function isBeforeSocialInsuranceLaw(month: Month): boolean {
  return month < SOCIAL_INSURANCE_LAW_MONTH;
}

export interface LateFee {
  days: number;
  fen: Fen;
  /** The fee was cut to the row total. */
  capped: boolean;
}

export function lateFeeDays(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

/** `days` from lateFeeDays (the same for every row of a month, so computed once per month). */
export function lateFeeFor(totalFen: Fen, days: number, dailyRate: Decimal, cap: RatePlan['lateFeeCap']): LateFee {
  if (days === 0 || totalFen <= 0) return { days, fen: 0, capped: false };
  const fen = mulRoundHalfUp(totalFen, [dailyRate], days);
  if (cap === 'principal' && fen > totalFen) return { days, fen: totalFen, capped: true };
  return { days, fen, capped: false };
}
