// One figure of a statistics table: its value, the text printed for it, and the cases (and
// tip-offs) behind it, so every number on the screen, the XLSX and the PDF opens to its rows.
// Money is summed in integer fen and only turned into 元 or 万元 for the text.
import { formatFen } from '../money';

export interface Figure {
  /** The number the text shows: a count, fen, or hundredths (万元 and %, see `unit`). */
  value: number;
  text: string;
  unit: 'count' | 'yuan' | 'wan-yuan' | 'percent';
  caseIds: number[];
  tipOffIds: number[];
}

function sortedUnique(ids: Iterable<number>): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function countFigure(value: number, caseIds: Iterable<number> = [], tipOffIds: Iterable<number> = []): Figure {
  return { value, text: String(value), unit: 'count', caseIds: sortedUnique(caseIds), tipOffIds: sortedUnique(tipOffIds) };
}

/** Amounts in 元 with two decimals (the employer table). */
export function yuanFigure(fen: number, caseIds: Iterable<number>): Figure {
  return { value: fen, text: formatFen(fen), unit: 'yuan', caseIds: sortedUnique(caseIds), tipOffIds: [] };
}

/** Integer division rounding half up, for non-negative numerators. */
function divHalfUp(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

function hundredthsText(h: number): string {
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

/** 追回医保基金 in 万元, two decimals rounded half up (1 万元 = 1,000,000 fen; 0.01 万元 = 10,000 fen). */
export function wanYuanHundredths(fen: number): number {
  return divHalfUp(fen, 10_000);
}

export function wanYuanFigure(fen: number, caseIds: Iterable<number>): Figure {
  const h = wanYuanHundredths(fen);
  return { value: h, text: hundredthsText(h), unit: 'wan-yuan', caseIds: sortedUnique(caseIds), tipOffIds: [] };
}

/** 检查进度 = 已检查 ÷ 总数 as a percentage with two decimals, rounded half up; '—' when the total is 0. */
export function percentFigure(part: number, whole: number, caseIds: Iterable<number>): Figure {
  if (whole <= 0) return { value: 0, text: '—', unit: 'percent', caseIds: sortedUnique(caseIds), tipOffIds: [] };
  const h = divHalfUp(part * 10_000, whole);
  return { value: h, text: hundredthsText(h), unit: 'percent', caseIds: sortedUnique(caseIds), tipOffIds: [] };
}
