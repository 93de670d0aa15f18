// results.compute: the case's stored rows and plan through the rules of DOMAIN.md §6, as the DTO
// the screens and `jihe compute --json` share.
import { compute } from '../../../shared/rules/compute';
import { ComputeError } from '../../../shared/rules/computeError';
import { toComputeResultDto } from '../../../shared/rules/resultDto';
import { isIsoDate } from '../../../shared/rules/month';
import { loadDeclarationLines, loadPayrollLines } from '../db/repos/lines';
import { listSourceFiles } from '../db/repos/sourceFiles';
import { ApiFailure } from './errors';
import { requireCase } from './cases';
import { loadRatePlan } from './loadPlan';
import type { Handlers } from './types';

export const resultHandlers: Handlers<'results.compute'> = {
  'results.compute': (ctx, input) => {
    if (!isIsoDate(input.asOf)) throw new ApiFailure('invalid-input', `计算截止日期无效：${input.asOf}`, [{ path: 'asOf', message: '不是有效日期' }]);
    const c = requireCase(ctx.db, input.caseId);
    const files = listSourceFiles(ctx.db, c.id);
    if (!files.some((f) => f.kind === 'payroll')) throw new ApiFailure('not-ready', `案件 ${c.number} 尚未导入工资表，无法计算`);
    if (!files.some((f) => f.kind === 'declaration')) throw new ApiFailure('not-ready', `案件 ${c.number} 尚未导入缴费申报明细，无法计算`);
    const plan = loadRatePlan(ctx.db, c.ratePlanId);
    try {
      const result = compute({
        plan,
        from: c.periodFrom,
        to: c.periodTo,
        asOf: input.asOf,
        payroll: loadPayrollLines(ctx.db, c.id),
        declarations: loadDeclarationLines(ctx.db, c.id),
      });
      return toComputeResultDto(result);
    } catch (e) {
      if (e instanceof ComputeError) throw new ApiFailure('cannot-compute', e.message);
      throw e;
    }
  },
};
