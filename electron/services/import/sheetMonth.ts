// The month of a whole sheet when it has no month column: "某某公司2024年3月工资表" in a title
// row, a sheet named "2024年3月" / "202403" / "3月" / "三月" (year from the title or file name),
// or — for a single-sheet file — the file name. A full date (制表日期 2024年4月5日) is not a month.
import { makeMonth, type Month } from '../../../shared/rules/month';

const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
}

function safeMonth(y: number, m: number): Month | null {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 ? makeMonth(y, m) : null;
}

/** A year-month written out in full; null when there is none or several different ones. */
export function findMonthInText(text: string): Month | null {
  const t = halfWidth(text);
  const found = new Set<Month>();
  const patterns = [
    /(?<!\d)(\d{4})年(\d{1,2})月(?!\d{1,2}日|份?\d)/g,
    /(?<!\d)(\d{4})[-./](\d{1,2})(?![\d./-])/g,
    /(?<![\d.])(\d{4})(0[1-9]|1[0-2])(?![\d.])/g,
  ];
  for (const re of patterns) {
    for (const m of t.matchAll(re)) {
      const month = safeMonth(Number(m[1]), Number(m[2]));
      if (month) found.add(month);
    }
    if (found.size > 0) break;
  }
  return found.size === 1 ? ([...found][0] as Month) : null;
}

/** "3月", "03月", "三月", "十二月份" → the month number, when no year is written. */
export function findMonthNumber(text: string): number | null {
  const t = halfWidth(text);
  const m = /(?<!\d)(\d{1,2})月/.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : null;
  }
  // Longest Chinese numerals first, so 十二月 is not read as 二月.
  for (let i = CN_MONTHS.length - 1; i >= 0; i--) if (t.includes(`${CN_MONTHS[i] as string}月`)) return i + 1;
  return null;
}

export function findYear(text: string): number | null {
  const t = halfWidth(text);
  const m = /(?<!\d)((?:19|20)\d{2})(?:年|(?!\d))/.exec(t);
  return m ? Number(m[1]) : null;
}

export interface SheetMonthInput {
  sheetName: string;
  /** Text of the rows above the header, joined. */
  titleText: string;
  fileName: string;
  /** The file has one sheet with data, so its file name may speak for it. */
  singleSheet: boolean;
}

export function resolveSheetMonth(input: SheetMonthInput): { month: Month; from: string } | null {
  const fromTitle = findMonthInText(input.titleText);
  if (fromTitle) return { month: fromTitle, from: '标题行' };
  const fromName = input.sheetName ? findMonthInText(input.sheetName) : null;
  if (fromName) return { month: fromName, from: '工作表名称' };
  const monthNumber = (input.sheetName ? findMonthNumber(input.sheetName) : null) ?? findMonthNumber(input.titleText);
  if (monthNumber) {
    const year = findYear(input.titleText) ?? findYear(input.sheetName) ?? findYear(input.fileName);
    const month = year ? safeMonth(year, monthNumber) : null;
    if (month) return { month, from: '工作表名称/标题中的月份与年份' };
  }
  if (input.singleSheet) {
    const fromFile = findMonthInText(input.fileName.replace(/\.[A-Za-z0-9]+$/, ''));
    if (fromFile) return { month: fromFile, from: '文件名' };
  }
  return null;
}
