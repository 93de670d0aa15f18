// Migration 003: the life of a document (issue 4, DOMAIN.md §8). A document is first a draft —
// no number, its form fields kept so it can be rebuilt at will — then issued: the number taken
// from its type's yearly sequence, model, PDF and SHA-256 frozen (001 already refuses UPDATE and
// DELETE of an issued row). A correction is a new document citing the one it supersedes, which
// stays. Case facts (auditors, on-site dates, place, contact …) are stored once per case so
// every document form starts from them. The rules are triggers, so hand-written SQL obeys them.
import type { Migration } from './types';

const ARCHIVED = '已归档的稽核案件不能修改';

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

export const migration003: Migration = {
  version: 3,
  name: '003_documents_lifecycle',
  up(db) {
    db.exec(`
      -- The form fields a draft was built from (JSON), the as-of date of its amounts, who issued it
      -- and when, and for a correction the document it supersedes and why.
      ALTER TABLE documents ADD COLUMN fields TEXT CHECK (fields IS NULL OR json_valid(fields));
      ALTER TABLE documents ADD COLUMN as_of TEXT CHECK (as_of IS NULL OR as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
      ALTER TABLE documents ADD COLUMN issued_at TEXT;
      ALTER TABLE documents ADD COLUMN issued_by TEXT;
      ALTER TABLE documents ADD COLUMN updated_at TEXT;
      ALTER TABLE documents ADD COLUMN supersedes_id INTEGER REFERENCES documents(id);
      ALTER TABLE documents ADD COLUMN correction_reason TEXT;
      -- The back-pay schedule's XLSX annex, frozen with its PDF.
      ALTER TABLE documents ADD COLUMN xlsx BLOB;

      -- A document is corrected once: a second correction corrects the correction.
      CREATE UNIQUE INDEX documents_one_correction ON documents(supersedes_id) WHERE supersedes_id IS NOT NULL;

      -- A draft holds no number: numbers are taken only when issuing, so none is lost to a draft.
      CREATE TRIGGER documents_draft_unnumbered_insert BEFORE INSERT ON documents
        WHEN NEW.status = 'draft' AND (NEW.seq IS NOT NULL OR NEW.year IS NOT NULL OR NEW.number IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '草稿文书没有文号，文号在签发时分配'); END;
      CREATE TRIGGER documents_draft_unnumbered_update BEFORE UPDATE ON documents
        WHEN NEW.status = 'draft' AND (NEW.seq IS NOT NULL OR NEW.year IS NOT NULL OR NEW.number IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '草稿文书没有文号，文号在签发时分配'); END;
      -- A draft stays the same document of the same case; issuing records who and when.
      CREATE TRIGGER documents_draft_identity BEFORE UPDATE ON documents
        WHEN NEW.case_id IS NOT OLD.case_id OR NEW.type IS NOT OLD.type OR NEW.supersedes_id IS NOT OLD.supersedes_id
          OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        BEGIN SELECT RAISE(ABORT, '文书的案件、类型和更正对象不能修改'); END;
      CREATE TRIGGER documents_issue_recorded BEFORE UPDATE ON documents
        WHEN OLD.status = 'draft' AND NEW.status = 'issued' AND (NEW.issued_at IS NULL OR NEW.issued_by IS NULL)
        BEGIN SELECT RAISE(ABORT, '签发文书必须记录签发人和签发时间'); END;
      -- A correction cites an issued document of the same case and type.
      CREATE TRIGGER documents_correction_target BEFORE INSERT ON documents
        WHEN NEW.supersedes_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM documents d WHERE d.id = NEW.supersedes_id AND d.status = 'issued' AND d.case_id = NEW.case_id AND d.type = NEW.type)
        BEGIN SELECT RAISE(ABORT, '更正文书只能引用本案件同类型的已签发文书'); END;
      CREATE TRIGGER documents_correction_reason BEFORE INSERT ON documents
        WHEN NEW.supersedes_id IS NOT NULL AND length(trim(coalesce(NEW.correction_reason, ''))) = 0
        BEGIN SELECT RAISE(ABORT, '更正文书必须写明更正原因'); END;

      -- Numbers are never reused: a sequence only moves forward and is never removed.
      CREATE TRIGGER document_sequences_forward BEFORE UPDATE ON document_sequences
        WHEN NEW.last_seq < OLD.last_seq OR NEW.type IS NOT OLD.type OR NEW.year IS NOT OLD.year
        BEGIN SELECT RAISE(ABORT, '文号序列只能递增，已用的文号不能重新使用'); END;
      CREATE TRIGGER document_sequences_no_delete BEFORE DELETE ON document_sequences
        BEGIN SELECT RAISE(ABORT, '文号序列不能删除，已用的文号不能重新使用'); END;

      -- What the documents of a case say about it, entered once (JSON, see shared/api/dto/documents.ts).
      CREATE TABLE case_facts (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        facts TEXT NOT NULL CHECK (json_valid(facts) AND json_type(facts) = 'object'),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      ${archivedGuards('case_facts')}
    `);
  },
};
