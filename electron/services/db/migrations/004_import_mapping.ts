// Migration 004: import mapping templates and accepted ID joins (issue 3).
// - import_templates: a column mapping the auditor confirmed for one employer's files of one
//   kind, found again by the header signature (the normalised header texts) and applied to the
//   next file with the same header; last_used_at says when it was last applied.
// - person_id_joins: an ID with a wrong check digit the auditor joined to a near-identical valid
//   ID of the same name. The rows' person_id is corrected in the database; this table (and the
//   audit log) records the join, so the source file bytes never change and the join can be shown.
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: '004_import_mapping',
  up(db) {
    db.exec(`
      CREATE TABLE import_templates (
        id INTEGER PRIMARY KEY,
        employer_id INTEGER NOT NULL REFERENCES employers(id),
        kind TEXT NOT NULL CHECK (kind IN ('payroll', 'declaration')),
        header_signature TEXT NOT NULL CHECK (length(header_signature) > 0),
        name TEXT NOT NULL CHECK (length(name) > 0),
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        UNIQUE (employer_id, kind, header_signature)
      );
      CREATE INDEX import_templates_employer ON import_templates(employer_id, kind);

      CREATE TABLE person_id_joins (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        from_id TEXT NOT NULL,
        to_id TEXT NOT NULL CHECK (to_id <> from_id),
        name TEXT NOT NULL,
        payroll_rows INTEGER NOT NULL CHECK (payroll_rows >= 0),
        declaration_rows INTEGER NOT NULL CHECK (declaration_rows >= 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX person_id_joins_case ON person_id_joins(case_id);
      -- A recorded join is evidence of what was changed: it is never edited or removed.
      CREATE TRIGGER person_id_joins_no_update BEFORE UPDATE ON person_id_joins
        BEGIN SELECT RAISE(ABORT, '已确认的身份证号合并记录不能修改'); END;
      CREATE TRIGGER person_id_joins_no_delete BEFORE DELETE ON person_id_joins
        BEGIN SELECT RAISE(ABORT, '已确认的身份证号合并记录不能删除'); END;
      CREATE TRIGGER person_id_joins_archived_insert BEFORE INSERT ON person_id_joins
        WHEN (SELECT state FROM cases WHERE id = NEW.case_id) = 'archived'
        BEGIN SELECT RAISE(ABORT, '已归档的稽核案件不能修改'); END;
    `);
  },
};
