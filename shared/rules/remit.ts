// The agency's remit (DOMAIN.md §12): the insurance types its profile says it audits. A rate plan,
// a computation or a document with insurance types outside it is refused or flagged here, in one
// place, never silently printed. A profile that names no remit (written before the field existed)
// checks nothing.
import type { AgencyProfile } from '../domain/agency';
import { INSURANCE_NAMES, type InsuranceCode } from '../domain/insurance';
import type { RatePlan } from '../domain/ratePlan';

/** The plan's insurance types (over all its periods) that the agency does not audit. */
export function outsideRemit(plan: Pick<RatePlan, 'periods'>, profile: Pick<AgencyProfile, 'remit'> | null): InsuranceCode[] {
  const remit = profile?.remit;
  if (!remit) return [];
  const codes = new Set(plan.periods.flatMap((p) => p.insurances.map((i) => i.code)));
  return [...codes].filter((c) => !remit.includes(c));
}

/** True when not one of the plan's insurance types is in the remit: such a plan is refused. */
export function whollyOutsideRemit(plan: Pick<RatePlan, 'periods'>, profile: Pick<AgencyProfile, 'remit'> | null): boolean {
  const outside = outsideRemit(plan, profile);
  const codes = new Set(plan.periods.flatMap((p) => p.insurances.map((i) => i.code)));
  return outside.length > 0 && outside.length === codes.size;
}

/** The Chinese flag for a plan with insurance types outside the remit, or null. */
export function remitWarning(plan: Pick<RatePlan, 'periods'>, profile: Pick<AgencyProfile, 'remit'> | null): string | null {
  const outside = outsideRemit(plan, profile);
  if (outside.length === 0 || !profile?.remit) return null;
  return `缴费方案含本机关稽核范围以外的险种：${outside.map((c) => INSURANCE_NAMES[c]).join('、')}（机关配置的稽核险种为${profile.remit.map((c) => INSURANCE_NAMES[c]).join('、')}）。这些险种的金额不属于本机关稽核的范围，请改用只含本机关稽核险种的缴费方案后再出具文书`;
}

/** The insurance types outside the remit that carry amounts in a computation's result. */
export function amountsOutsideRemit(
  result: { byInsurance: Partial<Record<InsuranceCode, { employerFen: number; employeeFen: number }>> },
  profile: Pick<AgencyProfile, 'remit'> | null,
): InsuranceCode[] {
  const remit = profile?.remit;
  if (!remit) return [];
  return (Object.entries(result.byInsurance) as [InsuranceCode, { employerFen: number; employeeFen: number } | undefined][])
    .filter(([code, v]) => !remit.includes(code) && v !== undefined && (v.employerFen !== 0 || v.employeeFen !== 0))
    .map(([code]) => code);
}

/**
 * Why a document stating these amounts cannot be issued (DOMAIN.md §12: an agency issues nothing
 * about insurance types it does not audit), in Chinese, or null.
 */
export function remitIssueRefusal(
  title: string,
  result: { byInsurance: Partial<Record<InsuranceCode, { employerFen: number; employeeFen: number }>> },
  profile: Pick<AgencyProfile, 'remit'> | null,
): string | null {
  const outside = amountsOutsideRemit(result, profile);
  if (outside.length === 0 || !profile?.remit) return null;
  return `${title}的金额含本机关稽核范围以外的险种（${outside.map((c) => INSURANCE_NAMES[c]).join('、')}），不能签发。本机关稽核的险种为${profile.remit.map((c) => INSURANCE_NAMES[c]).join('、')}；请将案件改用只含这些险种的缴费方案，重新审核后再出具文书`;
}
