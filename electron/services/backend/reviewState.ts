// What the section head approves, and whether it is still what the case says now. The review
// snapshot is the computed result (as of the approval's date, exemptions applied) together with
// every judgment fact of the case — imports, exemptions and their revocations, finding
// judgments, ledger totals; its SHA-256 is stored with the approval. Recomputing it later and
// comparing tells "changed after review" (recomputed at the case's cut-off date, so changing only
// the date is a change too). Documents that need approval (audit opinion,
// rectification notice) call assertApprovedForIssue before issuing.
import { createHash } from 'node:crypto';
import type { ApprovalStatus } from '../../../shared/api/dto';
import { checkApprover, preparerOf, type ApprovalCheck } from '../../../shared/rules/signOff';
import { ownPreparationReason, preparedBy } from '../../../shared/rules/segregation';
import type { UserRole } from '../../../shared/domain/roles';
import { canonicalJson } from '../audit/canonicalJson';
import { listAudit } from '../audit/auditLog';
import type { Db } from '../db/open';
import { latestApproval } from '../db/repos/approvals';
import { storedCaseAsOf } from '../db/repos/caseFigures';
import { listExemptions } from '../db/repos/exemptions';
import { listJudgments } from '../db/repos/judgments';
import { listLedgerEntries } from '../db/repos/ledger';
import { listSourceFiles } from '../db/repos/sourceFiles';
import { ApiFailure } from './errors';
import { requireCase } from './cases';
import { computeCase } from './computeCase';

/** The canonical object an approval covers (see the file comment). */
export function reviewSnapshot(db: Db, caseId: number, asOf: string): Record<string, unknown> {
  const c = requireCase(db, caseId);
  return {
    caseId: c.id,
    period: [c.periodFrom, c.periodTo],
    ratePlanId: c.ratePlanId,
    asOf,
    files: listSourceFiles(db, c.id).map((f) => ({ id: f.id, kind: f.kind, sha256: f.sha256, rows: f.rows })),
    result: computeCase(db, c.id, asOf),
    exemptions: listExemptions(db, c.id, true),
    judgments: listJudgments(db, c.id),
    ledger: listLedgerEntries(db, c.id),
  };
}

export function reviewHash(db: Db, caseId: number, asOf: string): string {
  return createHash('sha256').update(canonicalJson(reviewSnapshot(db, caseId, asOf)), 'utf8').digest('hex');
}

/** Who prepared the case's findings: the actor of its latest import or judgment (shared/rules/signOff.ts). */
export function casePreparer(db: Db, caseId: number): string | null {
  return preparerOf(listAudit(db, caseId));
}

/**
 * Whether `approver` may approve the case: a section head (shared/rules/signOff.ts) who prepared
 * nothing in it (shared/rules/segregation.ts), read from the case's audit trail.
 */
export function approverCheck(db: Db, caseId: number, approver: { username: string; role: UserRole }): ApprovalCheck & { preparer: string | null } {
  const trail = listAudit(db, caseId);
  const preparer = preparerOf(trail);
  const done = approver.role === 'section-head' ? preparedBy(trail, approver.username) : [];
  if (done.length) return { ok: false, reason: ownPreparationReason(done), preparer };
  return { ...checkApprover(approver, preparer), preparer };
}

export function approvalStatus(db: Db, caseId: number): ApprovalStatus {
  requireCase(db, caseId);
  const a = latestApproval(db, caseId);
  if (!a) return { approved: false, approvedBy: null, approvedAt: null, asOf: null, changedAfterReview: false };
  let current: string | null;
  try {
    // At the case's cut-off date: moving only the date is a change that needs re-review.
    current = reviewHash(db, caseId, storedCaseAsOf(db, caseId) ?? a.asOf);
  } catch (e) {
    // The approved figures can no longer be computed at all: certainly changed.
    if (e instanceof ApiFailure && (e.code === 'cannot-compute' || e.code === 'not-ready')) current = null;
    else throw e;
  }
  return { approved: true, approvedBy: a.approvedBy, approvedAt: a.approvedAt, asOf: a.asOf, changedAfterReview: current !== a.reviewSha256 };
}

/**
 * For the audit opinion and the rectification notice: throws ApiFailure('not-ready') unless the
 * case's findings were approved by a section head and nothing changed since.
 */
export function assertApprovedForIssue(db: Db, caseId: number): ApprovalStatus {
  const s = approvalStatus(db, caseId);
  const c = requireCase(db, caseId);
  if (!s.approved) throw new ApiFailure('not-ready', `案件 ${c.number} 的稽核结论尚未经科室负责人审核，不能出具稽核意见书或限期整改通知书`);
  if (s.changedAfterReview) {
    throw new ApiFailure('not-ready', `案件 ${c.number} 的稽核结论在审核（${s.approvedBy}，${s.approvedAt!.slice(0, 10)}）后已有变更，需重新审核后才能出具文书`);
  }
  return s;
}
