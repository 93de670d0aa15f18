// The auditor's explicit override of verification refusals (verify.ts): each overridden check
// stays in the report, downgraded to a warning that says who overrode it and why, and an info
// line records the override, so the stored report and the audit log both carry it.
import type { ImportReport } from '../../../shared/domain/importReport';
import { isVerificationCode, VERIFICATION_NAMES, type VerificationCode } from '../../../shared/api/dto/imports';

export interface VerificationOverride {
  codes: readonly VerificationCode[];
  reason: string;
  actor: string;
}

/** The verification codes that refuse this report (errors not yet overridden). */
export function verificationRefusals(report: ImportReport): VerificationCode[] {
  const codes = new Set<VerificationCode>();
  for (const i of report.issues) if (i.severity === 'error' && isVerificationCode(i.code)) codes.add(i.code);
  return [...codes];
}

/** A new report with the overridden checks as warnings; returns the codes actually overridden. */
export function applyVerificationOverride(report: ImportReport, override: VerificationOverride): { report: ImportReport; applied: VerificationCode[] } {
  const wanted = new Set(override.codes);
  const applied = verificationRefusals(report).filter((c) => wanted.has(c));
  if (applied.length === 0) return { report, applied };
  const issues = report.issues.map((i) =>
    i.severity === 'error' && wanted.has(i.code as VerificationCode) ? { ...i, severity: 'warning' as const, message: `${i.message}（${override.actor} 确认仍然导入，理由：${override.reason}）` } : i,
  );
  issues.push({
    severity: 'info',
    code: 'verification-overridden',
    file: report.fileName,
    sheet: '',
    row: 0,
    column: '',
    message: `核验未通过的项目经 ${override.actor} 确认仍然导入：${applied.map((c) => VERIFICATION_NAMES[c]).join('、')}；理由：${override.reason}`,
  });
  return { report: { ...report, issues }, applied };
}
