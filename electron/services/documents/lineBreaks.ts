// Chinese line breaking for the PDF renderer (issue 9, item 6). pdfmake breaks text by UAX #14,
// which lets a line end between a number and the character after it: 2025年3月|24日, 示医保稽通
// 〔2026〕|12号, 186,730.|28元 would be split. Here the text of a run is cut into pieces, each
// number, amount, date or document number being one piece that pdfmake lays out unbroken (noWrap).
// In body text the whole date and the whole document number stay together; in narrow table cells
// only each number with its unit (2025年 / 3月 / 24日), so a cell never overflows its column.

/** A document number with up to six characters of its prefix: 示医保稽通〔2026〕12号, draft 〔2026〕　号. */
const DOC_NUMBER = String.raw`[\u4e00-\u9fff]{0,6}〔\d{4}〕[\d　]*号(?:附件)?`;
/** 2025年3月24日, 2025年3月, 3月24日, 2025-03-24, 2025-03. */
const DATE = String.raw`\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}-\d{2}(?:-\d{2})?`;
/** A number or amount with its unit: 186,730.28元, 58人次, 0.5‰, 10个工作日, 2025年. */
const NUMBER = String.raw`[-+]?\d[\d,]*(?:\.\d+)?(?:个工作日|个月|人次|元|%|‰|人|月|日|天|行|页|件|条|份|号|年|个|时|分|岁)?`;

const WHOLE = new RegExp(`${DOC_NUMBER}|${DATE}|${NUMBER}`, 'gu');
const FINE = new RegExp(NUMBER, 'gu');

export interface TextPiece {
  text: string;
  /** True for a number, amount, date or document number: never broken across lines. */
  keep: boolean;
}

/** The text cut into pieces, the unbreakable ones marked; joined again they give the text. */
export function unbreakablePieces(text: string, mode: 'body' | 'cell' = 'body'): TextPiece[] {
  const re = mode === 'body' ? WHOLE : FINE;
  const out: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    // a lone digit needs no protection
    if (m[0].length < 2) continue;
    const at = m.index;
    if (at > last) out.push({ text: text.slice(last, at), keep: false });
    out.push({ text: m[0], keep: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), keep: false });
  return out.length > 0 ? out : [{ text, keep: false }];
}
