// .xlsx into the common grid with exceljs's full reader, which keeps merged ranges (needed for
// two-row headers and merged name cells). Formulas give their cached result, rich text its
// plain text, hyperlinks their text; an error cell becomes its error text (#N/A) so the row
// is reported with a reason rather than read as empty.
import ExcelJS from 'exceljs';
import { FileProblem } from './errors';
import type { CellValue, MergeRange, SheetGrid } from './grid';
import { checkXlsxZip } from './zipGuard';

type ExcelValue = ExcelJS.CellValue | undefined;

export function toCellValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
    if ('hyperlink' in value) return toCellValue((value as { text?: ExcelValue }).text ?? null);
    if ('error' in value) return String((value as { error: unknown }).error);
    if ('text' in value) return toCellValue((value as { text: ExcelValue }).text);
  }
  return String(value);
}

/** "B2:D3" → 0-based inclusive range. */
export function parseRange(ref: string): MergeRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1] as string);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? col(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetGrid[]> {
  checkXlsxZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new FileProblem('bad-xlsx', `Excel 工作簿无法读取（${(err as Error).message ?? '格式错误'}）；请在 Excel/WPS 中打开后另存为 .xlsx 再导入`);
  }
  const sheets: SheetGrid[] = [];
  for (const ws of workbook.worksheets) {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelValue[];
      const out: CellValue[] = [];
      // row.values is 1-based and sparse.
      for (let c = 1; c < values.length; c++) out[c - 1] = toCellValue(values[c]);
      for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
      rows[rowNumber - 1] = out;
    });
    for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is MergeRange => m !== null);
    sheets.push({ name: ws.name, rows, merges, hidden: ws.state === 'hidden' || ws.state === 'veryHidden' });
  }
  return sheets;
}
