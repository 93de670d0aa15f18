// The findings of a ComputeResult gathered per person, as the findings documents list them:
// persons not enrolled (未参保/漏报), persons with under-declared bases, persons insured but not
// on the payroll (在保不在册) and exempted persons — each with the months and the source rows.
// Amounts are the result's rounded row amounts added up; nothing is recomputed from rates.
import type { SourceRef } from '../domain/lines';
import { EXEMPTION_REASON_NAMES } from '../domain/lines';
import type { BackPayRow, ComputeResult, InsuranceLine, PersonMonthRef } from '../domain/result';
import { sumFen, type Fen } from '../rules/money';
import type { Month } from '../rules/month';

export interface PersonFinding {
  personId: string;
  name: string;
  months: Month[];
  /** Every source row: payroll and declaration rows of back-pay rows, declaration rows of declared-only persons. */
  sources: SourceRef[];
  /** The rows the finding rests on as printed: payroll rows for pay, declaration rows for declared-only persons. */
  evidence: SourceRef[];
  /** Sums of the person's rows (zero for declared-only persons). */
  shortfallFen: Fen;
  backPayFen: Fen;
  lateFeeFen: Fen;
  /** For exempted persons: 实习学生（在校生实习协议）. */
  note?: string;
  /** The months whose figures were estimated (核定, DOMAIN.md §13), printed with the mark. */
  estimatedMonths?: Month[];
}

export interface FindingsDigest {
  notEnrolled: PersonFinding[];
  underDeclared: PersonFinding[];
  declaredOnly: PersonFinding[];
  exempted: PersonFinding[];
  /** Person-months with back-pay. */
  rowCount: number;
  notEnrolledPersonMonths: number;
  underDeclaredPersonMonths: number;
  declaredOnlyPersonMonths: number;
  /** True when nothing was found that the employer must correct. */
  clean: boolean;
}

/** The insurance line a row's base columns show: the one with the largest shortfall (pension as a rule). */
export function leadingInsurance(row: BackPayRow): InsuranceLine | undefined {
  let best: InsuranceLine | undefined;
  for (const l of row.insurances) if (!best || l.shortfallFen > best.shortfallFen) best = l;
  return best;
}

/** True when the insurances of a row were declared on different bases (the schedule marks it). */
export function basesDiffer(row: BackPayRow): boolean {
  const due = new Set(row.insurances.map((l) => l.dueBaseFen));
  const declared = new Set(row.insurances.map((l) => l.declaredBaseFen));
  return due.size > 1 || declared.size > 1;
}

function groupRows(rows: readonly BackPayRow[], note?: (r: BackPayRow) => string | undefined): PersonFinding[] {
  const map = new Map<string, { rows: BackPayRow[] }>();
  for (const r of rows) {
    let g = map.get(r.personId);
    if (!g) map.set(r.personId, (g = { rows: [] }));
    g.rows.push(r);
  }
  return [...map.entries()].map(([personId, g]) => {
    const first = g.rows[0] as BackPayRow;
    const n = note?.(first);
    const estimated = g.rows.filter((r) => r.estimated).map((r) => r.month);
    return {
      personId,
      name: first.name,
      months: g.rows.map((r) => r.month),
      sources: g.rows.flatMap((r) => [...r.payrollSources, ...r.declarationSources]),
      evidence: g.rows.flatMap((r) => r.payrollSources),
      shortfallFen: sumFen(g.rows.map((r) => leadingInsurance(r)?.shortfallFen ?? 0)),
      backPayFen: sumFen(g.rows.map((r) => r.totalFen)),
      lateFeeFen: sumFen(g.rows.map((r) => r.lateFeeFen)),
      ...(n ? { note: n } : {}),
      ...(estimated.length > 0 ? { estimatedMonths: estimated } : {}),
    };
  });
}

function groupRefs(refs: readonly PersonMonthRef[]): PersonFinding[] {
  const map = new Map<string, PersonFinding>();
  for (const r of refs) {
    let g = map.get(r.personId);
    if (!g) map.set(r.personId, (g = { personId: r.personId, name: r.name, months: [], sources: [], evidence: [], shortfallFen: 0, backPayFen: 0, lateFeeFen: 0 }));
    g.months.push(r.month);
    g.sources.push(...r.sources);
    g.evidence.push(...r.sources);
  }
  return [...map.values()];
}

const byPerson = (a: PersonFinding, b: PersonFinding) => a.personId.localeCompare(b.personId);

export function digestFindings(r: ComputeResult): FindingsDigest {
  const notEnrolledRows = r.rows.filter((x) => x.payrollOnly);
  const underRows = r.rows.filter((x) => !x.payrollOnly);
  const exemptNote = (x: BackPayRow) =>
    // Only the reason's name: the auditor's note is internal and the documents are addressed to the employer.
    x.exemption ? EXEMPTION_REASON_NAMES[x.exemption.reason] : undefined;
  const declaredOnly = groupRefs(r.declaredOnly).sort(byPerson);
  const notEnrolled = groupRows(notEnrolledRows).sort(byPerson);
  const underDeclared = groupRows(underRows).sort(byPerson);
  return {
    notEnrolled,
    underDeclared,
    declaredOnly,
    exempted: groupRows(r.exempted, exemptNote).sort(byPerson),
    rowCount: r.rows.length,
    notEnrolledPersonMonths: notEnrolledRows.length,
    underDeclaredPersonMonths: underRows.length,
    declaredOnlyPersonMonths: r.declaredOnly.length,
    clean: r.rows.length === 0 && r.declaredOnly.length === 0 && r.discrepancies.length === 0,
  };
}

/** Checks that the rows add up to the result's totals, so a document's table and its totals agree to the fen. */
export function assertRowsMatchTotals(r: ComputeResult): void {
  const sums = {
    employerFen: sumFen(r.rows.map((x) => x.employerFen)),
    employeeFen: sumFen(r.rows.map((x) => x.employeeFen)),
    backPayFen: sumFen(r.rows.map((x) => x.totalFen)),
    lateFeeFen: sumFen(r.rows.map((x) => x.lateFeeFen)),
  };
  for (const k of Object.keys(sums) as (keyof typeof sums)[]) {
    if (sums[k] !== r.totals[k]) throw new Error(`计算结果不一致：明细行合计与总额不符（${k}），请重新计算后再生成文书`);
  }
}
