import { describe, expect, it } from 'vitest';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import { fenFromString } from '../../shared/rules/money';

const cap = (yuan: string) => toChineseCapitals(fenFromString(yuan));

describe('toChineseCapitals', () => {
  it.each([
    ['3575.74', '叁仟伍佰柒拾伍元柒角肆分'],
    ['0.00', '零元整'],
    ['0.05', '伍分'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['1.00', '壹元整'],
    ['10.00', '壹拾元整'],
    ['15.00', '壹拾伍元整'],
    ['100.00', '壹佰元整'],
    ['101.00', '壹佰零壹元整'],
    ['110.00', '壹佰壹拾元整'],
    ['1001.00', '壹仟零壹元整'],
    ['1010.00', '壹仟零壹拾元整'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['10005.00', '壹万零伍元整'],
    ['10010.10', '壹万零壹拾元壹角'],
    ['100000.00', '壹拾万元整'],
    ['101000.00', '壹拾万壹仟元整'],
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['1000100.00', '壹佰万零壹佰元整'],
    ['1010101.01', '壹佰零壹万零壹佰零壹元零壹分'],
    ['20000000.00', '贰仟万元整'],
    ['100000000.00', '壹亿元整'],
    ['100010000.00', '壹亿零壹万元整'],
    ['100000001.00', '壹亿零壹元整'],
    ['123456789.12', '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'],
    ['999999999999.99', '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%s → %s', (yuan, expected) => {
    expect(cap(yuan)).toBe(expected);
  });

  it('marks negative amounts with 负', () => {
    expect(cap('-12.30')).toBe('负壹拾贰元叁角');
  });

  it('never uses a bare 拾 or a doubled 零', () => {
    for (const v of ['10.00', '10010.10', '100100.01', '1000010.00', '100000010.00']) {
      const s = cap(v);
      expect(s.startsWith('拾')).toBe(false);
      expect(s).not.toMatch(/零零/);
      expect(s).not.toMatch(/零[元万亿]/);
    }
  });

  it('refuses amounts that are not whole fen or too large', () => {
    expect(() => toChineseCapitals(1.5)).toThrow();
    expect(() => toChineseCapitals(100_000_000_000_000)).toThrow('金额过大');
  });
});
