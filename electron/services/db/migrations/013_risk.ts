// Migration 013: risk screening of employers (DOMAIN.md §10.2, issue 11).
// - industry_wages: the editable table of average monthly wages per year, industry and region
//   (region '' = the whole area), with its source; one row per (year, industry, region).
// - risk_params: the weights and thresholds, versioned (a change is a new version; append-only).
// - risk_overrides: the section head's override of an employer's tier for a year, with its
//   reason (append-only; the latest row counts, a null tier returns to the computed one).
import type { Migration } from './types';

const APPEND_ONLY = (table: string, what: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}不能修改'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}不能删除'); END;`;

export const migration013: Migration = {
  version: 13,
  name: '013_risk',
  up(db) {
    db.exec(`
      CREATE TABLE industry_wages (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        industry TEXT NOT NULL CHECK (length(trim(industry)) > 0),
        region TEXT NOT NULL DEFAULT '',
        average_monthly_fen INTEGER NOT NULL CHECK (average_monthly_fen > 0),
        source TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (year, industry, region)
      );

      CREATE TABLE risk_params (
        version INTEGER PRIMARY KEY CHECK (version > 0),
        params_json TEXT NOT NULL CHECK (json_valid(params_json)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      ${APPEND_ONLY('risk_params', '风险指标参数的历史版本')}

      CREATE TABLE risk_overrides (
        id INTEGER PRIMARY KEY,
        employer_id INTEGER NOT NULL REFERENCES employers(id),
        year INTEGER NOT NULL,
        computed_tier TEXT NOT NULL CHECK (computed_tier IN ('high', 'medium', 'low')),
        tier TEXT CHECK (tier IS NULL OR tier IN ('high', 'medium', 'low')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE INDEX risk_overrides_employer ON risk_overrides(employer_id, year, id);
      ${APPEND_ONLY('risk_overrides', '风险等级调整记录')}
    `);
  },
};
