// mulRoundHalfUp, the exact half-up rounding of DOMAIN.md §6, held to an independent BigInt
// computation on many amounts, rates and day counts, including products past the range of
// doubles (issue 16 tried a double-arithmetic fast path here; it measured no faster).
import { describe, expect, it } from 'vitest';
import { decimalFrom, mulRoundHalfUp } from '../../shared/rules/money';
import { createRng } from '../fixtures/prng';

/** round_half_up(fen × factor × numerator / 10^scale) in BigInt, written independently. */
function reference(fen: number, rate: string, factor: number): number {
  const [int, frac = ''] = rate.split('.');
  const num = BigInt(fen) * BigInt(factor) * BigInt(`${int}${frac}`);
  const den = 10n ** BigInt(frac.length);
  const q = num / den;
  return Number((num % den) * 2n >= den ? q + 1n : q);
}

describe('mulRoundHalfUp with one rate', () => {
  it('matches the exact BigInt rounding on random amounts, rates and day counts', () => {
    const rng = createRng(16);
    const rates = ['0.16', '0.08', '0.005', '0.0005', '0.125', '0.1249', '0.5', '0.002', '0.015', '1', '0.0035', '0.00001'];
    for (let i = 0; i < 20_000; i++) {
      const fen = rng.chance(0.5) ? rng.int(0, 5_000_000) : rng.int(0, 2 ** 40);
      const rate = rng.pick(rates);
      const days = rng.chance(0.5) ? 1 : rng.int(0, 5000);
      expect(mulRoundHalfUp(fen, [decimalFrom(rate)], days)).toBe(reference(fen, rate, days));
    }
  });

  it('is exact at halves and beyond the range of doubles', () => {
    expect(mulRoundHalfUp(1, [decimalFrom('0.5')])).toBe(1);
    expect(mulRoundHalfUp(3, [decimalFrom('0.5')])).toBe(2);
    // fen × rate past 2^53: the BigInt path, still exact.
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(mulRoundHalfUp(big, [decimalFrom('0.16')])).toBe(reference(big, '0.16', 1));
    expect(mulRoundHalfUp(2 ** 45 + 7, [decimalFrom('0.0005')], 4000)).toBe(reference(2 ** 45 + 7, '0.0005', 4000));
  });
});
