// The spreadsheet importer (DOMAIN.md §4.1, §4.2, §4.4; ARCHITECTURE.md §7): bytes of a payroll
// or declaration file in, normalised lines and a report out. It never throws for bad input —
// file-level problems are row-0 errors in the report, row problems are listed with sheet, row,
// column and reason — only cancellation throws (an AbortError). Storage is the caller's job.
import { createHash } from 'node:crypto';
import type { ColumnRole, ImportIssue, ImportKind, ImportReport, SheetMapping } from '../../../shared/domain/importReport';
import type { DeclarationLine, PayrollLine } from '../../../shared/domain/lines';
import {
  applyColumnOverrides,
  missingRoles,
  overrideFor,
  ROLE_NAMES,
  synonymsText,
  type ColumnAssignment,
  type MappingOverride,
} from './columnRoles';
import { crossRowIssues } from './crossRowChecks';
import { detectHeader, HEADER_SCAN_ROWS } from './detectHeader';
import { throwIfAborted } from './errors';
import type { SheetGrid } from './grid';
import { normaliseSheet } from './normaliseRows';
import { readImportGrid } from './readGrid';
import { resolveSheetMonth } from './sheetMonth';
import { checkDeclaredRates, checkUnreadableRows, verifySheet } from './verify';

export type { ColumnAssignment, ColumnOverride, MappingOverride, SheetMappingOverride } from './columnRoles';
export { ImportAbortedError } from './errors';

export interface ImportParams {
  bytes: Uint8Array;
  fileName: string;
  kind: ImportKind;
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
  /** The auditor's corrections (or a saved template) per sheet; see SheetMappingOverride. */
  mapping?: MappingOverride;
}

export interface ParsedImport {
  report: ImportReport;
  /** Filled for kind 'payroll'. */
  payroll: PayrollLine[];
  /** Filled for kind 'declaration'. */
  declarations: DeclarationLine[];
}

interface SheetPlan {
  sheet: SheetGrid;
  entry: SheetMapping;
  columns: ColumnAssignment[];
  firstDataRow: number;
}

const MISSING_CODES: Partial<Record<ColumnRole, string>> = {
  personId: 'no-id-column',
  month: 'no-month',
  gross: 'no-gross-column',
  base: 'no-base-column',
};

function missingMessage(role: ColumnRole): string {
  if (role === 'month') return '未找到月份列（如“月份”“所属期”），工作表名称和标题行中也没有写明月份（如“2024年3月”）';
  if (role === 'ignore') return '';
  return `未找到“${ROLE_NAMES[role]}”列：表头中应有“${synonymsText(role)}”等列名之一`;
}

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export async function importSpreadsheet(params: ImportParams): Promise<ParsedImport> {
  const { bytes, fileName, kind, signal } = params;
  const progress = (fraction: number, message: string) => params.onProgress?.(Math.min(1, Math.max(0, fraction)), message);
  throwIfAborted(signal);
  const report: ImportReport = {
    kind,
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
  const result: ParsedImport = { report, payroll: [], declarations: [] };
  const fileIssue = (severity: ImportIssue['severity'], code: string, message: string, sheet = '') =>
    report.issues.push({ severity, code, file: fileName, sheet, row: 0, column: '', message });

  progress(0.02, '正在读取文件…');
  const read = await readImportGrid(bytes, fileName, fileIssue);
  if (!read) {
    progress(1, '导入失败');
    return result;
  }
  const { grid, nonEmpty } = read;
  throwIfAborted(signal);
  progress(0.3, '正在识别表头…');

  const plans: SheetPlan[] = [];
  const refusals: { sheet: string; code: string; message: string }[] = [];
  for (const sheet of grid.sheets) {
    const entry: SheetMapping = { sheet: sheet.name, headerRow: 0, sheetMonth: null, columns: [], skipped: null };
    report.sheets.push(entry);
    const override = overrideFor(params.mapping, sheet.name);
    if (!nonEmpty.includes(sheet)) {
      entry.skipped = '空工作表';
      continue;
    }
    if (override?.skip) {
      entry.skipped = '按列映射设置跳过';
      continue;
    }
    if (sheet.hidden) {
      entry.skipped = '隐藏的工作表';
      fileIssue('warning', 'hidden-sheet-skipped', `隐藏的工作表“${sheet.name}”未导入；如需导入，请在 Excel 中取消隐藏`, sheet.name);
      continue;
    }
    const detection = detectHeader(sheet, kind, override?.headerRow);
    if (!detection) {
      const message = `前 ${HEADER_SCAN_ROWS} 行中没有找到表头：表头应包含“身份证号”等列（${synonymsText('personId')}）`;
      entry.skipped = message;
      refusals.push({ sheet: sheet.name, code: 'no-header', message });
      continue;
    }
    const columns = applyColumnOverrides(detection.columns, override?.columns);
    entry.headerRow = detection.bottom + 1;
    if (detection.titleText.trim() !== '') entry.title = detection.titleText.trim().slice(0, 300);
    entry.columns = columns
      .filter((c) => c.header !== '' || c.role !== 'ignore')
      .map((c) => ({ index: c.index, letter: c.letter, header: c.header, role: c.role }));
    const hasMonthColumn = columns.some((c) => c.role === 'month');
    let sheetMonth: string | null = null;
    if (override?.sheetMonth !== undefined) sheetMonth = override.sheetMonth;
    else if (!hasMonthColumn) {
      sheetMonth =
        resolveSheetMonth({ sheetName: sheet.name, titleText: detection.titleText, fileName, singleSheet: nonEmpty.length === 1 })?.month ?? null;
    }
    entry.sheetMonth = hasMonthColumn ? null : sheetMonth;
    const missing = missingRoles(columns, kind, sheetMonth !== null);
    if (missing.length > 0) {
      const message = missing.map(missingMessage).join('；');
      entry.skipped = message;
      refusals.push({ sheet: sheet.name, code: MISSING_CODES[missing[0] as ColumnRole] ?? 'missing-column', message });
      continue;
    }
    for (const note of detection.notes) fileIssue('info', 'column-not-used', note, sheet.name);
    plans.push({ sheet, entry, columns, firstDataRow: detection.bottom + 1 });
  }

  if (plans.length === 0) {
    for (const r of refusals) fileIssue('error', r.code, r.message, r.sheet);
    progress(1, '导入失败');
    return result;
  }
  for (const r of refusals) fileIssue('warning', 'sheet-skipped', `工作表未导入：${r.message}`, r.sheet);

  const totalRows = plans.reduce((s, p) => s + Math.max(0, p.sheet.rows.length - p.firstDataRow), 0) || 1;
  let doneRows = 0;
  let sheetsWithoutData = 0;
  for (const plan of plans) {
    const before = doneRows;
    const rows = await normaliseSheet(
      { fileName, sheet: plan.sheet, kind, columns: plan.columns, firstDataRow: plan.firstDataRow, sheetMonth: plan.entry.sheetMonth },
      {
        signal,
        onRows: (done) => progress(0.35 + (0.6 * (before + done)) / totalRows, `正在读取${plan.sheet.name ? `“${plan.sheet.name}”` : '数据'}第 ${plan.firstDataRow + done} 行…`),
      },
    );
    throwIfAborted(signal);
    doneRows += Math.max(0, plan.sheet.rows.length - plan.firstDataRow);
    // Not push(...rows): a spread of a million lines overflows the call stack.
    append(result.payroll, rows.payroll);
    append(result.declarations, rows.declarations);
    append(report.issues, rows.issues);
    // Self-verification (verify.ts): the sheet's own totals and pay components against the mapping.
    const personRows = new Set<number>();
    for (const l of kind === 'payroll' ? rows.payroll : rows.declarations) personRows.add(l.source.row);
    for (const i of rows.issues) if (i.severity === 'error' && i.row > 0) personRows.add(i.row);
    append(report.issues, verifySheet({ fileName, sheet: plan.sheet, kind, columns: plan.columns, firstDataRow: plan.firstDataRow, personRows }));
    // The grid was read for this import only and nothing below needs its cells: let them go
    // now, so a million-cell sheet and the lines built from it are not both held any longer.
    plan.sheet.rows = [];
    plan.sheet.merges = [];
    report.rowsRead += rows.rowsRead;
    report.rowsTaken += rows.rowsTaken;
    report.rowsLeftOut += rows.rowsLeftOut;
    if (rows.rowsTaken + rows.rowsLeftOut === 0) {
      sheetsWithoutData++;
      if (plans.length > 1) fileIssue('warning', 'sheet-without-data', '工作表只有表头，没有人员数据行', plan.sheet.name);
    }
  }

  if (report.rowsTaken === 0) {
    const onlyHeaders = sheetsWithoutData === plans.length && report.rowsRead === 0;
    if (onlyHeaders) fileIssue('error', 'header-only', '文件只有表头，没有数据行');
    else if (report.rowsLeftOut === 0) fileIssue('error', 'no-data-rows', `读到 ${report.rowsRead} 行，但没有一行是人员数据（都是合计、小计或说明行）`);
    else fileIssue('error', 'no-data-rows', `${report.rowsLeftOut} 行数据都无法读取，见下列各行的原因`);
  }

  const lines = kind === 'payroll' ? result.payroll : result.declarations;
  append(report.issues, crossRowIssues(lines, fileName));
  if (report.rowsTaken > 0) {
    append(report.issues, checkUnreadableRows(report));
    if (kind === 'declaration') append(report.issues, checkDeclaredRates(result.declarations, fileName));
  }
  report.persons = new Set(lines.map((l) => l.personId)).size;
  report.months = [...new Set(lines.map((l) => l.month))].sort();
  progress(1, '读取完成');
  return result;
}
