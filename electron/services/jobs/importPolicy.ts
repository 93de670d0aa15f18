// The all-or-nothing rule for imported files (DOMAIN.md §4.4), in one place for the app's import
// job and the `jihe` command line: any error refuses the whole file, unless the auditor chose to
// leave out the listed rows and nothing is wrong with the file as a whole; a file that yields no
// rows is never a success.
import { IMPORT_KIND_NAMES, type ImportIssue, type ImportReport } from '../../../shared/domain/importReport';

/** "工资表.xlsx，工作表“3月”，第 12 行，C 列：身份证号校验位不正确". */
export function describeIssue(i: ImportIssue): string {
  const where = [i.file, i.sheet ? `工作表“${i.sheet}”` : '', i.row > 0 ? `第 ${i.row} 行` : '', i.column ? `${i.column} 列` : ''].filter(Boolean).join('，');
  return `${where}：${i.message}`;
}

export function errorIssues(report: ImportReport): ImportIssue[] {
  return report.issues.filter((i) => i.severity === 'error');
}

/** Why a report cannot be taken as it is, or null when it can. */
export function refusalReason(report: ImportReport, leaveOutErrorRows: boolean, lineCount: number): string | null {
  const errors = errorIssues(report);
  const fileErrors = errors.filter((i) => i.row === 0);
  const rowErrors = errors.filter((i) => i.row > 0);
  const name = IMPORT_KIND_NAMES[report.kind];
  if (fileErrors.length > 0) {
    return `${name}“${report.fileName}”无法导入：${fileErrors.map(describeIssue).join('；')}`;
  }
  if (rowErrors.length > 0 && !leaveOutErrorRows) {
    const rows = new Set(rowErrors.map((i) => `${i.sheet}\u0000${i.row}`)).size;
    const first = rowErrors.slice(0, 3).map(describeIssue).join('；');
    return `${name}“${report.fileName}”中有 ${rows} 行无法读取，整个文件未导入（${first}${rowErrors.length > 3 ? '；……' : ''}）。请修正文件后重新导入，或选择跳过这些行导入其余各行`;
  }
  if (lineCount === 0) return `${name}“${report.fileName}”中没有可导入的数据行`;
  return null;
}
