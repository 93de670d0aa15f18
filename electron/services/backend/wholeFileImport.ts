// Directory-style imports (employers, institutions, the industry wage table) take a file whole or
// not at all: there is no "leave the bad rows out" choice as for payroll, so the refusal names
// every bad cell and does not offer that choice.
import type { ImportReport } from '../../../shared/domain/importReport';
import { describeIssue, refusalReason } from '../jobs/importPolicy';
import { ApiFailure } from './errors';

const LEAVE_OUT_HINT = '，或选择跳过这些行导入其余各行';

export function refuseUnlessWhole(report: ImportReport, rowCount: number): void {
  const refusal = refusalReason(report, false, rowCount);
  if (!refusal) return;
  const cells = report.issues.filter((i) => i.severity === 'error').map((i) => ({ path: `${i.sheet}!${i.column}${i.row}`, message: describeIssue(i) }));
  throw new ApiFailure('invalid-input', refusal.replace(LEAVE_OUT_HINT, ''), cells);
}
