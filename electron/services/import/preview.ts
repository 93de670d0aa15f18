// What the column-mapping screen shows before anything is imported: per sheet the detected
// header row and column roles (the same detectHeader/assignRoles the import uses, with the
// auditor's or a template's overrides applied), the first rows as text and the sheet month,
// plus the header signature that finds the employer's saved template next time.
import type { ImportKind } from '../../../shared/domain/importReport';
import type { MappingOverrideDto, PreviewSheet, SheetMappingOverrideDto } from '../../../shared/api/dto/imports';
import { applyColumnOverrides, missingRoles, normaliseHeader, overrideFor, ROLE_NAMES, type ColumnAssignment, type MappingOverride, type SheetMappingOverride } from './columnRoles';
import { detectHeader, HEADER_SCAN_ROWS } from './detectHeader';
import { detectFormat } from './detectFormat';
import { FileProblem } from './errors';
import { buildMergeLookup, cellText, isBlankRow, type SheetGrid, type WorkbookGrid } from './grid';
import { readGrid } from './readGrid';
import { resolveSheetMonth } from './sheetMonth';

/** Rows shown under the header, and the most columns and characters per cell shown. */
const ROWS_BELOW_HEADER = 10;
const MIN_ROWS = 15;
const MAX_COLUMNS = 40;
const MAX_CELL_CHARS = 40;

/** The header texts by column letter: the same header in the same columns is the same layout. */
export function headerSignature(columns: readonly { letter: string; header: string }[]): string {
  return columns
    .filter((c) => c.header.trim() !== '')
    .map((c) => `${c.letter}=${normaliseHeader(c.header.replace(/\//g, ''))}`)
    .join('|');
}

export interface FilePreview {
  problem: string;
  sheets: PreviewSheet[];
}

/** A CSV longer than this is previewed from its beginning only (the first rows are all the screen shows). */
export const PREVIEW_TEXT_BYTES = 1024 * 1024;

/** The first whole lines of a big CSV (UTF-8 or GB18030: a 0x0A byte is always a line feed there). */
export function previewBytes(bytes: Uint8Array): { bytes: Uint8Array; partial: boolean } {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bytes.length <= PREVIEW_TEXT_BYTES || utf16 || detectFormat(bytes).kind !== 'text') return { bytes, partial: false };
  const cut = bytes.lastIndexOf(0x0a, PREVIEW_TEXT_BYTES);
  return cut > 0 ? { bytes: bytes.subarray(0, cut + 1), partial: true } : { bytes, partial: false };
}

export async function readPreviewGrid(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid | { problem: string }> {
  try {
    return await readGrid(previewBytes(bytes).bytes, fileName);
  } catch (err) {
    if (err instanceof FileProblem) return { problem: err.message };
    throw err;
  }
}

function previewSheet(sheet: SheetGrid, kind: ImportKind, fileName: string, singleSheet: boolean, override: SheetMappingOverride | undefined): PreviewSheet {
  const detection = detectHeader(sheet, kind, override?.headerRow);
  const columns: ColumnAssignment[] = detection ? applyColumnOverrides(detection.columns, override?.columns) : [];
  const hasMonthColumn = columns.some((c) => c.role === 'month');
  let sheetMonth: string | null = null;
  if (override?.sheetMonth !== undefined) sheetMonth = override.sheetMonth;
  else if (detection && !hasMonthColumn) sheetMonth = resolveSheetMonth({ sheetName: sheet.name, titleText: detection.titleText, fileName, singleSheet })?.month ?? null;
  const bottom = detection ? detection.bottom : -1;
  const last = Math.min(sheet.rows.length, Math.max(MIN_ROWS, bottom + 1 + ROWS_BELOW_HEADER));
  const rows: PreviewSheet['rows'] = [];
  const mergeAt = buildMergeLookup(sheet);
  for (let r = 0; r < last; r++) {
    // A merged range shows its text once, in its top-left cell (as Excel does).
    const cells = (sheet.rows[r] ?? []).slice(0, MAX_COLUMNS).map((v, c) => {
      const m = mergeAt(r, c);
      return m && (m.top !== r || m.left !== c) ? '' : cellText(v).slice(0, MAX_CELL_CHARS);
    });
    rows.push({ row: r + 1, cells });
  }
  let problem = '';
  if (!detection) problem = `前 ${HEADER_SCAN_ROWS} 行中没有找到表头，请指定表头行`;
  else {
    const missing = missingRoles(columns, kind, sheetMonth !== null);
    if (missing.length > 0) problem = `缺少：${missing.map((r) => (r === 'month' ? '月份列（或填写表内月份）' : `${ROLE_NAMES[r]}列`)).join('、')}`;
  }
  return {
    sheet: sheet.name,
    hidden: sheet.hidden,
    headerRow: detection ? detection.bottom + 1 : 0,
    headerTop: detection ? detection.top + 1 : 0,
    columns: columns.slice(0, MAX_COLUMNS).map((c) => ({ index: c.index, letter: c.letter, header: c.header, role: c.role, insurance: c.insurance })),
    hasMonthColumn,
    sheetMonth: hasMonthColumn ? null : sheetMonth,
    rows,
    totalRows: sheet.rows.length,
    signature: detection ? headerSignature(columns) : '',
    problem,
  };
}

/** The sheets worth showing: not empty (hidden ones are shown as such; the import skips them). */
export function previewGrid(grid: WorkbookGrid, kind: ImportKind, fileName: string, mapping?: MappingOverride): PreviewSheet[] {
  const nonEmpty = grid.sheets.filter((s) => s.rows.some((r) => !isBlankRow(r)));
  return nonEmpty.map((sheet) => previewSheet(sheet, kind, fileName, nonEmpty.length === 1, overrideFor(mapping, sheet.name)));
}

/** The mapping that reproduces the preview as shown: header row, every column's role, the sheet month. */
export function mappingOfPreview(sheets: readonly PreviewSheet[]): MappingOverrideDto {
  const out: MappingOverrideDto = {};
  for (const s of sheets) {
    if (s.hidden || s.headerRow === 0) continue;
    const columns: NonNullable<SheetMappingOverride['columns']> = {};
    for (const c of s.columns) columns[c.letter] = c.insurance ? { role: c.role, insurance: c.insurance } : c.role;
    out[s.sheet] = { headerRow: s.headerRow, columns, ...(s.hasMonthColumn ? {} : { sheetMonth: s.sheetMonth }) };
  }
  return out;
}

/** The first sheet that has a header: its signature stands for the file's layout. */
export function fileSignature(sheets: readonly PreviewSheet[]): string {
  return sheets.find((s) => !s.hidden && s.signature !== '')?.signature ?? '';
}

/** A saved template as the preview compares it (the employer's templates, read from the database by the caller). */
export interface PreviewTemplateCandidate {
  headerSignature: string;
  mapping: SheetMappingOverrideDto;
}

export interface FilePreviewResult {
  sheets: PreviewSheet[];
  problem: string;
  /** Index in the candidates of the template that matches the file's layout, or null. */
  template: number | null;
  partial: boolean;
}

/** The part of a confirmed sheet mapping a template keeps: the layout, not this file's month. */
export function templateMapping(m: SheetMappingOverrideDto): SheetMappingOverrideDto {
  return { ...(m.headerRow !== undefined ? { headerRow: m.headerRow } : {}), ...(m.columns ? { columns: m.columns } : {}) };
}

/**
 * The whole preview of one file: read (bounded, limits.ts), header and roles per sheet with the
 * auditor's mapping or, without one, the first template whose header signature matches. Pure of
 * the database, so it runs in the import worker like every other parse of an outside file.
 */
export async function previewFile(
  bytes: Uint8Array,
  fileName: string,
  kind: ImportKind,
  mapping: MappingOverride | undefined,
  templates: readonly PreviewTemplateCandidate[],
): Promise<FilePreviewResult> {
  const partial = previewBytes(bytes).partial;
  const grid = await readPreviewGrid(bytes, fileName);
  if ('problem' in grid) return { sheets: [], problem: grid.problem, template: null, partial };
  let sheets = previewGrid(grid, kind, fileName, mapping);
  if (sheets.length === 0) return { sheets, problem: '文件中没有任何内容', template: null, partial };
  if (mapping) return { sheets, problem: '', template: null, partial };
  const found = templates.findIndex((t) => {
    // The template's header row may differ from what detection picks on its own.
    const atTemplateRow = t.mapping.headerRow !== undefined ? previewGrid(grid, kind, fileName, { '*': { headerRow: t.mapping.headerRow } }) : sheets;
    return fileSignature(atTemplateRow) === t.headerSignature;
  });
  if (found < 0) return { sheets, problem: '', template: null, partial };
  sheets = previewGrid(grid, kind, fileName, { '*': templateMapping(templates[found]!.mapping) });
  return { sheets, problem: '', template: found, partial };
}
