// trail.*: a case's audit trail as a readable timeline, and the check of its hash chain
// (electron/services/audit/auditLog.ts). A row altered behind the database's back — with the
// append-only triggers dropped — no longer matches its hash, and verify names the first such row.
import { trailSummary, trailTitle } from '../../../shared/rules/trailText';
import { listAudit, verifyStoredChain } from '../audit/auditLog';
import { listUsers } from '../db/repos/users';
import { requireCase } from './cases';
import type { Handlers } from './types';

export const trailHandlers: Handlers<'trail.list' | 'trail.verify'> = {
  'trail.list': (ctx, input) => {
    requireCase(ctx.db, input.caseId);
    const names = new Map(listUsers(ctx.db).map((u) => [u.username, u.displayName]));
    return listAudit(ctx.db, input.caseId).map((e) => ({ id: e.id, at: e.at, actor: e.actor, actorName: names.get(e.actor) ?? null, action: e.action, title: trailTitle(e.action), summary: trailSummary(e.action, e.detail), hash: e.hash }));
  },

  'trail.verify': (ctx, input) => {
    const c = requireCase(ctx.db, input.caseId);
    const check = verifyStoredChain(ctx.db, c.id);
    if (check.ok) return { ok: true, entries: check.entries, head: check.head, brokenAt: null, message: `完整：案件 ${c.number} 的 ${check.entries} 条操作记录哈希链校验通过，与本机签名的链头一致` };
    return { ok: false, entries: check.entriesFound, head: null, brokenAt: check.entryId, message: `已被篡改：${check.reason}` };
  },
};
