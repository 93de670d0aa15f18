// The CSV fast path (readCsv.ts parseCsvFast) against csv-parse with the importer's options:
// for every input the fast path accepts it must give exactly csv-parse's records, and it must
// hand the odd inputs (text after a closing quote, an unclosed quote, mixed line endings) back.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCsvFast, readCsv } from '../../electron/services/import/readCsv';
import { decodeText } from '../../electron/services/import/decodeText';
import { monthRange } from '../../shared/rules/month';
import { generateEmployer } from '../fixtures/employer';
import { writeDeclarations } from '../fixtures/employerFiles';

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true };
const csvParse = (text: string, delimiter: string) => parse(text, { ...OPTIONS, delimiter }) as string[][];

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CSV fast path', () => {
  it.each([
    ['plain with title row', '单位缴费明细\n姓名,证件号码,基数\n张三,110105198001010011,5000\n', ','],
    ['CRLF and empty lines', 'a,b\r\n\r\nc,d\r\n\r\n', ','],
    ['no final line end', 'a,b\nc', ','],
    ['trailing delimiter', 'a,\nb,', ','],
    ['quoted fields with delimiter, doubled quotes and line breaks', '"a,1","x""y"\r\n"多\r\n行",z\r\n', ','],
    ['Excel text cells', '姓名,证件号码\n张三,="110105198001010011"\n', ','],
    ['quote inside an unquoted field', 'a,b"c,d\n', ','],
    ['tabs', 'a\tb\t\nc\td\n', '\t'],
    ['BOM', '\uFEFFa,b\n', ','],
    ['only line ends', '\n\n', ','],
  ])('%s: same records as csv-parse', (_label, text, delimiter) => {
    const fast = parseCsvFast(text, delimiter);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(csvParse(text, delimiter));
  });

  it.each([
    ['text after a closing quote', '"a"b,c\n'],
    ['an unclosed quote', 'a,"b\nc\n'],
    ['mixed line endings', 'a\r\nb\nc\n'],
    ['a lone carriage return', 'a\rb\n'],
  ])('hands %s to csv-parse', (_label, text) => {
    expect(parseCsvFast(text, ',')).toBeNull();
  });

  it('agrees with csv-parse on random text wherever it answers', () => {
    const next = rng(20261123);
    const alphabet = ['a', '张', ',', '"', '\n', '\r\n', '=', ' ', '1', ';'];
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      const len = Math.floor(next() * 30);
      let text = '';
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (text.includes('\r') && text.replace(/\r\n/g, '').includes('\r')) continue;
      let expected: string[][] | null;
      try {
        expected = csvParse(text, ',');
      } catch {
        expected = null;
      }
      const fast = parseCsvFast(text, ',');
      if (fast === null) continue;
      answered++;
      expect({ text, records: fast }).toEqual({ text, records: expected });
    }
    expect(answered).toBeGreaterThan(1000);
  });

  it('a generated GB18030 declarations export reads the same either way', () => {
    const data = generateEmployer(4, { persons: 60, months: monthRange('2024-01', '2024-06') });
    const { text } = decodeText(writeDeclarations(data, { title: true, ids: 'messy', insuranceNames: 'varied', totals: true }, 'csv-gb18030'));
    const fast = parseCsvFast(text, ',');
    expect(fast).not.toBeNull();
    expect(fast).toEqual(csvParse(text, ','));
    expect(readCsv(text).rows.length).toBe(fast!.length);
  });
});
