// Cell readers for the claims and catalog importers: exact decimals (quantities, prices), text
// codes, sex and visit type as platforms write them. Each returns a value or a Chinese reason.
import type { Sex, VisitType } from '../../../shared/domain/claims';
import { decimalFrom, numberToDecimalString, toHalfWidth, type Decimal } from '../../../shared/rules/money';
import { cellText, type CellValue } from './grid';

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** "2", "0.125", "1,200.5", 3.5 → an exact decimal. Numbers are read to 6 decimals (a double's noise lies below). */
export function parseDecimalCell(value: CellValue): CellResult<Decimal> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: '不是有效数字' };
    return { ok: true, value: decimalFrom(numberToDecimalString(Number(value.toFixed(6)))) };
  }
  if (typeof value !== 'string') return { ok: false, reason: '不是数字' };
  let text = toHalfWidth(value).replace(/[\s\u00A0\u3000]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  if (/,/.test(text)) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { ok: false, reason: `千分位格式不正确：“${value}”` };
    text = text.replace(/,/g, '');
  }
  if (!/^-?\d+(\.\d+)?$/.test(text) && !/^-?\.\d+$/.test(text)) return { ok: false, reason: `不是数字：“${value}”` };
  return { ok: true, value: decimalFrom(text.replace(/^(-?)\./, '$10.')) };
}

/** A code as text: a numeric cell 1101 is "1101" (no ".0"), spaces and full-width folded. */
export function codeText(value: CellValue): string {
  if (typeof value === 'number') return numberToDecimalString(value);
  return toHalfWidth(cellText(value))
    .replace(/[\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000]/g, '');
}

/** 男/女, 男性, M/F, and the GB/T 2261.1 codes 1 (男) and 2 (女). */
export function parseSex(value: CellValue): CellResult<Sex> {
  const t = codeText(value).toUpperCase();
  if (/^(男|男性|M|MALE|1)$/.test(t)) return { ok: true, value: '男' };
  if (/^(女|女性|F|FEMALE|2)$/.test(t)) return { ok: true, value: '女' };
  return { ok: false, reason: `无法识别的性别：“${cellText(value)}”（应为 男 或 女）` };
}

/** 住院 (住院, 普通住院, 住院结算) or 门诊 (门诊, 普通门诊, 门急诊, 急诊, 门诊慢特病 …). */
export function parseVisitType(value: CellValue): CellResult<VisitType> {
  const t = codeText(value);
  if (/住院/.test(t)) return { ok: true, value: '住院' };
  if (/(门诊|急诊|门特|门慢|门急)/.test(t)) return { ok: true, value: '门诊' };
  return { ok: false, reason: `无法识别的就诊类型：“${cellText(value)}”（应为 门诊 或 住院）` };
}
