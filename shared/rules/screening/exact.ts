// Exact arithmetic for the screening rules: prices and quantities are exact decimals (a drug may
// cost 0.125 yuan a tablet), products go to fen rounded half-up once, and the fund's share of a
// violation is taken per row, half-up (INSTITUTIONS.md §6). No binary floating point anywhere.
import { assertFen, decimalFrom, type Decimal, type Fen } from '../money';

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** a and b brought to one scale. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.numerator * pow10(scale - a.scale), b.numerator * pow10(scale - b.scale), scale];
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { numerator: x + y, scale };
}

export function subDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { numerator: x - y, scale };
}

export const ZERO: Decimal = { numerator: 0n, scale: 0 };

/** num / den rounded half-up (away from zero on a tie for negatives), den > 0. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('divisor must be positive');
  const neg = num < 0n;
  const n = neg ? -num : num;
  const q = n / den;
  const r = n % den;
  const out = r * 2n >= den ? q + 1n : q;
  return neg ? -out : out;
}

/** yuan × quantity → fen, rounded half-up. */
export function yuanTimesQuantityFen(yuan: Decimal, quantity: Decimal): Fen {
  const num = yuan.numerator * quantity.numerator * 100n;
  return assertFen(Number(divRoundHalfUp(num, pow10(yuan.scale + quantity.scale))));
}

/** A yuan amount written as a decimal (e.g. a parameter "5000") → fen; at most two decimals. */
export function yuanToFen(yuan: Decimal): Fen {
  if (yuan.scale > 2) throw new RangeError('金额最多两位小数');
  return assertFen(Number(yuan.numerator * pow10(2 - yuan.scale)));
}

/** 基金损失 of one row: round_half_up(违规金额 × 医保支付金额 ÷ 金额); 0 where 金额 is 0. */
export function fundLossFen(violation: Fen, fundPaid: Fen, amount: Fen): Fen {
  if (amount === 0) return 0;
  const num = BigInt(violation) * BigInt(fundPaid);
  const den = BigInt(amount);
  return assertFen(Number(den > 0n ? divRoundHalfUp(num, den) : divRoundHalfUp(-num, -den)));
}

/** ratio × n compared with count: true when count < ratio × n, exactly. */
export function lessThanShare(count: number, ratio: Decimal, n: number): boolean {
  return BigInt(count) * pow10(ratio.scale) < ratio.numerator * BigInt(n);
}

export function decimalText(d: Decimal): string {
  if (d.scale === 0) return d.numerator.toString();
  const neg = d.numerator < 0n;
  const digits = (neg ? -d.numerator : d.numerator).toString().padStart(d.scale + 1, '0');
  const int = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  return (neg ? '-' : '') + (frac === '' ? int : `${int}.${frac}`);
}

export function isNegative(d: Decimal): boolean {
  return d.numerator < 0n;
}

export { decimalFrom };
