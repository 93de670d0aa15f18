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
import { isEmployerCase, type Case, type Employer, type EmployerCase } from '../../../shared/api/dto';
import { getInstitution } from '../db/repos/institutions';
import { institutionForViewer } from './institutions';
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

/** An employer audit's case: the contribution-audit code (figures, payroll, documents on arrears) needs one. */
export function requireEmployerCase(db: Db, caseId: number): EmployerCase {
  const c = requireCase(db, caseId);
  if (!isEmployerCase(c)) throw new ApiFailure('invalid-input', `案件 ${c.number} 是定点医药机构检查，没有参保单位的缴费稽核数据`);
  return c;
}

/** The audited employer of an employer audit (documents and papers on contributions are written for one). */
export function employerOfCase(db: Db, c: Case): Employer {
  const employer = isEmployerCase(c) ? getEmployer(db, c.employerId) : null;
  if (!employer) throw new ApiFailure('invalid-input', `案件 ${c.number} 是定点医药机构检查，此项只用于参保单位稽核`);
  return employer;
}

export function requireOpenCase(db: Db, caseId: number): Case {
  const c = requireCase(db, caseId);
  if (c.state === 'archived') throw new ApiFailure('forbidden', `案件 ${c.number} 已归档，不能修改`);
  return c;
}

export const caseHandlers: Handlers<'cases.list' | 'cases.create' | 'cases.get'> = {
  'cases.list': (ctx, input) => listCases(ctx.db, input),

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
    const employer = c.employerId === null ? null : getEmployer(ctx.db, c.employerId);
    const institution = c.institutionId === null ? null : institutionForViewer(ctx, getInstitution(ctx.db, c.institutionId));
    return { case: c, employer, institution, files: listSourceFiles(ctx.db, c.id), documents: listDocuments(ctx.db, c.id) };
  },
};
