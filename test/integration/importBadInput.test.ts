// Bad input gets a clear Chinese answer saying what and where (DOMAIN.md §4.4): files that are
// no spreadsheet, sheets without the needed columns, empty or header-only files, and rows that
// cannot be read — each listed with sheet, row, column and reason, and left out of the output.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importSpreadsheet, ImportAbortedError, type ParsedImport } from '../../electron/services/import/index';
import { monthRange } from '../../shared/rules/month';
import { checkChar, generateEmployer } from '../fixtures/employer';
import { buildPayrollSheets, encodeText, serialise, toXlsx, writePayroll, type FixtureSheet } from '../fixtures/employerFiles';

const utf8 = (text: string) => new TextEncoder().encode(text);
const errorsOf = (r: ParsedImport) => r.report.issues.filter((i) => i.severity === 'error');

function fileError(r: ParsedImport) {
  const errs = errorsOf(r);
  expect(errs.length).toBeGreaterThan(0);
  expect(errs.every((e) => e.row === 0)).toBe(true);
  expect(r.payroll).toEqual([]);
  expect(r.declarations).toEqual([]);
  return errs[0] as (typeof errs)[number];
}

const validId = (first17: string) => first17 + checkChar(first17);
const ID_A = validId('11010519800101001');
const ID_B = validId('31010419900715123');
const ID_C = validId('44030519851230456');

describe('files that are not readable spreadsheets', () => {
  it('a PDF renamed to .xlsx', async () => {
    const pdf = utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
    const e = fileError(await importSpreadsheet({ bytes: pdf, fileName: '三月工资.xlsx', kind: 'payroll' }));
    expect(e.code).toBe('not-a-spreadsheet');
    expect(e.message).toContain('PDF');
    expect(e.message).toContain('三月工资.xlsx');
    expect(e.file).toBe('三月工资.xlsx');
  });

  it('a PNG photo renamed to .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const e = fileError(await importSpreadsheet({ bytes: png, fileName: 'a.csv', kind: 'payroll' }));
    expect(e.message).toContain('PNG 图片');
  });

  it('a Word document renamed to .xlsx', async () => {
    const docx = zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'word/document.xml': utf8('<w:document/>') });
    const e = fileError(await importSpreadsheet({ bytes: docx, fileName: 'a.xlsx', kind: 'payroll' }));
    expect(e.code).toBe('not-a-workbook');
    expect(e.message).toContain('Word');
  });

  it('a truncated .xlsx', async () => {
    const good = writePayroll(generateEmployer(1, { persons: 5, months: ['2024-03'] }), {}, 'xlsx');
    const e = fileError(await importSpreadsheet({ bytes: good.subarray(0, Math.floor(good.length / 2)), fileName: 'a.xlsx', kind: 'payroll' }));
    expect(['bad-zip', 'bad-xlsx']).toContain(e.code);
    expect(e.message).toMatch(/损坏|无法读取/);
  });

  it('OLE files that are no readable .xls: damaged, password-protected, a Word .doc', async () => {
    const garbage = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(fileError(await importSpreadsheet({ bytes: garbage, fileName: 'a.xls', kind: 'payroll' })).code).toBe('bad-xls');
    const compound = (streams: Record<string, number>) => {
      const cfb = XLSX.CFB.utils.cfb_new();
      for (const [name, size] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, new Uint8Array(size));
      return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
    };
    // Excel saves a password-protected .xlsx as an OLE file holding the encrypted package.
    const encrypted = fileError(await importSpreadsheet({ bytes: compound({ EncryptionInfo: 200, EncryptedPackage: 5000 }), fileName: 'a.xlsx', kind: 'payroll' }));
    expect(encrypted.code).toBe('encrypted');
    expect(encrypted.message).toContain('密码');
    const doc = fileError(await importSpreadsheet({ bytes: compound({ WordDocument: 5000 }), fileName: 'a.xls', kind: 'payroll' }));
    expect(doc.code).toBe('not-a-workbook');
    expect(doc.message).toContain('Word');
  });

  it('a zip bomb posing as a workbook is refused before anything is inflated', async () => {
    const zeros = new Uint8Array(120 * 1024 * 1024);
    const bomb = zipSync({ 'xl/workbook.xml': utf8('<workbook/>'), 'xl/worksheets/sheet1.xml': [zeros, { level: 9 }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = fileError(await importSpreadsheet({ bytes: bomb, fileName: 'a.xlsx', kind: 'payroll' }));
    expect(e.code).toBe('zip-bomb');
  });

  it('a CSV whose lines mix UTF-8 and GBK is refused, naming a line of each', async () => {
    const header = encodeText('身份证号,姓名,月份,应发工资\n', 'gb18030');
    const gbkRow = encodeText(`${ID_A},张三,2024-03,5000\n`, 'gb18030');
    const utf8Row = utf8(`${ID_B},李四,2024-03,6000\n`);
    const bytes = new Uint8Array([...header, ...gbkRow, ...utf8Row]);
    const e = fileError(await importSpreadsheet({ bytes, fileName: '混合.csv', kind: 'payroll' }));
    expect(e.code).toBe('mixed-encoding');
    expect(e.message).toContain('第 3 行是 UTF-8');
    expect(e.message).toContain('第 1 行是 GBK');
    // a file entirely in GBK is still read, with both names intact
    const clean = await importSpreadsheet({ bytes: new Uint8Array([...header, ...gbkRow, ...encodeText(`${ID_B},李四,2024-03,6000\n`, 'gb18030')]), fileName: 'gbk.csv', kind: 'payroll' });
    expect(errorsOf(clean)).toEqual([]);
    expect(clean.payroll.map((l) => l.name)).toEqual(['张三', '李四']);
  });

  it('a CSV whose quote is never closed says where', async () => {
    const csv = utf8(`身份证号,姓名,月份,应发工资\r\n${ID_A},张三,2024-03,"5,000.00\r\n${ID_B},李四,2024-03,4000\r\n`);
    const e = fileError(await importSpreadsheet({ bytes: csv, fileName: 'q.csv', kind: 'payroll' }));
    expect(e.code).toBe('csv-syntax');
    expect(e.message).toMatch(/引号没有闭合/);
    expect(e.message).toMatch(/第\d+行附近/);
  });

  it('empty files', async () => {
    expect(fileError(await importSpreadsheet({ bytes: new Uint8Array(), fileName: 'a.csv', kind: 'payroll' })).code).toBe('empty-file');
    expect(fileError(await importSpreadsheet({ bytes: utf8('\r\n , ,\r\n\r\n'), fileName: 'a.csv', kind: 'payroll' })).code).toBe('empty-file');
    const emptyBook = toXlsx([{ name: 'Sheet1', rows: [], merges: [] }]);
    const e = fileError(await importSpreadsheet({ bytes: emptyBook, fileName: 'a.xlsx', kind: 'payroll' }));
    expect(e.code).toBe('empty-file');
    expect(e.message).toContain('空');
  });
});

describe('sheets without what the kind of file needs', () => {
  it('a CSV with no ID column names the column and its accepted headers', async () => {
    const csv = utf8('姓名,月份,应发工资\r\n张三,2024-03,5000\r\n');
    const r = await importSpreadsheet({ bytes: csv, fileName: 'a.csv', kind: 'payroll' });
    const e = fileError(r);
    expect(e.code).toBe('no-id-column');
    expect(e.message).toContain('身份证号');
    expect(e.message).toContain('证件号码');
  });

  it('a payroll with no gross column, and a declaration file with no base column', async () => {
    const csv = utf8(`身份证号,姓名,月份,实发工资\r\n${ID_A},张三,2024-03,5000\r\n`);
    expect(fileError(await importSpreadsheet({ bytes: csv, fileName: 'a.csv', kind: 'payroll' })).code).toBe('no-gross-column');
    expect(fileError(await importSpreadsheet({ bytes: csv, fileName: 'a.csv', kind: 'declaration' })).code).toBe('no-base-column');
  });

  it('no month in a column, the title, the sheet name or the file name', async () => {
    const csv = utf8(`某某公司工资表\r\n身份证号,姓名,应发工资\r\n${ID_A},张三,5000\r\n`);
    const e = fileError(await importSpreadsheet({ bytes: csv, fileName: 'gz.csv', kind: 'payroll' }));
    expect(e.code).toBe('no-month');
    expect(e.message).toContain('月份');
    // The same file named after its month imports.
    const ok = await importSpreadsheet({ bytes: csv, fileName: '工资表2024年3月.csv', kind: 'payroll' });
    expect(errorsOf(ok)).toEqual([]);
    expect(ok.payroll.map((l) => [l.personId, l.month, l.grossFen])).toEqual([[ID_A, '2024-03', 500_000]]);
  });

  it('a header-only file, and a file whose only rows are totals', async () => {
    const header = await importSpreadsheet({ bytes: utf8('身份证号码,姓名,月份,应发工资\r\n'), fileName: 'a.csv', kind: 'payroll' });
    expect(fileError(header).code).toBe('header-only');
    expect(fileError(header).message).toContain('只有表头');
    const totals = await importSpreadsheet({ bytes: utf8('身份证号码,姓名,月份,应发工资\r\n合计,,,"12,000.00"\r\n'), fileName: 'a.csv', kind: 'payroll' });
    expect(fileError(totals).code).toBe('no-data-rows');
    expect(totals.report.issues.some((i) => i.code === 'total-row-skipped' && i.row === 2)).toBe(true);
  });

  it('the column-mapping override rescues a header the synonyms do not know', async () => {
    const csv = utf8(`证件号码,姓名,月份,本月工资\r\n${ID_A},张三,2024-03,"6,100.50"\r\n`);
    const without = await importSpreadsheet({ bytes: csv, fileName: 'a.csv', kind: 'payroll' });
    expect(fileError(without).code).toBe('no-gross-column');
    const withMapping = await importSpreadsheet({ bytes: csv, fileName: 'a.csv', kind: 'payroll', mapping: { '': { columns: { D: 'gross' } } } });
    expect(errorsOf(withMapping)).toEqual([]);
    expect(withMapping.payroll[0]?.grossFen).toBe(610_050);
    expect(withMapping.report.sheets[0]?.columns.find((c) => c.letter === 'D')?.role).toBe('gross');
  });
});

describe('rows that cannot be read are listed and left out; doubtful ones are kept with a warning', () => {
  const header = ['序号', '姓名', '身份证号码', '月份', '应发工资', '实发工资'];
  const wrongCheck = ID_B.slice(0, 17) + (ID_B[17] === '0' ? '1' : '0');
  const rows: (string | number | null)[][] = [
    [1, '张三', ID_A, '2024-03', 9500.55, 8000],
    [2, '李四', ID_A.slice(0, 17), '2024-03', 5000, 4500], // 17 digits
    [3, '王五', ID_C, '2024-13', 5000, 4500], // no such month
    [4, '赵六', ID_C, '2024-03', '五千', 4500], // not a number
    [5, '钱七', ID_C, '2024-03', -100, 0], // negative gross
    [6, '孙八', wrongCheck, '2024-03', 6000.125, 5000], // kept: wrong check digit, 3 decimals
    [7, '周九', Number('310104199007151234'), '2024-03', 7000, 6000], // ID stored as a number: digits lost (CSV: Excel's 3.10104E+17)
    [8, '吴十', ID_C, '2024-03', 4000, 'abc'], // unreadable net pay: row kept without it
  ];

  async function run(format: 'xlsx' | 'csv-utf8') {
    const data = rows.map((row) => (row[0] === 7 && format !== 'xlsx' ? row.map((c, i) => (i === 2 ? '3.10104E+17' : c)) : row));
    const sheet: FixtureSheet = { name: '三月', rows: [['某某公司2024年3月工资表'], [], header, ...data], merges: [] };
    return importSpreadsheet({ bytes: serialise([sheet], format), fileName: `bad.${format}`, kind: 'payroll' });
  }

  it.each(['xlsx', 'csv-utf8'] as const)('%s', async (format) => {
    const r = await run(format);
    const sheetName = format === 'xlsx' ? '三月' : '';
    const err = (row: number) => r.report.issues.filter((i) => i.severity === 'error' && i.row === row);
    // Header is spreadsheet row 3, so data row k is row 3 + k.
    expect(err(5)[0]).toMatchObject({ code: 'bad-id', column: 'C', sheet: sheetName, file: `bad.${format}` });
    expect(err(5)[0]?.message).toContain('17位');
    expect(err(6)[0]).toMatchObject({ code: 'bad-month', column: 'D' });
    expect(err(7)[0]).toMatchObject({ code: 'bad-amount', column: 'E' });
    expect(err(7)[0]?.message).toContain('应发工资');
    expect(err(8)[0]).toMatchObject({ code: 'negative-amount', column: 'E' });
    expect(err(8)[0]?.message).toContain('负数');
    expect(err(10)[0]).toMatchObject({ code: 'bad-id', column: 'C' });
    expect(err(10)[0]?.message).toContain(format === 'xlsx' ? '数值格式' : '科学计数法');
    const taken = r.payroll.map((l) => [l.source.row, l.personId, l.grossFen, l.netFen]);
    expect(taken).toEqual([
      [4, ID_A, 950_055, 800_000],
      [9, wrongCheck, 600_013, 500_000],
      [11, ID_C, 400_000, undefined],
    ]);
    expect(r.report.rowsLeftOut).toBe(5);
    expect(r.report.rowsTaken).toBe(taken.length);
    const warn = (code: string) => r.report.issues.filter((i) => i.severity === 'warning' && i.code === code);
    expect(warn('id-check-digit').map((i) => i.row)).toEqual([9]);
    expect(warn('amount-rounded')[0]?.message).toContain('6000.13');
    expect(warn('bad-amount').map((i) => [i.row, i.column])).toEqual([[11, 'F']]);
    expect(r.report.sheets[0]?.headerRow).toBe(3);
  });

  it('unknown insurance names and blank bases in a declaration file', async () => {
    const csv = utf8(
      [
        '姓名,身份证号码,费款所属期,险种,缴费基数',
        `张三,${ID_A},202403,基本养老保险,4000`,
        `张三,${ID_A},202403,住房公积金,4000`,
        `李四,${ID_B},202403,,4000`,
        `李四,${ID_B},202403,医疗,`,
      ].join('\n'),
    );
    const r = await importSpreadsheet({ bytes: csv, fileName: 'd.csv', kind: 'declaration' });
    expect(r.declarations.map((l) => [l.personId, l.insurance, l.baseFen])).toEqual([[ID_A, 'pension', 400_000]]);
    const errs = errorsOf(r).map((i) => [i.row, i.column, i.code]);
    expect(errs).toEqual([
      [3, 'D', 'bad-insurance'],
      [4, 'D', 'bad-insurance'],
      [5, 'E', 'bad-amount'],
    ]);
    expect(errorsOf(r)[0]?.message).toContain('住房公积金');
  });
});

describe('cell values as exceljs sees them', () => {
  it('reads rich text, hyperlinks, formulas with cached results, dates, and refuses numeric 18-digit IDs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2024年3月');
    ws.addRow(['姓名', '身份证号', '月份', '应发工资']);
    ws.addRow([{ richText: [{ text: '张' }, { text: '三', font: { bold: true } }] }, ID_A, new Date(Date.UTC(2024, 2, 1)), { formula: 'SUM(5000,500.55)', result: 5500.55 }]);
    ws.addRow(['李四', { text: ID_B, hyperlink: 'https://example.invalid/' }, '2024年3月', 4000]);
    ws.addRow(['王五', Number('440305198512304567'), '2024/3', 4000]);
    ws.addRow(['赵六', ID_C, 202403, { sharedFormula: 'D2', result: 4200 }]);
    ws.mergeCells('A7:B7');
    ws.getCell('A7').value = '合计';
    ws.getCell('D7').value = { formula: 'SUM(D2:D6)', result: 18_000.55 };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importSpreadsheet({ bytes, fileName: 'e.xlsx', kind: 'payroll' });
    expect(r.payroll.map((l) => [l.name, l.personId, l.month, l.grossFen])).toEqual([
      ['张三', ID_A, '2024-03', 550_055],
      ['李四', ID_B, '2024-03', 400_000],
      ['赵六', ID_C, '2024-03', 420_000],
    ]);
    const idError = errorsOf(r).find((i) => i.row === 4);
    expect(idError).toMatchObject({ code: 'bad-id', column: 'B', sheet: '2024年3月' });
    expect(r.report.issues.some((i) => i.code === 'total-row-skipped' && i.row === 7)).toBe(true);
  });

  it('a hidden sheet is reported, not read', async () => {
    const wb = new ExcelJS.Workbook();
    const visible = wb.addWorksheet('工资');
    visible.addRow(['身份证号', '姓名', '月份', '应发工资']);
    visible.addRow([ID_A, '张三', '2024-03', 5000]);
    const hidden = wb.addWorksheet('旧数据', { state: 'hidden' });
    hidden.addRow(['身份证号', '姓名', '月份', '应发工资']);
    hidden.addRow([ID_B, '李四', '2024-03', 5000]);
    const r = await importSpreadsheet({ bytes: new Uint8Array(await wb.xlsx.writeBuffer()), fileName: 'h.xlsx', kind: 'payroll' });
    expect(r.payroll.map((l) => l.personId)).toEqual([ID_A]);
    expect(r.report.issues.find((i) => i.code === 'hidden-sheet-skipped')).toMatchObject({ severity: 'warning', sheet: '旧数据' });
  });
});

describe('progress and cancellation', () => {
  const big = generateEmployer(99, { persons: 400, months: monthRange('2023-01', '2024-12') });
  const bytes = encodeText(new TextDecoder().decode(writePayroll(big, { ids: 'messy', amounts: 'text' }, 'csv-utf8')), 'utf8');

  it('reports rising progress that ends at 1', async () => {
    const seen: number[] = [];
    const r = await importSpreadsheet({ bytes, fileName: 'big.csv', kind: 'payroll', onProgress: (f, message) => {
      expect(typeof message).toBe('string');
      seen.push(f);
    } });
    expect(r.payroll.length).toBe(big.payrollRows.length);
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops with an AbortError when cancelled, before or during the rows', async () => {
    const before = new AbortController();
    before.abort();
    await expect(importSpreadsheet({ bytes, fileName: 'big.csv', kind: 'payroll', signal: before.signal })).rejects.toMatchObject({ name: 'AbortError', message: '导入已取消' });
    const during = new AbortController();
    const run = importSpreadsheet({ bytes, fileName: 'big.csv', kind: 'payroll', signal: during.signal, onProgress: (f) => {
      if (f > 0.4) during.abort();
    } });
    await expect(run).rejects.toBeInstanceOf(ImportAbortedError);
  });

  it('the fixture writer and the importer agree on a large messy payroll', async () => {
    const sheets = buildPayrollSheets(big, { ids: 'messy', amounts: 'text', seed: 5 });
    const r = await importSpreadsheet({ bytes: serialise(sheets, 'csv-gb18030'), fileName: 'big.csv', kind: 'payroll' });
    expect(errorsOf(r)).toEqual([]);
    expect(r.report.rowsTaken).toBe(big.payrollRows.length);
  });
});
