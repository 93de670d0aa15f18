// Document numbers (发文字号) and the ordinal labels of headings and lists, written one way
// everywhere: `示医保稽通〔2026〕12号` — hexagonal brackets, full year, no leading zeros, no 第
// (GB/T 9704-2012 §7.2.4, DOMAIN.md §8).

export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  const p = prefix.trim();
  if (p === '') throw new RangeError('文号前缀（机关代字）不能为空');
  if (/[〔〕[\]［］()（）]/.test(p)) throw new RangeError(`文号前缀不应包含括号：“${p}”`);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`文号年份不合理：${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`文号序号应为正整数：${seq}`);
  return `${p}〔${year}〕${seq}号`;
}

const NUMBER_RE = /^(.+)〔(\d{4})〕([1-9]\d*)号$/;

/** The inverse of formatDocumentNumber, or null when the text is not a well-formed number. */
export function parseDocumentNumber(text: string): { prefix: string; year: number; seq: number } | null {
  const m = NUMBER_RE.exec(text.trim());
  if (!m) return null;
  return { prefix: m[1] as string, year: Number(m[2]), seq: Number(m[3]) };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: the numerals of heading labels. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`序号超出范围（1–99）：${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tenPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return tenPart + (ones === 0 ? '' : (DIGITS[ones] as string));
}

/** Heading labels by level, as GB/T 9704 §7.3.3 orders them: 一、 （一） 1． （1）. */
export function headingLabel(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseOrdinal(n)}、`;
    case 2:
      return `（${chineseOrdinal(n)}）`;
    case 3:
      return `${n}．`;
    case 4:
      return `（${n}）`;
  }
}
