// The statistics area's work behind the API and the CLI (DOMAIN.md §11): the report for a month
// (gathered facts → shared/rules/statistics), its XLSX and PDF, and the record of a month's
// report having been sent (a setting, with an entry in the workstation's trail), which ends the
// dashboard's reminder (due by the 3rd of the next month, seed 004 二（五）).
import type { StatsReportDto, StatsSent } from '../../../shared/api/dto/statistics';
import { buildStatisticsDoc, type ReportSignatures } from '../../../shared/documents/statisticsReport';
import { monthlyStatistics, type StatsReport } from '../../../shared/rules/statistics/report';
import { addMonths, makeDate, monthParts } from '../../../shared/rules/month';
import { appendAudit } from '../audit/auditLog';
import type { Db } from '../db/open';
import type { WriteMeta } from '../db/repos/meta';
import { getSetting, setSetting } from '../db/repos/settings';
import { renderPdf } from '../documents/pdf';
import { storedAgencyProfile } from '../backend/computeCase';
import { gatherStatsFacts } from './gatherFacts';
import { statisticsXlsx } from './statisticsXlsx';

export const STATS_SENT_KEY = 'statistics.sent';
export const NO_SIGNATURES: ReportSignatures = { head: '', checker: '', preparer: '', phone: '' };

export function statsUnit(db: Db): string {
  return storedAgencyProfile(db)?.name ?? '';
}

export function statisticsReport(db: Db, month: string): StatsReport {
  return monthlyStatistics(gatherStatsFacts(db, statsUnit(db)), month);
}

function sentMonths(db: Db): Record<string, StatsSent> {
  return getSetting<Record<string, StatsSent>>(db, STATS_SENT_KEY) ?? {};
}

export function statisticsReportDto(db: Db, month: string): StatsReportDto {
  const facts = gatherStatsFacts(db, statsUnit(db));
  const report = monthlyStatistics(facts, month);
  const tipOffs = db.prepare('SELECT id, received_on, answered_on, case_id FROM tip_offs ORDER BY id').all() as { id: number; received_on: string; answered_on: string | null; case_id: number | null }[];
  return {
    ...report,
    cases: facts.cases.map((c) => ({ id: c.id, number: c.number, kind: c.kind, source: c.source, targetName: c.targetName, region: c.region, concludedOn: c.concludedOn, archivedOn: c.archivedOn })),
    tipOffs: tipOffs.map((t) => ({ id: t.id, receivedOn: t.received_on, answeredOn: t.answered_on, caseId: t.case_id })),
    sent: sentMonths(db)[month] ?? null,
  };
}

export function statisticsFileName(month: string, format: 'xlsx' | 'pdf'): string {
  return `医保基金监督检查情况统计表-${month}.${format}`;
}

export async function exportStatistics(report: StatsReport, format: 'xlsx' | 'pdf', signatures: ReportSignatures, filledOn: string): Promise<Uint8Array> {
  if (format === 'xlsx') return statisticsXlsx(report, signatures, filledOn);
  return new Uint8Array((await renderPdf(buildStatisticsDoc(report, signatures, filledOn), { draft: false })).bytes);
}

export function markStatisticsSent(db: Db, month: string, meta: WriteMeta): StatsSent {
  const sent: StatsSent = { month, at: meta.at, by: meta.actor };
  db.transaction(() => {
    setSetting(db, STATS_SENT_KEY, { ...sentMonths(db), [month]: sent }, meta);
    appendAudit(db, { at: meta.at, actor: meta.actor, caseId: null, action: 'statistics.sent', detail: { month } });
  })();
  return sent;
}

/** From the 1st of a month until last month's report is marked sent; overdue after the 3rd. */
export function statisticsReminder(db: Db, today: string): { month: string; due: string; overdue: boolean } | null {
  const month = addMonths(today.slice(0, 7), -1);
  if (sentMonths(db)[month]) return null;
  const { year, month: m } = monthParts(today.slice(0, 7));
  const due = makeDate(year, m, 3);
  return { month, due, overdue: today > due };
}
