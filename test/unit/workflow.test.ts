// The case state machine (shared/rules/workflow.ts) and the deadlines (shared/rules/deadlines.ts):
// every pair of states checked against DOMAIN.md §2's table, who may make each step, what each
// needs, and working-day deadlines across weekends.
import { describe, expect, it } from 'vitest';
import { CASE_STATES, type CaseState } from '../../shared/api/dto';
import { caseDeadlines, nextDeadline, noViolationDue, opinionDue, tipOffDue, type DeadlineFacts } from '../../shared/rules/deadlines';
import { checkRole, earliestOnsite, findTransition, missingFor, TRANSITIONS, type CaseFacts } from '../../shared/rules/workflow';

const FORWARD: [CaseState, CaseState][] = [
  ['planned', 'notified'],
  ['notified', 'onsite'],
  ['onsite', 'summarised'],
  ['summarised', 'concluded'],
  ['summarised', 'closed-no-finding'],
  ['concluded', 'rectifying'],
  ['rectifying', 'archived'],
  ['closed-no-finding', 'archived'],
];
const BACK: [CaseState, CaseState][] = [
  ['notified', 'planned'],
  ['onsite', 'notified'],
  ['summarised', 'onsite'],
  ['concluded', 'summarised'],
  ['closed-no-finding', 'summarised'],
  ['rectifying', 'concluded'],
];

const rule = (from: CaseState, to: CaseState) => {
  const r = findTransition(from, to);
  if (!r.ok) throw new Error(r.reason);
  return r.rule;
};

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    today: '2026-07-06',
    noticeDays: 3,
    issuedTypes: [],
    noticeServedOn: null,
    onsiteDate: null,
    hasPayroll: false,
    hasDeclarations: false,
    computeProblem: null,
    approval: { approved: false, stale: false },
    rectification: { settled: false, problems: ['尚欠补缴社会保险费 100.00 元'] },
    ...over,
  };
}

describe('the transitions table', () => {
  it('allows exactly the steps of DOMAIN.md §2 and the recorded re-openings, nothing else', () => {
    const allowed = new Set([...FORWARD, ...BACK].map(([a, b]) => `${a}>${b}`));
    for (const from of CASE_STATES) {
      for (const to of CASE_STATES) {
        const r = findTransition(from, to);
        expect(r.ok, `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
    expect(TRANSITIONS).toHaveLength(FORWARD.length + BACK.length);
    for (const [a, b] of BACK) expect(rule(a, b).reopen).toBe(true);
    for (const [a, b] of FORWARD) expect(rule(a, b).reopen).toBe(false);
  });

  it('says in Chinese what may follow instead', () => {
    expect(findTransition('planned', 'concluded')).toEqual({ ok: false, reason: '案件不能从“立项”直接变为“已出结论”，只能变为“已通知”' });
    expect(findTransition('archived', 'rectifying')).toEqual({ ok: false, reason: '案件已归档，不能再变更状态' });
    expect(findTransition('onsite', 'onsite')).toEqual({ ok: false, reason: '案件已处于“实地稽核”状态' });
  });

  it('archiving is the archivist’s or section head’s; re-opening only the section head’s; bootstrap lets anyone while there are no accounts', () => {
    expect(checkRole(rule('rectifying', 'archived'), 'archivist', true)).toEqual({ ok: true });
    expect(checkRole(rule('rectifying', 'archived'), 'auditor', true)).toEqual({ ok: false, reason: '稽核员无权办理“归档”，需要档案管理员、科室负责人' });
    expect(checkRole(rule('planned', 'notified'), 'archivist', true).ok).toBe(false);
    expect(checkRole(rule('summarised', 'onsite'), 'auditor', true)).toEqual({ ok: false, reason: '稽核员无权重新打开案件，需要科室负责人' });
    expect(checkRole(rule('summarised', 'onsite'), 'section-head', true)).toEqual({ ok: true });
    expect(checkRole(rule('summarised', 'onsite'), null, false)).toEqual({ ok: true });
    expect(checkRole(rule('planned', 'notified'), null, true).ok).toBe(false);
  });
});

describe('preconditions', () => {
  it('notified needs the issued notice and its proof of service', () => {
    expect(missingFor(rule('planned', 'notified'), facts())).toEqual(['尚未签发稽核通知书', '尚未登记稽核通知书的送达回证（送达日期、方式、受送达人）']);
    expect(missingFor(rule('planned', 'notified'), facts({ issuedTypes: ['audit-notice'], noticeServedOn: '2026-07-01' }))).toEqual([]);
  });

  it('on-site only N calendar days after service, and not before the notice’s own date allows', () => {
    expect(earliestOnsite('2026-07-01', 3)).toBe('2026-07-04');
    const r = rule('notified', 'onsite');
    expect(missingFor(r, facts({ noticeServedOn: '2026-07-01', today: '2026-07-04' }))).toEqual([]);
    expect(missingFor(r, facts({ noticeServedOn: '2026-07-01', today: '2026-07-03' }))).toEqual([
      '稽核通知书于2026年7月1日送达，距今仅2天，应至少提前3天送达，最早可于2026年7月4日开始实地稽核',
    ]);
    // A service date in the future (typed 2028 for 2026) is named as such, never "仅-598天".
    expect(missingFor(r, facts({ noticeServedOn: '2028-02-19', today: '2026-07-01' }))).toEqual(['登记的送达日期（2028年2月19日）晚于今天（2026年7月1日），请核对送达回证上的日期']);
    expect(missingFor(r, facts({ noticeServedOn: '2026-07-01', today: '2026-07-10', noticeDays: 5, onsiteDate: '2026-07-05' }))).toEqual([
      '通知书载明的实地稽核日期（2026年7月5日）距送达日不足5天，请重新送达或另行通知',
    ]);
  });

  it('summarised needs both imports and a result; concluded a current approval and the opinion', () => {
    expect(missingFor(rule('onsite', 'summarised'), facts())).toEqual(['尚未导入工资表', '尚未导入缴费申报明细']);
    expect(missingFor(rule('onsite', 'summarised'), facts({ hasPayroll: true, hasDeclarations: true, computeProblem: '缴费方案未覆盖2023-12' }))).toEqual([
      '稽核结果无法计算：缴费方案未覆盖2023-12',
    ]);
    const c = rule('summarised', 'concluded');
    expect(missingFor(c, facts())).toEqual(['稽核结论尚未经科室负责人审核', '尚未签发稽核意见书']);
    expect(missingFor(c, facts({ approval: { approved: true, stale: true }, issuedTypes: ['audit-opinion'] }))).toEqual(['稽核结论在审核后已有变更，需重新审核']);
    expect(missingFor(c, facts({ approval: { approved: true, stale: false }, issuedTypes: ['audit-opinion'] }))).toEqual([]);
    expect(missingFor(rule('summarised', 'closed-no-finding'), facts())).toEqual(['尚未签发无违规结论通知']);
  });

  it('archiving a rectifying case needs it settled or referred; re-openings need nothing', () => {
    const a = rule('rectifying', 'archived');
    expect(missingFor(a, facts())).toEqual(['整改未完成：尚欠补缴社会保险费 100.00 元', '（整改完成或已签发提请行政处罚建议书后方可归档）']);
    expect(missingFor(a, facts({ issuedTypes: ['penalty-referral'] }))).toEqual([]);
    expect(missingFor(a, facts({ rectification: { settled: true, problems: [] } }))).toEqual([]);
    expect(missingFor(rule('closed-no-finding', 'archived'), facts())).toEqual([]);
    expect(missingFor(rule('rectifying', 'concluded'), facts())).toEqual([]);
  });
});

describe('deadlines', () => {
  it('counts the opinion and no-violation notice in working days, skipping weekends', () => {
    // Friday 3 July 2026: 10 working days → Friday 17 July; 5 → Friday 10 July.
    expect(opinionDue('2026-07-03')).toBe('2026-07-17');
    expect(noViolationDue('2026-07-03')).toBe('2026-07-10');
    // Ending on a Saturday: the count starts on Monday.
    expect(noViolationDue('2026-07-04')).toBe('2026-07-10');
    // A holiday list moves it on.
    expect(noViolationDue('2026-07-03', { holidays: new Set(['2026-07-06']) })).toBe('2026-07-13');
    expect(tipOffDue('2026-01-31')).toBe('2026-03-02');
  });

  const base: DeadlineFacts = {
    state: 'summarised',
    today: '2026-07-20',
    isTipOff: false,
    tipOffReceived: null,
    noticeServedOn: '2026-06-26',
    noticeDays: 3,
    onsiteDate: '2026-07-01',
    onsiteEnded: '2026-07-03',
    foundViolation: true,
    rectificationDeadline: null,
    rectificationDone: false,
  };

  it('lists what applies, marks done and overdue, and picks the next one', () => {
    const d = caseDeadlines(base);
    expect(d.map((x) => [x.kind, x.due, x.done, x.overdue])).toEqual([
      ['onsite', '2026-07-01', true, false],
      ['opinion', '2026-07-17', false, true],
    ]);
    expect(nextDeadline(d)).toMatchObject({ kind: 'opinion', overdue: true });
    const nothingFound = caseDeadlines({ ...base, foundViolation: false, today: '2026-07-09' });
    expect(nothingFound.find((x) => x.kind === 'no-violation')).toMatchObject({ due: '2026-07-10', overdue: false });
    expect(nothingFound.some((x) => x.kind === 'opinion')).toBe(false);
    const closed = caseDeadlines({ ...base, state: 'closed-no-finding', foundViolation: false, today: '2026-08-01' });
    expect(closed.find((x) => x.kind === 'no-violation')).toMatchObject({ done: true, overdue: false });
  });

  it('tracks the rectification deadline until settled and the tip-off answer until concluded', () => {
    const rect = { ...base, state: 'rectifying' as const, rectificationDeadline: '2026-07-31', today: '2026-08-03' };
    expect(caseDeadlines(rect).find((x) => x.kind === 'rectification')).toMatchObject({ overdue: true, done: false });
    expect(caseDeadlines({ ...rect, rectificationDone: true }).find((x) => x.kind === 'rectification')).toMatchObject({ overdue: false, done: true });
    const tip = { ...base, state: 'onsite' as const, onsiteEnded: null, isTipOff: true, tipOffReceived: '2026-06-15', today: '2026-07-16' };
    expect(caseDeadlines(tip).find((x) => x.kind === 'tip-off')).toMatchObject({ due: '2026-07-15', overdue: true });
    expect(caseDeadlines({ ...tip, state: 'concluded' }).find((x) => x.kind === 'tip-off')).toMatchObject({ done: true, overdue: false });
  });
});
