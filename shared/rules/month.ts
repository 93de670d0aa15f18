// Months ("YYYY-MM") and calendar dates ("YYYY-MM-DD") as plain strings: they sort, compare and
// serialise without time zones. All arithmetic is done on integers here, never on Date objects
// in local time.
import { toHalfWidth } from './money';

/** "2024-03". */
export type Month = string;
/** "2025-03-31". */
export type IsoDate = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isMonth(text: string): boolean {
  return MONTH_RE.test(text);
}

export function makeMonth(year: number, month: number): Month {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`年份不合理：${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月份不合理：${month}`);
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function monthParts(m: Month): { year: number; month: number } {
  const r = MONTH_RE.exec(m);
  if (!r) throw new RangeError(`不是有效月份（应为 YYYY-MM）：${m}`);
  return { year: Number(r[1]), month: Number(r[2]) };
}

export function addMonths(m: Month, n: number): Month {
  const { year, month } = monthParts(m);
  const index = year * 12 + (month - 1) + n;
  return makeMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Every month from `from` to `to` inclusive; empty when to < from. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(text: string): boolean {
  const r = DATE_RE.exec(text);
  if (!r) return false;
  const y = Number(r[1]);
  const mo = Number(r[2]);
  const d = Number(r[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(text)) throw new RangeError(`日期无效：${text}`);
  return text;
}

/** Days since 1970-01-01 (UTC), for exact day differences. */
export function dayNumber(date: IsoDate): number {
  const r = DATE_RE.exec(date);
  if (!r || !isIsoDate(date)) throw new RangeError(`日期无效（应为 YYYY-MM-DD）：${date}`);
  return Date.UTC(Number(r[1]), Number(r[2]) - 1, Number(r[3])) / 86_400_000;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function dateFromDayNumber(n: number): IsoDate {
  const d = new Date(n * 86_400_000);
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return dateFromDayNumber(dayNumber(date) + n);
}

/** "2026年7月1日", the form dates take in documents (DOMAIN.md §8). */
export function formatChineseDate(date: IsoDate): string {
  const r = DATE_RE.exec(date);
  if (!r) throw new RangeError(`日期无效：${date}`);
  return `${Number(r[1])}年${Number(r[2])}月${Number(r[3])}日`;
}

/** "2024年3月". */
export function formatChineseMonth(m: Month): string {
  const { year, month } = monthParts(m);
  return `${year}年${month}月`;
}

// Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for.
const EXCEL_EPOCH_DAY = dayNumber('1899-12-30');

export function dateFromExcelSerial(serial: number): IsoDate {
  return dateFromDayNumber(EXCEL_EPOCH_DAY + Math.floor(serial));
}

export type ParseMonthResult = { ok: true; month: Month } | { ok: false; reason: string };

/**
 * Reads a month as employers write it (DOMAIN.md §4.4): 2024-03, 2024/3, 202403, 2024年3月,
 * 2024.03, 2024.3, 2024-03-01, an Excel date (a JS Date from the reader) or an Excel date serial.
 */
export function parseMonth(input: unknown): ParseMonthResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: '日期无效' };
    // Spreadsheet readers give dates as UTC midnight; a few seconds of float error can push
    // the value to 23:59:59 of the previous day, so round to the nearest day first.
    const day = Math.round(input.getTime() / 86_400_000);
    const iso = dateFromDayNumber(day);
    return { ok: true, month: iso.slice(0, 7) };
  }
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= 190001 && input <= 220012 && input % 100 >= 1 && input % 100 <= 12) {
      return { ok: true, month: makeMonth(Math.floor(input / 100), input % 100) };
    }
    // 2024.03 typed into a numeric cell arrives as the number 2024.03; 2024.3 can only be March
    // (2024.30 is no month) — but 2024.1 is January or a trailing-zero-stripped October, which a
    // number cannot tell apart, so that one is refused rather than guessed.
    if (input > 1900 && input < 2201 && !Number.isInteger(input)) {
      const text = String(input);
      const m = /^(\d{4})\.(\d{1,2})$/.exec(text);
      if (m && m[2] !== '1') return monthFromParts(m[1] as string, m[2] as string, text);
      return { ok: false, reason: `月份写法有歧义（数值单元格 ${text}，可能是1月或10月），请把该列设为文本` };
    }
    if (input >= 1 && input < 2958466) return { ok: true, month: dateFromExcelSerial(input).slice(0, 7) };
    return { ok: false, reason: `不是月份：${input}` };
  }
  if (typeof input !== 'string') return { ok: false, reason: '月份为空' };
  const text = toHalfWidth(input).replace(/[\s\u3000]/g, '');
  if (text === '') return { ok: false, reason: '月份为空' };
  let m = /^(\d{4})[-/.年](\d{1,2})(?:月(?:份)?)?(?:[-/.](\d{1,2})日?|(\d{1,2})日)?$/.exec(text);
  if (m) return monthFromParts(m[1] as string, m[2] as string, input);
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) return monthFromParts(m[1] as string, m[2] as string, input);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return monthFromParts(m[1] as string, m[2] as string, input);
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseMonth(Number(text));
  return { ok: false, reason: `无法识别的月份：“${input}”` };
}

function monthFromParts(y: string, mo: string, original: string): ParseMonthResult {
  const year = Number(y);
  const month = Number(mo);
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return { ok: false, reason: `无法识别的月份：“${original}”` };
  return { ok: true, month: makeMonth(year, month) };
}
