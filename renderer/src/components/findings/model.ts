// The working papers' rows, assembled from the API's result without any arithmetic on money:
// one entry per finding with its key (shared/domain/findingPapers.ts), the latest judgment and
// the exemption in force. Grouping only; every amount is a string the backend computed.
import type { ComputeResultDto, ExemptionRecord, FindingJudgment, ResultRow } from '../../../../shared/api/dto';
import { discrepancyKey } from '../../../../shared/domain/findingPapers';
import { findingKey } from '../../../../shared/domain/findings';

type Ref = ResultRow['payrollSources'][number];

export interface PaperFinding {
  key: string;
  personId: string;
  name: string;
  month: string;
  /** The back-pay row when the finding carries amounts (exempted rows too). */
  row: ResultRow | null;
  sources: Ref[];
  /** May be exempted (carries back-pay). */
  exemptible: boolean;
  /** May be judged at all (findings.judge); discrepancies are listed with their derivation only. */
  judgeable: boolean;
}

export interface Papers {
  payrollOnly: PaperFinding[];
  underDeclared: PaperFinding[];
  declaredOnly: PaperFinding[];
  overDeclared: (PaperFinding & { items: ComputeResultDto['overDeclared'] })[];
  discrepancies: (PaperFinding & { d: ComputeResultDto['discrepancies'][number] })[];
}

const pm = (x: { personId: string; month: string }) => `${x.personId}|${x.month}`;

export function buildPapers(r: ComputeResultDto): Papers {
  const allRows = [...r.rows, ...r.exempted];
  const rowOf = new Map(allRows.map((row) => [`${pm(row)}|${row.payrollOnly}`, row]));
  const payrollOnly = r.payrollOnly.map((p) => {
    const row = rowOf.get(`${pm(p)}|true`) ?? null;
    return { key: findingKey({ kind: 'payroll-only', personId: p.personId, month: p.month }), personId: p.personId, name: p.name, month: p.month, row, sources: p.sources, exemptible: true, judgeable: true };
  });
  const underDeclared = allRows
    .filter((row) => !row.payrollOnly)
    .sort((a, b) => (a.month === b.month ? a.personId.localeCompare(b.personId) : a.month.localeCompare(b.month)))
    .map((row) => ({
      key: findingKey({ kind: 'under-declared', personId: row.personId, month: row.month }),
      personId: row.personId,
      name: row.name,
      month: row.month,
      row,
      sources: [...row.payrollSources, ...row.declarationSources],
      exemptible: true,
      judgeable: true,
    }));
  const declaredOnly = r.declaredOnly.map((p) => ({
    key: findingKey({ kind: 'declared-only', personId: p.personId, month: p.month }),
    personId: p.personId,
    name: p.name,
    month: p.month,
    row: null,
    sources: p.sources,
    exemptible: false,
    judgeable: true,
  }));
  const overGroups = new Map<string, ComputeResultDto['overDeclared']>();
  for (const o of r.overDeclared) overGroups.set(pm(o), [...(overGroups.get(pm(o)) ?? []), o]);
  const overDeclared = [...overGroups.values()].map((items) => {
    const o = items[0]!;
    return {
      key: findingKey({ kind: 'over-declared', personId: o.personId, month: o.month }),
      personId: o.personId,
      name: o.name,
      month: o.month,
      row: null,
      sources: items.flatMap((i) => i.sources),
      exemptible: false,
      judgeable: true,
      items,
    };
  });
  const discrepancies = r.discrepancies.map((d) => ({
    key: discrepancyKey(d),
    personId: d.personId,
    name: d.name,
    month: d.month,
    row: null,
    sources: [d.source],
    exemptible: false,
    judgeable: false,
    d,
  }));
  return { payrollOnly, underDeclared, declaredOnly, overDeclared, discrepancies };
}

/** Judgments of one finding, oldest first. */
export function judgmentsOf(all: readonly FindingJudgment[], key: string): FindingJudgment[] {
  return all.filter((j) => j.key === key);
}

/** The exemption in force that covers the person-month, if any. */
export function exemptionInForce(records: readonly ExemptionRecord[], personId: string, month: string): ExemptionRecord | null {
  return records.find((e) => e.revokedAt === null && e.personId === personId && (e.months === null || e.months.includes(month))) ?? null;
}

/** Judgeable findings still 待认定 (as JudgmentStatus shows them): no exemption in force and not 已认定. */
export function pendingCount(papers: Papers, judgments: readonly FindingJudgment[], exemptions: readonly ExemptionRecord[]): number {
  const latest = new Map<string, FindingJudgment>();
  for (const j of judgments) latest.set(j.key, j);
  const all: PaperFinding[] = [...papers.payrollOnly, ...papers.underDeclared, ...papers.declaredOnly, ...papers.overDeclared];
  return all.filter((f) => f.judgeable && !(f.exemptible && exemptionInForce(exemptions, f.personId, f.month)) && latest.get(f.key)?.decision !== 'accepted').length;
}
