// Finds the header row among the first rows of a sheet: the row (or merged pair of rows) whose
// cells best match the column synonyms. Title rows, notes and blank rows above it are skipped,
// and their text is kept so a month written in the title can stand in for a month column.
import type { ImportKind } from '../../../shared/domain/importReport';
import { assignRoles, type ColumnAssignment, type HeaderCell } from './columnRoles';
import { buildMergeLookup, cellAt, cellText, isBlankRow, type SheetGrid } from './grid';

export const HEADER_SCAN_ROWS = 30;

export interface HeaderDetection {
  /** 0-based first and last header rows (equal for a one-row header). */
  top: number;
  bottom: number;
  columns: ColumnAssignment[];
  notes: string[];
  /** Text of the rows above the header (title, unit, period), for a sheet-level month. */
  titleText: string;
}

const WEIGHT: Partial<Record<string, number>> = { personId: 4, gross: 2, base: 2, month: 2, name: 1 };

function score(columns: readonly ColumnAssignment[]): number {
  let s = 0;
  for (const c of columns) if (c.role !== 'ignore') s += WEIGHT[c.role] ?? 1;
  return s;
}

/** Header cells of row `top` alone, or of rows top and top+1 read as a two-row merged header. */
export function headerCells(sheet: SheetGrid, top: number, twoRows: boolean): HeaderCell[] {
  const mergeAt = buildMergeLookup(sheet);
  const width = Math.max(sheet.rows[top]?.length ?? 0, twoRows ? (sheet.rows[top + 1]?.length ?? 0) : 0);
  const read = (r: number, c: number): string => {
    const m = mergeAt(r, c);
    return cellText(m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, r, c));
  };
  const cells: HeaderCell[] = [];
  for (let c = 0; c < width; c++) {
    if (!twoRows) {
      cells.push({ text: read(top, c), parent: '' });
      continue;
    }
    const lower = mergeAt(top + 1, c);
    // A cell merged down from the upper row has no text of its own in the lower row.
    const child = lower && lower.top <= top ? '' : read(top + 1, c);
    cells.push({ text: child, parent: read(top, c) });
  }
  return cells;
}

/** Row `top` starts a two-row header when merges in it reach into the next row or span columns above a filled row. */
function looksLikeTwoRowHeader(sheet: SheetGrid, top: number): boolean {
  if (isBlankRow(sheet.rows[top + 1])) return false;
  return sheet.merges.some((m) => m.top === top && (m.bottom > top || m.right > m.left));
}

export function detectHeader(sheet: SheetGrid, kind: ImportKind, forcedHeaderRow?: number): HeaderDetection | null {
  let best: (HeaderDetection & { score: number }) | null = null;
  const candidates =
    forcedHeaderRow !== undefined ? [forcedHeaderRow - 1] : [...Array(Math.min(HEADER_SCAN_ROWS, sheet.rows.length)).keys()];
  for (const r of candidates) {
    if (isBlankRow(sheet.rows[r])) continue;
    // With a forced row, the given row is the last header row; it may still be the lower half of two.
    const twoRows = forcedHeaderRow !== undefined ? r > 0 && looksLikeTwoRowHeader(sheet, r - 1) : looksLikeTwoRowHeader(sheet, r);
    const top = forcedHeaderRow !== undefined && twoRows ? r - 1 : r;
    const { columns, notes } = assignRoles(headerCells(sheet, top, twoRows), kind);
    const s = score(columns);
    if (s > 0 && (!best || s > best.score)) {
      best = { top, bottom: twoRows ? top + 1 : top, columns, notes, titleText: '', score: s };
    }
  }
  if (!best) return null;
  const titleText = sheet.rows
    .slice(0, best.top)
    .map((row) => row.map(cellText).filter((t) => t.trim() !== '').join(' '))
    .filter((t) => t !== '')
    .join('\n');
  const { score: _score, ...detection } = best;
  void _score;
  return { ...detection, titleText };
}
