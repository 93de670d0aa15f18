// Hand-worked monthly statistics (DOMAIN.md §11, seed 004 附表): cases across January–March
// and two regions; each expected figure is worked out in the comments from the facts below.
import { describe, expect, it } from 'vitest';
import { monthlyStatistics } from '../../shared/rules/statistics/report';
import { NO_HANDLING, type StatsCase, type StatsFacts } from '../../shared/rules/statistics/facts';
import { percentFigure, wanYuanFigure, type Figure } from '../../shared/rules/statistics/figure';
import type { StatsRow } from '../../shared/rules/statistics/table';

function kase(p: Partial<StatsCase> & Pick<StatsCase, 'id' | 'kind' | 'region' | 'targetId'>): StatsCase {
  return {
    number: `稽〔2026〕${p.id}号`,
    source: 'plan',
    targetName: `对象${p.targetId}`,
    institutionKind: null,
    concludedOn: null,
    archivedOn: null,
    hasProblems: false,
    orderedBackPayFen: 0,
    orderedLateFeeFen: 0,
    payments: [],
    enrolments: [],
    rectificationDue: null,
    referredOn: null,
    handling: NO_HANDLING,
    ...p,
  };
}

const facts: StatsFacts = {
  unit: '历下区医疗保障局',
  institutions: [
    { id: 1, region: '历下', active: true, addedOn: '2025-01-01', institutionKind: 'hospital' },
    { id: 2, region: '历下', active: true, addedOn: '2025-01-01', institutionKind: 'pharmacy' },
    { id: 6, region: '历下', active: true, addedOn: '2025-06-01', institutionKind: 'pharmacy' },
    { id: 3, region: '市中', active: true, addedOn: '2025-01-01', institutionKind: 'hospital' },
    { id: 4, region: '市中', active: true, addedOn: '2026-03-10', institutionKind: 'pharmacy' }, // after February
    { id: 5, region: '市中', active: false, addedOn: '2025-01-01', institutionKind: 'hospital' }, // deactivated
  ],
  employers: [
    { id: 1, region: '历下', active: true, addedOn: '2025-01-01' },
    { id: 2, region: '历下', active: true, addedOn: '2025-01-01' },
    { id: 3, region: '市中', active: true, addedOn: '2025-01-01' },
    { id: 4, region: '市中', active: false, addedOn: '2025-01-01' },
    { id: 5, region: '', active: true, addedOn: '2026-02-01' },
  ],
  cases: [
    // Employers.
    kase({
      id: 1, kind: 'employer-audit', region: '历下', targetId: 1, source: 'plan', concludedOn: '2026-01-10', archivedOn: '2026-02-15', hasProblems: true,
      orderedBackPayFen: 1_000_000, orderedLateFeeFen: 50_000, rectificationDue: '2026-02-10',
      payments: [
        { paidOn: '2026-01-25', amountFen: 600_000, purpose: 'back-pay' },
        { paidOn: '2026-02-03', amountFen: 400_000, purpose: 'back-pay' },
        { paidOn: '2026-02-03', amountFen: 50_000, purpose: 'late-fee' },
      ],
      enrolments: [
        { personId: 'P1', on: '2026-01-26' },
        { personId: 'P2', on: '2026-02-04' },
      ],
    }),
    kase({ id: 2, kind: 'employer-audit', region: '市中', targetId: 3, source: 'random', concludedOn: '2026-02-10', archivedOn: '2026-02-12' }),
    kase({
      id: 3, kind: 'employer-audit', region: '历下', targetId: 2, source: 'tip-off', concludedOn: '2026-02-01', hasProblems: true,
      orderedBackPayFen: 300_000, rectificationDue: '2026-02-20', referredOn: '2026-02-25',
    }),
    kase({ id: 4, kind: 'employer-audit', region: '历下', targetId: 1, source: 'lead', concludedOn: '2026-03-05', orderedBackPayFen: 70_000 }),
    // Institutions.
    kase({
      id: 10, kind: 'institution-check', region: '历下', targetId: 1, institutionKind: 'hospital', source: 'plan', archivedOn: '2026-01-20', hasProblems: true,
      handling: {
        jointCheck: true,
        measures: [
          { kind: 'interview', on: '2026-01-18' },
          { kind: 'recover', on: '2026-01-19', amountFen: 1_234_567 },
        ],
        accountability: [{ target: 'institution', on: '2026-01-19', persons: 2 }],
      },
    }),
    kase({ id: 11, kind: 'institution-check', region: '历下', targetId: 2, institutionKind: 'pharmacy', source: 'random', archivedOn: '2026-02-05' }),
    kase({
      id: 12, kind: 'institution-check', region: '市中', targetId: 3, institutionKind: 'hospital', source: 'tip-off', archivedOn: '2026-02-27', hasProblems: true,
      handling: {
        jointCheck: false,
        measures: [
          { kind: 'suspend', on: '2026-02-20' },
          { kind: 'recover', on: '2026-02-20', amountFen: 5_000 },
          { kind: 'refuse-payment', on: '2026-02-21' },
        ],
        accountability: [],
      },
    }),
    kase({ id: 13, kind: 'institution-check', region: '历下', targetId: 1, institutionKind: 'hospital', archivedOn: '2026-03-02' }),
    kase({ id: 14, kind: 'institution-check', region: '市中', targetId: 3, institutionKind: 'hospital' }),
  ],
  tipOffs: [
    { id: 1, subjectKind: 'employer', region: '历下', receivedOn: '2026-01-05', answeredOn: '2026-01-30', caseId: 3 }, // due 02-04: in time
    { id: 2, subjectKind: 'employer', region: '市中', receivedOn: '2026-01-20', answeredOn: '2026-02-25', caseId: null }, // due 02-19: late
    { id: 3, subjectKind: 'employer', region: '历下', receivedOn: '2026-02-10', answeredOn: null, caseId: null }, // due 03-12
    { id: 4, subjectKind: 'institution', region: '历下', receivedOn: '2026-02-11', answeredOn: null, caseId: null },
  ],
};

function cells(rows: StatsRow[], region: string | null): Record<string, Figure> {
  const r = rows.find((x) => x.region === region);
  if (!r) throw new Error(`no row ${region}`);
  return r.cells;
}

function cell(rows: StatsRow[], region: string | null, key: string): Figure {
  const f = cells(rows, region)[key];
  if (!f) throw new Error(`no cell ${key}`);
  return f;
}

function row(rows: StatsRow[], region: string | null): Record<string, string> {
  const r = rows.find((x) => x.region === region);
  if (!r) throw new Error(`no row ${region}`);
  return Object.fromEntries(Object.entries(r.cells).map(([k, f]) => [k, f.text]));
}

describe('the institutions table (seed 004 附表)', () => {
  const feb = monthlyStatistics(facts, '2026-02').institutions;

  it('has the seed’s column groups in order, and the bureau’s total row last', () => {
    expect(feb.groups.map((g) => g.label)).toEqual(['定点医药机构数', '已检查机构数', '存在问题机构数', '定点医药机构处理情况', '追责情况']);
    expect(feb.groups.map((g) => g.columns.length)).toEqual([3, 5, 2, 8, 4]);
    expect(feb.cumulative.map((r) => r.label)).toEqual(['历下', '市中', '历下区医疗保障局（合计）']);
  });

  it('gives the hand-worked cumulative figures to the end of February', () => {
    // Directory as at 02-28: 历下 1,2,6 (1 hospital, 2 pharmacies); 市中 3 (4 joins in March, 5 is inactive).
    // Checked (archived 01-01…02-28): 10 (历下 hospital, joint), 11 (历下 pharmacy), 12 (市中 hospital); 13 is March.
    expect(row(feb.cumulative, null)).toEqual({
      instTotal: '4', instHospital: '2', instPharmacy: '2',
      chkTotal: '3', chkJoint: '1', chkHospital: '2', chkPharmacy: '1', chkProgress: '75.00', // 3 / 4
      probHospital: '2', probPharmacy: '0',
      hInterview: '1', hCircular: '0', hSuspend: '1', hTerminate: '0', hPenalty: '0', hJudicial: '0',
      hRecovered: '1.24', // 1,234,567 + 5,000 fen = 12,395.67 元 = 1.239567 万元
      hOther: '1', // 拒付 in case 12
      accInstitution: '2', accAgency: '0', accDepartment: '0', accInsured: '0',
    });
    expect(row(feb.cumulative, '历下')).toMatchObject({ instTotal: '3', chkTotal: '2', chkProgress: '66.67', hRecovered: '1.23', probHospital: '1' });
    expect(row(feb.cumulative, '市中')).toMatchObject({ instTotal: '1', chkTotal: '1', chkProgress: '100.00', hRecovered: '0.01', hSuspend: '1' });
  });

  it('gives February alone in the month rows', () => {
    expect(row(feb.month, null)).toMatchObject({ chkTotal: '2', chkProgress: '50.00', hInterview: '0', hSuspend: '1', hRecovered: '0.01', accInstitution: '0' });
    expect(row(feb.month, '历下')).toMatchObject({ chkTotal: '1', chkProgress: '33.33', chkPharmacy: '1' });
  });

  it('counts a case archived in February in February and later, never in January', () => {
    const jan = monthlyStatistics(facts, '2026-01').institutions;
    const mar = monthlyStatistics(facts, '2026-03').institutions;
    const total = (rows: StatsRow[]) => cell(rows, null, 'chkTotal');
    expect(total(jan.cumulative).caseIds).toEqual([10]);
    expect(total(feb.cumulative).caseIds).toEqual([10, 11, 12]);
    // March: case 13 checks institution 1 again — still one institution, both cases behind it.
    expect(total(mar.cumulative).caseIds).toEqual([10, 11, 12, 13]);
    expect(total(mar.cumulative).value).toBe(3);
    // March directory: institution 4 joined; progress 3 / 5.
    expect(row(mar.cumulative, null).chkProgress).toBe('60.00');
  });

  it('lists the cases behind each figure', () => {
    const t = (key: string) => cell(feb.cumulative, null, key);
    expect(t('hRecovered').caseIds).toEqual([10, 12]);
    expect(t('chkJoint').caseIds).toEqual([10]);
    expect(t('probHospital').caseIds).toEqual([10, 12]);
    expect(t('hOther').caseIds).toEqual([12]);
  });
});

describe('the employer-audit table', () => {
  const feb = monthlyStatistics(facts, '2026-02').employers;

  it('gives the hand-worked cumulative figures to the end of February', () => {
    // Directory: employers 1, 2, 3, 5 (4 inactive). Archived by 02-28: case 1 (plan), case 2 (random).
    // Ordered at conclusion: case 1 (01-10) 10,000 + 500; case 3 (02-01) 3,000. Paid: 6,000 + 4,000 back-pay, 500 late fee.
    // Rectification: case 1 archived (done); case 3 due 02-20, not archived (overdue). Tip-offs: 1 in time, 2 answered late.
    expect(row(feb.cumulative, null)).toEqual({
      empTotal: '4', audTotal: '2', audPlan: '1', audRandom: '1', audTipOff: '0', audLead: '0', probTotal: '1', enrolled: '2',
      orderedBackPay: '13000.00', orderedLateFee: '500.00', recoveredBackPay: '10000.00', recoveredLateFee: '500.00',
      rectDone: '1', rectOverdue: '1', referred: '1', tipReceived: '3', tipInTime: '1', tipOverdue: '1',
    });
    expect(feb.cumulative.map((r) => r.label)).toEqual(['历下', '市中', '未填地区', '历下区医疗保障局（合计）']);
    expect(row(feb.cumulative, '历下')).toMatchObject({ empTotal: '2', audTotal: '1', orderedBackPay: '13000.00', rectOverdue: '1', tipReceived: '2', tipOverdue: '0' });
    expect(row(feb.cumulative, '市中')).toMatchObject({ empTotal: '1', audRandom: '1', probTotal: '0', tipOverdue: '1' });
    expect(row(feb.cumulative, '')).toMatchObject({ empTotal: '1', audTotal: '0' });
  });

  it('gives February alone in the month rows', () => {
    expect(row(feb.month, null)).toMatchObject({
      audTotal: '2', enrolled: '1', orderedBackPay: '3000.00', orderedLateFee: '0.00', recoveredBackPay: '4000.00', recoveredLateFee: '500.00',
      tipReceived: '1', tipInTime: '0', tipOverdue: '1',
    });
  });

  it('January knows nothing of what happened in February', () => {
    const jan = monthlyStatistics(facts, '2026-01').employers;
    expect(row(jan.cumulative, null)).toMatchObject({
      empTotal: '3', audTotal: '0', enrolled: '1', orderedBackPay: '10000.00', recoveredBackPay: '6000.00', rectDone: '0', rectOverdue: '0',
      tipReceived: '2', tipInTime: '1', tipOverdue: '0',
    });
  });

  it('lists the cases and tip-offs behind each figure', () => {
    const t = (key: string) => cell(feb.cumulative, null, key);
    expect(t('audTotal').caseIds).toEqual([1, 2]);
    expect(t('orderedBackPay').caseIds).toEqual([1, 3]);
    expect(t('rectOverdue').caseIds).toEqual([3]);
    expect(t('tipReceived').tipOffIds).toEqual([1, 2, 3]);
    expect(t('tipReceived').caseIds).toEqual([3]);
    expect(t('tipOverdue').tipOffIds).toEqual([2]);
  });
});

describe('the chart series', () => {
  const charts = monthlyStatistics(facts, '2026-02').charts;
  it('per month from January', () => {
    expect(charts.perMonth.map((m) => [m.month, m.employerChecks, m.institutionChecks, m.orderedFen, m.recoveredFen])).toEqual([
      ['2026-01', 0, 1, 1_050_000, 600_000 + 1_234_567],
      ['2026-02', 2, 2, 300_000, 400_000 + 50_000 + 5_000],
    ]);
  });
  it('per source, per region and rectification, cumulative', () => {
    expect(charts.perSource.map((s) => [s.source, s.checks])).toEqual([['plan', 2], ['random', 2], ['tip-off', 1], ['lead', 0]]);
    expect(charts.perRegion.map((r) => [r.region, r.employerChecks, r.institutionChecks])).toEqual([['历下', 1, 2], ['市中', 1, 1]]);
    expect(charts.rectification).toMatchObject({ completed: 1, overdue: 1, completedCaseIds: [1], overdueCaseIds: [3] });
  });
});

describe('rounding', () => {
  it('万元 to two decimals, half up, in integer fen', () => {
    expect(wanYuanFigure(4_999, []).text).toBe('0.00');
    expect(wanYuanFigure(5_000, []).text).toBe('0.01');
    expect(wanYuanFigure(12_345_678_900, []).text).toBe('12345.68');
    expect(wanYuanFigure(0, []).text).toBe('0.00');
  });
  it('检查进度 = 已检查 ÷ 总数, percent to two decimals; a dash for an empty directory', () => {
    expect(percentFigure(1, 3, []).text).toBe('33.33');
    expect(percentFigure(2, 3, []).text).toBe('66.67');
    expect(percentFigure(1, 8, []).text).toBe('12.50');
    expect(percentFigure(0, 0, []).text).toBe('—');
  });
});
