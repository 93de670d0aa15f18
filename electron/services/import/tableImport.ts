// The sheet loop shared by importers whose kind is described by data (column roles, synonyms and
// required roles in columnRoles.ts) and whose rows a small reader turns into values: settlement
// details, the catalog, the institutions directory. It reuses the grid readers, header detection
// (title rows, two-row headers, synonym headers), GB18030 CSV and the streaming xlsx reader, and
// classifies rows the same way as the payroll importer: blank, total, repeated header and note
// rows are skipped with a reason; every other row is taken or listed with its cell and reason.
// It never throws for bad input: file problems are row-0 errors in the report.
import { createHash } from 'node:crypto';
import type { ColumnRole, ImportIssue, ImportKind, ImportReport, SheetMapping } from '../../../shared/domain/importReport';
import { missingRoles, normaliseHeader, ROLE_NAMES, ROLE_SYNONYMS, synonymsText, type ColumnAssignment } from './columnRoles';
import { detectHeader, HEADER_SCAN_ROWS } from './detectHeader';
import { throwIfAborted } from './errors';
import { buildMergeLookup, cellAt, cellText, columnLetter, isBlankCell, isBlankRow, type CellValue, type SheetGrid } from './grid';
import { isTotalText } from './normaliseRows';
import { readImportGrid } from './readGrid';

/** What a row reader sees of one data row. */
export interface RowCells {
  /** 0-based grid row; the spreadsheet row is r + 1. */
  r: number;
  sheet: string;
  fileName: string;
  /** The cell of a role (a merged cell's master value), null when the column is absent. */
  value(role: ColumnRole): CellValue;
  has(role: ColumnRole): boolean;
  /** Records a problem with the role's cell (or the row when role is null). */
  issue(severity: ImportIssue['severity'], code: string, role: ColumnRole | null, message: string): void;
}

export interface TableImportParams {
  bytes: Uint8Array;
  fileName: string;
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
}

export interface TableImport<T> {
  report: ImportReport;
  rows: T[];
}

const NOTE_START = /^(制表|审核|复核|审批|负责人|经办|填报|填表|注[:：]|说明|备注|打印|数据来源|导出)/;
const YIELD_EVERY = 2000;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads every sheet of a file of `kind`; `readRow` returns a value, or null when the row has an
 * error (it has recorded it). `finish` may add checks across rows (duplicates, first rows).
 */
export async function importTable<T>(
  kind: ImportKind,
  params: TableImportParams,
  readRow: (cells: RowCells) => T | null,
  finish?: (rows: T[], issue: (i: ImportIssue) => void) => void,
  personIdOf?: (row: T) => string,
): Promise<TableImport<T>> {
  const { bytes, fileName, signal } = params;
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
  const out: TableImport<T> = { report, rows: [] };
  const fileIssue = (severity: ImportIssue['severity'], code: string, message: string, sheet = '') =>
    report.issues.push({ severity, code, file: fileName, sheet, row: 0, column: '', message });

  progress(0.02, '正在读取文件…');
  const read = await readImportGrid(bytes, fileName, fileIssue);
  if (!read) return out;
  const { grid, nonEmpty } = read;
  throwIfAborted(signal);
  progress(0.3, '正在识别表头…');
  const totalRows = nonEmpty.reduce((n, s) => n + s.rows.length, 0) || 1;
  let rowsDone = 0;

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
    const detection = detectHeader(sheet, kind);
    const missing = detection ? missingRoles(detection.columns, kind, false) : [];
    if (!detection) {
      const first = missingRoles([], kind, false)[0] as Exclude<ColumnRole, 'ignore'>;
      const message = `前 ${HEADER_SCAN_ROWS} 行中没有找到表头：表头应包含“${ROLE_NAMES[first]}”等列（${synonymsText(first)}）`;
      entry.skipped = message;
      refusals.push({ sheet: sheet.name, code: 'no-header', message });
      continue;
    }
    entry.headerRow = detection.bottom + 1;
    entry.columns = detection.columns.filter((c) => c.header !== '' || c.role !== 'ignore').map((c) => ({ index: c.index, letter: c.letter, header: c.header, role: c.role }));
    if (missing.length > 0) {
      const message = missing
        .map((role) => (role === 'ignore' ? '' : `未找到“${ROLE_NAMES[role]}”列：表头中应有“${synonymsText(role)}”等列名之一`))
        .join('；');
      entry.skipped = message;
      refusals.push({ sheet: sheet.name, code: `missing-${missing[0]}`, message });
      continue;
    }
    for (const note of detection.notes) fileIssue('info', 'column-not-used', note, sheet.name);
    sheetsRead++;
    const requiredRoles = missingRoles([], kind, false);
    const counts = await readSheet(sheet, fileName, detection.columns, detection.bottom + 1, requiredRoles, readRow, out.rows, report.issues, signal, (n) => {
      rowsDone += n;
      progress(0.3 + (0.65 * rowsDone) / totalRows, `正在读取第 ${rowsDone} 行…`);
    });
    report.rowsRead += counts.read;
    report.rowsTaken += counts.taken;
    report.rowsLeftOut += counts.leftOut;
  }

  if (sheetsRead === 0) {
    for (const r of refusals) fileIssue('error', r.code, r.message, r.sheet);
    return out;
  }
  for (const r of refusals) fileIssue('warning', 'sheet-skipped', `工作表未导入：${r.message}`, r.sheet);
  if (report.rowsTaken === 0 && report.rowsLeftOut === 0) {
    fileIssue('error', report.rowsRead === 0 ? 'header-only' : 'no-data-rows', report.rowsRead === 0 ? '文件只有表头，没有数据行' : `读到 ${report.rowsRead} 行，但没有一行是数据（都是合计、小计或说明行）`);
  }
  finish?.(out.rows, (i) => report.issues.push(i));
  if (personIdOf) report.persons = new Set(out.rows.map(personIdOf)).size;
  progress(1, '读取完成');
  return out;
}

async function readSheet<T>(
  sheet: SheetGrid,
  fileName: string,
  columns: readonly ColumnAssignment[],
  firstDataRow: number,
  requiredRoles: readonly ColumnRole[],
  readRow: (cells: RowCells) => T | null,
  into: T[],
  issues: ImportIssue[],
  signal: AbortSignal | undefined,
  onRows: (n: number) => void,
): Promise<{ read: number; taken: number; leftOut: number }> {
  const counts = { read: 0, taken: 0, leftOut: 0 };
  const mergeAt = buildMergeLookup(sheet);
  const byRole = new Map<ColumnRole, ColumnAssignment>();
  for (const c of columns) if (c.role !== 'ignore' && !byRole.has(c.role)) byRole.set(c.role, c);
  const keyRole = requiredRoles[0] as Exclude<ColumnRole, 'ignore'>;
  const keyHeaders = new Set(ROLE_SYNONYMS[keyRole]);
  let last = sheet.rows.length - 1;
  while (last >= firstDataRow && isBlankRow(sheet.rows[last])) last--;
  const blankRows: number[] = [];
  let sinceYield = 0;
  let r = firstDataRow;
  let rowErrors = false;
  const valueAt = (col: ColumnAssignment | undefined): CellValue => {
    if (!col) return null;
    const m = mergeAt(r, col.index);
    return m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, r, col.index);
  };
  const cells: RowCells = {
    r: 0,
    sheet: sheet.name,
    fileName,
    value: (role) => valueAt(byRole.get(role)),
    has: (role) => byRole.has(role),
    issue: (severity, code, role, message) => {
      if (severity === 'error') rowErrors = true;
      const col = role ? byRole.get(role) : undefined;
      issues.push({ severity, code, file: fileName, sheet: sheet.name, row: r + 1, column: col ? columnLetter(col.index) : '', message: role && col ? `${ROLE_NAMES[role]}：${message}` : message });
    },
  };
  const skip = (severity: ImportIssue['severity'], code: string, message: string) =>
    issues.push({ severity, code, file: fileName, sheet: sheet.name, row: r + 1, column: '', message });

  for (; r <= last; r++) {
    if (++sinceYield >= YIELD_EVERY) {
      onRows(sinceYield);
      sinceYield = 0;
      await yieldToLoop();
      throwIfAborted(signal);
    }
    const row = sheet.rows[r];
    if (isBlankRow(row)) {
      blankRows.push(r + 1);
      continue;
    }
    counts.read++;
    const texts = (row ?? []).map(cellText);
    const keyValue = valueAt(byRole.get(keyRole));
    const keyBlank = isBlankCell(keyValue);
    const totalText = texts.find(isTotalText);
    if (totalText !== undefined && (keyBlank || isTotalText(cellText(keyValue)))) {
      skip('info', 'total-row-skipped', `合计/小计行（“${totalText.trim()}”），未导入`);
      continue;
    }
    if (keyBlank) {
      const requiredBlank = requiredRoles.filter((role) => isBlankCell(valueAt(byRole.get(role)))).length;
      if (requiredBlank >= Math.max(1, requiredRoles.length - 1)) {
        const text = texts.filter((t) => t.trim() !== '').join(' ').slice(0, 60);
        if (texts.some((t) => NOTE_START.test(t.trim()))) skip('info', 'note-row-skipped', `表尾说明或签字行，已跳过：“${text}”`);
        else skip('warning', 'non-data-row', `几乎没有数据的行，已跳过：“${text}”`);
        continue;
      }
    }
    if (keyHeaders.has(normaliseHeader(cellText(keyValue)))) {
      skip('info', 'repeated-header', '重复的表头行，已跳过');
      continue;
    }
    rowErrors = false;
    cells.r = r;
    const value = readRow(cells);
    if (value === null || rowErrors) {
      counts.leftOut++;
      continue;
    }
    into.push(value);
    counts.taken++;
  }
  onRows(sinceYield);
  if (blankRows.length > 0) {
    const list = blankRows.slice(0, 20).join('、') + (blankRows.length > 20 ? ' 等' : '');
    issues.push({ severity: 'info', code: 'blank-rows-skipped', file: fileName, sheet: sheet.name, row: blankRows[0] as number, column: '', message: `跳过空行 ${blankRows.length} 行（第 ${list} 行）` });
  }
  return counts;
}

/**
 * A `finish` check for directories (employers, institutions): a credit code appears once; a later
 * row repeating it is an error naming the first.
 */
export function refuseDuplicateCreditCodes<T extends { row: number; sheet: string; input: { creditCode: string } }>(fileName: string) {
  return (rows: T[], issue: (i: ImportIssue) => void): void => {
    const first = new Map<string, T>();
    for (const r of rows) {
      const earlier = first.get(r.input.creditCode);
      if (!earlier) {
        first.set(r.input.creditCode, r);
        continue;
      }
      issue({ severity: 'error', code: 'duplicate-credit-code', file: fileName, sheet: r.sheet, row: r.row, column: '', message: `统一社会信用代码 ${r.input.creditCode} 重复（另见第 ${earlier.row} 行）` });
    }
  };
}
