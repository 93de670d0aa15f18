// The case's deadlines (DOMAIN.md §8): the notice period before the on-site audit, the audit
// opinion within 10 working days and the no-violation notice within 5 working days of the
// on-site audit's end, the rectification deadline the notice set, and the answer to a tip-off
// within 30 days of receipt. Pure: the dashboard and the case header list the same deadlines.
import type { CaseState } from '../api/dto';
import { WORKING_DAY_RULES, addWorkingDays, type WorkingDayCalendar } from '../documents/workingDays';
import { addDays, type IsoDate } from './month';

/** Calendar days to answer a tip-off (举报) after it was received. */
export const TIPOFF_ANSWER_DAYS = 30;

export type DeadlineKind = 'onsite' | 'opinion' | 'no-violation' | 'rectification' | 'tip-off';

export interface Deadline {
  kind: DeadlineKind;
  /** What must happen, in Chinese. */
  label: string;
  due: IsoDate;
  /** Done (the step happened), so never overdue. */
  done: boolean;
  overdue: boolean;
  /** How the date was reached, e.g. “实地稽核结束（2026年7月3日）后10个工作日”. */
  basis: string;
}

export interface DeadlineFacts {
  state: CaseState;
  today: IsoDate;
  isTipOff: boolean;
  tipOffReceived: IsoDate | null;
  noticeServedOn: IsoDate | null;
  noticeDays: number;
  /** The on-site date the audit notice announces. */
  onsiteDate: IsoDate | null;
  /** The day the on-site audit ended (the case entered 汇总). */
  onsiteEnded: IsoDate | null;
  /** Whether the summarised result found anything to pay back; null when not known. */
  foundViolation: boolean | null;
  rectificationDeadline: IsoDate | null;
  /** Rectification settled (paid and declared) or referred for a penalty. */
  rectificationDone: boolean;
  calendar?: WorkingDayCalendar;
}

const ORDER: readonly CaseState[] = ['planned', 'notified', 'onsite', 'summarised', 'concluded', 'rectifying', 'archived'];
/** Whether the case has reached `s` (closed-no-finding counts as past summarised). */
function reached(state: CaseState, s: CaseState): boolean {
  if (state === 'closed-no-finding') return ORDER.indexOf(s) <= ORDER.indexOf('summarised') || s === 'closed-no-finding';
  return ORDER.indexOf(state) >= ORDER.indexOf(s);
}

function make(kind: DeadlineKind, label: string, due: IsoDate, done: boolean, today: IsoDate, basis: string): Deadline {
  return { kind, label, due, done, overdue: !done && today > due, basis };
}

/** Opinion due 10 working days after the on-site audit ended. */
export function opinionDue(onsiteEnded: IsoDate, calendar?: WorkingDayCalendar): IsoDate {
  return addWorkingDays(onsiteEnded, WORKING_DAY_RULES.auditOpinion, calendar);
}

/** No-violation notice due 5 working days after the on-site audit ended. */
export function noViolationDue(onsiteEnded: IsoDate, calendar?: WorkingDayCalendar): IsoDate {
  return addWorkingDays(onsiteEnded, WORKING_DAY_RULES.noViolationNotice, calendar);
}

export function tipOffDue(received: IsoDate): IsoDate {
  return addDays(received, TIPOFF_ANSWER_DAYS);
}

/** Every deadline that applies to the case now, in date order. */
export function caseDeadlines(f: DeadlineFacts): Deadline[] {
  const out: Deadline[] = [];
  if (f.onsiteDate && reached(f.state, 'notified')) {
    out.push(make('onsite', '实地稽核', f.onsiteDate, reached(f.state, 'onsite'), f.today, '稽核通知书载明的实地稽核日期'));
  }
  if (f.onsiteEnded && f.foundViolation !== false) {
    out.push(
      make('opinion', '出具稽核意见书', opinionDue(f.onsiteEnded, f.calendar), reached(f.state, 'concluded'), f.today, `实地稽核结束后${WORKING_DAY_RULES.auditOpinion}个工作日内`),
    );
  }
  if (f.onsiteEnded && f.foundViolation === false) {
    out.push(
      make(
        'no-violation',
        '出具无违规结论通知',
        noViolationDue(f.onsiteEnded, f.calendar),
        f.state === 'closed-no-finding' || reached(f.state, 'concluded'),
        f.today,
        `实地稽核结束后${WORKING_DAY_RULES.noViolationNotice}个工作日内`,
      ),
    );
  }
  if (f.rectificationDeadline && reached(f.state, 'concluded')) {
    out.push(make('rectification', '整改期限', f.rectificationDeadline, f.rectificationDone || f.state === 'archived', f.today, '限期整改通知书规定的期限'));
  }
  if (f.isTipOff && f.tipOffReceived) {
    out.push(
      make('tip-off', '答复举报人', tipOffDue(f.tipOffReceived), reached(f.state, 'concluded') || f.state === 'closed-no-finding', f.today, `收到举报后${TIPOFF_ANSWER_DAYS}日内`),
    );
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** The earliest deadline not yet met (overdue ones first, as they are earliest). */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.find((d) => !d.done) ?? null;
}
