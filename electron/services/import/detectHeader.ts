// Finds the header row among the first rows of a sheet: the row (or merged pair of rows) whose
// cells best match the column synonyms. Title rows, notes and blank rows above it are skipped,
// and their text is kept so a month written in the title can stand in for a month column.
import { assignRoles, type ColumnAssignment, type HeaderCell, type SheetKind } from './columnRoles';
import { buildMergeLookup, cellAt, cellText, isBlankRow, type MergeRange, type SheetGrid } from './grid';

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
export function headerCells(
  sheet: SheetGrid,
  top: number,
  twoRows: boolean,
  mergeAt: (row: number, col: number) => MergeRange | null = buildMergeLookup(sheet),
): HeaderCell[] {
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

/**
 * Row `top` starts a two-row header when merges in it reach into the next row or span columns
 * above a filled row — and it names columns itself (姓名, 身份证号 merged down), which a merged
 * title row above a one-row header does not.
 */
function looksLikeTwoRowHeader(sheet: SheetGrid, top: number, ownScore: number): boolean {
  if (ownScore === 0 || isBlankRow(sheet.rows[top + 1])) return false;
  return sheet.merges.some((m) => m.top === top && (m.bottom > top || m.right > m.left));
}

export function detectHeader(sheet: SheetGrid, kind: SheetKind, forcedHeaderRow?: number): HeaderDetection | null {
  const mergeAt = buildMergeLookup(sheet);
  const single = (r: number) => assignRoles(headerCells(sheet, r, false, mergeAt), kind);
  const candidates: { top: number; twoRows: boolean; assigned: ReturnType<typeof assignRoles> }[] = [];
  const consider = (top: number, twoRows: boolean, assigned: ReturnType<typeof assignRoles>) => candidates.push({ top, twoRows, assigned });
  if (forcedHeaderRow !== undefined) {
    // The given row is the last header row; it may still be the lower half of two.
    const r = forcedHeaderRow - 1;
    const upper = r > 0 ? single(r - 1) : null;
    if (upper && looksLikeTwoRowHeader(sheet, r - 1, score(upper.columns))) consider(r - 1, true, assignRoles(headerCells(sheet, r - 1, true, mergeAt), kind));
    else consider(r, false, single(r));
  } else {
    for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, sheet.rows.length); r++) {
      if (isBlankRow(sheet.rows[r])) continue;
      const own = single(r);
      if (looksLikeTwoRowHeader(sheet, r, score(own.columns))) consider(r, true, assignRoles(headerCells(sheet, r, true, mergeAt), kind));
      else consider(r, false, own);
    }
  }
  // The best score wins; on a tie the earlier row (a repeated header further down loses).
  let best: (typeof candidates)[number] | null = null;
  for (const c of candidates) if (score(c.assigned.columns) > 0 && (!best || score(c.assigned.columns) > score(best.assigned.columns))) best = c;
  if (!best) return null;
  const titleText = sheet.rows
    .slice(0, best.top)
    .map((row) => row.map(cellText).filter((t) => t.trim() !== '').join(' '))
    .filter((t) => t !== '')
    .join('\n');
  return { top: best.top, bottom: best.twoRows ? best.top + 1 : best.top, columns: best.assigned.columns, notes: best.assigned.notes, titleText };
}
