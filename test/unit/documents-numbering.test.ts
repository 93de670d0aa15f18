import { describe, expect, it } from 'vitest';
import { chineseOrdinal, formatDocumentNumber, headingLabel, parseDocumentNumber } from '../../shared/documents/numbering';
import { joinCitations } from '../../shared/documents/legalBasis';

describe('formatDocumentNumber', () => {
  it('writes prefix, full year in hexagonal brackets and the sequence without leading zeros', () => {
    expect(formatDocumentNumber('示医保稽通', 2026, 12)).toBe('示医保稽通〔2026〕12号');
    expect(formatDocumentNumber('示医保稽通', 2026, 1)).toBe('示医保稽通〔2026〕1号');
    expect(formatDocumentNumber(' 示医保稽意 ', 2027, 305)).toBe('示医保稽意〔2027〕305号');
  });

  it('never writes 第, square brackets or padded numbers', () => {
    const n = formatDocumentNumber('示医保稽通', 2026, 7);
    expect(n).not.toMatch(/第|\[|\]|［|0\d号/);
  });

  it('refuses bad input with a Chinese message', () => {
    expect(() => formatDocumentNumber('', 2026, 1)).toThrow('文号前缀');
    expect(() => formatDocumentNumber('示医保〔稽通', 2026, 1)).toThrow('括号');
    expect(() => formatDocumentNumber('示医保稽通', 26, 1)).toThrow('年份');
    expect(() => formatDocumentNumber('示医保稽通', 2026, 0)).toThrow('序号');
    expect(() => formatDocumentNumber('示医保稽通', 2026, 1.5)).toThrow('序号');
  });

  it('parses its own output back and rejects other forms', () => {
    expect(parseDocumentNumber('示医保稽通〔2026〕12号')).toEqual({ prefix: '示医保稽通', year: 2026, seq: 12 });
    expect(parseDocumentNumber('示医保稽通[2026]12号')).toBeNull();
    expect(parseDocumentNumber('示医保稽通〔2026〕012号')).toBeNull();
    expect(parseDocumentNumber('示医保稽通〔26〕12号')).toBeNull();
  });
});

describe('heading labels', () => {
  it('counts in Chinese numerals', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99].map(chineseOrdinal)).toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect(() => chineseOrdinal(0)).toThrow();
  });

  it('follows the GB/T 9704 order 一、 （一） 1． （1）', () => {
    expect(headingLabel(1, 3)).toBe('三、');
    expect(headingLabel(2, 12)).toBe('（十二）');
    expect(headingLabel(3, 4)).toBe('4．');
    expect(headingLabel(4, 2)).toBe('（2）');
  });
});

describe('joinCitations', () => {
  it('puts no mark between bare titles, 、 after an article, 和 before the last', () => {
    expect(joinCitations(['《中华人民共和国社会保险法》', '《社会保险费征缴暂行条例》第十八条', '《社会保险稽核办法》'])).toBe(
      '《中华人民共和国社会保险法》《社会保险费征缴暂行条例》第十八条和《社会保险稽核办法》',
    );
    expect(joinCitations(['《甲法》第五十八条', '《乙条例》', '《丙办法》'])).toBe('《甲法》第五十八条、《乙条例》和《丙办法》');
    expect(joinCitations(['《甲法》'])).toBe('《甲法》');
    expect(joinCitations([])).toBe('');
  });
});

describe('tablePages', () => {
  it('cuts rows into pages, with an optional shorter first page', async () => {
    const { tablePages } = await import('../../shared/documents/model');
    expect(tablePages(45, 20)).toEqual([[0, 20], [20, 40], [40, 45]]);
    expect(tablePages(45, 20, 5)).toEqual([[0, 5], [5, 25], [25, 45]]);
    expect(tablePages(0, 20)).toEqual([]);
    expect(tablePages(20, 20)).toEqual([[0, 20]]);
    expect(() => tablePages(10, 0)).toThrow('每页行数');
  });
});
