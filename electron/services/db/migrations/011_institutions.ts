// Migration 011. Designated medical institutions (INSTITUTIONS.md §2, §6):
// - institutions: the directory of hospitals and pharmacies (annex fields, agreement, status,
//   credit rating). Self-contained, credit_code unique, so the double-random draw can use it.
// - cases get a kind ('employer-audit' | 'institution-check') and a target institution. An
//   institution check has no employer and no rate plan, so cases is rebuilt with those columns
//   nullable and CHECKs tying each kind to its target; ids, rows and the triggers on cases are
//   kept exactly (their stored SQL is replayed). New kinds are new CHECK values and data.
// - screening_runs / screening_hits: each run of the rules with the parameters (and version) it
//   used and the files it read; screening_judgments: 认定 / 排除 (reason) / 待核实 per hit,
//   append-only (the latest per hit counts), read-only once the case is archived.
import type { Migration } from './types';

const ARCHIVED = '已归档的稽核案件不能修改';
const isDate = (col: string) => `(${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
const isMonth = (col: string) => `(${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(${col}, 6, 2) BETWEEN '01' AND '12')`;
const CASE_STATES = "'planned','notified','onsite','summarised','concluded','rectifying','archived','closed-no-finding'";

function archivedGuards(table: string, caseOf: (row: 'NEW' | 'OLD') => string): string {
  const archived = (row: 'NEW' | 'OLD') => `(SELECT state FROM cases WHERE id = ${caseOf(row)}) = 'archived'`;
  return `
    CREATE TRIGGER ${table}_archived_insert BEFORE INSERT ON ${table}
      WHEN ${archived('NEW')}
      BEGIN SELECT RAISE(ABORT, '${ARCHIVED}'); END;
    CREATE TRIGGER ${table}_archived_update BEFORE UPDATE ON ${table}
      WHEN ${archived('OLD')} OR ${archived('NEW')}
      BEGIN SELECT RAISE(ABORT, '${ARCHIVED}'); END;
    CREATE TRIGGER ${table}_archived_delete BEFORE DELETE ON ${table}
      WHEN ${archived('OLD')}
      BEGIN SELECT RAISE(ABORT, '${ARCHIVED}'); END;
  `;
}

export const migration011: Migration = {
  version: 11,
  name: '011_institutions',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE institutions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('hospital', 'pharmacy')),
        region TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL CHECK (length(name) > 0),
        credit_code TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),
        insurance_code TEXT NOT NULL DEFAULT '',
        ownership TEXT CHECK (ownership IS NULL OR ownership IN ('公立', '民营')),
        hospital_type TEXT CHECK (hospital_type IS NULL OR hospital_type IN ('综合', '专科')),
        grade TEXT,
        founded_on TEXT CHECK (${isDate('founded_on')}),
        address TEXT NOT NULL DEFAULT '',
        business_licence TEXT,
        drug_licence TEXT,
        premises TEXT,
        legal_rep_name TEXT NOT NULL DEFAULT '',
        legal_rep_id TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        agreement_no TEXT NOT NULL DEFAULT '',
        agreement_from TEXT CHECK (${isDate('agreement_from')}),
        agreement_to TEXT CHECK (${isDate('agreement_to')}),
        agreement_status TEXT NOT NULL DEFAULT 'normal' CHECK (agreement_status IN ('normal', 'suspended', 'terminated')),
        suspended_until TEXT CHECK (${isDate('suspended_until')}),
        credit_rating TEXT CHECK (credit_rating IS NULL OR credit_rating IN ('A', 'B', 'C', 'D')),
        credit_rated_on TEXT CHECK (${isDate('credit_rated_on')}),
        credit_source TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        deactivated_reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        CHECK (agreement_status <> 'suspended' OR suspended_until IS NOT NULL),
        CHECK (agreement_to IS NULL OR agreement_from IS NULL OR agreement_to >= agreement_from),
        CHECK (active = 1 OR (deactivated_reason IS NOT NULL AND length(trim(deactivated_reason)) > 0))
      );
      CREATE INDEX institutions_name ON institutions(name);
    `);

    // Rebuild cases with a kind and a target; the triggers and indexes on cases are replayed.
    const dependents = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'cases' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid")
      .all() as { sql: string }[];
    db.pragma('legacy_alter_table = ON');
    try {
      db.exec(`
        CREATE TABLE cases_new (
          id INTEGER PRIMARY KEY,
          year INTEGER NOT NULL,
          seq INTEGER NOT NULL CHECK (seq > 0),
          number TEXT NOT NULL UNIQUE,
          employer_id INTEGER REFERENCES employers(id),
          period_from TEXT NOT NULL CHECK (${isMonth('period_from')}),
          period_to TEXT NOT NULL CHECK (${isMonth('period_to')}),
          rate_plan_id INTEGER REFERENCES rate_plans(id),
          source TEXT NOT NULL CHECK (source IN ('plan', 'random', 'tip-off', 'lead')),
          state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN (${CASE_STATES})),
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          kind TEXT NOT NULL DEFAULT 'employer-audit' CHECK (kind IN ('employer-audit', 'institution-check')),
          institution_id INTEGER REFERENCES institutions(id),
          -- the case's cut-off date (migration 008_case_figures), carried through the rebuild
          as_of TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          UNIQUE (year, seq),
          CHECK (period_to >= period_from),
          CHECK (kind <> 'employer-audit' OR (employer_id IS NOT NULL AND rate_plan_id IS NOT NULL AND institution_id IS NULL)),
          CHECK (kind <> 'institution-check' OR (institution_id IS NOT NULL AND employer_id IS NULL))
        );
        INSERT INTO cases_new (id, year, seq, number, employer_id, period_from, period_to, rate_plan_id, source, state, created_at, created_by, as_of)
          SELECT id, year, seq, number, employer_id, period_from, period_to, rate_plan_id, source, state, created_at, created_by, as_of FROM cases;
        DROP TABLE cases;
        ALTER TABLE cases_new RENAME TO cases;
      `);
      for (const d of dependents) db.exec(d.sql);
      db.exec('CREATE INDEX IF NOT EXISTS cases_institution ON cases(institution_id)');
    } finally {
      db.pragma('legacy_alter_table = OFF');
    }

    db.exec(`
      CREATE TABLE screening_runs (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        params_json TEXT NOT NULL,
        params_version INTEGER NOT NULL CHECK (params_version >= 1),
        -- [{ role: 'claims' | 'catalog', fileName, sha256, rows }]
        files_json TEXT NOT NULL,
        rows_screened INTEGER NOT NULL CHECK (rows_screened >= 0),
        refund_rows INTEGER NOT NULL CHECK (refund_rows >= 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE INDEX screening_runs_case ON screening_runs(case_id, id);
      ${archivedGuards('screening_runs', (row) => `${row}.case_id`)}

      CREATE TABLE screening_hits (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES screening_runs(id),
        hit_key TEXT NOT NULL CHECK (length(hit_key) > 0),
        rule TEXT NOT NULL CHECK (rule GLOB 'R[0-9][0-9]'),
        rows_json TEXT NOT NULL,
        person_id TEXT NOT NULL,
        person_name TEXT NOT NULL DEFAULT '',
        amount_fen INTEGER,
        fund_loss_fen INTEGER,
        derivation_json TEXT NOT NULL,
        UNIQUE (run_id, hit_key),
        CHECK ((amount_fen IS NULL) = (fund_loss_fen IS NULL))
      );
      ${archivedGuards('screening_hits', (row) => `(SELECT case_id FROM screening_runs WHERE id = ${row}.run_id)`)}

      CREATE TABLE screening_judgments (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        hit_key TEXT NOT NULL CHECK (length(hit_key) > 0),
        verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'excluded', 'pending')),
        reason TEXT,
        judged_at TEXT NOT NULL,
        judged_by TEXT NOT NULL,
        CHECK (verdict <> 'excluded' OR (reason IS NOT NULL AND length(trim(reason)) > 0))
      );
      CREATE INDEX screening_judgments_case ON screening_judgments(case_id, hit_key, id);
      CREATE TRIGGER screening_judgments_no_update BEFORE UPDATE ON screening_judgments
        BEGIN SELECT RAISE(ABORT, '疑点认定记录只能追加，不能修改'); END;
      CREATE TRIGGER screening_judgments_no_delete BEFORE DELETE ON screening_judgments
        BEGIN SELECT RAISE(ABORT, '疑点认定记录只能追加，不能删除'); END;
      ${archivedGuards('screening_judgments', (row) => `${row}.case_id`)}
    `);
  },
};
