// figures.*: the case's cut-off date and plan (one for every tab, shown in the case header) and
// its approved snapshot (caseFigures.ts). Setting them is recorded in the trail; after an
// approval it is a change the section head must review again (reviewState.ts).
import type { CaseFigures } from '../../../shared/api/dto/figures';
import { toComputeResultDto } from '../../../shared/rules/resultDto';
import { monthRange } from '../../../shared/rules/month';
import { periodsForMonths } from '../../../shared/rules/planRates';
import { ComputeError } from '../../../shared/rules/computeError';
import { appendAudit } from '../audit/auditLog';
import { setCaseRatePlan, setStoredCaseAsOf, storedCaseAsOf } from '../db/repos/caseFigures';
import type { Db } from '../db/open';
import { approvedSnapshot, caseAsOf, snapshotInForce } from './caseFigures';
import { requireEmployerCase, requireOpenCase } from './cases';
import { localIsoDate, storedAgencyProfile } from './computeCase';
import { whollyOutsideRemit } from '../../../shared/rules/remit';
import { ApiFailure } from './errors';
import { loadRatePlan } from './loadPlan';
import type { Handlers } from './types';

export function caseFiguresView(db: Db, caseId: number, today: string): CaseFigures {
  const c = requireEmployerCase(db, caseId);
  const snap = approvedSnapshot(db, c.id);
  let inForce = false;
  try {
    inForce = snap !== null && snapshotInForce(db, c.id) !== null;
  } catch (e) {
    // Nothing imported yet, or no longer computable: the snapshot cannot be in force.
    if (!(e instanceof ApiFailure)) throw e;
  }
  return {
    caseId: c.id,
    asOf: inForce && snap ? snap.asOf : caseAsOf(db, c.id, today),
    asOfSet: storedCaseAsOf(db, c.id) !== null,
    ratePlanId: c.ratePlanId,
    ratePlanName: c.ratePlanName,
    approved: snap
      ? { approvalId: snap.approvalId, asOf: snap.asOf, sha256: snap.sha256, approvedBy: snap.approvedBy, approvedAt: snap.approvedAt, totals: toComputeResultDto({ ...snap.result, rows: [] }).totals }
      : null,
    inForce,
    frozen: c.state === 'archived',
  };
}

export const figureHandlers: Handlers<'figures.get' | 'figures.set'> = {
  'figures.get': (ctx, input) => caseFiguresView(ctx.db, input.caseId, localIsoDate(ctx.now())),

  'figures.set': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    if (input.asOf === undefined && input.ratePlanId === undefined) throw new ApiFailure('invalid-input', '请指定计算截止日或缴费方案');
    if (input.asOf !== undefined && input.asOf < `${c.periodTo}-01`) {
      throw new ApiFailure('invalid-input', `计算截止日（${input.asOf}）不能早于稽核期间的最后一个月`, [{ path: 'asOf', message: '早于稽核期间' }]);
    }
    if (input.ratePlanId !== undefined && input.ratePlanId !== c.ratePlanId) {
      let plan;
      try {
        plan = loadRatePlan(ctx.db, input.ratePlanId);
      } catch (e) {
        if (e instanceof ApiFailure && e.code === 'not-found') throw new ApiFailure('invalid-input', e.message, [{ path: 'ratePlanId', message: '缴费方案不存在' }]);
        throw e;
      }
      if (whollyOutsideRemit(plan, storedAgencyProfile(ctx.db))) {
        throw new ApiFailure('invalid-input', `缴费方案“${plan.name}”的险种都不在本机关的稽核范围内（机关配置·稽核险种）`, [{ path: 'ratePlanId', message: '不在稽核范围内' }]);
      }
      try {
        periodsForMonths(plan, monthRange(c.periodFrom, c.periodTo));
      } catch (e) {
        if (e instanceof ComputeError) throw new ApiFailure('invalid-input', e.message, [{ path: 'ratePlanId', message: e.message }]);
        throw e;
      }
    }
    const before = { asOf: storedCaseAsOf(ctx.db, c.id), ratePlanId: c.ratePlanId };
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      if (input.asOf !== undefined && input.asOf !== before.asOf) setStoredCaseAsOf(ctx.db, c.id, input.asOf);
      if (input.ratePlanId !== undefined && input.ratePlanId !== c.ratePlanId) setCaseRatePlan(ctx.db, c.id, input.ratePlanId);
      appendAudit(ctx.db, {
        ...meta,
        caseId: c.id,
        action: 'case.figures',
        detail: { before, after: { asOf: input.asOf ?? before.asOf, ratePlanId: input.ratePlanId ?? before.ratePlanId } },
      });
    })();
    return caseFiguresView(ctx.db, c.id, localIsoDate(ctx.now()));
  },
};
