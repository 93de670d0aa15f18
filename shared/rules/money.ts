// Money is exact: integer fen inside, a two-decimal string at every boundary (API, JSON, CLI).
// Binary floating point never touches a sum; rates are exact decimals (see Decimal below).

/** An amount in fen (1/100 yuan). Always a safe integer. */
export type Fen = number;

export function assertFen(value: number, what = '金额'): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}超出可精确表示的范围：${value}`);
  return value;
}

/** 123456 → "1234.56"; -5 → "-0.05". */
export function formatFen(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** 123456 → "1,234.56" for display. */
export function formatFenGrouped(fen: Fen): string {
  const [int, frac] = formatFen(fen).split('.') as [string, string];
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

const FULLWIDTH_DIGITS = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/g;

/** Full-width digits and punctuation (０-９ ． ， － ＋) to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(FULLWIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export type ParseAmountResult = { ok: true; fen: Fen; rounded: boolean } | { ok: false; reason: string };

/**
 * Reads an amount as an employer's file writes it: a number, or text with thousands separators,
 * ¥/￥/元, full-width digits, spaces, a trailing "元". More than two decimals are rounded half-up
 * to the fen (and reported through `rounded`), since payroll software sometimes exports 3 decimals.
 */
export function parseAmount(input: unknown): ParseAmountResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: '不是有效数字' };
    // A numeric cell holds a double: 9500.55 may arrive as 9500.550000000001. Eight decimals
    // are far below a fen and far above the double's noise at payroll magnitudes, so the
    // artefact disappears while a genuine third decimal (12.345) is still seen and rounded.
    if (Math.abs(input) >= 1e15) return { ok: false, reason: `金额过大：${input}` };
    // Fast path: a value that is exactly the double nearest to k fen (4000, 8523.47). Below
    // 10^7 yuan a double is within 10^-9 of its decimal, so toFixed(8) would give k fen with
    // zeros after it — the same answer without the text round trip. (+ 0 turns -0 into 0.)
    if (Math.abs(input) < 1e7) {
      const k = Math.round(input * 100);
      if (k / 100 === input) return { ok: true, fen: k + 0, rounded: false };
    }
    return parseAmountText(input.toFixed(8));
  }
  if (typeof input === 'bigint') return parseAmountText(input.toString());
  if (typeof input !== 'string') return { ok: false, reason: '不是金额' };
  return parseAmountText(input);
}

/** "4000", "640.5", "8523.47": plain digits with at most two decimals, read without regexes. */
function plainAmountFen(raw: string): Fen | null {
  const len = raw.length;
  if (len === 0 || len > 15) return null;
  let int = 0;
  let i = 0;
  for (; i < len; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 46 /* . */) break;
    if (ch < 48 || ch > 57) return null;
    int = int * 10 + (ch - 48);
  }
  // 13 integer digits at most, so the fen stay a safe integer (longer goes the checked way).
  if (i === 0 || i > 13) return null;
  if (i === len) return int * 100;
  const decimals = len - i - 1;
  if (decimals < 1 || decimals > 2) return null;
  const d1 = raw.charCodeAt(i + 1) - 48;
  const d2 = decimals === 2 ? raw.charCodeAt(i + 2) - 48 : 0;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
  return int * 100 + d1 * 10 + d2;
}

function parseAmountText(raw: string): ParseAmountResult {
  const plain = plainAmountFen(raw);
  if (plain !== null) return { ok: true, fen: plain, rounded: false };
  let text = toHalfWidth(raw).replace(/[\s\u00A0\u3000]/g, '');
  text = text.replace(/^[¥￥]/, '').replace(/元$/, '').replace(/^RMB/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  text = text.replace(/^[¥￥]/, '');
  if (text === '') return { ok: false, reason: '金额为空' };
  if (/,/.test(text)) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { ok: false, reason: `千分位格式不正确：“${raw}”` };
    text = text.replace(/,/g, '');
  }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!m) return { ok: false, reason: `不是数字：“${raw}”` };
  const intPart = m[1] === '' ? '0' : (m[1] as string);
  const frac = m[2] ?? '';
  let fen = BigInt(intPart) * 100n + BigInt((frac + '00').slice(0, 2));
  const rest = frac.slice(2);
  const rounded = /[1-9]/.test(rest);
  if (rest.length > 0 && (rest[0] as string) >= '5') fen += 1n;
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: `金额过大：“${raw}”` };
  const value = Number(fen);
  // value 0 stays +0: "-0.001" rounds to nothing, not to a negative zero.
  return { ok: true, fen: negative && value !== 0 ? -value : value, rounded };
}

/** Shortest decimal string for a JS number, never in exponent form. */
export function numberToDecimalString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa, expText] = s.toLowerCase().split('e') as [string, string];
  const exp = Number(expText);
  const neg = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const pointAt = (mantissa.replace(/^-/, '').indexOf('.') === -1 ? mantissa.replace(/^-/, '').length : mantissa.replace(/^-/, '').indexOf('.')) + exp;
  let out: string;
  if (pointAt <= 0) out = '0.' + '0'.repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  return (neg ? '-' : '') + out;
}

/** "1234.56" (exactly as formatFen writes it, or any decimal with ≤ 2 places) → fen. */
export function fenFromString(text: string): Fen {
  const r = parseAmountText(text);
  if (!r.ok || r.rounded) throw new RangeError(`不是两位小数的金额：${text}`);
  return r.fen;
}

/** Yuan as a JS number (e.g. a plan's floor 4000 or 4000.5) → fen, exactly. */
export function fenFromYuanNumber(yuan: number): Fen {
  const r = parseAmount(yuan);
  if (!r.ok || r.rounded) throw new RangeError(`金额必须精确到分：${yuan}`);
  return r.fen;
}

/**
 * An exact decimal rate such as 0.16, 0.008 or 0.0005, kept as numerator / 10^scale so that
 * products with fen are computed in integers.
 */
export interface Decimal {
  readonly numerator: bigint;
  readonly scale: number;
}

export function decimalFrom(value: number | string): Decimal {
  const text = typeof value === 'number' ? numberToDecimalString(value) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`不是十进制数：${value}`);
  const frac = m[3] ?? '';
  const numerator = BigInt((m[2] as string) + frac) * (m[1] ? -1n : 1n);
  return { numerator, scale: frac.length };
}

export function decimalToString(d: Decimal): string {
  const neg = d.numerator < 0n;
  const digits = (neg ? -d.numerator : d.numerator).toString().padStart(d.scale + 1, '0');
  const int = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale);
  return (neg ? '-' : '') + (d.scale > 0 ? `${int}.${frac}` : int);
}

/**
 * round_half_up(fen × r1 × r2 × … × k) for non-negative fen, exactly (DOMAIN.md §6.3: "round to
 * 0.01 yuan, half-up"). `factors` are exact decimals; `integerFactor` is e.g. a count of days.
 */
export function mulRoundHalfUp(fen: Fen, factors: readonly Decimal[], integerFactor = 1): Fen {
  assertFen(fen);
  if (fen < 0) throw new RangeError('mulRoundHalfUp expects a non-negative amount');
  let num = BigInt(fen) * BigInt(integerFactor);
  let den = 1n;
  for (const f of factors) {
    if (f.numerator < 0n) throw new RangeError('negative rate');
    num *= f.numerator;
    den *= 10n ** BigInt(f.scale);
  }
  const q = num / den;
  const r = num % den;
  const result = r * 2n >= den ? q + 1n : q;
  return assertFen(Number(result));
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  return assertFen(total, '合计');
}
