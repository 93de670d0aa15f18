// The preparer/reviewer rule (DOMAIN.md §1): findings are approved by a section head who did not
// prepare them. The preparer is whoever made the latest import or judgment on the case, read
// from the case's audit trail, so the rule cannot be sidestepped by editing a single table.
import { USER_ROLE_NAMES, type UserRole } from '../domain/roles';

/** Audit-log actions that prepare a case's findings (imports and every kind of judgment). */
export const PREPARATION_ACTIONS = ['import.store', 'import.remove', 'exemption.add', 'exemption.revoke', 'finding.judge', 'ledger.set'] as const;

export interface TrailEntry {
  action: string;
  actor: string;
}

/** The actor of the latest preparation entry (entries in log order), or null if none. */
export function preparerOf(trail: readonly TrailEntry[]): string | null {
  for (let i = trail.length - 1; i >= 0; i--) {
    const e = trail[i]!;
    if ((PREPARATION_ACTIONS as readonly string[]).includes(e.action)) return e.actor;
  }
  return null;
}

export type ApprovalCheck = { ok: true } | { ok: false; reason: string };

/** Whether `approver` may approve findings whose preparer is `preparer`. */
export function checkApprover(approver: { username: string; role: UserRole }, preparer: string | null): ApprovalCheck {
  if (approver.role !== 'section-head') {
    return { ok: false, reason: `只有${USER_ROLE_NAMES['section-head']}可以审核稽核结论（当前用户为${USER_ROLE_NAMES[approver.role]}）` };
  }
  if (preparer === null) return { ok: false, reason: '本案尚无导入的数据或认定意见，无可审核的内容' };
  if (preparer === approver.username) {
    return { ok: false, reason: '审核人不能审核本人办理的稽核结论（本案最近一次导入或认定由您本人完成），请由其他科室负责人审核' };
  }
  return { ok: true };
}
