// Migration 006: case workflow, evidence, rectification and follow-up (issue 5).
// - case_transitions: every change of a case's state (who, when, why), re-openings included.
// - case_dates: dated facts the procedure needs (proof of service of the notice, the tip-off's
//   receipt, the rectification deadline); a later entry of the same key supersedes an earlier one.
// - evidence: photos, scans, recordings and copies, byte-for-byte with their SHA-256.
// - rectification_entries: back-enrolment and payments recorded during rectification.
// - followup_checks / followup_lines: the declarations imported at the follow-up check (复查),
//   kept apart from the audit's own declarations so the approved result never changes.
// All of them are facts: append-only, and read-only once the case is archived, like 001/002.
import type { Migration } from './types';

const ARCHIVED = '已归档的稽核案件不能修改';
const isMonth = (col: string) => `(${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(${col}, 6, 2) BETWEEN '01' AND '12')`;
const isDate = (col: string) => `(${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;

// Copied from 002 on purpose: a shipped migration must not change when a helper does.
function archivedGuards(table: string, caseOf: (row: 'NEW' | 'OLD') => string = (r) => `${r}.case_id`): string {
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

function appendOnly(table: string, what: string): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what}不能修改'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what}不能删除'); END;
  `;
}

const CASE_STATES = "'planned','notified','onsite','summarised','concluded','rectifying','archived','closed-no-finding'";

export const migration006: Migration = {
  version: 6,
  name: '006_workflow',
  up(db) {
    db.exec(`
      CREATE TABLE case_transitions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        from_state TEXT NOT NULL CHECK (from_state IN (${CASE_STATES})),
        to_state TEXT NOT NULL CHECK (to_state IN (${CASE_STATES})),
        reopen INTEGER NOT NULL CHECK (reopen IN (0, 1)),
        reason TEXT,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        CHECK (from_state <> to_state),
        CHECK (reopen = 0 OR length(trim(coalesce(reason, ''))) > 0)
      );
      CREATE INDEX case_transitions_case ON case_transitions(case_id, id);
      ${appendOnly('case_transitions', '案件状态变更记录')}
      ${archivedGuards('case_transitions')}

      CREATE TABLE case_dates (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        key TEXT NOT NULL CHECK (key IN ('notice-service', 'tipoff-received', 'rectification-deadline')),
        value TEXT NOT NULL CHECK (json_valid(value)),
        at TEXT NOT NULL,
        by TEXT NOT NULL
      );
      CREATE INDEX case_dates_case ON case_dates(case_id, key, id);
      ${appendOnly('case_dates', '案件登记的日期')}
      ${archivedGuards('case_dates')}

      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        finding_key TEXT CHECK (finding_key IS NULL OR length(finding_key) > 0),
        file_name TEXT NOT NULL CHECK (length(file_name) > 0),
        mime TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('photo', 'scan', 'recording', 'copy')),
        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        CHECK (length(bytes) = size)
      );
      CREATE INDEX evidence_case ON evidence(case_id, id);
      ${appendOnly('evidence', '证据材料')}
      ${archivedGuards('evidence')}

      CREATE TABLE rectification_entries (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('enrolment', 'payment')),
        person_id TEXT,
        name TEXT,
        month_from TEXT CHECK (month_from IS NULL OR ${isMonth('month_from')}),
        paid_on TEXT CHECK (paid_on IS NULL OR ${isDate('paid_on')}),
        amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen > 0),
        purpose TEXT CHECK (purpose IS NULL OR purpose IN ('back-pay', 'late-fee')),
        note TEXT,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        CHECK (kind <> 'enrolment' OR (person_id IS NOT NULL AND month_from IS NOT NULL)),
        CHECK (kind <> 'payment' OR (paid_on IS NOT NULL AND amount_fen IS NOT NULL AND purpose IS NOT NULL))
      );
      CREATE INDEX rectification_entries_case ON rectification_entries(case_id, id);
      ${appendOnly('rectification_entries', '整改记录')}
      ${archivedGuards('rectification_entries')}

      CREATE TABLE followup_checks (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        report TEXT NOT NULL CHECK (json_valid(report)),
        rows INTEGER NOT NULL CHECK (rows >= 0),
        checked_at TEXT NOT NULL,
        checked_by TEXT NOT NULL,
        CHECK (length(bytes) = size)
      );
      CREATE INDEX followup_checks_case ON followup_checks(case_id, id);
      ${appendOnly('followup_checks', '复查导入的文件')}
      ${archivedGuards('followup_checks')}

      CREATE TABLE followup_lines (
        id INTEGER PRIMARY KEY,
        check_id INTEGER NOT NULL REFERENCES followup_checks(id),
        month TEXT NOT NULL CHECK (${isMonth('month')}),
        person_id TEXT NOT NULL,
        name TEXT NOT NULL,
        insurance TEXT,
        base_fen INTEGER NOT NULL,
        sheet TEXT NOT NULL,
        row INTEGER NOT NULL
      );
      CREATE INDEX followup_lines_check ON followup_lines(check_id);
      ${appendOnly('followup_lines', '复查导入的申报明细')}
      ${archivedGuards('followup_lines', (r) => `(SELECT case_id FROM followup_checks WHERE id = ${r}.check_id)`)}
    `);
  },
};
