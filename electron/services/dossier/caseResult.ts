// The computed result a dossier's schedule and working papers are written from: the case's rows,
// plan and exemptions in force, as of the date the section head approved the findings (or, before
// any approval, the export date). Null when the case cannot be computed (no payroll or no
// declarations imported, e.g. a case closed before the on-site audit): those papers are left out.
import { compute } from '../../../shared/rules/compute';
import type { ComputeResult } from '../../../shared/domain/result';
import type { Db } from '../db/open';
import { activeExemptions } from '../db/repos/exemptions';
import { loadDeclarationLines, loadPayrollLines } from '../db/repos/lines';
import { listSourceFiles } from '../db/repos/sourceFiles';
import { latestApproval } from '../db/repos/approvals';
import { getCase } from '../db/repos/cases';
import { loadRatePlan } from '../backend/loadPlan';

export function dossierResult(db: Db, caseId: number, exportDate: string): ComputeResult | null {
  const c = getCase(db, caseId);
  if (!c) return null;
  const files = listSourceFiles(db, caseId);
  if (!files.some((f) => f.kind === 'payroll') || !files.some((f) => f.kind === 'declaration')) return null;
  const asOf = latestApproval(db, caseId)?.asOf ?? exportDate;
  return compute({
    plan: loadRatePlan(db, c.ratePlanId),
    from: c.periodFrom,
    to: c.periodTo,
    asOf,
    payroll: loadPayrollLines(db, caseId),
    declarations: loadDeclarationLines(db, caseId),
    exemptions: activeExemptions(db, caseId),
  });
}
