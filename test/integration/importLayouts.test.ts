// The importer on realistic employer files: every layout and encoding the fixtures can write
// must import to exactly the generated ground truth — same persons, months and fen amounts —
// and messy spellings of the same data must give the same normalised rows as the clean file.
import { describe, expect, it } from 'vitest';
import { importSpreadsheet, type ParsedImport } from '../../electron/services/import/index';
import { monthRange } from '../../shared/rules/month';
import { generateEmployer, type EmployerData } from '../fixtures/employer';
import {
  buildPayrollSheets,
  serialise,
  writeDeclarations,
  writePayroll,
  type DeclarationLayout,
  type FileFormat,
  type PayrollLayout,
} from '../fixtures/employerFiles';

const data = generateEmployer(20240301, { persons: 36, months: monthRange('2023-10', '2024-03') });
const untyped = generateEmployer(42, { persons: 20, months: monthRange('2024-01', '2024-04'), declarationsPerInsurance: false });

const payrollKey = (r: { personId: string; name: string; month: string; grossFen: number; department?: string; netFen?: number }) =>
  [r.personId, r.name, r.month, r.grossFen, r.department ?? '', r.netFen ?? ''].join('|');
const declarationKey = (r: { personId: string; month: string; insurance: string | null; baseFen: number; employerFen?: number; employeeFen?: number }) =>
  [r.personId, r.month, r.insurance ?? '*', r.baseFen, r.employerFen ?? 0, r.employeeFen ?? 0].join('|');

async function importPayroll(bytes: Uint8Array, fileName: string): Promise<ParsedImport> {
  return importSpreadsheet({ bytes, fileName, kind: 'payroll' });
}

function errors(result: ParsedImport) {
  return result.report.issues.filter((i) => i.severity === 'error');
}

const MESSY: PayrollLayout = { title: true, headers: 'synonyms', ids: 'messy', amounts: 'text', months: 'mixed', subtotals: true, totals: true, blankRows: true };

const payrollCases: [string, PayrollLayout, FileFormat][] = [
  ['clean xlsx', {}, 'xlsx'],
  ['clean CSV UTF-8', {}, 'csv-utf8'],
  ['messy CSV GB18030', { ...MESSY, seed: 2 }, 'csv-gb18030'],
  ['messy CSV UTF-8 with BOM', { ...MESSY, seed: 3 }, 'csv-utf8-bom'],
  ['messy tab-separated GB18030', { ...MESSY, seed: 4, subtotals: false }, 'tsv-gb18030'],
  ['messy xlsx with text amounts', { ...MESSY, seed: 5 }, 'xlsx'],
  ['xlsx with formulas, date months, totals', { title: true, months: 'date', formulas: true, totals: true, ids: 'messy', seed: 6 }, 'xlsx'],
  ['xlsx with Excel serial months', { months: 'serial', headers: 'synonyms', seed: 7 }, 'xlsx'],
  ['xlsx two-row merged header', { twoRowHeader: true, title: true, totals: true, formulas: true, months: 'mixed', seed: 8 }, 'xlsx'],
  ['xlsx one sheet per month named 2024年3月, no month column', { sheetPerMonth: 'full-name', months: 'none', totals: true, seed: 9 }, 'xlsx'],
  ['xlsx one sheet per month named 3月, month in the title row', { sheetPerMonth: 'month-name', months: 'none', title: true, subtotals: true, seed: 10 }, 'xlsx'],
  ['xlsx sheet per month with two-row header and messy IDs', { sheetPerMonth: 'full-name', months: 'none', twoRowHeader: true, ids: 'messy', amounts: 'text', seed: 11 }, 'xlsx'],
  ['clean .xls', {}, 'xls'],
  ['messy .xls with two-row header, formulas and date months', { title: true, headers: 'synonyms', ids: 'messy', months: 'date', twoRowHeader: true, formulas: true, totals: true, seed: 16 }, 'xls'],
  ['.xls one sheet per month with subtotals', { sheetPerMonth: 'month-name', months: 'none', title: true, subtotals: true, amounts: 'text', seed: 17 }, 'xls'],
];

describe('payroll layouts import to the ground truth', () => {
  const truth = data.payrollRows.map(payrollKey).sort();

  it.each(payrollCases)('%s', async (_label, layout, format) => {
    const bytes = writePayroll(data, layout, format);
    const result = await importPayroll(bytes, `工资表.${format.startsWith('xls') ? format : 'csv'}`);
    expect(errors(result)).toEqual([]);
    expect(result.payroll.map(payrollKey).sort()).toEqual(truth);
    expect(result.declarations).toEqual([]);
    expect(result.report.rowsTaken).toBe(data.payrollRows.length);
    expect(result.report.rowsLeftOut).toBe(0);
    expect(result.report.persons).toBe(new Set(data.payrollRows.map((r) => r.personId)).size);
    expect(result.report.months).toEqual(monthRange('2023-10', '2024-03'));
    for (const line of result.payroll) {
      expect(line.source.fileId).toBe(0);
      expect(line.source.row).toBeGreaterThan(1);
    }
  });

  it('gives identical normalised rows for the clean and every messy layout of the same data', async () => {
    const strip = (r: ParsedImport) =>
      r.payroll.map(({ source: _s, ...rest }) => JSON.stringify(rest)).sort();
    const clean = strip(await importPayroll(writePayroll(data, {}, 'xlsx'), 'clean.xlsx'));
    for (const [label, layout, format] of payrollCases.slice(1)) {
      const messy = strip(await importPayroll(writePayroll(data, layout, format), `messy.${format}`));
      expect(messy, label).toEqual(clean);
    }
  });

  it('skips every subtotal and total row as information and never counts it as a person', async () => {
    const sheets = buildPayrollSheets(data, { ...MESSY, seed: 12 });
    const result = await importPayroll(serialise(sheets, 'csv-gb18030'), '工资表.csv');
    // One subtotal per department present, plus the grand total.
    const departments = new Set(data.payrollRows.map((r) => r.department)).size;
    const skipped = result.report.issues.filter((i) => i.code === 'total-row-skipped');
    expect(skipped).toHaveLength(departments + 1);
    for (const i of skipped) {
      expect(i.severity).toBe('info');
      const cells = (sheets[0]?.rows[i.row - 1] ?? []).map(String).join('');
      expect(cells).toMatch(/合\s*计|小\s*计|总计/);
    }
    const sum = (rows: { grossFen: number }[]) => rows.reduce((s, r) => s + r.grossFen, 0);
    expect(sum(result.payroll)).toBe(sum(data.payrollRows));
    // The footer line (制表人/审核人) is not a person either.
    expect(result.report.issues.some((i) => i.code === 'note-row-skipped')).toBe(true);
  });

  it('reads GB18030 and UTF-8 BOM CSV, keeping rare name characters, and says which encoding it used', async () => {
    const gb = await importPayroll(writePayroll(data, { seed: 13 }, 'csv-gb18030'), '工资.csv');
    const bom = await importPayroll(writePayroll(data, { seed: 13 }, 'csv-utf8-bom'), '工资.csv');
    expect(gb.report.issues.find((i) => i.code === 'encoding')?.message).toContain('GB18030');
    expect(bom.report.issues.find((i) => i.code === 'encoding')?.message).toContain('UTF-8');
    const names = (r: ParsedImport) => r.payroll.map((l) => l.name).sort();
    expect(names(gb)).toEqual(names(bom));
    expect(names(gb)).toEqual(data.payrollRows.map((r) => r.name).sort());
    // Headers decoded correctly: the first header cell of the sheet is the department column.
    expect(gb.report.sheets[0]?.columns.find((c) => c.role === 'department')?.header).toBe('部门');
  });

  it('converts 15-digit IDs with one warning per such row, and keeps full-width and lower-case spellings silent', async () => {
    const sheets = buildPayrollSheets(data, { ids: 'messy', seed: 14 });
    const idCol = 3;
    const fifteen = sheets[0]?.rows.filter((row) => typeof row[idCol] === 'string' && /^\d{15}$/.test(row[idCol] as string)).length ?? 0;
    const lowerX = sheets[0]?.rows.filter((row) => typeof row[idCol] === 'string' && /x$/.test(row[idCol] as string)).length ?? 0;
    expect(fifteen).toBeGreaterThan(0);
    expect(lowerX).toBeGreaterThan(0);
    const result = await importPayroll(serialise(sheets, 'xlsx'), '工资.xlsx');
    const converted = result.report.issues.filter((i) => i.code === 'id-15-converted');
    expect(converted).toHaveLength(fifteen);
    expect(converted.every((i) => i.severity === 'warning' && i.column === 'D')).toBe(true);
    expect(result.payroll.every((l) => /^\d{17}[\dX]$/.test(l.personId))).toBe(true);
  });

  it('warns once per person-month with several rows, and emits every row', async () => {
    const counts = new Map<string, number>();
    for (const r of data.payrollRows) counts.set(`${r.personId}|${r.month}`, (counts.get(`${r.personId}|${r.month}`) ?? 0) + 1);
    const multi = [...counts.values()].filter((n) => n > 1).length;
    expect(multi).toBeGreaterThan(0);
    const result = await importPayroll(writePayroll(data, {}, 'xlsx'), '工资.xlsx');
    const warnings = result.report.issues.filter((i) => i.code === 'duplicate-person-month');
    expect(warnings).toHaveLength(multi);
    expect(warnings[0]?.message).toMatch(/计算时将相加/);
    expect(result.payroll).toHaveLength(data.payrollRows.length);
  });

  it('takes the year from the file name when sheets are named 1月…12月 and there is no title', async () => {
    const bytes = writePayroll(data, { sheetPerMonth: 'month-name', months: 'none', seed: 15 }, 'xlsx');
    // The data spans 2023-10..2024-03, so a single year in the file name cannot be right for all
    // sheets; use the 2024 months only.
    const only2024: EmployerData = { ...data, payrollRows: data.payrollRows.filter((r) => r.month >= '2024-01') };
    const bytes2024 = writePayroll(only2024, { sheetPerMonth: 'month-name', months: 'none', seed: 15 }, 'xlsx');
    const result = await importPayroll(bytes2024, '华信公司2024年工资.xlsx');
    expect(errors(result)).toEqual([]);
    expect(result.payroll.map(payrollKey).sort()).toEqual(only2024.payrollRows.map(payrollKey).sort());
    expect(result.report.sheets.map((s) => s.sheetMonth)).toEqual(['2024-01', '2024-02', '2024-03']);
    // Without any year the sheets cannot be placed: a clear error, nothing imported.
    const noYear = await importPayroll(bytes, '工资.xlsx');
    expect(noYear.payroll).toEqual([]);
    expect(errors(noYear).map((i) => i.code)).toContain('no-month');
  });
});

describe('declaration layouts import to the ground truth', () => {
  const cases: [string, EmployerData, DeclarationLayout, FileFormat][] = [
    ['clean xlsx with 险种 column', data, {}, 'xlsx'],
    ['messy CSV UTF-8 BOM with varied insurance names', data, { title: true, headers: 'synonyms', ids: 'messy', amounts: 'text', months: 'mixed', insuranceNames: 'varied', totals: true, seed: 2 }, 'csv-utf8-bom'],
    ['messy GB18030 CSV', data, { title: true, ids: 'messy', months: 'mixed', insuranceNames: 'varied', seed: 3 }, 'csv-gb18030'],
    ['wide xlsx: two-row header per insurance', data, { wide: true, title: true, totals: true, ids: 'messy', months: 'date', seed: 4 }, 'xlsx'],
    ['xlsx without insurance column', untyped, { title: true, headers: 'synonyms', months: 'mixed', totals: true, seed: 5 }, 'xlsx'],
    ['CSV without insurance column', untyped, { amounts: 'text', seed: 6 }, 'csv-utf8'],
    ['.xls with 险种 column', data, { title: true, ids: 'messy', months: 'mixed', insuranceNames: 'varied', totals: true, seed: 7 }, 'xls'],
    ['wide .xls', data, { wide: true, title: true, seed: 8 }, 'xls'],
  ];

  it.each(cases)('%s', async (_label, d, layout, format) => {
    const result = await importSpreadsheet({ bytes: writeDeclarations(d, layout, format), fileName: `申报明细.${format}`, kind: 'declaration' });
    expect(errors(result)).toEqual([]);
    expect(result.payroll).toEqual([]);
    const expected = d.declarationRows.map((r) => declarationKey(r.insurance === null ? { ...r, employerFen: 0, employeeFen: 0 } : r)).sort();
    expect(result.declarations.map(declarationKey).sort()).toEqual(expected);
    expect(result.declarations.every((l) => l.name !== '')).toBe(true);
    if (layout.totals) expect(result.report.issues.filter((i) => i.code === 'total-row-skipped')).toHaveLength(1);
  });

  it('wide layout: a person without unemployment insurance gets no unemployment line', async () => {
    const result = await importSpreadsheet({ bytes: writeDeclarations(data, { wide: true }, 'xlsx'), fileName: 'd.xlsx', kind: 'declaration' });
    const expectedUnemployment = data.declarationRows.filter((r) => r.insurance === 'unemployment').length;
    const expectedPension = data.declarationRows.filter((r) => r.insurance === 'pension').length;
    expect(expectedUnemployment).toBeLessThanOrEqual(expectedPension);
    expect(result.declarations.filter((l) => l.insurance === 'unemployment')).toHaveLength(expectedUnemployment);
    expect(result.report.sheets[0]?.columns.filter((c) => c.role === 'base').map((c) => c.header)).toContain('企业职工基本养老保险/缴费基数');
    // One spreadsheet row gives several lines: the row count is per row, not per line.
    expect(result.report.rowsTaken).toBe(new Set(data.declarationRows.map((r) => `${r.personId}|${r.month}`)).size);
  });
});
