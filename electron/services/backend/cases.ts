// cases.*: creating a case (with its per-year number 稽〔YYYY〕N号), listing and opening one with
// its imported files and documents.
import { monthRange } from '../../../shared/rules/month';
import { periodsForMonths } from '../../../shared/rules/planRates';
import { ComputeError } from '../../../shared/rules/computeError';
import { appendAudit } from '../audit/auditLog';
import { getCase, insertCase, listCases } from '../db/repos/cases';
import { listDocuments } from '../db/repos/documents';
import { getEmployer } from '../db/repos/employers';
import { listSourceFiles } from '../db/repos/sourceFiles';
import type { Db } from '../db/open';
import type { Case } from '../../../shared/api/dto';
import { ApiFailure } from './errors';
import { loadRatePlan } from './loadPlan';
import { storedAgencyProfile } from './computeCase';
import { whollyOutsideRemit } from '../../../shared/rules/remit';
import type { Handlers } from './types';

export function requireCase(db: Db, caseId: number): Case {
  const c = getCase(db, caseId);
  if (!c) throw new ApiFailure('not-found', `找不到稽核案件（编号 ${caseId}）`);
  return c;
}

export function requireOpenCase(db: Db, caseId: number): Case {
  const c = requireCase(db, caseId);
  if (c.state === 'archived') throw new ApiFailure('forbidden', `案件 ${c.number} 已归档，不能修改`);
  return c;
}

export const caseHandlers: Handlers<'cases.list' | 'cases.create' | 'cases.get'> = {
  'cases.list': (ctx, input) => listCases(ctx.db, input.employerId),

  'cases.create': (ctx, input) => {
    const employer = getEmployer(ctx.db, input.employerId);
    if (!employer) throw new ApiFailure('invalid-input', `找不到参保单位（编号 ${input.employerId}）`, [{ path: 'employerId', message: '单位不存在' }]);
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
      periodsForMonths(plan, monthRange(input.periodFrom, input.periodTo));
    } catch (e) {
      if (e instanceof ComputeError) throw new ApiFailure('invalid-input', e.message, [{ path: 'ratePlanId', message: e.message }]);
      throw e;
    }
    const meta = ctx.meta();
    const year = ctx.now().getFullYear();
    return ctx.db.transaction(() => {
      const c = insertCase(ctx.db, input, year, meta);
      appendAudit(ctx.db, {
        ...meta,
        caseId: c.id,
        action: 'case.create',
        detail: { number: c.number, employerId: c.employerId, creditCode: employer.creditCode, periodFrom: c.periodFrom, periodTo: c.periodTo, ratePlanId: c.ratePlanId, source: c.source },
      });
      return c;
    })();
  },

  'cases.get': (ctx, input) => {
    const c = requireCase(ctx.db, input.caseId);
    const employer = getEmployer(ctx.db, c.employerId)!;
    return { case: c, employer, files: listSourceFiles(ctx.db, c.id), documents: listDocuments(ctx.db, c.id) };
  },
};
