// The first schema: employers, rate plans, cases, imported files and their rows, documents with
// their number sequences, settings and the append-only audit log. Rules the database must keep
// even against hand-written SQL are triggers here: the audit log is append-only and chained, an
// archived case and everything under it is read-only, imported files and issued documents never
// change (DOMAIN.md §8, §9; ARCHITECTURE.md §5).
import type { Migration } from './types';

const CASE_STATES = "'planned','notified','onsite','summarised','concluded','rectifying','archived','closed-no-finding'";
const INSURANCE_CODES = "'pension','medical','maternity','unemployment','injury','supplementary-medical'";
/** A CHECK that `col` is a real month "YYYY-MM" (01…12). */
const isMonth = (col: string) => `(${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(${col}, 6, 2) BETWEEN '01' AND '12')`;

const ARCHIVED = '已归档的稽核案件不能修改';

/** Triggers refusing INSERT/UPDATE/DELETE on a child table whose case (found by `caseOf`) is archived. */
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

export const migration001: Migration = {
  version: 1,
  name: '001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE employers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        credit_code TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),
        insurance_unit_code TEXT,
        address TEXT,
        legal_representative TEXT,
        contact TEXT,
        phone TEXT,
        industry TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );

      CREATE TABLE rate_plans (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        region TEXT NOT NULL,
        json TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
        note TEXT,
        period_from TEXT NOT NULL CHECK (${isMonth('period_from')}),
        period_to TEXT NOT NULL CHECK (${isMonth('period_to')}),
        base_rule TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      -- Cases refer to a plan: a stored plan is never edited (a changed plan is a new plan).
      CREATE TRIGGER rate_plans_immutable BEFORE UPDATE OF json, sha256 ON rate_plans
        BEGIN SELECT RAISE(ABORT, '已保存的缴费方案不能修改，请导入新的方案'); END;

      CREATE TABLE case_sequences (
        year INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
      );

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        number TEXT NOT NULL UNIQUE,
        employer_id INTEGER NOT NULL REFERENCES employers(id),
        period_from TEXT NOT NULL CHECK (${isMonth('period_from')}),
        period_to TEXT NOT NULL CHECK (${isMonth('period_to')}),
        rate_plan_id INTEGER NOT NULL REFERENCES rate_plans(id),
        source TEXT NOT NULL CHECK (source IN ('plan', 'random', 'tip-off', 'lead')),
        state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN (${CASE_STATES})),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (year, seq),
        CHECK (period_to >= period_from)
      );
      CREATE INDEX cases_employer ON cases(employer_id);
      CREATE TRIGGER cases_archived_update BEFORE UPDATE ON cases
        WHEN OLD.state = 'archived'
        BEGIN SELECT RAISE(ABORT, '${ARCHIVED}'); END;
      CREATE TRIGGER cases_archived_delete BEFORE DELETE ON cases
        WHEN OLD.state = 'archived'
        BEGIN SELECT RAISE(ABORT, '${ARCHIVED}'); END;

      CREATE TABLE source_files (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('payroll', 'declaration')),
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        report TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows >= 0),
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (case_id, kind, sha256),
        CHECK (length(bytes) = size)
      );
      -- The evidence is the file as the employer gave it: kept byte-for-byte, never edited.
      CREATE TRIGGER source_files_immutable BEFORE UPDATE ON source_files
        BEGIN SELECT RAISE(ABORT, '导入的原始文件不能修改'); END;
      ${archivedGuards('source_files', (r) => `${r}.case_id`)}

      CREATE TABLE payroll_lines (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES source_files(id),
        month TEXT NOT NULL CHECK (${isMonth('month')}),
        person_id TEXT NOT NULL,
        name TEXT NOT NULL,
        gross_fen INTEGER NOT NULL,
        net_fen INTEGER,
        department TEXT,
        sheet TEXT NOT NULL,
        row INTEGER NOT NULL
      );
      CREATE INDEX payroll_lines_file ON payroll_lines(file_id);
      ${archivedGuards('payroll_lines', (r) => `(SELECT case_id FROM source_files WHERE id = ${r}.file_id)`)}

      CREATE TABLE declaration_lines (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES source_files(id),
        month TEXT NOT NULL CHECK (${isMonth('month')}),
        person_id TEXT NOT NULL,
        name TEXT NOT NULL,
        insurance TEXT CHECK (insurance IS NULL OR insurance IN (${INSURANCE_CODES})),
        base_fen INTEGER NOT NULL,
        employer_fen INTEGER,
        employee_fen INTEGER,
        paid INTEGER CHECK (paid IS NULL OR paid IN (0, 1)),
        sheet TEXT NOT NULL,
        row INTEGER NOT NULL
      );
      CREATE INDEX declaration_lines_file ON declaration_lines(file_id);
      ${archivedGuards('declaration_lines', (r) => `(SELECT case_id FROM source_files WHERE id = ${r}.file_id)`)}

      CREATE TABLE document_sequences (
        type TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
        PRIMARY KEY (type, year)
      );

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        type TEXT NOT NULL,
        title TEXT NOT NULL,
        -- Drafts have no number yet; an issued document always has one.
        year INTEGER,
        seq INTEGER CHECK (seq IS NULL OR seq > 0),
        number TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
        model TEXT NOT NULL,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        pages INTEGER NOT NULL CHECK (pages > 0),
        fonts TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (type, year, seq),
        CHECK (status = 'draft' OR (year IS NOT NULL AND seq IS NOT NULL AND number IS NOT NULL))
      );
      CREATE INDEX documents_case ON documents(case_id);
      -- An issued document does not change; a correction is a new numbered document.
      CREATE TRIGGER documents_issued_update BEFORE UPDATE ON documents
        WHEN OLD.status = 'issued'
        BEGIN SELECT RAISE(ABORT, '已签发的文书不能修改，更正请另行出具新文书'); END;
      CREATE TRIGGER documents_issued_delete BEFORE DELETE ON documents
        WHEN OLD.status = 'issued'
        BEGIN SELECT RAISE(ABORT, '已签发的文书不能删除'); END;
      ${archivedGuards('documents', (r) => `${r}.case_id`)}

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );

      -- One hash chain per case (case_id NULL: the workstation's own chain), so a case's trail can
      -- be exported into its dossier and verified on its own.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        case_id INTEGER REFERENCES cases(id),
        action TEXT NOT NULL,
        detail TEXT NOT NULL CHECK (json_valid(detail)),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
      );
      CREATE INDEX audit_log_case ON audit_log(case_id, id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END;
      -- SQLite cannot compute SHA-256, but it can refuse an entry that does not link to the head
      -- of its chain (the hash itself is checked by verifyAuditChain).
      CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
        WHEN NEW.prev_hash IS NOT coalesce(
          (SELECT hash FROM audit_log WHERE case_id IS NEW.case_id ORDER BY id DESC LIMIT 1),
          '${'0'.repeat(64)}')
        BEGIN SELECT RAISE(ABORT, '审计日志链断裂：前一条记录的哈希不符'); END;
    `);
  },
};
