// One case through the rules: its stored rows, its plan and its exemptions in force, as the DTO.
// results.compute, finding judgments and the approval hash all compute through here, so what the
// section head approves is exactly what the auditor saw. A what-if overrides the plan's late-fee
// cap or base rule for this computation only.
import { compute } from '../../../shared/rules/compute';
import { ComputeError } from '../../../shared/rules/computeError';
import { toComputeResultDto } from '../../../shared/rules/resultDto';
import { isIsoDate } from '../../../shared/rules/month';
import type { ComputeResultDto } from '../../../shared/api/dto';
import type { RatePlan } from '../../../shared/domain/ratePlan';
import type { ComputeResult } from '../../../shared/domain/result';
import type { Db } from '../db/open';
import { activeExemptions } from '../db/repos/exemptions';
import { loadDeclarationLines, loadPayrollLines } from '../db/repos/lines';
import { listSourceFiles } from '../db/repos/sourceFiles';
import { ApiFailure } from './errors';
import { requireEmployerCase } from './cases';
import { loadRatePlan } from './loadPlan';
import { remitWarning } from '../../../shared/rules/remit';
import { AgencyProfileSchema, type AgencyProfile } from '../../../shared/domain/agency';
import { AGENCY_PROFILE_KEY, getSetting } from '../db/repos/settings';

export interface WhatIf {
  lateFeeCap?: RatePlan['lateFeeCap'];
  baseRule?: RatePlan['baseRule'];
}

export function computeCase(db: Db, caseId: number, asOf: string, whatIf: WhatIf = {}): ComputeResultDto {
  return toComputeResultDto(computeCaseResult(db, caseId, asOf, whatIf));
}

/** The same computation in fen, as the document builders take it. */
export function computeCaseResult(db: Db, caseId: number, asOf: string, whatIf: WhatIf = {}): ComputeResult {
  if (!isIsoDate(asOf)) throw new ApiFailure('invalid-input', `计算截止日期无效：${asOf}`, [{ path: 'asOf', message: '不是有效日期' }]);
  const c = requireEmployerCase(db, caseId);
  const files = listSourceFiles(db, c.id);
  if (!files.some((f) => f.kind === 'payroll')) throw new ApiFailure('not-ready', `案件 ${c.number} 尚未导入工资表，无法计算`);
  if (!files.some((f) => f.kind === 'declaration')) throw new ApiFailure('not-ready', `案件 ${c.number} 尚未导入缴费申报明细，无法计算`);
  const stored = loadRatePlan(db, c.ratePlanId);
  const plan: RatePlan = {
    ...stored,
    ...(whatIf.lateFeeCap ? { lateFeeCap: whatIf.lateFeeCap } : {}),
    ...(whatIf.baseRule ? { baseRule: whatIf.baseRule } : {}),
  };
  try {
    const result = compute({
      plan,
      from: c.periodFrom,
      to: c.periodTo,
      asOf,
      payroll: loadPayrollLines(db, c.id),
      declarations: loadDeclarationLines(db, c.id),
      exemptions: activeExemptions(db, c.id),
    });
    // DOMAIN.md §12: figures outside the agency's remit are flagged on every screen.
    const remit = remitWarning(plan, storedAgencyProfile(db));
    return remit ? { ...result, warnings: [{ code: 'other', message: remit }, ...result.warnings] } : result;
  } catch (e) {
    if (e instanceof ComputeError) throw new ApiFailure('cannot-compute', e.message);
    throw e;
  }
}

/** The stored agency profile, or null when none is configured or it does not parse. */
export function storedAgencyProfile(db: Db): AgencyProfile | null {
  const raw = getSetting(db, AGENCY_PROFILE_KEY);
  const parsed = raw === null ? null : AgencyProfileSchema.safeParse(raw);
  return parsed?.success ? parsed.data : null;
}

/** Today's date as YYYY-MM-DD in local time, from the backend's clock. */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
