// employers.*: the audited employers, each identified by a checked unified social credit code.
import { checkCreditCode } from '../../../shared/rules/creditCode';
import { appendAudit } from '../audit/auditLog';
import { findEmployerByCreditCode, insertEmployer, listEmployers } from '../db/repos/employers';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

export const employerHandlers: Handlers<'employers.list' | 'employers.create'> = {
  'employers.list': (ctx) => listEmployers(ctx.db),

  'employers.create': (ctx, input) => {
    const check = checkCreditCode(input.creditCode);
    if (!check.ok) throw new ApiFailure('invalid-input', check.reason, [{ path: 'creditCode', message: check.reason }]);
    const existing = findEmployerByCreditCode(ctx.db, check.code);
    if (existing) {
      throw new ApiFailure('conflict', `统一社会信用代码 ${check.code} 已登记为“${existing.name}”，不能重复登记`, [
        { path: 'creditCode', message: `已登记为“${existing.name}”` },
      ]);
    }
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const employer = insertEmployer(ctx.db, { ...input, creditCode: check.code }, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'employer.create', detail: { employerId: employer.id, name: employer.name, creditCode: employer.creditCode } });
      return employer;
    })();
  },
};
