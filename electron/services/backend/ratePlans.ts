// ratePlans.*: listing the stored plans and importing a plan file (DOMAIN.md §5). A bad plan is
// refused with each field and reason, and nothing is stored.
import { parseRatePlanText } from '../../../shared/rules/ratePlan';
import { appendAudit } from '../audit/auditLog';
import { findRatePlanBySha, insertRatePlan, listRatePlans } from '../db/repos/ratePlans';
import { sha256Hex } from '../db/seed';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

export const ratePlanHandlers: Handlers<'ratePlans.list' | 'ratePlans.import'> = {
  'ratePlans.list': (ctx) => listRatePlans(ctx.db),

  'ratePlans.import': (ctx, input) => {
    const parsed = parseRatePlanText(input.json);
    if (!parsed.ok) {
      const lines = parsed.errors.map((e) => (e.path ? `${e.path}：${e.message}` : e.message));
      throw new ApiFailure(
        'invalid-input',
        `缴费方案有误，未导入：${lines.join('；')}`,
        parsed.errors.map((e) => ({ path: e.path || e.field, message: e.message })),
      );
    }
    const sha256 = sha256Hex(input.json);
    const existing = findRatePlanBySha(ctx.db, sha256);
    if (existing) throw new ApiFailure('conflict', `该缴费方案已导入（“${existing.name}”），不能重复导入`);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const summary = insertRatePlan(ctx.db, { plan: parsed.plan, json: input.json, sha256, example: parsed.plan.example === true }, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'ratePlan.import', detail: { ratePlanId: summary.id, name: summary.name, sha256 } });
      return summary;
    })();
  },
};
