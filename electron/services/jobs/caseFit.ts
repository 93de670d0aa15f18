// What the case knows for the import fit checks (shared/rules/importFit.ts): its audit period,
// its employer's name and the persons of the other side already imported.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ImportIssue, ImportReport } from '../../../shared/domain/importReport';
import { importFitIssues } from '../../../shared/rules/importFit';

export function caseFitIssues(
  db: Database.Database,
  caseId: number,
  kind: 'payroll' | 'declaration',
  report: ImportReport,
  lines: readonly { month: string; personId: string }[],
): ImportIssue[] {
  const c = db
    .prepare('SELECT c.period_from AS periodFrom, c.period_to AS periodTo, e.name AS employerName FROM cases c JOIN employers e ON e.id = c.employer_id WHERE c.id = ?')
    .get(caseId) as { periodFrom: string; periodTo: string; employerName: string } | undefined;
  if (!c) return [];
  const otherTable = kind === 'payroll' ? 'declaration_lines' : 'payroll_lines';
  const other = db
    .prepare(`SELECT DISTINCT l.person_id AS p FROM ${otherTable} l JOIN source_files f ON f.id = l.file_id WHERE f.case_id = ?`)
    .pluck()
    .all(caseId) as string[];
  return importFitIssues({
    fileName: report.fileName,
    kind,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    employerName: c.employerName,
    lines,
    otherSidePersons: new Set(other),
    titles: report.sheets.filter((s) => s.title).map((s) => ({ sheet: s.sheet, title: s.title! })),
  });
}
