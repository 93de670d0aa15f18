// Old Excel 97-2003 workbooks (.xls, BIFF8) into the common grid with @e965/xlsx — the
// maintained republication of SheetJS; the npm `xlsx` package is frozen at a vulnerable
// version (ARCHITECTURE.md §7). Used for .xls only: .xlsx goes through exceljs.
import * as XLSX from '@e965/xlsx';
import { FileProblem } from './errors';
import type { CellValue, MergeRange, SheetGrid } from './grid';
import { LIMITS, WorkbookBounds } from './limits';

const ssf = XLSX.SSF as { is_date(format: string): boolean };

/** Serial → UTC midnight, the same form exceljs gives for dates. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function toCellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'n': {
      const v = cell.v as number;
      if (typeof cell.z === 'string' && ssf.is_date(cell.z)) return serialToDate(v, date1904);
      return v;
    }
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    case 'e':
      return cell.w ?? '#错误';
    case 'z':
      return null;
    default:
      return cell.v === undefined ? null : String(cell.v);
  }
}

/** What an OLE compound file holds, from its stream names, before SheetJS parses it. */
function checkCompoundFile(bytes: Uint8Array): void {
  let paths: string[];
  try {
    paths = (XLSX.CFB.read(bytes, { type: 'array' }) as { FullPaths: string[] }).FullPaths;
  } catch {
    throw new FileProblem('bad-xls', '文件已损坏或不完整，无法作为旧版 Excel 工作簿（.xls）打开');
  }
  const has = (stream: string) => paths.some((p) => p.toLowerCase().endsWith(`/${stream.toLowerCase()}`));
  if (has('EncryptionInfo') || has('EncryptedPackage')) {
    throw new FileProblem('encrypted', '工作簿有密码保护，无法读取；请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入');
  }
  if (has('WordDocument')) throw new FileProblem('not-a-workbook', '文件是 Word 文档（.doc），不是 Excel 工作簿；请选择 .xlsx、.xls 或 .csv 格式的工资表或申报明细');
  if (has('PowerPoint Document')) throw new FileProblem('not-a-workbook', '文件是 PowerPoint 演示文稿，不是 Excel 工作簿');
  if (!has('Workbook') && !has('Book')) throw new FileProblem('not-a-workbook', '文件不是 Excel 工作簿（其中没有工作表数据）');
}

export function readXls(bytes: Uint8Array, fileName = '工作簿'): SheetGrid[] {
  checkCompoundFile(bytes);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: true, cellText: false, dense: false });
  } catch (err) {
    const text = String((err as Error).message ?? err);
    if (/password|encrypt/i.test(text)) {
      throw new FileProblem('encrypted', '工作簿有密码保护，无法读取；请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入');
    }
    throw new FileProblem('bad-xls', `旧版 Excel 工作簿（.xls）无法读取（${text}）；请在 Excel/WPS 中打开后另存为 .xlsx 再导入`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  // A BIFF8 sheet holds at most 65,536 rows: a Dimensions record claiming more is a lie.
  const bounds = new WorkbookBounds(fileName, LIMITS.xlsRows);
  return wb.SheetNames.map((name, i): SheetGrid => {
    const ws = wb.Sheets[name] as XLSX.WorkSheet;
    // The declared range (the Dimensions record) is checked, never allocated: the rows are
    // built from the cells the sheet really has.
    if (ws['!ref']) {
      const range = XLSX.utils.decode_range(ws['!ref']);
      bounds.declared(name, { top: range.s.r, left: range.s.c, bottom: range.e.r, right: range.e.c }, ws['!ref']);
    }
    const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    for (const m of merges) bounds.merge(name, m, XLSX.utils.encode_range({ s: { r: m.top, c: m.left }, e: { r: m.bottom, c: m.right } }));
    const rows: CellValue[][] = [];
    let height = 0;
    for (const key of Object.keys(ws)) {
      if (key.charCodeAt(0) === 33 /* ! */) continue;
      const { r, c } = XLSX.utils.decode_cell(key);
      if (r < 0 || c < 0) continue;
      const value = toCellValue(ws[key] as XLSX.CellObject, date1904);
      if (value === null) continue;
      bounds.cell(name, r, c);
      (rows[r] ??= [])[c] = value;
      height = Math.max(height, r + 1);
    }
    rows.length = height;
    for (let r = 0; r < height; r++) {
      const row = (rows[r] ??= []);
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    return { name, rows, merges, hidden };
  });
}
