// The streaming .xlsx reader (xlsxStream.ts) against exceljs's full reader on the same fixture
// workbooks: forced onto every xlsx layout the fixtures write (titles, merged two-row headers,
// formulas with cached values, date and serial months, sheet per month, wide declarations,
// hidden sheets), both paths must give the same grid and the same normalised rows and report.
// Plus the routing by size and the safety checks the streaming path keeps.
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { importSpreadsheet, type ParsedImport } from '../../electron/services/import/index';
import { chooseXlsxReader, readGrid, STREAM_SHEET_XML_BYTES } from '../../electron/services/import/readGrid';
import { readXlsxStream } from '../../electron/services/import/xlsxStream';
import { inspectZip } from '../../electron/services/import/zipGuard';
import { monthRange } from '../../shared/rules/month';
import { generateEmployer } from '../fixtures/employer';
import { buildPayrollSheets, toXlsx, writeDeclarations, writePayroll, type DeclarationLayout, type PayrollLayout } from '../fixtures/employerFiles';

const data = generateEmployer(20240611, { persons: 30, months: monthRange('2023-11', '2024-04') });
const untyped = generateEmployer(77, { persons: 15, months: monthRange('2024-01', '2024-03'), declarationsPerInsurance: false });
const MESSY: PayrollLayout = { title: true, headers: 'synonyms', ids: 'messy', amounts: 'text', months: 'mixed', subtotals: true, totals: true, blankRows: true };

const payrollLayouts: [string, PayrollLayout][] = [
  ['clean', {}],
  ['messy text amounts, subtotals, blank rows', { ...MESSY, seed: 5 }],
  ['formulas, date months, totals', { title: true, months: 'date', formulas: true, totals: true, ids: 'messy', seed: 6 }],
  ['serial months', { months: 'serial', headers: 'synonyms', seed: 7 }],
  ['two-row merged header', { twoRowHeader: true, title: true, totals: true, formulas: true, months: 'mixed', seed: 8 }],
  ['sheet per month 2024年3月', { sheetPerMonth: 'full-name', months: 'none', totals: true, seed: 9 }],
  ['sheet per month 3月 with title year', { sheetPerMonth: 'month-name', months: 'none', title: true, subtotals: true, seed: 10 }],
];
const declarationLayouts: [string, typeof data, DeclarationLayout][] = [
  ['险种 column', data, {}],
  ['wide two-row header per insurance', data, { wide: true, title: true, totals: true, ids: 'messy', months: 'date', seed: 4 }],
  ['no insurance column', untyped, { title: true, headers: 'synonyms', months: 'mixed', totals: true, seed: 5 }],
];

async function importWith(reader: 'stream' | 'full', bytes: Uint8Array, kind: 'payroll' | 'declaration'): Promise<ParsedImport> {
  process.env.JIHE_XLSX_READER = reader;
  try {
    return await importSpreadsheet({ bytes, fileName: '单位文件.xlsx', kind });
  } finally {
    delete process.env.JIHE_XLSX_READER;
  }
}

afterEach(() => {
  delete process.env.JIHE_XLSX_READER;
});

describe('streaming reader equals the exceljs reader', () => {
  it.each(payrollLayouts)('payroll: %s', async (_label, layout) => {
    const bytes = writePayroll(data, layout, 'xlsx');
    const [full, stream] = [await readGrid(bytes, 'a.xlsx', { xlsxReader: 'full' }), await readGrid(bytes, 'a.xlsx', { xlsxReader: 'stream' })];
    expect(stream).toEqual(full);
    const a = await importWith('full', bytes, 'payroll');
    const b = await importWith('stream', bytes, 'payroll');
    expect(a.payroll.length).toBe(data.payrollRows.length);
    expect(b.payroll).toEqual(a.payroll);
    expect(b.report).toEqual(a.report);
  });

  it.each(declarationLayouts)('declarations: %s', async (_label, d, layout) => {
    const bytes = writeDeclarations(d, layout, 'xlsx');
    expect(await readGrid(bytes, 'a.xlsx', { xlsxReader: 'stream' })).toEqual(await readGrid(bytes, 'a.xlsx', { xlsxReader: 'full' }));
    const a = await importWith('full', bytes, 'declaration');
    const b = await importWith('stream', bytes, 'declaration');
    expect(a.declarations.length).toBe(d.declarationRows.length);
    expect(b.declarations).toEqual(a.declarations);
    expect(b.report).toEqual(a.report);
  });

  it('reads inline strings, booleans, errors, rich shared strings, 1904 dates and hidden sheets like exceljs', async () => {
    const wb = (sheet: string) =>
      zipSync({
        '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
        '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="工资" sheetId="1" r:id="rId1"/><sheet name="备份" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        'xl/styles.xml': strToU8('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>'),
        'xl/sharedStrings.xml': strToU8('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t xml:space="preserve"> 身份证号 </t></si><si><r><rPr><b/></rPr><t>张</t></r><r><t>三&amp;</t></r><rPh><t>ちょう</t></rPh></si></sst>'),
        'xl/worksheets/sheet1.xml': strToU8(sheet),
        'xl/worksheets/sheet2.xml': strToU8('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>隐藏</t></is></c></row></sheetData></worksheet>'),
      });
    const bytes = wb(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" s="3"/></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>11010519800101001X</t></is></c><c r="B3" s="1"><v>45000</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" s="3"><v>1234.5</v></c></row>' +
        '<row r="4"><c r="B4" s="2"><f>B3+31</f><v>45031</v></c><c r="C4" t="str"><f>A1</f><v>x&lt;y</v></c><c r="F4"><f>1/0</f></c></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
    );
    const full = await readGrid(bytes, 'a.xlsx', { xlsxReader: 'full' });
    const stream = await readGrid(bytes, 'a.xlsx', { xlsxReader: 'stream' });
    expect(stream).toEqual(full);
    // And what that is, so the comparison is not of two empty grids.
    const sheet = stream.sheets[0]!;
    expect(stream.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['工资', false],
      ['备份', true],
    ]);
    expect(sheet.rows[0]).toEqual([' 身份证号 ', ' 身份证号 ', '张三&']);
    expect(sheet.rows[1]).toEqual([]);
    expect(sheet.rows[2]).toEqual(['11010519800101001X', new Date(Date.UTC(2027, 2, 16)), true, '#N/A', 1234.5]);
    expect(sheet.rows[3]?.[2]).toBe('x<y');
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});

describe('choosing the reader', () => {
  it('routes by the inflated size of the biggest sheet', () => {
    const small = inspectZip(writePayroll(data, {}, 'xlsx'));
    expect(chooseXlsxReader(small)).toBe('full');
    const big = { entries: [...small.entries, { name: 'xl/worksheets/sheet9.xml', size: 3_000_000, originalSize: STREAM_SHEET_XML_BYTES + 1 }], inflatedBytes: small.inflatedBytes + STREAM_SHEET_XML_BYTES + 1 };
    expect(chooseXlsxReader(big)).toBe('stream');
    expect(chooseXlsxReader(big, 'full')).toBe('full');
  });

  it('a sheet over the threshold is read by the streaming path and imports in full', async () => {
    // ~42,000 payroll rows written by SheetJS are just over 20 MB of sheet XML.
    const big = generateEmployer(5, { persons: 1300, months: monthRange('2022-01', '2024-12') });
    const bytes = toXlsx(buildPayrollSheets(big, { components: true }));
    expect(chooseXlsxReader(inspectZip(bytes))).toBe('stream');
    let reported = 0;
    const grid = await readGrid(bytes, 'big.xlsx', { onProgress: () => reported++ });
    expect(reported).toBeGreaterThan(0);
    expect(grid.sheets[0]!.rows.length).toBeGreaterThan(big.payrollRows.length);
    const result = await importSpreadsheet({ bytes, fileName: 'big.xlsx', kind: 'payroll' });
    expect(result.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.payroll.length).toBe(big.payrollRows.length);
    expect(result.payroll.reduce((s, l) => s + l.grossFen, 0)).toBe(big.payrollRows.reduce((s, r) => s + r.grossFen, 0));
  });
});

describe('the streaming path stays safe', () => {
  it('a corrupt sheet stream is a Chinese file error, not a crash', async () => {
    const good = writePayroll(data, {}, 'xlsx');
    const bad = good.slice();
    // Damage the middle of the file (inside the compressed sheet data).
    for (let i = Math.floor(bad.length / 3); i < Math.floor(bad.length / 3) + 200; i++) bad[i] = 0x55;
    process.env.JIHE_XLSX_READER = 'stream';
    const r = await importSpreadsheet({ bytes: bad, fileName: '坏文件.xlsx', kind: 'payroll' });
    const fileErrors = r.report.issues.filter((i) => i.severity === 'error' && i.row === 0);
    expect(fileErrors.length).toBe(1);
    expect(fileErrors[0]!.message).toMatch(/无法|损坏/);
    expect(r.payroll).toEqual([]);
  });

  it('readXlsxStream refuses a workbook without sheets', async () => {
    const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>') });
    await expect(readXlsxStream(bytes)).rejects.toThrow(/没有工作表/);
  });
});
