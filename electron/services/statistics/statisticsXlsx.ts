// The monthly statistics as XLSX (DOMAIN.md §11): one sheet per table, the title, the header
// fields, the seed's two-row header with merged cells, the printed rows (figures as numbers, so
// a spreadsheet can add them up), the signature fields and the notes. Plain cells and merges
// only, so Excel, WPS and LibreOffice open it alike.
import ExcelJS from 'exceljs';
import { headerCells, headerLine, printedRows, type ReportSignatures } from '../../../shared/documents/statisticsReport';
import type { StatsReport } from '../../../shared/rules/statistics/report';
import { allColumns, type StatsTable } from '../../../shared/rules/statistics/table';
import { formatChineseMonth } from '../../../shared/rules/month';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The cell value: a number where the text is one (counts, 元, 万元, %), else the text ('—'). */
function cellValue(text: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function numberFormat(text: string): string | undefined {
  return /^-?\d+\.\d{2}$/.test(text) ? '0.00' : undefined;
}

function addTableSheet(wb: ExcelJS.Workbook, sheetName: string, r: StatsReport, t: StatsTable, s: ReportSignatures, filledOn: string): void {
  const ws = wb.addWorksheet(sheetName, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 1 + allColumns(t).length;
  ws.addRow([`${t.title}（${formatChineseMonth(r.month)}）`]);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([headerLine(r, filledOn)]);
  ws.mergeCells(2, 1, 2, width);

  const top = 3;
  for (const h of headerCells(t)) {
    const row = top + h.row;
    const col = 1 + h.col;
    ws.getCell(row, col).value = h.text;
    if (h.colSpan > 1 || h.rowSpan > 1) ws.mergeCells(row, col, row + h.rowSpan - 1, col + h.colSpan - 1);
  }
  for (let row = top; row <= top + 1; row++) {
    for (let col = 1; col <= width; col++) {
      const c = ws.getCell(row, col);
      c.font = { bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = BORDER;
    }
  }
  ws.getRow(top).height = 30;
  ws.getRow(top + 1).height = 45;

  for (const p of printedRows(t)) {
    const row = ws.addRow([p.label, ...p.cells.map(cellValue)]);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER;
      if (col > 1) {
        c.alignment = { horizontal: 'right' };
        const fmt = numberFormat(p.cells[col - 2] ?? '');
        if (fmt) c.numFmt = fmt;
      }
    });
  }
  ws.addRow([]);
  ws.addRow([`单位主要负责人：${s.head}`, '', '', '', '', `核对人：${s.checker}`, '', '', '', '', `制表人：${s.preparer}`, '', '', '', '', `制表人电话：${s.phone}`]);
  ws.addRow([]);
  ws.addRow(['备注：']);
  for (const n of t.notes) {
    const row = ws.addRow([n]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  }
  ws.getColumn(1).width = 22;
  for (let col = 2; col <= width; col++) ws.getColumn(col).width = 10;
}

export async function statisticsXlsx(r: StatsReport, s: ReportSignatures, filledOn: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '稽核工作站';
  addTableSheet(wb, '定点医药机构', r, r.institutions, s, filledOn);
  addTableSheet(wb, '参保单位', r, r.employers, s, filledOn);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
