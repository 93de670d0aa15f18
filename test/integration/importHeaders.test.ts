// Header recognition and sheet months, the parts the column-mapping screen will reuse: every
// synonym DOMAIN.md §4.4 lists maps to its role, look-alikes do not, and a month written in a
// title, sheet name or file name is found while a date (制表日期) is not taken for one.
import { describe, expect, it } from 'vitest';
import { assignRoles, matchHeader, normaliseHeader } from '../../electron/services/import/columnRoles';
import { importSpreadsheet } from '../../electron/services/import/index';
import { findMonthInText, resolveSheetMonth } from '../../electron/services/import/sheetMonth';
import { generateEmployer } from '../fixtures/employer';
import { serialise, writePayroll } from '../fixtures/employerFiles';
import { checkChar } from '../fixtures/employer';

describe('column roles', () => {
  // Quoted from DOMAIN.md §4.4 rather than from the code under test.
  const domainSynonyms: Record<string, string> = {
    personId: '身份证号, 身份证号码, 公民身份号码, 证件号码, 社会保障号码, 社保卡号',
    name: '姓名, 职工姓名, 人员姓名',
    month: '月份, 工资月份, 所属期, 费款所属期, 所属月份, 年月, 期间',
    gross: '应发工资, 应发合计, 应发金额, 工资总额, 税前工资, 应付工资',
    base: '缴费基数, 申报基数, 缴费工资, 申报工资, 基数',
    insurance: '险种, 险种名称, 险种类型',
    employerAmount: '单位缴费, 单位应缴, 单位缴纳, 单位部分',
    employeeAmount: '个人缴费, 个人应缴, 个人缴纳, 个人部分',
  };
  it.each(Object.entries(domainSynonyms))('%s synonyms of DOMAIN.md §4.4', (role, list) => {
    const kind = ['gross'].includes(role) ? 'payroll' : ['base', 'insurance', 'employerAmount', 'employeeAmount'].includes(role) ? 'declaration' : 'payroll';
    for (const header of list.split(', ')) expect(matchHeader(header, kind)?.role, header).toBe(role);
  });

  it('normalises spaces, line breaks, full-width characters and unit notes', () => {
    expect(normaliseHeader(' 应发\n工资（元） ')).toBe('应发工资');
    expect(normaliseHeader('姓　名')).toBe('姓名');
    expect(normaliseHeader('*身份证号码(18位)：')).toBe('身份证号码');
    expect(matchHeader('实发\r\n金额', 'payroll')?.role).toBe('net');
    expect(matchHeader('部  门', 'payroll')?.role).toBe('department');
  });

  it('does not take look-alikes: 基本工资 is no base, a payroll deduction 养老保险 is no insurance column', () => {
    expect(matchHeader('基本工资', 'declaration')).toBeNull();
    expect(matchHeader('养老保险', 'declaration')).toBeNull();
    expect(matchHeader('个人所得税', 'payroll')).toBeNull();
    // A declaration column in a payroll file is ignored, not mistaken.
    expect(matchHeader('缴费基数', 'payroll')).toBeNull();
  });

  it('reads an insurance qualifier from a prefix or a merged group header', () => {
    expect(matchHeader('养老保险缴费基数', 'declaration')).toMatchObject({ role: 'base', insurance: 'pension' });
    expect(matchHeader('失业单位缴纳', 'declaration')).toMatchObject({ role: 'employerAmount', insurance: 'unemployment' });
    expect(matchHeader('个人缴纳', 'declaration', '职工基本医疗保险')).toMatchObject({ role: 'employeeAmount', insurance: 'medical' });
  });

  it('gives a contested role to the better synonym and says which column lost', () => {
    const { columns, notes } = assignRoles(
      [{ text: '工资总额', parent: '' }, { text: '应发工资', parent: '' }, { text: '身份证号', parent: '' }],
      'payroll',
    );
    expect(columns.map((c) => c.role)).toEqual(['ignore', 'gross', 'personId']);
    expect(notes[0]).toContain('第A列');
  });
});

describe('the month of a sheet', () => {
  it('finds a written-out month and ignores full dates', () => {
    expect(findMonthInText('华信科技有限公司2024年3月工资表')).toBe('2024-03');
    expect(findMonthInText('所属期：202311')).toBe('2023-11');
    expect(findMonthInText('2024.03 工资')).toBe('2024-03');
    expect(findMonthInText('制表日期：2024年4月5日')).toBeNull();
    expect(findMonthInText('打印时间 2025-01-06 09:30')).toBeNull();
    expect(findMonthInText('2024年3月工资表 制表日期：2024年4月5日')).toBe('2024-03');
    expect(findMonthInText('2024年1月至2024年3月')).toBeNull();
  });

  it('combines a month-only sheet name with the year of the title or file name', () => {
    expect(resolveSheetMonth({ sheetName: '十二月', titleText: '某公司2023年度工资', fileName: 'a.xlsx', singleSheet: false })?.month).toBe('2023-12');
    expect(resolveSheetMonth({ sheetName: '3月', titleText: '', fileName: '2024年工资.xlsx', singleSheet: false })?.month).toBe('2024-03');
    expect(resolveSheetMonth({ sheetName: 'Sheet1', titleText: '', fileName: '2024年3月工资.xlsx', singleSheet: false })).toBeNull();
    expect(resolveSheetMonth({ sheetName: 'Sheet1', titleText: '', fileName: '2024年3月工资.xlsx', singleSheet: true })?.month).toBe('2024-03');
  });

  it('imports a one-month file whose month is only in the title row', async () => {
    const data = generateEmployer(5, { persons: 12, months: ['2024-05'] });
    const bytes = writePayroll(data, { title: true, months: 'none' }, 'csv-gb18030');
    const r = await importSpreadsheet({ bytes, fileName: 'gongzi.csv', kind: 'payroll' });
    expect(r.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.report.sheets[0]?.sheetMonth).toBe('2024-05');
    expect(r.report.sheets[0]?.headerRow).toBe(4);
    expect(r.payroll).toHaveLength(data.payrollRows.length);
    expect(new Set(r.payroll.map((l) => l.month))).toEqual(new Set(['2024-05']));
  });
});

describe('titles, flags and names', () => {
  const id = (first17: string) => first17 + checkChar(first17);
  const A = id('11010519800101001');
  const B = id('11010519850315002');

  it('a merged title row directly above a one-row header is a title, not the upper half of a header', async () => {
    const rows = [['某某公司2024年3月工资表'], ['姓名', '身份证号', '应发工资'], ['张三', A, 5000], ['李四', B, 6000]];
    const bytes = serialise([{ name: 'Sheet1', rows, merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] }], 'xlsx');
    const r = await importSpreadsheet({ bytes, fileName: 'a.xlsx', kind: 'payroll' });
    expect(r.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.report.sheets[0]).toMatchObject({ headerRow: 2, sheetMonth: '2024-03' });
    expect(r.payroll.map((l) => [l.personId, l.month, l.grossFen])).toEqual([
      [A, '2024-03', 500_000],
      [B, '2024-03', 600_000],
    ]);
  });

  it('reads the paid flag of declarations and warns about one it cannot read', async () => {
    const csv = new TextEncoder().encode(
      ['姓名,证件号码,所属期,缴费基数,缴费状态', `张三,${A},2024-03,4000,已到账`, `张三,${A},2024-04,4000,未到账`, `张三,${A},2024-05,4000,待核`].join('\n'),
    );
    const r = await importSpreadsheet({ bytes: csv, fileName: 'd.csv', kind: 'declaration' });
    expect(r.declarations.map((l) => [l.month, l.insurance, l.paid])).toEqual([
      ['2024-03', null, true],
      ['2024-04', null, false],
      ['2024-05', null, undefined],
    ]);
    expect(r.report.issues.find((i) => i.code === 'bad-paid-flag')).toMatchObject({ severity: 'warning', row: 4, column: 'E' });
  });

  it('warns once when one ID carries two names, and pads in Chinese names do not count', async () => {
    const csv = new TextEncoder().encode(
      ['姓名,身份证号,月份,应发工资', `张　三,${A},2024-03,5000`, `张三,${A},2024-04,5000`, `张山,${A},2024-05,5000`].join('\n'),
    );
    const r = await importSpreadsheet({ bytes: csv, fileName: 'p.csv', kind: 'payroll' });
    expect(r.payroll.map((l) => l.name)).toEqual(['张三', '张三', '张山']);
    const w = r.report.issues.filter((i) => i.code === 'name-mismatch');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toContain('张山');
  });
});
