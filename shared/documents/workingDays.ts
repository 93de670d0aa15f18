// Deadlines counted in working days (工作日), as 社会保险稽核办法 and 人社部令第20号 count them:
// 5 working days to notify a finding of no violation or to pay after a 限期补缴通知, 10 to issue
// an audit opinion. Weekends are skipped. Public holidays and the weekend days made into working
// days (调休) are not known here yet: callers may pass them, and a bureau-maintained holiday list
// in the agency profile can feed them later; until then a deadline over a holiday is early, never late.
import { addDays, dayNumber, isIsoDate, type IsoDate } from '../rules/month';

export interface WorkingDayCalendar {
  /** Weekdays that are not working days (法定节假日). */
  holidays?: ReadonlySet<IsoDate>;
  /** Saturdays or Sundays that are working days (调休上班). */
  extraWorkdays?: ReadonlySet<IsoDate>;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWorkingDay(date: IsoDate, calendar: WorkingDayCalendar = {}): boolean {
  if (calendar.extraWorkdays?.has(date)) return true;
  if (calendar.holidays?.has(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * The day on which a period of `n` working days that starts the day after `from` ends:
 * 2026-07-03 (a Friday) + 5 working days → 2026-07-10. The day of the event itself does not
 * count (期间开始之日不计算在内).
 */
export function addWorkingDays(from: IsoDate, n: number, calendar: WorkingDayCalendar = {}): IsoDate {
  if (!isIsoDate(from)) throw new RangeError(`日期无效：${from}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`工作日天数应为正整数：${n}`);
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/** The working-day periods of DOMAIN.md §8, in one place. */
export const WORKING_DAY_RULES = {
  /** 稽核办法: a finding of no violation is notified within 5 working days of the audit's end. */
  noViolationNotice: 5,
  /** 稽核办法: the audit opinion within 10 working days of the audit's end. */
  auditOpinion: 10,
  /** 人社部令第20号 §16: payment within 5 working days of receiving the 限期补缴 notice. */
  payment: 5,
  /** The employer's statement of its case (陈述、申辩) on the notice of findings. */
  statement: 5,
} as const;
