// Person identifiers (DOMAIN.md §4.4). The resident ID number is the social-security number
// (社会保险法 §58), so it is the key that joins payroll to declarations: it must be normalised
// the same way on both sides, and a doubtful one is kept and flagged rather than dropped.
import { isIsoDate } from './month';

export type PersonIdKind =
  | 'resident' // 居民身份证 (GB 11643-1999)
  | 'hmt-permit' // 港澳台居民居住证 (810000/820000/830000), same check
  | 'foreigner-permanent' // 2023 外国人永久居留身份证, 18 digits starting with 9, same check
  | 'foreigner-old' // older 15-character permanent residence ID: 3 letters + 12 digits, no check
  | 'other'; // passport or other document number, no check

export type NormalizeIdResult =
  | {
      ok: true;
      id: string;
      kind: PersonIdKind;
      /** false: wrong check digit or impossible birth date — kept, shown, offered for matching. */
      valid: boolean;
      /** The old 15-digit form was converted to 18 digits. */
      converted15: boolean;
      /** Chinese notes for the import report. */
      notes: string[];
    }
  | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The GB 11643-1999 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('需要17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** True when an 18-character ID has a correct check character and a real birth date. */
export function isValidId18(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return false;
  return hasRealBirthDate(id);
}

function hasRealBirthDate(id18: string): boolean {
  // Permanent-residence IDs of foreigners (first digit 9) also carry the birth date at 7–14.
  const y = id18.slice(6, 10);
  const m = id18.slice(10, 12);
  const d = id18.slice(12, 14);
  return isIsoDate(`${y}-${m}-${d}`) && Number(y) >= 1880;
}

/** Converts a 15-digit ID (19YY birth year, no check digit) to the 18-digit form. */
export function convertId15(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('需要15位数字');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** Spaces, full-width characters, lower-case x, dashes: folded away before any check. */
export function cleanIdText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000'’‘`\-]/g, '')
    .toUpperCase();
}

/**
 * Normalises an ID number from a spreadsheet cell. A number cell with 16 or more digits has
 * already lost precision in the spreadsheet (doubles hold 15–16 digits): that is an error with
 * the reason, never a guess.
 */
export function normalizePersonId(input: unknown): NormalizeIdResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || !Number.isInteger(input) || input <= 0) {
      return { ok: false, reason: `证件号码不是有效值：${String(input)}` };
    }
    if (input >= 1e15 && !Number.isSafeInteger(input)) {
      return {
        ok: false,
        reason: `证件号码以数值格式保存（${input.toExponential(5)}），末几位已丢失，无法还原；请让单位以文本格式重新导出`,
      };
    }
    return normalizeIdText(String(input), true);
  }
  if (typeof input === 'bigint') return normalizeIdText(input.toString(), true);
  if (typeof input !== 'string') return { ok: false, reason: '证件号码为空' };
  return normalizeIdText(input, false);
}

function normalizeIdText(raw: string, fromNumber: boolean): NormalizeIdResult {
  const text = cleanIdText(raw);
  if (text === '') return { ok: false, reason: '证件号码为空' };
  if (/^\d(\.\d+)?E\+?\d+$/.test(text)) {
    return { ok: false, reason: `证件号码被写成科学计数法（“${raw.trim()}”），末几位已丢失，无法还原` };
  }
  const notes: string[] = [];
  if (/^\d{17}[\dX]$/.test(text)) {
    if (fromNumber && text.length >= 16) {
      // A safe integer with 16+ digits is still exact (< 2^53), but 18 digits never is.
    }
    const kind: PersonIdKind = /^8[123]0000/.test(text) ? 'hmt-permit' : text.startsWith('9') ? 'foreigner-permanent' : 'resident';
    const valid = isValidId18(text);
    if (!valid) {
      notes.push(idCheckChar(text.slice(0, 17)) !== text[17] ? '证件号码校验位不正确' : '证件号码中的出生日期不存在');
    }
    return { ok: true, id: text, kind, valid, converted15: false, notes };
  }
  if (/^\d{15}$/.test(text)) {
    const birth = `19${text.slice(6, 8)}-${text.slice(8, 10)}-${text.slice(10, 12)}`;
    if (!isIsoDate(birth)) return { ok: true, id: text, kind: 'other', valid: false, converted15: false, notes: ['15位证件号码中的出生日期不存在，未转换'] };
    const id = convertId15(text);
    return { ok: true, id, kind: 'resident', valid: true, converted15: true, notes: [`15位证件号码已转换为18位（原号码 ${text}）`] };
  }
  if (/^[A-Z]{3}\d{12}$/.test(text)) {
    return { ok: true, id: text, kind: 'foreigner-old', valid: true, converted15: false, notes: ['旧版外国人永久居留证号码，无校验位，未校验'] };
  }
  if (/^\d{16,19}$/.test(text) || /^\d{1,14}$/.test(text) && text.length >= 9) {
    return { ok: false, reason: `证件号码位数不对（${text.length}位）：“${raw.trim()}”` };
  }
  if (/^[A-Z0-9]{5,20}$/.test(text) && /[A-Z]/.test(text)) {
    return { ok: true, id: text, kind: 'other', valid: true, converted15: false, notes: ['护照或其他证件号码，无校验位，未校验'] };
  }
  return { ok: false, reason: `无法识别的证件号码：“${raw.trim()}”` };
}

/**
 * Two IDs that differ in exactly one character, or by two adjacent characters swapped: the
 * typical typing slips behind a wrong check digit. Used to suggest joining such an ID to a
 * valid one of the same name.
 */
export function isNearIdentical(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return true;
  if (diffs.length === 2) {
    const [i, j] = diffs as [number, number];
    return j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  return false;
}

/** 110105198001010016 → 1101**********0016, for published or on-screen summaries. */
export function maskId(id: string): string {
  if (id.length <= 8) return id;
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
