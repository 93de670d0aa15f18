// Months and dates as employers write them (DOMAIN.md §4.4), and the integer calendar arithmetic
// the late fee depends on.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateFromExcelSerial,
  daysBetween,
  formatChineseDate,
  formatChineseMonth,
  isIsoDate,
  monthRange,
  parseMonth,
} from '../../shared/rules/month';

const month = (input: unknown) => {
  const r = parseMonth(input);
  if (!r.ok) throw new Error(r.reason);
  return r.month;
};

describe('parseMonth', () => {
  it.each([
    ['2024-03', '2024-03'],
    ['2024/3', '2024-03'],
    ['2024/03', '2024-03'],
    ['202403', '2024-03'],
    ['2024年3月', '2024-03'],
    ['2024年03月份', '2024-03'],
    ['2024.03', '2024-03'],
    ['2024.3', '2024-03'],
    ['2024.1', '2024-01'],
    ['2024-03-01', '2024-03'],
    ['2024年3月15日', '2024-03'],
    ['20240315', '2024-03'],
    [' ２０２４年１２月 ', '2024-12'],
    ['45352', '2024-03'],
  ])('text %s → %s', (text, expected) => {
    expect(month(text)).toBe(expected);
  });

  it('numeric cells: yyyymm, yyyy.mm, Excel serials and dates', () => {
    expect(month(202403)).toBe('2024-03');
    expect(month(2024.03)).toBe('2024-03');
    expect(month(2024.12)).toBe('2024-12');
    expect(month(2024.3)).toBe('2024-03');
    expect(month(45352)).toBe('2024-03'); // 2024-03-01
    expect(month(45351.75)).toBe('2024-02'); // 2024-02-29 18:00
    expect(month(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03');
    // a reader's float error pushing midnight to 23:59:59.5 of the day before
    expect(month(new Date(Date.UTC(2024, 2, 1) - 500))).toBe('2024-03');
  });

  it('refuses the ambiguous numeric 2024.1 (January, or October with its zero stripped)', () => {
    const r = parseMonth(2024.1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('歧义');
  });

  it('refuses what is not a month', () => {
    expect(parseMonth('2024-13').ok).toBe(false);
    expect(parseMonth('202400').ok).toBe(false);
    expect(parseMonth('三月').ok).toBe(false);
    expect(parseMonth('')).toEqual({ ok: false, reason: '月份为空' });
    expect(parseMonth(undefined)).toEqual({ ok: false, reason: '月份为空' });
    expect(parseMonth(new Date(Number.NaN)).ok).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('adds months across years, both ways', () => {
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2024-03', 13)).toBe('2025-04');
    expect(addMonths('2024-03', -27)).toBe('2021-12');
  });

  it('ranges are inclusive and empty when reversed', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthRange('2024-03', '2024-03')).toEqual(['2024-03']);
    expect(monthRange('2024-04', '2024-03')).toEqual([]);
  });

  it('counts calendar days exactly, across leap days and year ends', () => {
    expect(daysBetween('2024-04-15', '2025-03-31')).toBe(350);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2025-03-31', '2024-04-15')).toBe(-350);
    expect(daysBetween('2011-07-01', '2011-07-01')).toBe(0);
  });

  it('validates dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });

  it('Excel serials and Chinese date forms', () => {
    expect(dateFromExcelSerial(45382)).toBe('2024-03-31');
    expect(dateFromExcelSerial(61)).toBe('1900-03-01');
    expect(formatChineseDate('2026-07-01')).toBe('2026年7月1日');
    expect(formatChineseMonth('2024-03')).toBe('2024年3月');
  });
});
