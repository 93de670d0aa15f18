// The auditor's exemptions per case (DOMAIN.md §6.4). A row is never deleted or edited: revoking
// sets revoked_by/at once (the database refuses anything else), so the case keeps the whole story.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ExemptionRecord } from '../../../../shared/api/dto';
import type { Exemption, ExemptionReason } from '../../../../shared/domain/lines';
import type { Month } from '../../../../shared/rules/month';
import type { WriteMeta } from './meta';

interface ExemptionRow {
  id: number;
  case_id: number;
  person_id: string;
  months: string | null;
  reason: ExemptionReason;
  note: string | null;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  judgment_id: number | null;
}

const SELECT = `
  SELECT e.*, (SELECT j.id FROM finding_judgments j WHERE j.exemption_id = e.id ORDER BY j.id LIMIT 1) AS judgment_id
  FROM exemptions e`;

function toRecord(r: ExemptionRow): ExemptionRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    personId: r.person_id,
    months: r.months === null ? null : (JSON.parse(r.months) as Month[]),
    reason: r.reason,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedBy: r.revoked_by,
    revokedAt: r.revoked_at,
    judgmentId: r.judgment_id,
  };
}

export function getExemption(db: Database.Database, id: number): ExemptionRecord | null {
  const r = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as ExemptionRow | undefined;
  return r ? toRecord(r) : null;
}

export function listExemptions(db: Database.Database, caseId: number, includeRevoked = true): ExemptionRecord[] {
  const rows = db.prepare(`${SELECT} WHERE e.case_id = ? ${includeRevoked ? '' : 'AND e.revoked_at IS NULL'} ORDER BY e.id`).all(caseId) as ExemptionRow[];
  return rows.map(toRecord);
}

/** The case's exemptions in force, in the order they were made, as the computation takes them. */
export function activeExemptions(db: Database.Database, caseId: number): Exemption[] {
  return listExemptions(db, caseId, false).map((r) => {
    const e: Exemption = { personId: r.personId, months: r.months, reason: r.reason };
    if (r.note !== null) e.note = r.note;
    return e;
  });
}

export interface NewExemption {
  caseId: number;
  personId: string;
  /** Sorted, unique; null for the whole audit period. */
  months: Month[] | null;
  reason: ExemptionReason;
  note: string | null;
}

export function insertExemption(db: Database.Database, e: NewExemption, meta: WriteMeta): ExemptionRecord {
  const info = db
    .prepare('INSERT INTO exemptions (case_id, person_id, months, reason, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(e.caseId, e.personId, e.months === null ? null : JSON.stringify(e.months), e.reason, e.note, meta.at, meta.actor);
  return getExemption(db, Number(info.lastInsertRowid))!;
}

export function revokeExemption(db: Database.Database, id: number, meta: WriteMeta): ExemptionRecord {
  db.prepare('UPDATE exemptions SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(meta.at, meta.actor, id);
  return getExemption(db, id)!;
}
