// Rate plans (缴费政策) as loaded by the user or shipped as examples. The JSON text is kept as
// given, with its SHA-256, so a case can always show exactly which plan it was computed with.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { RatePlanSummary } from '../../../../shared/api/dto';
import type { RatePlan } from '../../../../shared/domain/ratePlan';
import type { WriteMeta } from './meta';

interface PlanRow {
  id: number;
  name: string;
  region: string;
  json: string;
  sha256: string;
  example: number;
  note: string | null;
  period_from: string;
  period_to: string;
  base_rule: string;
}

const SUMMARY_COLUMNS = 'id, name, region, sha256, example, note, period_from, period_to, base_rule';

function toSummary(r: Omit<PlanRow, 'json'>): RatePlanSummary {
  return {
    id: r.id,
    name: r.name,
    region: r.region,
    example: r.example === 1,
    note: r.note,
    from: r.period_from,
    to: r.period_to,
    baseRule: r.base_rule,
    sha256: r.sha256,
  };
}

/** "monthly" or "annual-1"/"annual-7": the base rule in one short word for lists. */
export function baseRuleLabel(plan: RatePlan): string {
  return plan.baseRule.kind === 'monthly' ? 'monthly' : `annual-${plan.baseRule.yearStartMonth}`;
}

export function listRatePlans(db: Database.Database): RatePlanSummary[] {
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM rate_plans ORDER BY example, period_from DESC, id`).all() as PlanRow[]).map(toSummary);
}

export function getRatePlanSummary(db: Database.Database, id: number): RatePlanSummary | null {
  const r = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM rate_plans WHERE id = ?`).get(id) as PlanRow | undefined;
  return r ? toSummary(r) : null;
}

export function findRatePlanBySha(db: Database.Database, sha256: string): RatePlanSummary | null {
  const r = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM rate_plans WHERE sha256 = ?`).get(sha256) as PlanRow | undefined;
  return r ? toSummary(r) : null;
}

/** The stored JSON text of a plan (parse it with the rules' parser before computing). */
export function getRatePlanJson(db: Database.Database, id: number): string | null {
  const r = db.prepare('SELECT json FROM rate_plans WHERE id = ?').get(id) as { json: string } | undefined;
  return r?.json ?? null;
}

export interface NewRatePlan {
  plan: RatePlan;
  /** The text as loaded, stored byte-for-byte. */
  json: string;
  sha256: string;
  example: boolean;
}

export function insertRatePlan(db: Database.Database, p: NewRatePlan, meta: WriteMeta): RatePlanSummary {
  const froms = p.plan.periods.map((x) => x.from).sort();
  const tos = p.plan.periods.map((x) => x.to).sort();
  const info = db
    .prepare(
      `INSERT INTO rate_plans (name, region, json, sha256, example, note, period_from, period_to, base_rule, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(p.plan.name, p.plan.region, p.json, p.sha256, p.example ? 1 : 0, p.plan.note ?? null, froms[0], tos[tos.length - 1], baseRuleLabel(p.plan), meta.at, meta.actor);
  return getRatePlanSummary(db, Number(info.lastInsertRowid))!;
}
