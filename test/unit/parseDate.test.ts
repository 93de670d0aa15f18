// Hire and leave dates as employers write them in a roster; impossible or ambiguous ones refused.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../shared/rules/parseDate';

describe('parseDate', () => {
  it.each<[unknown, string]>([
    ['2023-05-01', '2023-05-01'],
    ['2023/5/1', '2023-05-01'],
    ['2023.5.1', '2023-05-01'],
    ['2023年5月1日', '2023-05-01'],
    ['2023年05月01日', '2023-05-01'],
    ['20230501', '2023-05-01'],
    [20230501, '2023-05-01'],
    ['２０２３－０５－０１', '2023-05-01'],
    [' 2023-05-01 00:00:00 ', '2023-05-01'],
    ['2023-05-01T00:00:00', '2023-05-01'],
    [45047, '2023-05-01'],
    ['45047', '2023-05-01'],
    [new Date(Date.UTC(2023, 4, 1)), '2023-05-01'],
    // a reader's float error a few seconds before midnight
    [new Date(Date.UTC(2023, 4, 1) - 2000), '2023-05-01'],
    ['2024-02-29', '2024-02-29'],
  ])('%o → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, date: expected, monthOnly: false });
  });

  it('takes a month without a day as its first or last day, and says so', () => {
    expect(parseDate('2023-05')).toEqual({ ok: true, date: '2023-05-01', monthOnly: true });
    expect(parseDate('2023年2月', 'last')).toEqual({ ok: true, date: '2023-02-28', monthOnly: true });
    expect(parseDate(202402, 'last')).toEqual({ ok: true, date: '2024-02-29', monthOnly: true });
  });

  it.each<[unknown, RegExp]>([
    ['2023-02-30', /日期不存在：2023年2月30日/],
    ['20231301', /月份不存在/],
    ['5/1/2023', /歧义/],
    ['下个月', /无法识别的日期/],
    ['', /日期为空/],
    [null, /日期为空/],
    [true, /日期为空/],
    ['1800-01-01', /年份不合理/],
  ])('%o is refused', (input, reason) => {
    const r = parseDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
