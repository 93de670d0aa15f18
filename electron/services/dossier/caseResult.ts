// The computed result a dossier's schedule and working papers are written from: the case's figures
// (backend/caseFigures.ts) — the result its section head approved, frozen at approval, so the XLSX
// states exactly what the issued documents state; before any approval, the computation at the
// case's cut-off date. Null when the case cannot be computed (no payroll or no declarations
// imported, e.g. a case closed before the on-site audit): those papers are left out.
import type { ComputeResult } from '../../../shared/domain/result';
import type { Db } from '../db/open';
import { listSourceFiles } from '../db/repos/sourceFiles';
import { getCase } from '../db/repos/cases';
import { approvedSnapshot, caseAsOf } from '../backend/caseFigures';
import { computeCaseResult } from '../backend/computeCase';

export function dossierResult(db: Db, caseId: number, exportDate: string): ComputeResult | null {
  const c = getCase(db, caseId);
  if (!c) return null;
  const files = listSourceFiles(db, caseId);
  if (!files.some((f) => f.kind === 'payroll') || !files.some((f) => f.kind === 'declaration')) return null;
  return approvedSnapshot(db, caseId)?.result ?? computeCaseResult(db, caseId, caseAsOf(db, caseId, exportDate));
}
