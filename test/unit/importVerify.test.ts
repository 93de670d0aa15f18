// The verification checks' thresholds (electron/services/import/verify.ts) on hand-made lines and
// issues: the rate bands are inclusive and exact in fen, a rate above 40 % is refused even once,
// "a few" unreadable rows pass while more than five (or over 2 % from three on) do not.
import { describe, expect, it } from 'vitest';
import { checkDeclaredRates, checkUnreadableRows } from '../../electron/services/import/verify';
import { applyVerificationOverride, verificationRefusals } from '../../electron/services/import/verifyOverride';
import type { DeclarationLine } from '../../shared/domain/lines';
import type { ImportIssue, ImportReport } from '../../shared/domain/importReport';

const line = (row: number, insurance: DeclarationLine['insurance'], baseFen: number, employerFen?: number, employeeFen?: number): DeclarationLine => ({
  personId: '11010519491231002X',
  name: '张三',
  month: '2024-03',
  insurance,
  baseFen,
  ...(employerFen !== undefined ? { employerFen } : {}),
  ...(employeeFen !== undefined ? { employeeFen } : {}),
  source: { fileId: 0, fileName: '申报.xlsx', sheet: '明细', row },
});

const badAmount = (row: number): ImportIssue => ({ severity: 'error', code: 'bad-amount', file: 'f.csv', sheet: '', row, column: 'D', message: '应发工资：不是金额' });

describe('declared rates', () => {
  it('accepts the band edges exactly (10 % and 20 % of the base) and refuses one fen outside for most rows', () => {
    expect(checkDeclaredRates([line(2, 'pension', 500_000, 50_000), line(3, 'pension', 500_000, 100_000)], 'a')).toEqual([]);
    const issues = checkDeclaredRates([line(2, 'pension', 500_000, 49_999), line(3, 'pension', 500_000, 100_001), line(4, 'pension', 500_000, 80_000)], 'a');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'verify-rates', severity: 'error', row: 0, sheet: '明细' });
    expect(issues[0]!.message).toBe('基本养老保险单位缴费在 3 行中有 2 行折算费率不在 10%～20% 之间，例如第 2 行：缴费基数 5,000.00，单位缴费 499.99（10.00%）。单位缴费与个人缴费列可能对调或选错');
  });

  it('lets a minority of odd rows pass, skips zero amounts, and refuses any rate above 40 %', () => {
    expect(checkDeclaredRates([line(2, 'medical', 500_000, 40_000, 10_000), line(3, 'medical', 500_000, 0, 0), line(4, 'medical', 500_000, 1_000)], 'a')).toEqual([]);
    const issues = checkDeclaredRates([line(2, null, 400_000, 160_001), line(3, null, 400_000, 100_000)], 'a');
    expect(issues.map((i) => i.message)).toEqual(['有 1 行申报金额折算的费率超过 40%，例如第 2 行：缴费基数 4,000.00，单位缴费 1,600.01（40.00%）。缴费基数列或金额列可能选错']);
  });
});

describe('unreadable rows', () => {
  const report = (bad: number, taken: number): Pick<ImportReport, 'issues' | 'rowsTaken' | 'rowsLeftOut' | 'fileName'> => ({
    fileName: 'f.csv',
    rowsTaken: taken,
    rowsLeftOut: bad,
    issues: Array.from({ length: bad }, (_, i) => badAmount(i + 2)),
  });
  it('passes two bad rows in a small file and five in a big one', () => {
    expect(checkUnreadableRows(report(2, 3))).toEqual([]);
    expect(checkUnreadableRows(report(5, 10_000))).toEqual([]);
  });
  it('refuses six bad rows anywhere, and three when they are over 2 % of the data rows', () => {
    expect(checkUnreadableRows(report(6, 10_000))[0]!.code).toBe('verify-unreadable-rows');
    expect(checkUnreadableRows(report(3, 97))[0]!.message).toMatch(/^有 3 行（占数据行的 3\.0%）/);
    expect(checkUnreadableRows(report(3, 200))).toEqual([]);
  });
});

describe('override', () => {
  it('downgrades only the overridden checks and records who and why', () => {
    const r = {
      kind: 'payroll',
      fileName: 'f.xlsx',
      issues: [
        { severity: 'error', code: 'verify-total-mismatch', file: 'f.xlsx', sheet: 'S', row: 0, column: '', message: '合计不符' },
        { severity: 'error', code: 'verify-components', file: 'f.xlsx', sheet: 'S', row: 0, column: '', message: '项目不符' },
      ],
    } as unknown as ImportReport;
    expect(verificationRefusals(r)).toEqual(['verify-total-mismatch', 'verify-components']);
    const { report: out, applied } = applyVerificationOverride(r, { codes: ['verify-total-mismatch'], reason: '手工合计', actor: '王五' });
    expect(applied).toEqual(['verify-total-mismatch']);
    expect(verificationRefusals(out)).toEqual(['verify-components']);
    expect(out.issues[0]).toMatchObject({ severity: 'warning', message: '合计不符（王五 确认仍然导入，理由：手工合计）' });
    expect(out.issues.at(-1)).toMatchObject({ severity: 'info', code: 'verification-overridden' });
    expect(r.issues[0]!.severity).toBe('error');
  });
});
