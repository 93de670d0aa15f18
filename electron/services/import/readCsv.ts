// CSV and tab-separated text into the common grid. A real parser (csv-parse) handles quoted
// fields with commas and line breaks; every cell stays text, so IDs keep all 18 digits.
import { parse } from 'csv-parse/sync';
import { FileProblem } from './errors';
import type { CellValue, SheetGrid } from './grid';

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter that occurs most often outside quotes in the first lines (comma on a tie). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 50; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') lines++;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

/** Excel writes ="0123" to keep leading zeros; the value is what is inside the quotes. */
function unwrapExcelText(cell: string): string {
  const m = /^="(.*)"$/s.exec(cell);
  return m ? (m[1] as string) : cell;
}

export function readCsv(text: string): SheetGrid {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; code?: string; message?: string };
    const where = e.lines ? `（第${e.lines}行附近）` : '';
    const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号没有闭合' : (e.message ?? '格式错误');
    throw new FileProblem('csv-syntax', `CSV 文件无法解析${where}：${why}`);
  }
  const rows: CellValue[][] = records.map((rec) => rec.map((cell) => unwrapExcelText(cell)));
  return { name: '', rows, merges: [], hidden: false };
}
