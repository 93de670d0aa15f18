// Reads a calendar date as employers write it in a roster (入职日期, 离职日期): 2023-05-01,
// 2023/5/1, 2023.5.1, 2023年5月1日, 20230501, an Excel date (a Date from the reader) or an Excel
// date serial. A month without a day (2023-05, 2023年5月) is taken, and says so: headcount
// per month needs no more. Anything ambiguous or impossible is refused with the reason.
import { dateFromDayNumber, dateFromExcelSerial, daysInMonth, makeDate, type IsoDate } from './month';

export type ParseDateResult =
  | { ok: true; date: IsoDate; /** Only year and month were written; `date` is the month's first or last day. */ monthOnly: boolean }
  | { ok: false; reason: string };

/** Which day a month-only value stands for: a hire month starts the month, a leave month ends it. */
export type MonthOnlyDay = 'first' | 'last';

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

function fromParts(y: number, m: number, d: number | null, original: string, monthOnlyDay: MonthOnlyDay): ParseDateResult {
  if (y < YEAR_MIN || y > YEAR_MAX) return { ok: false, reason: `年份不合理：“${original}”` };
  if (m < 1 || m > 12) return { ok: false, reason: `月份不存在：“${original}”` };
  if (d === null) return { ok: true, date: makeDate(y, m, monthOnlyDay === 'first' ? 1 : daysInMonth(y, m)), monthOnly: true };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: `日期不存在：${y}年${m}月${d}日（“${original}”）` };
  return { ok: true, date: makeDate(y, m, d), monthOnly: false };
}

export function parseDate(input: unknown, monthOnlyDay: MonthOnlyDay = 'first'): ParseDateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: '日期无效' };
    // Readers give dates as UTC midnight; float error can land a few seconds before it.
    return { ok: true, date: dateFromDayNumber(Math.round(input.getTime() / 86_400_000)), monthOnly: false };
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: '日期无效' };
    if (Number.isInteger(input) && input >= 19000101 && input <= 22001231) {
      return fromParts(Math.floor(input / 10000), Math.floor(input / 100) % 100, input % 100, String(input), monthOnlyDay);
    }
    if (Number.isInteger(input) && input >= 190001 && input <= 220012) {
      return fromParts(Math.floor(input / 100), input % 100, null, String(input), monthOnlyDay);
    }
    // Excel serials: 1 is 1900-01-01, 73050 is 2100-01-01.
    if (input >= 1 && input < 73051) return { ok: true, date: dateFromExcelSerial(input), monthOnly: false };
    return { ok: false, reason: `不是日期：${input}` };
  }
  if (typeof input !== 'string') return { ok: false, reason: '日期为空' };
  const text = input.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
  if (text === '') return { ok: false, reason: '日期为空' };
  // Date and time as some exports write it: 2023-05-01 00:00:00, 2023-05-01T00:00:00.
  const withoutTime = text.replace(/^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:T|(?=\d{1,2}:))\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/, '$1');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(withoutTime);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), input, monthOnlyDay);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), input, monthOnlyDay);
  m = /^(\d{4})[-/.年](\d{1,2})月?(?:份)?$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), null, input, monthOnlyDay);
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), null, input, monthOnlyDay);
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseDate(Number(text), monthOnlyDay);
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text)) return { ok: false, reason: `日期写法有歧义（“${input}”，日、月、年的顺序无法确定），请写成 2023-05-01` };
  return { ok: false, reason: `无法识别的日期：“${input}”` };
}
