// Migration 007: archiving and case transfer between workstations (issue 5, items 5 and 6).
// - dossier_exports: the dossier ZIP stored when a case is archived, with its SHA-256, its archive
//   number (档号, year + serial from archive_sequences) and retention; append-only, and refused for
//   a case already archived (the export is written in the same transaction that archives it).
// - row_uuids: a stable UUID for every row that travels in a transfer package (cases and what
//   hangs under them). A side table rather than a uuid column on each table, because those tables
//   are guarded by triggers that refuse any UPDATE (issued documents, judgments, archived cases),
//   so existing rows could not be filled in place; new rows get theirs from an AFTER INSERT trigger.
//   roster_files has one so its roster_lines travel under it (lines hang under a row named by UUID).
//   A rate plan's UUID is derived from its SHA-256 (the same plan is the same row everywhere).
// - audit_log.hashed_case_id: the case id an entry was hashed with, when the entry came from
//   another workstation where the case had another id, so the chain still verifies here.
import type { Migration } from './types';

const ARCHIVED = '已归档的稽核案件不能修改';

/** The tables whose rows carry a UUID (a transfer package names every row by it). */
export const UUID_TABLES = ['employers', 'rate_plans', 'cases', 'source_files', 'roster_files', 'documents', 'exemptions', 'finding_judgments', 'approvals', 'ledger_totals'] as const;

/** A random RFC 4122 version-4 UUID, in SQL. */
const UUID_SQL = `(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))`;

/** A stored rate plan is named by its content: its UUID comes from its SHA-256, so the same plan seeded or imported on two workstations is one plan. */
const planUuid = (row: string) =>
  `(substr(${row}.sha256, 1, 8) || '-' || substr(${row}.sha256, 9, 4) || '-4' || substr(${row}.sha256, 14, 3) || '-8' || substr(${row}.sha256, 18, 3) || '-' || substr(${row}.sha256, 21, 12))`;

export const migration007: Migration = {
  version: 7,
  name: '007_archive_transfer',
  up(db) {
    db.exec(`
      CREATE TABLE archive_sequences (
        year INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
      );

      CREATE TABLE dossier_exports (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        archive_number TEXT NOT NULL UNIQUE,
        retention_years INTEGER NOT NULL CHECK (retention_years BETWEEN 1 AND 100),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        zip BLOB NOT NULL,
        chain_head TEXT NOT NULL CHECK (length(chain_head) = 64),
        files INTEGER NOT NULL CHECK (files > 0),
        exported_at TEXT NOT NULL,
        exported_by TEXT NOT NULL,
        UNIQUE (year, seq),
        CHECK (length(zip) = size)
      );
      CREATE TRIGGER dossier_exports_no_update BEFORE UPDATE ON dossier_exports
        BEGIN SELECT RAISE(ABORT, '归档的稽核档案不能修改'); END;
      CREATE TRIGGER dossier_exports_no_delete BEFORE DELETE ON dossier_exports
        BEGIN SELECT RAISE(ABORT, '归档的稽核档案不能删除'); END;
      CREATE TRIGGER dossier_exports_archived_insert BEFORE INSERT ON dossier_exports
        WHEN (SELECT state FROM cases WHERE id = NEW.case_id) = 'archived'
        BEGIN SELECT RAISE(ABORT, '${ARCHIVED}'); END;

      CREATE TABLE row_uuids (
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
        PRIMARY KEY (tbl, row_id)
      ) WITHOUT ROWID;

      ALTER TABLE audit_log ADD COLUMN hashed_case_id INTEGER;
    `);
    for (const t of UUID_TABLES) {
      const fill = t === 'rate_plans' ? planUuid('rate_plans') : UUID_SQL;
      db.exec(`
        INSERT INTO row_uuids (tbl, row_id, uuid) SELECT '${t}', id, ${fill} FROM ${t};
        CREATE TRIGGER ${t}_uuid AFTER INSERT ON ${t}
          BEGIN INSERT INTO row_uuids (tbl, row_id, uuid) VALUES ('${t}', NEW.id, ${t === 'rate_plans' ? planUuid('NEW') : UUID_SQL}); END;
        CREATE TRIGGER ${t}_uuid_delete AFTER DELETE ON ${t}
          BEGIN DELETE FROM row_uuids WHERE tbl = '${t}' AND row_id = OLD.id; END;
      `);
    }
  },
};
