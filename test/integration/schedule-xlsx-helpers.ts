// The 补缴明细 sheet's columns found by their header text (row 5), so that a column added to the
// sheet (e.g. the 核定 mark) does not silently shift what a test reads.
import type ExcelJS from 'exceljs';

export function scheduleColumn(ws: ExcelJS.Worksheet, header: string): number {
  let at = 0;
  ws.getRow(5).eachCell((cell, col) => {
    if (cell.value === header) at = col;
  });
  if (at === 0) throw new Error(`补缴明细 has no column headed ${header}`);
  return at;
}
