// GB 32100-2015 unified social credit codes (DOMAIN.md §4.4).
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from '../../shared/rules/creditCode';

describe('unified social credit code', () => {
  it('accepts the published samples', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
  });

  it('rejects every other check character', () => {
    for (const ch of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      if (ch === '3') continue;
      expect(isValidCreditCode(`91350100M000100Y4${ch}`)).toBe(false);
    }
  });

  it('gives check value 0 (not 31) when the weighted sum is a multiple of 31', () => {
    // All zeros: sum 0 → (31 − 0) mod 31 = 0 → "0"; without the outer mod it would index past the alphabet.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(isValidCreditCode('000000000000000000')).toBe(true);
  });

  it('detects a single mistyped character and a swap of neighbours', () => {
    expect(isValidCreditCode('91110000600037431L')).toBe(false);
    expect(isValidCreditCode('91110000600037342L')).toBe(false);
  });

  it('refuses letters the standard leaves out (I O S V Z) and wrong lengths', () => {
    expect(isValidCreditCode('91110000600O37341L')).toBe(false);
    expect(isValidCreditCode('91110000600037341')).toBe(false);
    expect(checkCreditCode('91110000600O37341L')).toMatchObject({ ok: false, reason: expect.stringContaining('O') });
    expect(checkCreditCode('9111000060003734')).toMatchObject({ ok: false, reason: '统一社会信用代码应为18位，实际为16位' });
    expect(checkCreditCode('')).toMatchObject({ ok: false, reason: '统一社会信用代码为空' });
  });

  it('normalises typed input: spaces, full-width characters, lower case', () => {
    expect(normalizeCreditCode(' ９１１１００００６０００３７３４１ｌ ')).toBe('91110000600037341L');
    expect(normalizeCreditCode('9135 0100 m000 100y43')).toBe('91350100M000100Y43');
    expect(checkCreditCode(' 91350100m000100y43\t')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, code: '91350100M000100Y44', reason: '统一社会信用代码校验位不正确（第18位应为 3）' });
  });
});
