// The roster (花名册) importer (DOMAIN.md §4.3, §4.4): bytes of an .xlsx/.xls/.csv in, RosterLine
// values and an ImportReport (kind 'roster') out. It reuses the grid readers, the header
// detection and the column roles of the payroll importer, so the same messy layouts work (title
// rows, two-row headers, totals, several sheets, GBK CSV). Like importSpreadsheet it never
// throws for bad input: file problems are row-0 errors, row problems are listed with their cell.
import { createHash } from 'node:crypto';
import type { ImportIssue, ImportReport, SheetMapping } from '../../../shared/domain/importReport';
import type { RosterLine } from '../../../shared/domain/roster';
import { missingRoles, ROLE_NAMES, synonymsText } from './columnRoles';
import { detectHeader, HEADER_SCAN_ROWS } from './detectHeader';
import { throwIfAborted } from './errors';
import { readImportGrid } from './readGrid';
import { normaliseRosterSheet, overlappingRosterIssues } from './rosterRows';

export interface RosterImportParams {
  bytes: Uint8Array;
  fileName: string;
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
}

export interface ParsedRoster {
  report: ImportReport;
  roster: RosterLine[];
}

export async function importRoster(params: RosterImportParams): Promise<ParsedRoster> {
  const { bytes, fileName, signal } = params;
  const progress = (fraction: number, message: string) => params.onProgress?.(Math.min(1, Math.max(0, fraction)), message);
  throwIfAborted(signal);
  const report: ImportReport = {
    kind: 'roster',
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.byteLength,
    sheets: [],
    rowsRead: 0,
    rowsTaken: 0,
    rowsLeftOut: 0,
    persons: 0,
    months: [],
    issues: [],
  };
  const result: ParsedRoster = { report, roster: [] };
  const fileIssue = (severity: ImportIssue['severity'], code: string, message: string, sheet = '') =>
    report.issues.push({ severity, code, file: fileName, sheet, row: 0, column: '', message });

  progress(0.05, '正在读取文件…');
  const read = await readImportGrid(bytes, fileName, fileIssue);
  if (!read) return result;
  const { grid, nonEmpty } = read;
  throwIfAborted(signal);
  progress(0.4, '正在识别表头…');

  const refusals: { sheet: string; code: string; message: string }[] = [];
  let sheetsRead = 0;
  for (const sheet of grid.sheets) {
    const entry: SheetMapping = { sheet: sheet.name, headerRow: 0, sheetMonth: null, columns: [], skipped: null };
    report.sheets.push(entry);
    if (!nonEmpty.includes(sheet)) {
      entry.skipped = '空工作表';
      continue;
    }
    if (sheet.hidden) {
      entry.skipped = '隐藏的工作表';
      fileIssue('warning', 'hidden-sheet-skipped', `隐藏的工作表“${sheet.name}”未导入；如需导入，请在 Excel 中取消隐藏`, sheet.name);
      continue;
    }
    const detection = detectHeader(sheet, 'roster');
    if (!detection) {
      const message = `前 ${HEADER_SCAN_ROWS} 行中没有找到表头：表头应包含“身份证号”等列（${synonymsText('personId')}）`;
      entry.skipped = message;
      refusals.push({ sheet: sheet.name, code: 'no-header', message });
      continue;
    }
    entry.headerRow = detection.bottom + 1;
    entry.columns = detection.columns
      .filter((c) => c.header !== '' || c.role !== 'ignore')
      .map((c) => ({ index: c.index, letter: c.letter, header: c.header, role: c.role }));
    const missing = missingRoles(detection.columns, 'roster', false);
    if (missing.length > 0) {
      const message = missing
        .map((role) => (role === 'ignore' ? '' : `未找到“${ROLE_NAMES[role]}”列：表头中应有“${synonymsText(role)}”等列名之一`))
        .join('；');
      entry.skipped = message;
      refusals.push({ sheet: sheet.name, code: role0(missing[0]), message });
      continue;
    }
    for (const note of detection.notes) fileIssue('info', 'column-not-used', note, sheet.name);
    const rows = normaliseRosterSheet(fileName, sheet, detection.columns, detection.bottom + 1);
    sheetsRead++;
    for (const l of rows.lines) result.roster.push(l);
    for (const i of rows.issues) report.issues.push(i);
    report.rowsRead += rows.rowsRead;
    report.rowsTaken += rows.rowsTaken;
    report.rowsLeftOut += rows.rowsLeftOut;
    throwIfAborted(signal);
    progress(0.4 + (0.55 * sheetsRead) / nonEmpty.length, `正在读取${sheet.name ? `“${sheet.name}”` : '数据'}…`);
  }

  if (sheetsRead === 0) {
    for (const r of refusals) fileIssue('error', r.code, r.message, r.sheet);
    return result;
  }
  for (const r of refusals) fileIssue('warning', 'sheet-skipped', `工作表未导入：${r.message}`, r.sheet);
  if (report.rowsTaken === 0) {
    if (report.rowsRead === 0) fileIssue('error', 'header-only', '文件只有表头，没有数据行');
    else if (report.rowsLeftOut === 0) fileIssue('error', 'no-data-rows', `读到 ${report.rowsRead} 行，但没有一行是人员数据（都是合计、小计或说明行）`);
    else fileIssue('error', 'no-data-rows', `${report.rowsLeftOut} 行数据都无法读取，见下列各行的原因`);
  }
  for (const i of overlappingRosterIssues(result.roster, fileName)) report.issues.push(i);
  report.persons = new Set(result.roster.map((l) => l.personId)).size;
  progress(1, '读取完成');
  return result;
}

function role0(role: string | undefined): string {
  return role === 'personId' ? 'no-id-column' : role === 'hireDate' ? 'no-hire-date-column' : 'missing-column';
}
