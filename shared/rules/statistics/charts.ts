// The series behind the statistics page's charts (DOMAIN.md §11): per month from January
// (checks archived, amounts ordered and recovered), per region and per source (cumulative
// checks), and rectifications completed vs overdue. Same facts and windows as the tables.
import type { StatsCase, StatsFacts, StatsSource } from './facts';
import { inWindow, monthsToDate, statsWindows } from './period';
import { regionLabel, sortRegions } from './table';
import type { Month } from '../month';

export interface MonthPoint {
  month: Month;
  employerChecks: number;
  institutionChecks: number;
  orderedFen: number;
  recoveredFen: number;
  caseIds: number[];
}

export interface RegionPoint {
  region: string;
  employerChecks: number;
  institutionChecks: number;
  caseIds: number[];
}

export interface SourcePoint {
  source: StatsSource;
  checks: number;
  caseIds: number[];
}

export interface StatsCharts {
  perMonth: MonthPoint[];
  perRegion: RegionPoint[];
  perSource: SourcePoint[];
  rectification: { completed: number; overdue: number; completedCaseIds: number[]; overdueCaseIds: number[] };
}

function recoveredIn(c: StatsCase, from: string, to: string): number {
  const w = { scope: 'month' as const, from, to };
  const paid = c.payments.filter((p) => inWindow(p.paidOn, w)).reduce((s, p) => s + p.amountFen, 0);
  const recovered = c.handling.measures.filter((m) => m.kind === 'recover' && inWindow(m.on, w)).reduce((s, m) => s + (m.amountFen ?? 0), 0);
  return paid + recovered;
}

export function statsCharts(facts: StatsFacts, month: Month): StatsCharts {
  const cumulative = statsWindows(month).cumulative;
  const perMonth = monthsToDate(month).map((m) => {
    const w = statsWindows(m).month;
    const archived = facts.cases.filter((c) => inWindow(c.archivedOn, w));
    const ordered = facts.cases.filter((c) => inWindow(c.concludedOn, w));
    const recovered = facts.cases.filter((c) => recoveredIn(c, w.from, w.to) > 0);
    return {
      month: m,
      employerChecks: archived.filter((c) => c.kind === 'employer-audit').length,
      institutionChecks: archived.filter((c) => c.kind === 'institution-check').length,
      orderedFen: ordered.reduce((s, c) => s + c.orderedBackPayFen + c.orderedLateFeeFen, 0),
      recoveredFen: recovered.reduce((s, c) => s + recoveredIn(c, w.from, w.to), 0),
      caseIds: [...new Set([...archived, ...ordered, ...recovered].map((c) => c.id))].sort((a, b) => a - b),
    };
  });
  const checked = facts.cases.filter((c) => inWindow(c.archivedOn, cumulative));
  const perRegion = sortRegions(checked.map((c) => c.region)).map((r) => {
    const here = checked.filter((c) => c.region.trim() === r);
    return {
      region: regionLabel(r),
      employerChecks: here.filter((c) => c.kind === 'employer-audit').length,
      institutionChecks: here.filter((c) => c.kind === 'institution-check').length,
      caseIds: here.map((c) => c.id),
    };
  });
  const perSource = (['plan', 'random', 'tip-off', 'lead'] as const).map((source) => {
    const here = checked.filter((c) => c.source === source);
    return { source, checks: here.length, caseIds: here.map((c) => c.id) };
  });
  const employerCases = facts.cases.filter((c) => c.kind === 'employer-audit');
  const completed = checked.filter((c) => c.kind === 'employer-audit' && (c.rectificationDue !== null || c.orderedBackPayFen + c.orderedLateFeeFen > 0));
  const overdue = employerCases.filter(
    (c) => c.rectificationDue !== null && c.rectificationDue < cumulative.to && !(c.archivedOn !== null && c.archivedOn <= cumulative.to),
  );
  return {
    perMonth,
    perRegion,
    perSource,
    rectification: { completed: completed.length, overdue: overdue.length, completedCaseIds: completed.map((c) => c.id), overdueCaseIds: overdue.map((c) => c.id) },
  };
}
