// The personal-data guard of public exports (DOMAIN.md §10.4): ID-number patterns and insured
// persons' names are found wherever they hide in a cell; credit codes, credentials and dates are not.
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../shared/rules/publicationGuard';

describe('publication guard', () => {
  it('finds 18- and 15-character ID patterns and insured names, and passes ordinary public text', () => {
    const cells: [string, string][] = [
      ['a', '濮阳市某某1号有限公司'],
      ['b', '914109000000000014'],
      ['b2', '统一社会信用代码 91410900MA4100001J'],
      ['c', '张伟（豫濮医保执0001）、王芳（豫濮医保执0002）'],
      ['d', '2026-03-05起'],
      ['e', '法定代表人 41090219800101123X'],
      ['f', '备注：410902800101123'],
      ['g', '职工李四明的工资'],
      ['h', '订单号 1234567890123456789012'],
    ];
    const hits = findPersonalData(cells, ['李四明', '甲', ' ']);
    expect(hits).toEqual([
      { where: 'e', what: '疑似身份证号码 410902…' },
      { where: 'f', what: '疑似身份证号码 410902…' },
      { where: 'g', what: '参保人员姓名“李四明”' },
    ]);
  });
});
