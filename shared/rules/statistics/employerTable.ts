// 参保单位稽核情况统计表 (DOMAIN.md §11, the employer-audit equivalent of seed 004's table):
// employers in the directory; audited by source; with problems; persons enrolled after the audit;
// back-contributions and late fees ordered and recovered (元); rectifications completed and
// overdue; referrals; tip-offs received, answered in time, overdue. An audit counts as done from
// the day its case is archived; the order from the day it was concluded; payments on the day paid.
import { countFigure, yuanFigure, type Figure } from './figure';
import type { StatsCase, StatsFacts, StatsSource } from './facts';
import { inWindow, statsWindows, type StatsWindow } from './period';
import { regionLabel, sortRegions, type StatsColumnGroup, type StatsRow, type StatsTable } from './table';
import { tipOffClock } from '../tipOffClock';
import type { Month } from '../month';

export const EMPLOYER_TABLE_TITLE = '参保单位稽核情况统计表';

const SOURCE_COLUMNS: readonly { key: string; label: string; source: StatsSource }[] = [
  { key: 'audPlan', label: '年度计划', source: 'plan' },
  { key: 'audRandom', label: '双随机抽查', source: 'random' },
  { key: 'audTipOff', label: '举报', source: 'tip-off' },
  { key: 'audLead', label: '线索移交', source: 'lead' },
];

export const EMPLOYER_GROUPS: StatsColumnGroup[] = [
  { label: '参保单位数', columns: [{ key: 'empTotal', label: '参保单位数' }] },
  { label: '已稽核单位数', columns: [{ key: 'audTotal', label: '总数' }, ...SOURCE_COLUMNS.map(({ key, label }) => ({ key, label }))] },
  { label: '存在问题单位数', columns: [{ key: 'probTotal', label: '存在问题单位数' }] },
  { label: '补报人数', columns: [{ key: 'enrolled', label: '补报人数' }] },
  {
    label: '责令补缴(元)',
    columns: [
      { key: 'orderedBackPay', label: '补缴社会保险费' },
      { key: 'orderedLateFee', label: '滞纳金' },
    ],
  },
  {
    label: '已追缴(元)',
    columns: [
      { key: 'recoveredBackPay', label: '补缴社会保险费' },
      { key: 'recoveredLateFee', label: '滞纳金' },
    ],
  },
  {
    label: '整改情况',
    columns: [
      { key: 'rectDone', label: '已完成整改' },
      { key: 'rectOverdue', label: '逾期未整改' },
    ],
  },
  { label: '移送执法', columns: [{ key: 'referred', label: '移送执法' }] },
  {
    label: '举报',
    columns: [
      { key: 'tipReceived', label: '受理' },
      { key: 'tipInTime', label: '按期答复' },
      { key: 'tipOverdue', label: '逾期' },
    ],
  },
];

export const EMPLOYER_NOTES: readonly string[] = [
  '1.“已稽核单位数”指自当年1月1日截止到本月末稽核案件已归档的单位数，按案件来源（年度计划、双随机抽查、举报、线索移交）分列；',
  '2.“责令补缴”按稽核结论出具日统计，“已追缴”按缴款日期统计，金额单位为“元”；“补报人数”按登记补报日期统计；',
  '3.“逾期未整改”指整改期限已过而案件尚未归档的单位数；举报“按期答复”指自受理之日起30日内答复，“逾期”指超过30日未答复或逾期答复。',
];

function employersFigure(cases: readonly StatsCase[]): Figure {
  return countFigure(new Set(cases.map((c) => c.targetId)).size, cases.map((c) => c.id));
}

function moneyFigure(cases: readonly StatsCase[], amount: (c: StatsCase) => number): Figure {
  let fen = 0;
  const ids: number[] = [];
  for (const c of cases) {
    const a = amount(c);
    if (a > 0) {
      fen += a;
      ids.push(c.id);
    }
  }
  return yuanFigure(fen, ids);
}

function rowFor(label: string, region: string | null, facts: StatsFacts, w: StatsWindow): StatsRow {
  const inRegion = (r: string) => region === null || r.trim() === region;
  const directory = facts.employers.filter((t) => t.active && t.addedOn <= w.to && inRegion(t.region));
  const cases = facts.cases.filter((c) => c.kind === 'employer-audit' && inRegion(c.region));
  const audited = cases.filter((c) => inWindow(c.archivedOn, w));
  const concluded = cases.filter((c) => inWindow(c.concludedOn, w));

  const cells: Record<string, Figure> = {
    empTotal: countFigure(directory.length),
    audTotal: employersFigure(audited),
    probTotal: employersFigure(audited.filter((c) => c.hasProblems)),
  };
  for (const s of SOURCE_COLUMNS) cells[s.key] = employersFigure(audited.filter((c) => c.source === s.source));

  const enrolledIds: number[] = [];
  let enrolled = 0;
  for (const c of cases) {
    const persons = new Set(c.enrolments.filter((e) => inWindow(e.on, w)).map((e) => e.personId));
    if (persons.size > 0) {
      enrolled += persons.size;
      enrolledIds.push(c.id);
    }
  }
  cells.enrolled = countFigure(enrolled, enrolledIds);
  cells.orderedBackPay = moneyFigure(concluded, (c) => c.orderedBackPayFen);
  cells.orderedLateFee = moneyFigure(concluded, (c) => c.orderedLateFeeFen);
  const paid = (purpose: 'back-pay' | 'late-fee') => (c: StatsCase) =>
    c.payments.filter((p) => p.purpose === purpose && inWindow(p.paidOn, w)).reduce((s, p) => s + p.amountFen, 0);
  cells.recoveredBackPay = moneyFigure(cases, paid('back-pay'));
  cells.recoveredLateFee = moneyFigure(cases, paid('late-fee'));

  const hadRectification = (c: StatsCase) => c.rectificationDue !== null || c.orderedBackPayFen + c.orderedLateFeeFen > 0;
  const done = audited.filter(hadRectification);
  cells.rectDone = countFigure(done.length, done.map((c) => c.id));
  // Overdue as at the window's end: the deadline passed inside the window and the case was not archived by then.
  const overdue = cases.filter(
    (c) => c.rectificationDue !== null && c.rectificationDue >= w.from && c.rectificationDue < w.to && !(c.archivedOn !== null && c.archivedOn <= w.to),
  );
  cells.rectOverdue = countFigure(overdue.length, overdue.map((c) => c.id));
  const referred = cases.filter((c) => inWindow(c.referredOn, w));
  cells.referred = countFigure(referred.length, referred.map((c) => c.id));

  const tips = facts.tipOffs.filter((t) => t.subjectKind === 'employer' && inRegion(t.region));
  const received = tips.filter((t) => inWindow(t.receivedOn, w));
  const caseIdsOf = (list: typeof tips) => list.flatMap((t) => (t.caseId === null ? [] : [t.caseId]));
  cells.tipReceived = countFigure(received.length, caseIdsOf(received), received.map((t) => t.id));
  const inTime = tips.filter((t) => inWindow(t.answeredOn, w) && !tipOffClock(t.receivedOn, t.answeredOn, w.to).overdue);
  cells.tipInTime = countFigure(inTime.length, caseIdsOf(inTime), inTime.map((t) => t.id));
  // Overdue: the 30 days ran out inside the window (before its last day) without an answer in time.
  const late = tips.filter((t) => {
    const answered = t.answeredOn !== null && t.answeredOn <= w.to ? t.answeredOn : null;
    const clock = tipOffClock(t.receivedOn, answered, w.to);
    return clock.overdue && clock.answerDue >= w.from && clock.answerDue < w.to;
  });
  cells.tipOverdue = countFigure(late.length, caseIdsOf(late), late.map((t) => t.id));
  return { label, region, cells };
}

function rowsFor(facts: StatsFacts, w: StatsWindow): StatsRow[] {
  const regions = sortRegions([
    ...facts.employers.map((t) => t.region),
    ...facts.cases.filter((c) => c.kind === 'employer-audit').map((c) => c.region),
    ...facts.tipOffs.filter((t) => t.subjectKind === 'employer').map((t) => t.region),
  ]);
  return [...regions.map((r) => rowFor(regionLabel(r), r, facts, w)), rowFor(`${facts.unit}（合计）`, null, facts, w)];
}

export function employerTable(facts: StatsFacts, month: Month): StatsTable {
  const w = statsWindows(month);
  return {
    key: 'employers',
    title: EMPLOYER_TABLE_TITLE,
    labelHeader: '填报单位',
    groups: EMPLOYER_GROUPS,
    cumulative: rowsFor(facts, w.cumulative),
    month: rowsFor(facts, w.month),
    notes: [...EMPLOYER_NOTES],
  };
}
