// Import issues grouped by kind (issue 10): errors first, then warnings by count, notes, and the
// kinds about a column no computation reads (rounding of net pay) last, marked minor.
import { describe, expect, it } from 'vitest';
import type { ImportIssue, ImportReport } from '../../shared/domain/importReport';
import { groupIssues } from '../../shared/domain/issueGroups';

const issue = (severity: ImportIssue['severity'], code: string, row: number, column: string, message = `第 ${row} 行`): ImportIssue => ({ severity, code, file: '工资表.xls', sheet: '3月', row, column, message });
const sheets: ImportReport['sheets'] = [
  {
    sheet: '3月',
    headerRow: 3,
    sheetMonth: '2024-03',
    skipped: null,
    columns: [
      { index: 1, letter: 'B', header: '身份证号', role: 'personId' },
      { index: 5, letter: 'F', header: '应发合计', role: 'gross' },
      { index: 9, letter: 'J', header: '实发工资', role: 'net' },
    ],
  } as ImportReport['sheets'][number],
];

describe('groupIssues', () => {
  it('puts errors first, warnings by count, and the rounding of net pay last as minor', () => {
    const issues = [
      ...Array.from({ length: 223 }, (_, i) => issue('warning', 'amount-rounded', i + 4, 'J')),
      issue('warning', 'amount-rounded', 7, 'F'),
      issue('warning', 'name-mismatch', 8, ''),
      issue('warning', 'name-mismatch', 9, ''),
      issue('info', 'total-row-skipped', 300, ''),
      issue('error', 'bad-id', 12, 'B'),
    ];
    const groups = groupIssues({ issues, sheets });
    expect(groups.map((g) => [g.title, g.issues.length, g.minor])).toEqual([
      ['身份证号无效 · 身份证号列', 1, false],
      ['同一身份证号姓名不一致', 2, false],
      ['金额超过两位小数（已四舍五入） · 应发工资列', 1, false],
      ['合计行未导入', 1, false],
      ['金额超过两位小数（已四舍五入） · 实发工资列', 223, true],
    ]);
    expect(groups.reduce((n, g) => n + g.issues.length, 0)).toBe(issues.length);
  });
});
