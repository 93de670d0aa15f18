// Gathers what the workstation holds about an employer for risk screening (DOMAIN.md §10.2):
// declaration lines of its cases (one row per person and month, with the floor of the case's rate
// plan), the industry's average wage for its region from the editable table, tip-offs of the last
// 12 months, back-pay in approved results of earlier cases, and the year of its latest audit.
// The indicators themselves are shared/rules/riskScreening.ts.
import type { Employer } from '../../../shared/api/dto';
import type { RatePlan } from '../../../shared/domain/ratePlan';
import { fenFromYuanNumber } from '../../../shared/rules/money';
import { addDays, type Month } from '../../../shared/rules/month';
import { parseRatePlanText, planPeriodFor } from '../../../shared/rules/ratePlan';
import { summariseDeclarations, type RiskFacts } from '../../../shared/rules/riskScreening';
import type { Db } from '../db/open';
import { getRatePlanJson } from '../db/repos/ratePlans';

interface DeclRow {
  person_id: string;
  month: Month;
  base_fen: number;
  rate_plan_id: number | null;
}

/** The lowest base floor (fen) of the plan period covering each month, from the cases' plans. */
function floorLookup(db: Db, planIds: readonly number[]): (m: Month) => number | null {
  const plans: RatePlan[] = [];
  for (const id of planIds) {
    const json = getRatePlanJson(db, id);
    const parsed = json ? parseRatePlanText(json) : null;
    if (parsed?.ok) plans.push(parsed.plan);
  }
  const cache = new Map<Month, number | null>();
  return (m) => {
    if (!cache.has(m)) {
      let floor: number | null = null;
      for (const p of plans) {
        const period = planPeriodFor(p, m);
        if (period) {
          floor = Math.min(...period.insurances.map((i) => fenFromYuanNumber(i.floor)));
          break;
        }
      }
      cache.set(m, floor);
    }
    return cache.get(m)!;
  };
}

export function averageWageFor(db: Db, industry: string | undefined, region: string | undefined, upToYear: number): RiskFacts['averageWage'] {
  if (!industry) return null;
  const r = db
    .prepare(
      `SELECT year, average_monthly_fen, source FROM industry_wages
       WHERE industry = ? AND region IN (?, '') AND year <= ?
       ORDER BY year DESC, (region = ?) DESC LIMIT 1`,
    )
    .get(industry.trim(), region?.trim() ?? '', upToYear, region?.trim() ?? '') as { year: number; average_monthly_fen: number; source: string } | undefined;
  return r ? { fen: r.average_monthly_fen, year: r.year, source: r.source } : null;
}

/**
 * The facts for screening `employer` for `year` on `today` (YYYY-MM-DD). `excludeCaseId`: the case
 * whose pre-audit analysis is shown does not count as its own earlier audit.
 */
export function employerRiskFacts(db: Db, employer: Employer, year: number, today: string, excludeCaseId: number | null = null): RiskFacts {
  const rows = db
    .prepare(
      `SELECT d.person_id, d.month, MAX(d.base_fen) AS base_fen, MAX(c.rate_plan_id) AS rate_plan_id
       FROM declaration_lines d JOIN source_files f ON f.id = d.file_id JOIN cases c ON c.id = f.case_id
       WHERE c.employer_id = ? GROUP BY d.person_id, d.month`,
    )
    .all(employer.id) as DeclRow[];
  const planIds = [...new Set(rows.map((r) => r.rate_plan_id).filter((id): id is number => id !== null))];
  const declarations = summariseDeclarations(
    rows.map((r) => ({ personId: r.person_id, month: r.month, baseFen: r.base_fen })),
    floorLookup(db, planIds),
  );
  const wageYear = declarations ? Number(declarations.to.slice(0, 4)) : year - 1;
  const since = addDays(today, -365);
  const tipOffs = db
    .prepare("SELECT COUNT(*) AS n FROM tip_offs WHERE subject_kind = 'employer' AND subject_credit_code = ? AND received_on > ? AND received_on <= ?")
    .get(employer.creditCode, since, today) as { n: number };
  const backPay = db
    .prepare(
      `SELECT COALESCE(SUM(json_extract(s.result_json, '$.totals.backPayFen')), 0) AS fen
       FROM approval_snapshots s JOIN cases c ON c.id = s.case_id
       WHERE c.employer_id = ? AND c.id IS NOT ? AND s.id = (SELECT MAX(id) FROM approval_snapshots WHERE case_id = s.case_id)`,
    )
    .get(employer.id, excludeCaseId) as { fen: number };
  const last = db
    .prepare("SELECT MAX(year) AS y FROM cases WHERE employer_id = ? AND state <> 'planned' AND id IS NOT ?")
    .get(employer.id, excludeCaseId) as { y: number | null };
  return {
    year,
    declarations,
    averageWage: averageWageFor(db, employer.industry, employer.region, wageYear),
    tipOffs12m: tipOffs.n,
    backPayFen: backPay.fen,
    lastAuditYear: last.y,
  };
}
