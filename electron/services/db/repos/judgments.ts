// The auditor's decision on each finding (accepted or exempted), append-only: a changed mind is a
// new row, and the latest row per finding key is the one in force.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { FindingJudgment } from '../../../../shared/api/dto';
import type { FindingDecision } from '../../../../shared/domain/findings';
import type { WriteMeta } from './meta';

interface JudgmentRow {
  id: number;
  case_id: number;
  finding_key: string;
  decision: FindingDecision;
  note: string | null;
  exemption_id: number | null;
  decided_at: string;
  decided_by: string;
}

function toJudgment(r: JudgmentRow): FindingJudgment {
  return {
    id: r.id,
    caseId: r.case_id,
    key: r.finding_key,
    decision: r.decision,
    note: r.note,
    exemptionId: r.exemption_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

/** Every judgment of the case, oldest first. */
export function listJudgments(db: Database.Database, caseId: number): FindingJudgment[] {
  return (db.prepare('SELECT * FROM finding_judgments WHERE case_id = ? ORDER BY id').all(caseId) as JudgmentRow[]).map(toJudgment);
}

export interface NewJudgment {
  caseId: number;
  key: string;
  decision: FindingDecision;
  note: string | null;
  exemptionId: number | null;
}

export function insertJudgment(db: Database.Database, j: NewJudgment, meta: WriteMeta): FindingJudgment {
  const info = db
    .prepare('INSERT INTO finding_judgments (case_id, finding_key, decision, note, exemption_id, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(j.caseId, j.key, j.decision, j.note, j.exemptionId, meta.at, meta.actor);
  return toJudgment(db.prepare('SELECT * FROM finding_judgments WHERE id = ?').get(Number(info.lastInsertRowid)) as JudgmentRow);
}
