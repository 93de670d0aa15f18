// The headcount rule (DOMAIN.md §3 item 1): roster membership at the month's edges, payroll
// persons by gross after adding up, declared persons, and who falls in each difference list.
import { describe, expect, it } from 'vitest';
import type { DeclarationLine, PayrollLine } from '../../shared/domain/lines';
import type { RosterLine } from '../../shared/domain/roster';
import { employedIn, headcountByMonth, monthLastDay } from '../../shared/rules/headcount';

const A = '11010519491231002X';
const B = '110101199003070019';
const C = '44030419851201003X';
const D = '320102198802050011';

let row = 1;
const src = (fileName: string) => ({ fileId: 1, fileName, sheet: 'Sheet1', row: ++row });
const roster = (personId: string, name: string, hireDate: string, leaveDate: string | null = null): RosterLine => ({
  personId,
  name,
  hireDate,
  leaveDate,
  source: src('花名册.xlsx'),
});
const pay = (personId: string, month: string, grossFen: number, name = ''): PayrollLine => ({ personId, name, month, grossFen, source: src('工资表.xlsx') });
const decl = (personId: string, month: string): DeclarationLine => ({ personId, name: '', month, insurance: null, baseFen: 500_000, source: src('申报.xlsx') });

describe('employedIn: hire and leave at the month edges', () => {
  it.each([
    // hired on the last day of the month: counted that month
    [{ hireDate: '2024-03-31', leaveDate: null }, '2024-03', true],
    [{ hireDate: '2024-03-31', leaveDate: null }, '2024-02', false],
    // hired on the first day of the next month: not counted
    [{ hireDate: '2024-04-01', leaveDate: null }, '2024-03', false],
    // left on the first day of the month: counted that month, not the next
    [{ hireDate: '2020-01-01', leaveDate: '2024-03-01' }, '2024-03', true],
    [{ hireDate: '2020-01-01', leaveDate: '2024-03-01' }, '2024-04', false],
    // left on the last day of the previous month: not counted
    [{ hireDate: '2020-01-01', leaveDate: '2024-02-29' }, '2024-03', false],
    [{ hireDate: '2020-01-01', leaveDate: '2024-02-29' }, '2024-02', true],
    // hired and left within the month
    [{ hireDate: '2024-03-10', leaveDate: '2024-03-20' }, '2024-03', true],
  ])('%o in %s → %s', (line, month, expected) => {
    expect(employedIn(line, month)).toBe(expected);
  });

  it('knows the last day of each month, leap years included', () => {
    expect(monthLastDay('2024-02')).toBe('2024-02-29');
    expect(monthLastDay('2023-02')).toBe('2023-02-28');
    expect(monthLastDay('2024-04')).toBe('2024-04-30');
    expect(monthLastDay('2024-12')).toBe('2024-12-31');
  });
});

describe('headcountByMonth', () => {
  const input = {
    from: '2024-01',
    to: '2024-03',
    roster: [
      roster(A, '张三', '2019-06-01'),
      roster(B, '李四', '2024-02-29', '2024-03-01'),
      roster(C, '王五', '2023-01-01', '2024-01-31'),
    ],
    payroll: [
      pay(A, '2024-01', 600_000, '张三'),
      pay(A, '2024-02', 600_000, '张三'),
      pay(A, '2024-03', 600_000, '张三'),
      // D is paid but not on the roster in February; the two rows add up
      pay(D, '2024-02', 300_000, '赵六'),
      pay(D, '2024-02', 100_000, '赵六'),
      // B's March rows cancel out: gross 0 means not on the payroll that month
      pay(B, '2024-03', 200_000, '李四'),
      pay(B, '2024-03', -200_000, '李四'),
      pay(C, '2024-01', 500_000, '王五'),
    ],
    declarations: [decl(A, '2024-01'), decl(A, '2024-02'), decl(B, '2024-02'), decl(C, '2024-01'), decl(D, '2024-03')],
  };
  const months = headcountByMonth(input);
  const ids = (list: { personId: string }[]) => list.map((p) => p.personId);

  it('gives one row per month of the period', () => {
    expect(months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('counts the roster with hire and leave dates at the month edges', () => {
    expect(months.map((m) => m.rosterCount)).toEqual([2, 2, 2]);
    expect(ids(months[1]!.rosterNotPaid)).toEqual([B]);
  });

  it('counts payroll persons by their added-up gross and declared persons by any row', () => {
    expect(months.map((m) => m.payrollCount)).toEqual([2, 2, 1]);
    expect(months.map((m) => m.declaredCount)).toEqual([2, 2, 1]);
  });

  it('lists paid-not-on-roster with the payroll rows that show it', () => {
    expect(ids(months[1]!.paidNotOnRoster)).toEqual([D]);
    const d = months[1]!.paidNotOnRoster[0]!;
    expect(d.name).toBe('赵六');
    expect(d.sources.map((s) => s.fileName)).toEqual(['工资表.xlsx', '工资表.xlsx']);
    expect(months[2]!.paidNotOnRoster).toEqual([]);
  });

  it('lists on-roster-not-declared and on-roster-only persons in March', () => {
    const march = months[2]!;
    // A is paid in March but not declared; B is on the roster (left 1 March) with zero gross, not declared
    expect(ids(march.rosterNotDeclared)).toEqual([A, B].sort());
    expect(ids(march.rosterNotPaid)).toEqual([B]);
    expect(ids(march.rosterOnly)).toEqual([B]);
    const b = march.rosterOnly[0]!;
    expect(b.name).toBe('李四');
    expect(b.sources.map((s) => s.fileName)).toEqual(['花名册.xlsx']);
    // A's not-declared entry shows the roster row and the March payroll row
    const a = march.rosterNotDeclared.find((p) => p.personId === A)!;
    expect(a.sources.map((s) => s.fileName)).toEqual(['花名册.xlsx', '工资表.xlsx']);
  });

  it('a person re-hired after leaving is on the roster only in the covered months', () => {
    const r = headcountByMonth({
      from: '2024-01',
      to: '2024-04',
      roster: [roster(A, '张三', '2023-01-01', '2024-01-15'), roster(A, '张三', '2024-03-16')],
      payroll: [],
      declarations: [],
    });
    expect(r.map((m) => m.rosterCount)).toEqual([1, 0, 1, 1]);
    expect(r[0]!.rosterOnly[0]!.sources).toHaveLength(1);
  });

  it('lists payroll against declarations (the gap without a roster) and counts paying persons from the paid flag', () => {
    expect(months.map((m) => ids(m.paidNotDeclared))).toEqual([[], [D], [A]]);
    expect(months.map((m) => ids(m.declaredNotPaid))).toEqual([[], [B], [D]]);
    expect(months[1]!.declaredNotPaid[0]!.sources.map((s) => s.fileName)).toEqual(['申报.xlsx']);
    // No declaration row carries the paid flag: no count rather than a zero.
    expect(months.map((m) => m.payingCount)).toEqual([null, null, null]);
    const flagged = headcountByMonth({
      ...input,
      declarations: [{ ...decl(A, '2024-01'), paid: true }, { ...decl(A, '2024-01'), paid: false }, { ...decl(C, '2024-01'), paid: false }, decl(A, '2024-02')],
    });
    expect(flagged.map((m) => m.payingCount)).toEqual([1, null, null]);
  });

  it('without a roster every paid person is listed as not on the roster', () => {
    const r = headcountByMonth({ ...input, roster: [] });
    expect(r.map((m) => m.rosterCount)).toEqual([0, 0, 0]);
    expect(r.map((m) => m.paidNotOnRoster.length)).toEqual([2, 2, 1]);
  });
});
