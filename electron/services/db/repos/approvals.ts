// The section head's approvals of a case's findings, append-only. Each keeps the SHA-256 of what
// was approved (the computed result and every judgment), so a later change is detectable.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { WriteMeta } from './meta';

export interface ApprovalRecord {
  id: number;
  caseId: number;
  kind: 'findings';
  asOf: string;
  reviewSha256: string;
  preparer: string;
  note: string | null;
  approvedBy: string;
  approvedAt: string;
}

interface ApprovalRow {
  id: number;
  case_id: number;
  kind: 'findings';
  as_of: string;
  review_sha256: string;
  preparer: string;
  note: string | null;
  approved_at: string;
  approved_by: string;
}

function toRecord(r: ApprovalRow): ApprovalRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    asOf: r.as_of,
    reviewSha256: r.review_sha256,
    preparer: r.preparer,
    note: r.note,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
  };
}

export function latestApproval(db: Database.Database, caseId: number, kind: 'findings' = 'findings'): ApprovalRecord | null {
  const r = db.prepare('SELECT * FROM approvals WHERE case_id = ? AND kind = ? ORDER BY id DESC LIMIT 1').get(caseId, kind) as ApprovalRow | undefined;
  return r ? toRecord(r) : null;
}

export interface NewApproval {
  caseId: number;
  asOf: string;
  reviewSha256: string;
  preparer: string;
  note: string | null;
}

export function insertApproval(db: Database.Database, a: NewApproval, meta: WriteMeta): ApprovalRecord {
  const info = db
    .prepare("INSERT INTO approvals (case_id, kind, as_of, review_sha256, preparer, note, approved_at, approved_by) VALUES (?, 'findings', ?, ?, ?, ?, ?, ?)")
    .run(a.caseId, a.asOf, a.reviewSha256, a.preparer, a.note, meta.at, meta.actor);
  return toRecord(db.prepare('SELECT * FROM approvals WHERE id = ?').get(Number(info.lastInsertRowid)) as ApprovalRow);
}
