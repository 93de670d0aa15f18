// Users, the auditor's judgments and the section head's sign-off (issue 4): accounts with scrypt
// password hashes, exemptions per case (revoked, never deleted), judgments per finding, approvals
// with the hash of what was approved, and ledger totals for the payroll completeness check.
// Judgments and approvals are facts: triggers make them append-only, and every table under a
// case is read-only once the case is archived, like the tables of 001.
import type { Migration } from './types';

const ARCHIVED = '已归档的稽核案件不能修改';
const isMonth = (col: string) => `(${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(${col}, 6, 2) BETWEEN '01' AND '12')`;

// Copied from 001 on purpose: a shipped migration must not change when a helper does.
function archivedGuards(table: string): string {
  const archived = (row: 'NEW' | 'OLD') => `(SELECT state FROM cases WHERE id = ${row}.case_id) = 'archived'`;
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

function appendOnly(table: string, what: string): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what}不能修改，请另行记录新的意见'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what}不能删除'); END;
  `;
}

export const migration002: Migration = {
  version: 2,
  name: '002_users_judgments',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 2 AND 32),
        display_name TEXT NOT NULL CHECK (length(display_name) > 0),
        role TEXT NOT NULL CHECK (role IN ('auditor', 'section-head', 'archivist', 'admin')),
        -- "scrypt$N$r$p$<hex>": the parameters travel with the hash, so they can be raised later.
        password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
        password_salt TEXT NOT NULL CHECK (length(password_salt) >= 32),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      -- The audit trail names users: an account is deactivated, never removed.
      CREATE TRIGGER users_no_delete BEFORE DELETE ON users
        BEGIN SELECT RAISE(ABORT, '用户不能删除，请停用该用户'); END;

      CREATE TABLE exemptions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        person_id TEXT NOT NULL CHECK (length(person_id) > 0),
        -- JSON array of "YYYY-MM", or NULL for every month of the audit period.
        months TEXT CHECK (months IS NULL OR (json_valid(months) AND json_type(months) = 'array' AND json_array_length(months) > 0)),
        reason TEXT NOT NULL CHECK (reason IN ('retiree-rehired', 'student-intern', 'insured-elsewhere', 'other')),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        CHECK (reason <> 'other' OR length(trim(coalesce(note, ''))) > 0),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      );
      CREATE INDEX exemptions_case ON exemptions(case_id, id);
      CREATE TRIGGER exemptions_no_delete BEFORE DELETE ON exemptions
        BEGIN SELECT RAISE(ABORT, '豁免记录不能删除，请撤销该豁免'); END;
      -- The only change an exemption ever sees is its revocation, once.
      CREATE TRIGGER exemptions_only_revoke BEFORE UPDATE ON exemptions
        WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
          OR NEW.case_id IS NOT OLD.case_id OR NEW.person_id IS NOT OLD.person_id OR NEW.months IS NOT OLD.months
          OR NEW.reason IS NOT OLD.reason OR NEW.note IS NOT OLD.note
          OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        BEGIN SELECT RAISE(ABORT, '豁免记录不能修改，只能撤销一次'); END;
      ${archivedGuards('exemptions')}

      CREATE TABLE finding_judgments (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        finding_key TEXT NOT NULL CHECK (length(finding_key) > 0),
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'exempted')),
        note TEXT,
        exemption_id INTEGER REFERENCES exemptions(id),
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        CHECK (decision = 'accepted' OR exemption_id IS NOT NULL)
      );
      CREATE INDEX finding_judgments_case ON finding_judgments(case_id, finding_key, id);
      ${appendOnly('finding_judgments', '认定意见')}
      ${archivedGuards('finding_judgments')}

      CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('findings')),
        as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        -- SHA-256 of the canonical computed result and every judgment at approval time.
        review_sha256 TEXT NOT NULL CHECK (length(review_sha256) = 64),
        preparer TEXT NOT NULL,
        note TEXT,
        approved_at TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        CHECK (approved_by <> preparer)
      );
      CREATE INDEX approvals_case ON approvals(case_id, kind, id);
      ${appendOnly('approvals', '审核记录')}
      ${archivedGuards('approvals')}

      CREATE TABLE ledger_totals (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        month TEXT NOT NULL CHECK (${isMonth('month')}),
        -- 应付职工薪酬 of the month in fen; NULL records that the auditor cleared the month.
        amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
        note TEXT,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL
      );
      CREATE INDEX ledger_totals_case ON ledger_totals(case_id, month, id);
      ${appendOnly('ledger_totals', '账簿工资总额记录')}
      ${archivedGuards('ledger_totals')}
    `);
  },
};
