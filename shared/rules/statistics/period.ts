// The two windows every statistics figure is given for: the month itself, and cumulative from
// 1 January of its year to the month's last day (seed 004 附表 备注 1). Dates compare as text.
import { daysInMonth, isMonth, makeDate, monthParts, type IsoDate, type Month } from '../month';

export interface StatsWindow {
  scope: 'month' | 'cumulative';
  from: IsoDate;
  to: IsoDate;
}

export function statsWindows(month: Month): { month: StatsWindow; cumulative: StatsWindow } {
  if (!isMonth(month)) throw new RangeError(`统计月份应为 YYYY-MM：${month}`);
  const { year, month: m } = monthParts(month);
  const to = makeDate(year, m, daysInMonth(year, m));
  return {
    month: { scope: 'month', from: makeDate(year, m, 1), to },
    cumulative: { scope: 'cumulative', from: makeDate(year, 1, 1), to },
  };
}

export function inWindow(date: IsoDate | null | undefined, w: StatsWindow): boolean {
  return date !== null && date !== undefined && date >= w.from && date <= w.to;
}

/** Months January … `month` of its year, for the per-month charts. */
export function monthsToDate(month: Month): Month[] {
  const { year, month: m } = monthParts(month);
  return Array.from({ length: m }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
