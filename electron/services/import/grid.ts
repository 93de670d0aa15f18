// The common shape every reader (CSV, .xlsx, later .xls and the streaming path) produces, so
// header detection and row normalisation are written once and never see a file format.

/** A cell as the readers hand it on: text, number, boolean, a date (UTC midnight) or empty. */
export type CellValue = string | number | boolean | Date | null;

/** A merged range, 0-based and inclusive, as it appears in the sheet. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** Sheet name as the workbook shows it; '' for a CSV file, which has no sheets. */
  name: string;
  /** rows[r][c], 0-based; row r is spreadsheet row r + 1. Rows may be ragged. */
  rows: CellValue[][];
  merges: MergeRange[];
  /** Hidden sheets are reported, not read. */
  hidden: boolean;
}

export interface WorkbookGrid {
  format: 'xlsx' | 'xls' | 'csv';
  /** How the text of a CSV was decoded ('' for a workbook), shown in the report. */
  encoding: string;
  sheets: SheetGrid[];
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  return sheet.rows[row]?.[col] ?? null;
}

export function isBlankCell(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.replace(/[\s\u3000\u00A0]/g, '') === '');
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlankCell);
}

/** The display text of a cell, for header matching and messages. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * The merged range whose top-left cell is (row, col)'s master, or null. Used to read a merged
 * header cell across its span and to carry a vertically merged name or ID down its rows.
 */
export function buildMergeLookup(sheet: SheetGrid): (row: number, col: number) => MergeRange | null {
  const byCell = new Map<string, MergeRange>();
  // Rows touched by a merge: most data rows have none, and are answered without building a key.
  const rows = new Set<number>();
  for (const m of sheet.merges) {
    // Huge merges (a whole column) are not indexed cell by cell.
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      rows.add(r);
      for (let c = m.left; c <= m.right; c++) byCell.set(`${r},${c}`, m);
    }
  }
  return (row, col) => (rows.has(row) ? (byCell.get(`${row},${col}`) ?? null) : null);
}
