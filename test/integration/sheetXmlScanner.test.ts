// The worksheet XML scanner (sheetXmlScanner.ts) under the streaming reader: the same events
// whatever the chunk boundaries (a tag, an entity or a multi-byte character cut in two), '>'
// inside quoted attribute values, CDATA and comments, and a clear error for XML that is not
// well-formed.
import { describe, expect, it } from 'vitest';
import { SheetXmlError, SheetXmlScanner, type SheetAttrs } from '../../electron/services/import/sheetXmlScanner';

const XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="urn:x"><!-- made by hand -->' +
  '<x:sheetData><x:row r="1" spans="1:3"><x:c r="A1" t="s" s="2"><x:v>0</x:v></x:c>' +
  '<x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve"> 张三&amp;李四 &#x4E00;&#19968; </x:t></x:is></x:c>' +
  '<x:c r="C1" s="3"><x:f>A1&gt;0</x:f><x:v><![CDATA[12.5]]></x:v></x:c></x:row>' +
  "<x:row r='3'><x:c r='A3' t='str'><x:v>a&lt;b</x:v></x:c><x:c r=\"B3\"/></x:row></x:sheetData>" +
  '<x:dataValidations><x:dataValidation prompt="值 > 0 且 &lt; 100" sqref="A1"/></x:dataValidations>' +
  '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';

function events(xml: string, chunkBytes: number): string[] {
  const out: string[] = [];
  const scanner = new SheetXmlScanner(
    {
      onOpen: (name: string, a: SheetAttrs) => out.push(`<${name} r=${a.r ?? ''} t=${a.t ?? ''} s=${a.s ?? ''} ref=${a.ref ?? ''}>`),
      onText: (text: string) => {
        // Text may arrive in pieces; join neighbours so the comparison is about content.
        const last = out.length - 1;
        if (last >= 0 && out[last]!.startsWith('text:')) out[last] += text;
        else out.push(`text:${text}`);
      },
      onClose: (name: string) => out.push(`</${name}>`),
    },
    'sheet1.xml',
  );
  const bytes = new TextEncoder().encode(xml);
  for (let i = 0; i < bytes.length; i += chunkBytes) scanner.write(bytes.subarray(i, i + chunkBytes), i + chunkBytes >= bytes.length);
  return out;
}

describe('sheet XML scanner', () => {
  const whole = events(XML, 1 << 20);

  it('reports the cells, attributes and decoded text', () => {
    expect(whole).toContain('<c r=A1 t=s s=2 ref=>');
    expect(whole).toContain('text: 张三&李四 一一 ');
    expect(whole).toContain('text:12.5');
    expect(whole).toContain('text:a<b');
    expect(whole).toContain('<row r=3 t= s= ref=>');
    expect(whole).toContain('<mergeCell r= t= s= ref=A1:B1>');
    expect(whole).toContain('<dataValidation r= t= s= ref=>');
    expect(whole.filter((e) => e === '</c>')).toHaveLength(5);
  });

  it.each([1, 2, 3, 7, 64])('gives the same events in chunks of %i byte(s)', (size) => {
    expect(events(XML, size)).toEqual(whole);
  });

  it.each([
    ['mismatched tags', '<worksheet><row></c></worksheet>'],
    ['an unclosed element', '<worksheet><sheetData>'],
    ['garbage instead of a tag', '<worksheet><\u0001\u0002></worksheet>'],
    ['two roots', '<a/><b/>'],
    ['an attribute without quotes', '<worksheet><c r=A1></c></worksheet>'],
  ])('refuses %s', (_label, xml) => {
    expect(() => events(xml, 1 << 20)).toThrow(SheetXmlError);
  });

  it('refuses bytes that are not UTF-8', () => {
    const scanner = new SheetXmlScanner({ onOpen: () => {}, onText: () => {}, onClose: () => {} }, 'sheet1.xml');
    expect(() => scanner.write(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]), true)).toThrow(/UTF-8/);
  });
});
