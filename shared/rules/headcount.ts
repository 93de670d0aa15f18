// Headcount per month (DOMAIN.md §3 item 1): employees per the roster (花名册) vs persons on the
// payroll vs persons declared, and who makes the difference. A person is on the roster in month
// M when hired on or before M's last day and not left before M's first day; on the payroll when
// their gross for M is above zero after adding up their rows (as §6.1); declared when they have
// any declaration row in M; paying when a declaration row of M says it was paid (the declarations'
// paid flag; null for a month whose rows carry no flag). Without a roster the real gap is payroll
// against declarations: paidNotDeclared and declaredNotPaid. Every listed person carries the rows
// that put them there.
import type { DeclarationLine, PayrollLine, SourceRef } from '../domain/lines';
import type { RosterLine } from '../domain/roster';
import { daysInMonth, monthParts, monthRange, type IsoDate, type Month } from './month';

export interface HeadcountPerson {
  personId: string;
  name: string;
  /** Roster rows, then the month's payroll and declaration rows that bear on the finding. */
  sources: SourceRef[];
}

export interface HeadcountMonth {
  month: Month;
  rosterCount: number;
  payrollCount: number;
  declaredCount: number;
  /** Persons with a declaration row of the month marked paid; null when no row of the month carries the flag. */
  payingCount: number | null;
  /** 发薪未申报: on the payroll, not declared. */
  paidNotDeclared: HeadcountPerson[];
  /** 申报未发薪: declared, not on the payroll. */
  declaredNotPaid: HeadcountPerson[];
  /** 在册未发薪: on the roster, not on the payroll. */
  rosterNotPaid: HeadcountPerson[];
  /** 发薪不在册: on the payroll, not on the roster. */
  paidNotOnRoster: HeadcountPerson[];
  /** 在册未参保: on the roster, not declared. */
  rosterNotDeclared: HeadcountPerson[];
  /** 在册但既未发薪也未参保: on the roster only. */
  rosterOnly: HeadcountPerson[];
}

export interface HeadcountInput {
  from: Month;
  to: Month;
  roster: readonly RosterLine[];
  payroll: readonly PayrollLine[];
  declarations: readonly DeclarationLine[];
}

export function monthFirstDay(m: Month): IsoDate {
  return `${m}-01`;
}

export function monthLastDay(m: Month): IsoDate {
  const { year, month } = monthParts(m);
  return `${m}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Hired on or before the month's last day and not left before its first day. */
export function employedIn(line: Pick<RosterLine, 'hireDate' | 'leaveDate'>, month: Month): boolean {
  return line.hireDate <= monthLastDay(month) && (line.leaveDate === null || line.leaveDate >= monthFirstDay(month));
}

function groupByMonthPerson<L extends { month: Month; personId: string }>(lines: readonly L[]): Map<Month, Map<string, L[]>> {
  const out = new Map<Month, Map<string, L[]>>();
  for (const l of lines) {
    let byPerson = out.get(l.month);
    if (!byPerson) out.set(l.month, (byPerson = new Map()));
    const list = byPerson.get(l.personId);
    if (list) list.push(l);
    else byPerson.set(l.personId, [l]);
  }
  return out;
}

const byPersonId = (a: HeadcountPerson, b: HeadcountPerson) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

export function headcountByMonth(input: HeadcountInput): HeadcountMonth[] {
  const payroll = groupByMonthPerson(input.payroll);
  const declared = groupByMonthPerson(input.declarations);
  const rosterByPerson = new Map<string, RosterLine[]>();
  for (const l of input.roster) {
    const list = rosterByPerson.get(l.personId);
    if (list) list.push(l);
    else rosterByPerson.set(l.personId, [l]);
  }

  return monthRange(input.from, input.to).map((month): HeadcountMonth => {
    const rosterIn = new Map<string, RosterLine[]>();
    for (const [personId, lines] of rosterByPerson) {
      const covering = lines.filter((l) => employedIn(l, month));
      if (covering.length > 0) rosterIn.set(personId, covering);
    }
    const paidIn = new Map<string, PayrollLine[]>();
    for (const [personId, lines] of payroll.get(month) ?? []) {
      if (lines.reduce((s, l) => s + l.grossFen, 0) > 0) paidIn.set(personId, lines);
    }
    const declaredIn = declared.get(month) ?? new Map<string, DeclarationLine[]>();

    const person = (personId: string, ...groups: (readonly { name: string; source: SourceRef }[] | undefined)[]): HeadcountPerson => {
      const lines = groups.flatMap((g) => g ?? []);
      return { personId, name: lines.find((l) => l.name.trim() !== '')?.name ?? '', sources: lines.map((l) => l.source) };
    };
    const rosterNotPaid: HeadcountPerson[] = [];
    const rosterNotDeclared: HeadcountPerson[] = [];
    const rosterOnly: HeadcountPerson[] = [];
    for (const [personId, lines] of rosterIn) {
      const paid = paidIn.get(personId);
      const decl = declaredIn.get(personId);
      if (!paid) rosterNotPaid.push(person(personId, lines, decl));
      if (!decl) rosterNotDeclared.push(person(personId, lines, paid));
      if (!paid && !decl) rosterOnly.push(person(personId, lines));
    }
    const paidNotOnRoster: HeadcountPerson[] = [];
    for (const [personId, lines] of paidIn) if (!rosterIn.has(personId)) paidNotOnRoster.push(person(personId, lines, declaredIn.get(personId)));
    const paidNotDeclared: HeadcountPerson[] = [];
    for (const [personId, lines] of paidIn) if (!declaredIn.has(personId)) paidNotDeclared.push(person(personId, lines));
    const declaredNotPaid: HeadcountPerson[] = [];
    for (const [personId, lines] of declaredIn) if (!paidIn.has(personId)) declaredNotPaid.push(person(personId, lines, payroll.get(month)?.get(personId)));
    let flagged = false;
    let paying = 0;
    for (const lines of declaredIn.values()) {
      if (lines.some((l) => l.paid !== undefined)) flagged = true;
      if (lines.some((l) => l.paid === true)) paying++;
    }

    return {
      month,
      rosterCount: rosterIn.size,
      payrollCount: paidIn.size,
      declaredCount: declaredIn.size,
      payingCount: flagged ? paying : null,
      paidNotDeclared: paidNotDeclared.sort(byPersonId),
      declaredNotPaid: declaredNotPaid.sort(byPersonId),
      rosterNotPaid: rosterNotPaid.sort(byPersonId),
      paidNotOnRoster: paidNotOnRoster.sort(byPersonId),
      rosterNotDeclared: rosterNotDeclared.sort(byPersonId),
      rosterOnly: rosterOnly.sort(byPersonId),
    };
  });
}
