// The harness's wire codec must carry file bytes through JSON unchanged, and agree with the
// standard base64 that any other client (curl, Node's Buffer) would produce.
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire, parseWire, stringifyWire, WireError } from '../../shared/api/wire';

function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('base64', () => {
  it('matches Node Buffer for every length remainder and all byte values', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
    for (const len of [0, 1, 2, 3, 4, 5, 6, 7, 100, 101, 102, 65_537]) {
      const bytes = pseudoRandomBytes(len, len + 7);
      const b64 = bytesToBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(bytes));
    }
  });

  it('decodes what Buffer encodes (a real xlsx starts with PK)', () => {
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(Array.from(base64ToBytes(zipHeader.toString('base64')))).toEqual([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
  });

  it('refuses malformed base64 instead of producing wrong bytes', () => {
    expect(() => base64ToBytes('abc')).toThrow(WireError);
    expect(() => base64ToBytes('ab$d')).toThrow(/非法字符/);
    expect(() => base64ToBytes('a=bc')).toThrow(WireError);
  });
});

describe('wire encoding', () => {
  it('round-trips nested bytes through JSON text', () => {
    const data = pseudoRandomBytes(1000, 3);
    const input = { caseId: 7, kind: 'payroll', fileName: '工资表.xlsx', data, nested: [{ pdf: new Uint8Array([37, 80, 68, 70]) }], leaveOutErrorRows: false };
    const text = stringifyWire(input);
    expect(JSON.parse(text).data).toEqual({ $bytes: Buffer.from(data).toString('base64') });
    const back = parseWire(text) as typeof input;
    expect(back.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.data)).toEqual(Array.from(data));
    expect(Array.from(back.nested[0]!.pdf)).toEqual([37, 80, 68, 70]);
    expect(back.fileName).toBe('工资表.xlsx');
    expect(back.leaveOutErrorRows).toBe(false);
  });

  it('leaves ordinary values alone and drops undefined like JSON does', () => {
    expect(encodeWire({ a: 1, b: 'x', c: null, d: undefined, e: [true] })).toEqual({ a: 1, b: 'x', c: null, e: [true] });
    expect(decodeWire({ ok: true, value: { totals: { total: '3575.74' } } })).toEqual({ ok: true, value: { totals: { total: '3575.74' } } });
  });

  it('rejects data that would be confused with the bytes marker', () => {
    expect(() => encodeWire({ $bytes: 'AAAA' })).toThrow(/保留/);
    expect(() => decodeWire({ $bytes: 12 })).toThrow(WireError);
    expect(() => decodeWire({ $bytes: 'AAAA', extra: 1 })).toThrow(WireError);
  });
});
