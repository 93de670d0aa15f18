// The industry average-wage table importer (DOMAIN.md §10.2): 年度, 行业, 地区 (blank = the whole
// area), 月平均工资 (yuan, exact to the fen), 来源, through the shared table import. A year, industry
// and region listed twice is an error naming both rows.
import { parseAmount } from '../../../shared/rules/money';
import { cellText, isBlankCell } from './grid';
import { cleanName } from './normaliseRows';
import { importTable, type RowCells, type TableImport, type TableImportParams } from './tableImport';

export interface WageRow {
  row: number;
  sheet: string;
  year: number;
  industry: string;
  region: string;
  averageMonthlyFen: number;
  source: string;
}

function readYear(cells: RowCells): number | null {
  const v = cells.value('year');
  const text = cellText(v).trim().replace(/年(度)?$/, '');
  const n = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1990 || n > 2200) {
    cells.issue('error', 'bad-year', 'year', isBlankCell(v) ? '为空' : `应为四位年份：“${cellText(v)}”`);
    return null;
  }
  return n;
}

export function readWageRow(cells: RowCells): WageRow | null {
  const year = readYear(cells);
  const industry = cleanName(cellText(cells.value('industry')));
  if (industry === '') cells.issue('error', 'bad-industry', 'industry', '为空');
  const wage = parseAmount(cells.value('averageWage'));
  let fen: number | null = null;
  if (!wage.ok) cells.issue('error', 'bad-amount', 'averageWage', wage.reason);
  else if (wage.fen <= 0) cells.issue('error', 'bad-amount', 'averageWage', '应大于 0');
  else if (wage.rounded) cells.issue('error', 'bad-amount', 'averageWage', '金额最多两位小数');
  else fen = wage.fen;
  if (year === null || industry === '' || fen === null) return null;
  return { row: cells.r + 1, sheet: cells.sheet, year, industry, region: cleanName(cellText(cells.value('region'))), averageMonthlyFen: fen, source: cleanName(cellText(cells.value('wageSource'))) };
}

export function importIndustryWages(params: TableImportParams): Promise<TableImport<WageRow>> {
  return importTable<WageRow>('industryWages', params, readWageRow, (rows, issue) => {
    const first = new Map<string, WageRow>();
    for (const r of rows) {
      const key = `${r.year}\t${r.industry}\t${r.region}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, r);
        continue;
      }
      issue({ severity: 'error', code: 'duplicate-wage', file: params.fileName, sheet: r.sheet, row: r.row, column: '', message: `${r.year} 年“${r.industry}”${r.region ? `（${r.region}）` : ''}重复（另见第 ${earlier.row} 行）` });
    }
  });
}
