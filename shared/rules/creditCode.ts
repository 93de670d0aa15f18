// Employer identifiers: the unified social credit code (统一社会信用代码, GB 32100-2015), which
// names the audited employer on every document. Its 18th character is a mod-31 check over the
// first 17, so a mistyped code is caught when the employer is entered, not on a served notice.

/** The 31 characters a credit code may use (no I, O, S, V, Z), in value order 0…30. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^i mod 31 for positions 1…17 (i = 0…16). */
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const FIRST17_RE = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** The check character for the first 17 characters (already normalised, upper-case). */
export function creditCodeCheckChar(first17: string): string {
  if (!FIRST17_RE.test(first17)) throw new RangeError(`统一社会信用代码前17位含有不允许的字符或位数不对：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  // The outer mod matters: a sum divisible by 31 gives check value 0, not 31.
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** True for an 18-character code (normalised) whose characters are allowed and whose check matches. */
export function isValidCreditCode(code: string): boolean {
  if (!CODE_RE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Trims, folds full-width characters to half-width, drops inner spaces and upper-cases. */
export function normalizeCreditCode(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000]/g, '')
    .toUpperCase();
}

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; code: string; reason: string };

/** Normalises and checks a code typed by a person, with the reason in Chinese when it is wrong. */
export function checkCreditCode(text: string): CreditCodeCheck {
  const code = normalizeCreditCode(text);
  if (code === '') return { ok: false, code, reason: '统一社会信用代码为空' };
  if (code.length !== 18) return { ok: false, code, reason: `统一社会信用代码应为18位，实际为${code.length}位` };
  const bad = [...code].filter((ch) => !CREDIT_CODE_ALPHABET.includes(ch));
  if (bad.length > 0) return { ok: false, code, reason: `统一社会信用代码含有不允许的字符：${[...new Set(bad)].join('、')}（不使用 I、O、S、V、Z）` };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return { ok: false, code, reason: `统一社会信用代码校验位不正确（第18位应为 ${expected}）` };
  return { ok: true, code };
}
