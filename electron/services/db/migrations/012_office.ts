// Migration 012: the office side (DOMAIN.md §10, issue 11).
// - employers gain region and an active flag (deactivate, never delete once a case refers to it).
// - inspectors (检查人员名录库, seed 003 annex 4), credential number unique, optionally linked to
//   a user account; inspector_conflicts (回避) with a reason, keyed by target kind and credit code
//   so the same table serves employers and medical institutions.
// - draws: the record of each double-random draw (the whole §10.3 record as JSON plus the columns
//   needed to search it) and draw_replacements (递补), both append-only by trigger; draw_selected
//   lists each drawn target (for the at-most-twice-a-year rule); draw_cases links a drawn target
//   to the planned case created for it; case_inspectors holds a case's team.
// - tip_offs (举报, §10.5): the register, with the reporter kept in its own columns so public and
//   employer-facing outputs can leave them out.
// PROVISIONAL NUMBER: the file is 015 (assigned); `version` is its position in MIGRATIONS on this
// branch and must equal the file number once 008–014 are merged before it.
import type { Migration } from './types';

const APPEND_ONLY = (table: string, what: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}不能修改'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}不能删除'); END;`;

export const migration012: Migration = {
  version: 12,
  name: '012_office',
  up(db) {
    db.exec(`
      ALTER TABLE employers ADD COLUMN region TEXT;
      ALTER TABLE employers ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

      CREATE TABLE inspectors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        credential TEXT NOT NULL UNIQUE CHECK (length(credential) > 0 AND credential NOT GLOB '*[' || char(9, 10, 13) || ']*'),
        region TEXT,
        sex TEXT CHECK (sex IS NULL OR sex IN ('男', '女')),
        unit TEXT,
        speciality TEXT,
        department TEXT,
        title TEXT,
        enforcement_region TEXT,
        notes TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        user_id INTEGER UNIQUE REFERENCES users(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE inspector_conflicts (
        id INTEGER PRIMARY KEY,
        inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
        target_kind TEXT NOT NULL CHECK (target_kind IN ('employer', 'institution')),
        credit_code TEXT NOT NULL CHECK (length(credit_code) = 18),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (inspector_id, target_kind, credit_code)
      );

      CREATE TABLE draws (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        task TEXT NOT NULL CHECK (length(task) > 0),
        target_kind TEXT NOT NULL CHECK (target_kind IN ('employer', 'institution')),
        seed TEXT NOT NULL CHECK (length(seed) > 0),
        snapshot_sha256 TEXT NOT NULL CHECK (length(snapshot_sha256) = 64),
        record_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      ${APPEND_ONLY('draws', '抽查记录')}

      CREATE TABLE draw_selected (
        draw_id INTEGER NOT NULL REFERENCES draws(id),
        position INTEGER NOT NULL CHECK (position > 0),
        credit_code TEXT NOT NULL,
        tier TEXT NOT NULL CHECK (tier IN ('high', 'medium', 'low')),
        PRIMARY KEY (draw_id, position),
        UNIQUE (draw_id, credit_code)
      );
      CREATE INDEX draw_selected_code ON draw_selected(credit_code);
      ${APPEND_ONLY('draw_selected', '抽查结果')}

      CREATE TABLE draw_replacements (
        id INTEGER PRIMARY KEY,
        draw_id INTEGER NOT NULL REFERENCES draws(id),
        seq INTEGER NOT NULL CHECK (seq > 0),
        credit_code TEXT NOT NULL,
        withdrawn TEXT NOT NULL,
        replacement TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (draw_id, seq)
      );
      ${APPEND_ONLY('draw_replacements', '递补记录')}

      CREATE TABLE draw_cases (
        draw_id INTEGER NOT NULL REFERENCES draws(id),
        credit_code TEXT NOT NULL,
        case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
        PRIMARY KEY (draw_id, credit_code)
      );
      ${APPEND_ONLY('draw_cases', '抽查立项记录')}

      CREATE TABLE case_inspectors (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        position INTEGER NOT NULL CHECK (position > 0),
        inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
        PRIMARY KEY (case_id, position),
        UNIQUE (case_id, inspector_id)
      );
      CREATE TRIGGER case_inspectors_archived_insert BEFORE INSERT ON case_inspectors
        WHEN (SELECT state FROM cases WHERE id = NEW.case_id) = 'archived'
        BEGIN SELECT RAISE(ABORT, '已归档的稽核案件不能修改'); END;
      CREATE TRIGGER case_inspectors_archived_update BEFORE UPDATE ON case_inspectors
        WHEN (SELECT state FROM cases WHERE id = OLD.case_id) = 'archived'
        BEGIN SELECT RAISE(ABORT, '已归档的稽核案件不能修改'); END;
      CREATE TRIGGER case_inspectors_archived_delete BEFORE DELETE ON case_inspectors
        WHEN (SELECT state FROM cases WHERE id = OLD.case_id) = 'archived'
        BEGIN SELECT RAISE(ABORT, '已归档的稽核案件不能修改'); END;

      CREATE TABLE tip_offs (
        id INTEGER PRIMARY KEY,
        received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        channel TEXT NOT NULL CHECK (channel IN ('letter', 'phone', 'visit', 'online', 'referral')),
        reporter_name TEXT,
        reporter_contact TEXT,
        subject_kind TEXT NOT NULL CHECK (subject_kind IN ('employer', 'institution')),
        subject_credit_code TEXT,
        subject_name TEXT NOT NULL CHECK (length(subject_name) > 0),
        allegation TEXT NOT NULL CHECK (length(trim(allegation)) > 0),
        evidence TEXT,
        assigned_to TEXT,
        assigned_on TEXT,
        verification TEXT CHECK (verification IS NULL OR verification IN ('case', 'desk')),
        case_id INTEGER REFERENCES cases(id),
        desk_note TEXT,
        answered_on TEXT,
        answer TEXT,
        result TEXT,
        confirmed_fen INTEGER CHECK (confirmed_fen IS NULL OR confirmed_fen >= 0),
        reward_fen INTEGER CHECK (reward_fen IS NULL OR reward_fen >= 0),
        reward_note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (verification IS NOT 'case' OR case_id IS NOT NULL),
        CHECK (answered_on IS NULL OR (answer IS NOT NULL AND answered_on >= received_on))
      );
    `);
  },
};
