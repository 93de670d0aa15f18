// Migration 008: one case, one set
// of figures (issue 9).
// - cases.as_of: the case's cut-off date (计算截止日), the date the late fee is computed to on
//   every screen, in the review and on the documents. Null until someone sets it (a case then
//   uses its latest approval's date, else today).
// - approval_snapshots: the result a section head approved, frozen as canonical JSON with its
//   SHA-256 (also written to the audit trail). Documents, rectification and the dossier read it;
//   an archived case shows it. Append-only, and refused once the case is archived.
import type { Migration } from './types';

const ARCHIVED = '已归档的稽核案件不能修改';

export const migration008: Migration = {
  version: 8,
  name: '008_case_figures',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN as_of TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

      CREATE TABLE approval_snapshots (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        approval_id INTEGER NOT NULL UNIQUE REFERENCES approvals(id),
        as_of TEXT NOT NULL,
        result_json TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE INDEX approval_snapshots_case ON approval_snapshots(case_id, id);
      CREATE TRIGGER approval_snapshots_no_update BEFORE UPDATE ON approval_snapshots
        BEGIN SELECT RAISE(ABORT, '审核通过的计算结果不能修改'); END;
      CREATE TRIGGER approval_snapshots_no_delete BEFORE DELETE ON approval_snapshots
        BEGIN SELECT RAISE(ABORT, '审核通过的计算结果不能删除'); END;
      CREATE TRIGGER approval_snapshots_archived_insert BEFORE INSERT ON approval_snapshots
        WHEN (SELECT state FROM cases WHERE id = NEW.case_id) = 'archived'
        BEGIN SELECT RAISE(ABORT, '${ARCHIVED}'); END;
    `);
  },
};
