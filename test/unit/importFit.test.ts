// The import fit checks (shared/rules/importFit.ts): another employer's file with months outside
// the audit period, strangers to the other side and another company's title is refused on all
// three counts; the case's own file of a longer span passes.
import { describe, expect, it } from 'vitest';
import { companyNames, importFitIssues, mayBeEmployer, type ImportFitInput } from '../../shared/rules/importFit';

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `3501021990010${String(from + i).padStart(4, '0')}`);
const linesOf = (persons: string[], months: string[]) => months.flatMap((month) => persons.map((personId) => ({ month, personId })));
const HALF_YEAR = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

function input(over: Partial<ImportFitInput>): ImportFitInput {
  return {
    fileName: '工资表.xls',
    kind: 'payroll',
    periodFrom: '2024-01',
    periodTo: '2024-06',
    employerName: '示例机械制造有限公司',
    lines: linesOf(ids(0, 40), HALF_YEAR),
    otherSidePersons: new Set(ids(0, 30)),
    titles: [{ sheet: 'Sheet1', title: '示例机械制造有限公司2024年上半年工资表' }],
    ...over,
  };
}

describe('importFitIssues', () => {
  it('passes the case’s own file, even one with a month more than the period', () => {
    expect(importFitIssues(input({}))).toEqual([]);
    const withDecember = input({ lines: linesOf(ids(0, 40), ['2023-12', ...HALF_YEAR, '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']) });
    // 7 of 13 months outside: more than 10 % of the rows, so it is asked about.
    expect(importFitIssues(withDecember).map((i) => i.code)).toEqual(['verify-period']);
    expect(importFitIssues(input({ lines: linesOf(ids(0, 40), ['2023-12', ...HALF_YEAR.slice(0, 6), ...HALF_YEAR, ...HALF_YEAR]) }))).toEqual([]);
  });

  it('refuses another employer’s file on all three counts, saying why in Chinese', () => {
    const foreign = input({
      fileName: '其他单位工资.xls',
      lines: linesOf(ids(500, 60), ['2023-01', '2023-02', '2023-03']),
      titles: [{ sheet: '工资', title: '单位名称：福州宏达商贸有限公司\n2023年第一季度工资表' }],
    });
    const issues = importFitIssues(foreign);
    expect(issues.map((i) => [i.code, i.severity, i.row, i.message])).toEqual([
      ['verify-period', 'error', 0, '全部 180 行（共 180 行）的月份（2023-01～2023-03，共 3 个月）不在稽核期间 2024-01～2024-06 内，这个文件可能不属于本案'],
      ['verify-overlap', 'error', 0, '本文件 60 人中只有 0 人见于已导入的缴费申报明细（30 人），可能是其他单位或其他期间的文件'],
      ['verify-employer', 'error', 0, '表头上方写的单位是“福州宏达商贸有限公司”，本案单位是“示例机械制造有限公司”'],
    ]);
    expect(issues[2]!.sheet).toBe('工资');
  });

  it('counts overlap against the smaller side, so an employer declaring only some staff passes', () => {
    // 100 paid, 20 declared, all 20 of them on the payroll: the gap is the audit's finding, not a wrong file.
    expect(importFitIssues(input({ lines: linesOf(ids(0, 100), HALF_YEAR), otherSidePersons: new Set(ids(0, 20)) }))).toEqual([]);
    // Nothing to compare before the other side is imported.
    expect(importFitIssues(input({ otherSidePersons: new Set() }))).toEqual([]);
  });

  it('reads company names in titles, and takes the employer under a branch or with full-width brackets', () => {
    expect(companyNames('华信科技有限公司2024年3月工资表')).toEqual(['华信科技有限公司']);
    expect(companyNames('社会保险费申报明细 2024年3月')).toEqual([]);
    expect(importFitIssues(input({ employerName: '示例机械（福州）有限公司', titles: [{ sheet: 'S', title: '示例机械(福州)有限公司 工资表' }] }))).toEqual([]);
    expect(mayBeEmployer('示例市某某机械制造有限公司', '示例机械制造有限公司')).toBe(true);
    expect(mayBeEmployer('华信科技有限公司福州分公司', '华信科技有限公司')).toBe(true);
    expect(mayBeEmployer('宏达商贸有限公司', '瑞丰制造有限公司')).toBe(false);
    expect(mayBeEmployer('福州宏达商贸有限公司', '福州瑞丰制造有限公司')).toBe(false);
  });
});
