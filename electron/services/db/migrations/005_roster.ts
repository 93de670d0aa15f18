// Migration 005: the roster (花名册, DOMAIN.md §4.3) — its files kept byte-for-byte with their
// SHA-256 and import report, and its rows (hire/leave dates, contract type, status) each pointing
// back to the file, sheet and row. Separate from source_files because that table's kind CHECK
// cannot be widened in place (SQLite cannot alter a CHECK, and rebuilding a table that payroll
// and declaration rows reference is not possible inside the migration's transaction with
// foreign keys on). The same rules hold: files never change, an archived case is read-only.
import type { Migration } from './types';

const ARCHIVED = '已归档的稽核案件不能修改';
const isDate = (col: string) => `(${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(${col}) = ${col})`;

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

export const migration005: Migration = {
  version: 5,
  name: '005_roster',
  up(db) {
    db.exec(`
      CREATE TABLE roster_files (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        report TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows >= 0),
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (case_id, sha256),
        CHECK (length(bytes) = size)
      );
      CREATE INDEX roster_files_case ON roster_files(case_id);
      CREATE TRIGGER roster_files_immutable BEFORE UPDATE ON roster_files
        BEGIN SELECT RAISE(ABORT, '导入的原始文件不能修改'); END;
      ${archivedGuards('roster_files', (r) => `${r}.case_id`)}

      CREATE TABLE roster_lines (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES roster_files(id),
        person_id TEXT NOT NULL CHECK (length(person_id) > 0),
        name TEXT NOT NULL,
        department TEXT,
        hire_date TEXT NOT NULL CHECK (${isDate('hire_date')}),
        leave_date TEXT CHECK (leave_date IS NULL OR (${isDate('leave_date')} AND leave_date >= hire_date)),
        contract_type TEXT,
        status TEXT,
        sheet TEXT NOT NULL,
        row INTEGER NOT NULL CHECK (row > 0)
      );
      CREATE INDEX roster_lines_file ON roster_lines(file_id);
      ${archivedGuards('roster_lines', (r) => `(SELECT case_id FROM roster_files WHERE id = ${r}.file_id)`)}
    `);
  },
};
