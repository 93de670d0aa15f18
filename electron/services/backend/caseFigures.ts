// One case, one set of figures (issue 9): the case's cut-off date and plan are the case's own, so
// every screen, the review, the documents, the rectification and the dossier compute with the same
// date instead of each taking today's. Approval freezes the result it approved (freezeSnapshot);
// while that approval is current, and for ever once the case is archived, the figures ARE the
// frozen snapshot — a clock that moves on changes nothing. Before approval (or after a change that
// needs re-review) the figures are computed at the case's cut-off date.
import { createHash } from 'node:crypto';
import type { ComputeResult } from '../../../shared/domain/result';
import { canonicalJson } from '../audit/canonicalJson';
import type { Db } from '../db/open';
import { latestApproval } from '../db/repos/approvals';
import { insertSnapshot, setStoredCaseAsOf, snapshotOfApproval, storedCaseAsOf } from '../db/repos/caseFigures';
import type { WriteMeta } from '../db/repos/meta';
import { requireCase } from './cases';
import { computeCaseResult } from './computeCase';
import { approvalStatus } from './reviewState';

/** The case's cut-off date: the one set on it, else its latest approval's, else today. */
export function caseAsOf(db: Db, caseId: number, today: string): string {
  return storedCaseAsOf(db, caseId) ?? latestApproval(db, caseId)?.asOf ?? today;
}

export interface ApprovedSnapshot {
  approvalId: number;
  asOf: string;
  sha256: string;
  approvedBy: string;
  approvedAt: string;
  result: ComputeResult;
}

/**
 * The latest approval's frozen result. An approval given before snapshots existed (migration 008)
 * is recomputed at its date once and marked with the hash of that recomputation.
 */
export function approvedSnapshot(db: Db, caseId: number): ApprovedSnapshot | null {
  const a = latestApproval(db, caseId);
  if (!a) return null;
  const s = snapshotOfApproval(db, a.id);
  if (s) return { approvalId: a.id, asOf: s.asOf, sha256: s.sha256, approvedBy: a.approvedBy, approvedAt: a.approvedAt, result: JSON.parse(s.resultJson) as ComputeResult };
  const json = canonicalJson(computeCaseResult(db, caseId, a.asOf));
  return { approvalId: a.id, asOf: a.asOf, sha256: sha256(json), approvedBy: a.approvedBy, approvedAt: a.approvedAt, result: JSON.parse(json) as ComputeResult };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Freezes the result an approval covers (inside the approval's transaction) and makes its date
 * the case's cut-off date. Returns the snapshot's SHA-256 for the audit trail.
 */
export function freezeSnapshot(db: Db, caseId: number, approvalId: number, asOf: string, meta: WriteMeta): string {
  const json = canonicalJson(computeCaseResult(db, caseId, asOf));
  const hash = sha256(json);
  insertSnapshot(db, caseId, { approvalId, asOf, resultJson: json, sha256: hash }, meta);
  if (storedCaseAsOf(db, caseId) !== asOf) setStoredCaseAsOf(db, caseId, asOf);
  return hash;
}

export interface CaseFigures {
  asOf: string;
  result: ComputeResult;
  /** The approved snapshot the figures are, or null when they are computed (not yet approved, or changed since). */
  approved: ApprovedSnapshot | null;
}

/** Whether the case's figures are its approved snapshot right now (see the file comment). */
export function snapshotInForce(db: Db, caseId: number): ApprovedSnapshot | null {
  const c = requireCase(db, caseId);
  const snap = approvedSnapshot(db, caseId);
  if (!snap) return null;
  if (c.state === 'archived') return snap;
  const status = approvalStatus(db, caseId);
  return status.changedAfterReview ? null : snap;
}

/** The case's figures: the approved snapshot in force, else the computation at the case's cut-off date. */
export function caseFigures(db: Db, caseId: number, today: string): CaseFigures {
  const snap = snapshotInForce(db, caseId);
  if (snap) return { asOf: snap.asOf, result: snap.result, approved: snap };
  const asOf = caseAsOf(db, caseId, today);
  return { asOf, result: computeCaseResult(db, caseId, asOf), approved: null };
}
