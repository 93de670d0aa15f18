// CSV and tab-separated text into the common grid. A real parser (csv-parse) handles quoted
// fields with commas and line breaks; every cell stays text, so IDs keep all 18 digits.
// Well-formed text (the usual export: one line ending throughout, quotes only around whole
// fields) takes a hand-written fast path, many times quicker on a 400,000-row file: csv-parse
// builds an error object with a stack and deep copies for every row whose field count differs
// from the first row's — and a title line makes that every row. Anything unusual (text after a
// closing quote, mixed line endings, an unclosed quote) goes to csv-parse, so results never differ
// (test/integration/import-csv-fast.test.ts holds both to the same output).
import { parse } from 'csv-parse/sync';
import { FileProblem } from './errors';
import type { CellValue, SheetGrid } from './grid';
import { LIMITS, WorkbookBounds } from './limits';

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
  if (cell.charCodeAt(0) !== 61 /* = */) return cell;
  const m = /^="(.*)"$/s.exec(cell);
  return m ? (m[1] as string) : cell;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The records of plain CSV, or null when the text needs csv-parse's relaxed rules. Same output
 * as csv-parse with { relax_column_count, relax_quotes, skip_empty_lines: false, bom }.
 */
export function parseCsvFast(input: string, delimiter: string, bounds?: WorkbookBounds): string[][] | null {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delim = delimiter.charCodeAt(0);
  const len = text.length;
  const records: string[][] = [];
  /** The record delimiter, decided at the first line end outside quotes: '\n' or '\r\n'. */
  let crlf: boolean | null = null;
  let record: string[] = [];
  let pos = 0;
  while (pos < len) {
    let field: string;
    let ch = text.charCodeAt(pos);
    if (ch === QUOTE) {
      // A quoted field: up to the quote not doubled.
      let out = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return null;
        if (text.charCodeAt(q + 1) === QUOTE) {
          out += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        out += text.slice(from, q);
        pos = q + 1;
        break;
      }
      field = out;
      ch = text.charCodeAt(pos);
      if (pos < len && ch !== delim && ch !== CR && ch !== LF) return null;
    } else {
      let end = pos;
      while (end < len) {
        ch = text.charCodeAt(end);
        // relax_quotes: a quote inside an unquoted field (="0123") is an ordinary character.
        if (ch === delim || ch === CR || ch === LF) break;
        end++;
      }
      field = text.slice(pos, end);
      pos = end;
    }
    record.push(field);
    if (bounds && record.length > LIMITS.columns) bounds.tooWide('', records.length, record.length - 1);
    if (pos >= len) break;
    ch = text.charCodeAt(pos);
    if (ch === delim) {
      pos++;
      if (pos >= len) record.push('');
      continue;
    }
    // A line end.
    const isCrlf = ch === CR && text.charCodeAt(pos + 1) === LF;
    if (ch === CR && !isCrlf) return null;
    if (crlf === null) crlf = isCrlf;
    else if (crlf !== isCrlf) return null;
    pos += isCrlf ? 2 : 1;
    if (bounds) bounds.row('', records.length);
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}

function parseWithCsvParse(text: string, delimiter: string, bounds: WorkbookBounds): string[][] {
  // csv-parse builds an Error (with a stack) for each row of another length; no stacks needed.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      on_record: (record: string[], { lines }: { lines: number }) => {
        if (record.length > LIMITS.columns) bounds.tooWide('', lines - 1, record.length - 1);
        bounds.row('', lines - 1);
        return record;
      },
    }) as string[][];
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function readCsv(text: string, fileName = 'CSV 文件'): SheetGrid {
  const delimiter = detectDelimiter(text);
  const bounds = new WorkbookBounds(fileName);
  let records: string[][];
  try {
    records = parseCsvFast(text, delimiter, bounds) ?? parseWithCsvParse(text, delimiter, bounds);
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    const e = err as { lines?: number; code?: string; message?: string };
    const where = e.lines ? `（第${e.lines}行附近）` : '';
    const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号没有闭合' : (e.message ?? '格式错误');
    throw new FileProblem('csv-syntax', `CSV 文件无法解析${where}：${why}`);
  }
  const rows: CellValue[][] = records.map((rec) => rec.map((cell) => unwrapExcelText(cell)));
  return { name: '', rows, merges: [], hidden: false };
}
