// Money as employers' files write it, and the exact half-up rounding of DOMAIN.md §6.
import { describe, expect, it } from 'vitest';
import {
  decimalFrom,
  decimalToString,
  fenFromString,
  fenFromYuanNumber,
  formatFen,
  formatFenGrouped,
  mulRoundHalfUp,
  numberToDecimalString,
  parseAmount,
  sumFen,
} from '../../shared/rules/money';

const fen = (input: unknown) => {
  const r = parseAmount(input);
  if (!r.ok) throw new Error(r.reason);
  return r.fen;
};

describe('parseAmount', () => {
  it('reads plain text and numbers', () => {
    expect(parseAmount('9000.00')).toEqual({ ok: true, fen: 900000, rounded: false });
    expect(fen('500.55')).toBe(50055);
    expect(fen('3000')).toBe(300000);
    expect(fen('.5')).toBe(50);
    expect(fen(25000)).toBe(2500000);
    expect(fen(0)).toBe(0);
  });

  it('rounds a third decimal half-up and says so', () => {
    expect(parseAmount('12.345')).toEqual({ ok: true, fen: 1235, rounded: true });
    expect(parseAmount('12.344')).toEqual({ ok: true, fen: 1234, rounded: true });
    expect(parseAmount('0.005')).toEqual({ ok: true, fen: 1, rounded: true });
    expect(parseAmount('0.0049999')).toEqual({ ok: true, fen: 0, rounded: true });
    expect(parseAmount('12.3450')).toEqual({ ok: true, fen: 1235, rounded: true });
    expect(parseAmount('12.340')).toEqual({ ok: true, fen: 1234, rounded: false });
    expect(fen('99.995')).toBe(10000);
  });

  it('half-up at exactly .005 also for numeric cells, whose double lies just below', () => {
    // 1.005 is stored as 1.00499999999999989…; the cell shows 1.005 and the auditor expects 1.01.
    expect(fen(1.005)).toBe(101);
    expect(fen(12.345)).toBe(1235);
    expect(fen(2.675)).toBe(268);
  });

  it('removes float artefacts of numeric cells', () => {
    expect(parseAmount(9500.550000000001)).toEqual({ ok: true, fen: 950055, rounded: false });
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: true, fen: 30, rounded: false });
    expect(parseAmount(9000 + 500.55)).toEqual({ ok: true, fen: 950055, rounded: false });
    expect(fen(4499.999999999999)).toBe(450000);
  });

  it('reads currency signs, thousands separators, spaces and full-width digits', () => {
    expect(fen('¥9,500.55')).toBe(950055);
    expect(fen('￥ 1,234,567.89 元')).toBe(123456789);
    expect(fen('１２，３４５．６７')).toBe(1234567);
    expect(fen(' 3 000.00 ')).toBe(300000);
    expect(fen('RMB500')).toBe(50000);
    expect(fen('\u00A0800.10\u3000')).toBe(80010);
  });

  it('reads negative corrections', () => {
    expect(fen('-500.55')).toBe(-50055);
    expect(fen('(500.55)')).toBe(-50055);
    expect(fen('-¥5')).toBe(-500);
    expect(fen('－１２．５')).toBe(-1250);
    expect(Object.is(fen('-0.001'), 0)).toBe(true);
  });

  it('refuses what is not an amount, with the reason in Chinese', () => {
    expect(parseAmount('')).toEqual({ ok: false, reason: '金额为空' });
    expect(parseAmount('abc')).toEqual({ ok: false, reason: '不是数字：“abc”' });
    expect(parseAmount('1,23.00')).toEqual({ ok: false, reason: '千分位格式不正确：“1,23.00”' });
    expect(parseAmount(Number.NaN)).toEqual({ ok: false, reason: '不是有效数字' });
    expect(parseAmount(null)).toEqual({ ok: false, reason: '不是金额' });
    expect(parseAmount(1e16).ok).toBe(false);
    expect(parseAmount('1.2.3').ok).toBe(false);
  });
});

describe('formatting', () => {
  it('two decimals, sign, grouping', () => {
    expect(formatFen(357574)).toBe('3575.74');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFenGrouped(123456789)).toBe('1,234,567.89');
    expect(formatFenGrouped(-100000)).toBe('-1,000.00');
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it('round-trips through fenFromString', () => {
    for (const v of [0, 1, 99, 100, 357574, -5, 123456789012]) expect(fenFromString(formatFen(v))).toBe(v);
    expect(() => fenFromString('1.234')).toThrow();
  });

  it('plan floors in yuan convert exactly', () => {
    expect(fenFromYuanNumber(4000)).toBe(400000);
    expect(fenFromYuanNumber(6326.5)).toBe(632650);
    expect(fenFromYuanNumber(5360.07)).toBe(536007);
    expect(() => fenFromYuanNumber(4000.001)).toThrow();
  });
});

describe('exact decimals and half-up products', () => {
  it('keeps rates exact, also tiny ones JS prints in exponent form', () => {
    expect(decimalFrom(0.16)).toEqual({ numerator: 16n, scale: 2 });
    expect(decimalFrom(0.0005)).toEqual({ numerator: 5n, scale: 4 });
    expect(decimalToString(decimalFrom(1e-7))).toBe('0.0000001');
    expect(numberToDecimalString(1.5e-7)).toBe('0.00000015');
    expect(numberToDecimalString(2e21)).toBe('2000000000000000000000');
    expect(decimalToString(decimalFrom('0.008'))).toBe('0.008');
  });

  it('rounds half-up exactly where binary floating point would not', () => {
    // 4,500.55 × 0.08 = 360.044 → 360.04; × 0.16 = 720.088 → 720.09
    expect(mulRoundHalfUp(450055, [decimalFrom(0.08)])).toBe(36004);
    expect(mulRoundHalfUp(450055, [decimalFrom(0.16)])).toBe(72009);
    // 4,500.55 × 0.005 = 22.50275 → 22.50
    expect(mulRoundHalfUp(450055, [decimalFrom(0.005)])).toBe(2250);
    // exactly half a fen rounds up: 0.01 × 0.5 = 0.005 → 0.01; 1.00 × 0.125 = 0.125 → 0.13
    expect(mulRoundHalfUp(1, [decimalFrom(0.5)])).toBe(1);
    expect(mulRoundHalfUp(100, [decimalFrom(0.125)])).toBe(13);
    expect(mulRoundHalfUp(100, [decimalFrom(0.1249)])).toBe(12);
    // the float product 1.15 × 100 = 114.99999999999999 would round down
    expect(mulRoundHalfUp(115, [decimalFrom(0.5)])).toBe(58);
  });

  it('late fee: total × daily rate × days rounded once', () => {
    expect(mulRoundHalfUp(161118, [decimalFrom(0.0005)], 350)).toBe(28196);
    expect(mulRoundHalfUp(143200, [decimalFrom(0.0005)], 350)).toBe(25060);
    expect(mulRoundHalfUp(1, [decimalFrom(0.0005)], 1000)).toBe(1); // 0.5 fen → 1
    expect(mulRoundHalfUp(1, [decimalFrom(0.0005)], 999)).toBe(0);
  });

  it('refuses negative input', () => {
    expect(() => mulRoundHalfUp(-1, [decimalFrom(0.16)])).toThrow();
    expect(() => decimalFrom('abc')).toThrow();
  });

  it('sums stay integers', () => {
    expect(sumFen([72009, 36004, 3600, 2250])).toBe(113863);
  });
});
