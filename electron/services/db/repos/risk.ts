// Rows of risk screening (migration 016): the industry average-wage table, the versioned weights
// and thresholds, and the tier overrides. Plain SQL, no rules: electron/services/backend/risk.ts
// checks and logs every change.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { IndustryWage, RiskParamsVersion } from '../../../../shared/api/dto/risk';
import type { DrawTier } from '../../../../shared/rules/draw';
import { DEFAULT_RISK_PARAMS, RiskParamsSchema } from '../../../../shared/rules/riskScreening';
import type { WriteMeta } from './meta';

interface WageRow {
  id: number;
  year: number;
  industry: string;
  region: string;
  average_monthly_fen: number;
  source: string;
  updated_at: string;
  updated_by: string;
}

const toWage = (r: WageRow): IndustryWage => ({
  id: r.id,
  year: r.year,
  industry: r.industry,
  region: r.region,
  averageMonthlyFen: r.average_monthly_fen,
  source: r.source,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function listWages(db: Database.Database, year?: number): IndustryWage[] {
  const rows = (year === undefined
    ? db.prepare('SELECT * FROM industry_wages ORDER BY year DESC, industry, region').all()
    : db.prepare('SELECT * FROM industry_wages WHERE year = ? ORDER BY industry, region').all(year)) as WageRow[];
  return rows.map(toWage);
}

export function getWage(db: Database.Database, id: number): IndustryWage | null {
  const r = db.prepare('SELECT * FROM industry_wages WHERE id = ?').get(id) as WageRow | undefined;
  return r ? toWage(r) : null;
}

export function findWage(db: Database.Database, year: number, industry: string, region: string): IndustryWage | null {
  const r = db.prepare('SELECT * FROM industry_wages WHERE year = ? AND industry = ? AND region = ?').get(year, industry, region) as WageRow | undefined;
  return r ? toWage(r) : null;
}

export interface WageValues {
  year: number;
  industry: string;
  region: string;
  averageMonthlyFen: number;
  source: string;
}

export function insertWage(db: Database.Database, w: WageValues, meta: WriteMeta): IndustryWage {
  const info = db
    .prepare('INSERT INTO industry_wages (year, industry, region, average_monthly_fen, source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(w.year, w.industry, w.region, w.averageMonthlyFen, w.source, meta.at, meta.actor);
  return getWage(db, Number(info.lastInsertRowid))!;
}

export function updateWage(db: Database.Database, id: number, w: WageValues, meta: WriteMeta): IndustryWage {
  db.prepare('UPDATE industry_wages SET year = ?, industry = ?, region = ?, average_monthly_fen = ?, source = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    w.year,
    w.industry,
    w.region,
    w.averageMonthlyFen,
    w.source,
    meta.at,
    meta.actor,
    id,
  );
  return getWage(db, id)!;
}

export function deleteWage(db: Database.Database, id: number): void {
  db.prepare('DELETE FROM industry_wages WHERE id = ?').run(id);
}

/** The latest version of the weights and thresholds; version 0 = the built-in defaults. */
export function currentRiskParams(db: Database.Database): RiskParamsVersion {
  const r = db.prepare('SELECT * FROM risk_params ORDER BY version DESC LIMIT 1').get() as { version: number; params_json: string; created_at: string; created_by: string } | undefined;
  if (!r) return { version: 0, params: DEFAULT_RISK_PARAMS, createdAt: null, createdBy: null };
  return { version: r.version, params: RiskParamsSchema.parse(JSON.parse(r.params_json)), createdAt: r.created_at, createdBy: r.created_by };
}

export function insertRiskParams(db: Database.Database, params: unknown, meta: WriteMeta): RiskParamsVersion {
  const next = currentRiskParams(db).version + 1;
  db.prepare('INSERT INTO risk_params (version, params_json, created_at, created_by) VALUES (?, ?, ?, ?)').run(next, JSON.stringify(params), meta.at, meta.actor);
  return currentRiskParams(db);
}

export interface OverrideRow {
  tier: DrawTier | null;
  reason: string;
  created_at: string;
  created_by: string;
}

/** The latest override of each employer for a year (a null tier: back to the computed tier). */
export function latestOverrides(db: Database.Database, year: number): Map<number, OverrideRow> {
  const rows = db
    .prepare(
      `SELECT employer_id, tier, reason, created_at, created_by FROM risk_overrides o
       WHERE year = ? AND id = (SELECT MAX(id) FROM risk_overrides WHERE employer_id = o.employer_id AND year = o.year)`,
    )
    .all(year) as (OverrideRow & { employer_id: number })[];
  return new Map(rows.map((r) => [r.employer_id, r]));
}

export function insertOverride(db: Database.Database, o: { employerId: number; year: number; computedTier: DrawTier; tier: DrawTier | null; reason: string }, meta: WriteMeta): void {
  db.prepare('INSERT INTO risk_overrides (employer_id, year, computed_tier, tier, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    o.employerId,
    o.year,
    o.computedTier,
    o.tier,
    o.reason,
    meta.at,
    meta.actor,
  );
}
