// approvals.*: the section head's sign-off on a case's findings. Only a section head who prepared
// nothing in the case may approve (shared/rules/signOff.ts, shared/rules/segregation.ts; a
// migration refuses it in SQL too); the approval stores the hash of what it covers, so
// approvals.status can say whether anything changed since, and freezes the approved result
// (caseFigures.ts) that documents and rectification then use.
import { appendAudit } from '../audit/auditLog';
import { insertApproval } from '../db/repos/approvals';
import { ApiFailure } from './errors';
import { requireOpenCase } from './cases';
import { localIsoDate } from './computeCase';
import { caseAsOf, freezeSnapshot } from './caseFigures';
import { approvalStatus, approverCheck, reviewHash } from './reviewState';
import type { Handlers } from './types';

export const approvalHandlers: Handlers<'approvals.approve' | 'approvals.status'> = {
  'approvals.approve': (ctx, input) => {
    const me = ctx.currentUser();
    if (!me) throw new ApiFailure('forbidden', '请先登录');
    const c = requireOpenCase(ctx.db, input.caseId);
    const check = approverCheck(ctx.db, c.id, me);
    if (!check.ok) throw new ApiFailure('forbidden', check.reason);
    const preparer = check.preparer;
    const before = approvalStatus(ctx.db, c.id);
    if (before.approved && !before.changedAfterReview && (input.asOf === undefined || input.asOf === before.asOf)) {
      throw new ApiFailure('conflict', `案件 ${c.number} 的稽核结论已由 ${before.approvedBy} 审核，此后没有变更`);
    }
    const asOf = input.asOf ?? caseAsOf(ctx.db, c.id, localIsoDate(ctx.now()));
    const sha = reviewHash(ctx.db, c.id, asOf);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      const a = insertApproval(ctx.db, { caseId: c.id, asOf, reviewSha256: sha, preparer: preparer!, note: input.note || null }, meta);
      const snapshotSha256 = freezeSnapshot(ctx.db, c.id, a.id, asOf, meta);
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'approval.approve', detail: { approvalId: a.id, kind: 'findings', asOf, reviewSha256: sha, snapshotSha256, preparer, note: input.note || null } });
    })();
    return approvalStatus(ctx.db, c.id);
  },

  'approvals.status': (ctx, input) => approvalStatus(ctx.db, input.caseId),
};
