// The case's own figures (migration 008): its cut-off date (cases.as_of) and the results its
// section head approved, frozen as JSON with their SHA-256 (approval_snapshots, append-only).
import type Database from 'better-sqlite3-multiple-ciphers';
import type { WriteMeta } from './meta';

/** The cut-off date stored on the case, or null when nobody set one yet. */
export function storedCaseAsOf(db: Database.Database, caseId: number): string | null {
  const r = db.prepare('SELECT as_of FROM cases WHERE id = ?').get(caseId) as { as_of: string | null } | undefined;
  return r?.as_of ?? null;
}

export function setStoredCaseAsOf(db: Database.Database, caseId: number, asOf: string): void {
  db.prepare('UPDATE cases SET as_of = ? WHERE id = ?').run(asOf, caseId);
}

export function setCaseRatePlan(db: Database.Database, caseId: number, ratePlanId: number): void {
  db.prepare('UPDATE cases SET rate_plan_id = ? WHERE id = ?').run(ratePlanId, caseId);
}

export interface SnapshotRecord {
  approvalId: number;
  asOf: string;
  resultJson: string;
  sha256: string;
}

export function snapshotOfApproval(db: Database.Database, approvalId: number): SnapshotRecord | null {
  const r = db.prepare('SELECT approval_id, as_of, result_json, sha256 FROM approval_snapshots WHERE approval_id = ?').get(approvalId) as
    | { approval_id: number; as_of: string; result_json: string; sha256: string }
    | undefined;
  return r ? { approvalId: r.approval_id, asOf: r.as_of, resultJson: r.result_json, sha256: r.sha256 } : null;
}

export function insertSnapshot(db: Database.Database, caseId: number, s: SnapshotRecord, meta: WriteMeta): void {
  db.prepare('INSERT INTO approval_snapshots (case_id, approval_id, as_of, result_json, sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    caseId,
    s.approvalId,
    s.asOf,
    s.resultJson,
    s.sha256,
    meta.at,
    meta.actor,
  );
}
