// The tip-off answer clock (DOMAIN.md §10.5, seed 000: answer the reporter within 30 days): one
// rule for the register, the dashboard warning and any report. Calendar days from receipt; the
// clock stops at the answer.
import { addDays, daysBetween, type IsoDate } from './month';

export const TIP_OFF_ANSWER_DAYS = 30;
/** Warn this many days before the deadline. */
export const TIP_OFF_WARN_DAYS = 5;

export interface TipOffClock {
  answerDue: IsoDate;
  /** Days from today to the deadline (negative once past); from the answer date when answered. */
  daysLeft: number;
  overdue: boolean;
  /** Not answered and the deadline is near (or past). */
  warn: boolean;
}

export function tipOffClock(receivedOn: IsoDate, answeredOn: IsoDate | null, today: IsoDate): TipOffClock {
  const answerDue = addDays(receivedOn, TIP_OFF_ANSWER_DAYS);
  const daysLeft = daysBetween(answeredOn ?? today, answerDue);
  const overdue = daysLeft < 0;
  return { answerDue, daysLeft, overdue, warn: answeredOn === null && daysLeft <= TIP_OFF_WARN_DAYS };
}
