// From bytes to the common grid: the format is decided by content (detectFormat), then the
// matching reader runs. Anything that is not a spreadsheet becomes a FileProblem with a
// Chinese explanation. Big plain .xlsx sheets go to the streaming reader (xlsxStream.ts),
// everything else to exceljs's full reader, which keeps merges (ARCHITECTURE.md §7).
import { FileProblem } from './errors';
import { decodeText, MixedEncodingError } from './decodeText';
import { detectFormat } from './detectFormat';
import { isBlankRow, type WorkbookGrid } from './grid';
import { readCsv } from './readCsv';
import { readXls } from './readXls';
import { readXlsx } from './readXlsx';
import { checkXlsxBounds, MAX_STREAM_INFLATED_BYTES, readXlsxStream } from './xlsxStream';
import { checkXlsxZip, MAX_INFLATED_BYTES, type ZipSummary } from './zipGuard';

export type XlsxReaderChoice = 'auto' | 'stream' | 'full';

export interface ReadGridOptions {
  /** 'auto' (default) picks by size; 'stream'/'full' force a reader (tests, benchmark). */
  xlsxReader?: XlsxReaderChoice;
  /** Reading progress 0…1 of a streamed .xlsx. */
  onProgress?: (fraction: number) => void;
}

/**
 * A sheet whose XML inflates past this is read as a stream: exceljs's full reader needs ~10× it
 * in memory and, on a 17 MB declaration sheet of 95,000 rows, about four times the streaming
 * reader's CPU time (issue 16). Smaller sheets keep exceljs, which the streaming reader is
 * held identical to by the tests.
 */
export const STREAM_SHEET_XML_BYTES = 4 * 1024 * 1024;

/**
 * Defaults for callers that cannot pass options through importSpreadsheet: the environment
 * variable JIHE_XLSX_READER=stream|full forces a reader for a whole run (tests of both paths on
 * the same fixtures, the benchmark); the import worker sets onProgress for its one import.
 */
export const readGridDefaults: ReadGridOptions = {};

function readerFromEnv(): XlsxReaderChoice | undefined {
  const v = typeof process !== 'undefined' ? process.env.JIHE_XLSX_READER : undefined;
  return v === 'stream' || v === 'full' || v === 'auto' ? v : undefined;
}

export function chooseXlsxReader(summary: ZipSummary, choice: XlsxReaderChoice = 'auto'): 'stream' | 'full' {
  if (choice !== 'auto') return choice;
  const biggestSheet = Math.max(0, ...summary.entries.filter((e) => e.name.startsWith('xl/worksheets/')).map((e) => e.originalSize));
  return biggestSheet > STREAM_SHEET_XML_BYTES || summary.inflatedBytes > MAX_INFLATED_BYTES ? 'stream' : 'full';
}

const ACCEPTED = '请选择 .xlsx、.xls 或 .csv 格式的工资表或申报明细';

export async function readGrid(bytes: Uint8Array, fileName: string, options: ReadGridOptions = {}): Promise<WorkbookGrid> {
  const format = detectFormat(bytes);
  const opts = { ...readGridDefaults, ...options };
  switch (format.kind) {
    case 'empty':
      throw new FileProblem('empty-file', '文件是空的（0 字节）');
    case 'zip': {
      const summary = checkXlsxZip(bytes, MAX_STREAM_INFLATED_BYTES, fileName);
      const reader = chooseXlsxReader(summary, opts.xlsxReader ?? readerFromEnv());
      let sheets;
      if (reader === 'stream') sheets = await readXlsxStream(bytes, { onProgress: opts.onProgress, fileName });
      else {
        // exceljs allocates whatever the sheets claim: their bounds are checked first (limits.ts).
        await checkXlsxBounds(bytes, { fileName });
        sheets = await readXlsx(bytes);
      }
      return { format: 'xlsx', encoding: '', sheets };
    }
    case 'ole':
      // .xls (BIFF8); an encrypted .xlsx is an OLE file too, and readXls says so.
      return { format: 'xls', encoding: '', sheets: readXls(bytes, fileName) };
    case 'text': {
      const { text, encoding } = decodeOrExplain(bytes);
      if (text.replace(/[\s,;\t\uFEFF]/g, '') === '') throw new FileProblem('empty-file', '文件中没有任何内容');
      return { format: 'csv', encoding, sheets: [readCsv(text, fileName)] };
    }
    case 'other':
      throw new FileProblem('not-a-spreadsheet', `“${fileName}”的内容是${format.what}，不是电子表格；${ACCEPTED}`);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

function decodeOrExplain(bytes: Uint8Array): ReturnType<typeof decodeText> {
  try {
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof MixedEncodingError) throw new FileProblem('mixed-encoding', error.message);
    throw error;
  }
}

/**
 * The start every importer shares: read the file into sheets, note a non-UTF-8 text encoding,
 * and refuse a file that is not a spreadsheet or holds nothing. File-level problems go to
 * `issue` and null comes back; otherwise the grid and its non-empty sheets.
 */
export async function readImportGrid(
  bytes: Uint8Array,
  fileName: string,
  issue: (severity: 'error' | 'info', code: string, message: string) => void,
): Promise<{ grid: WorkbookGrid; nonEmpty: WorkbookGrid['sheets'] } | null> {
  let grid: WorkbookGrid;
  try {
    grid = await readGrid(bytes, fileName);
  } catch (err) {
    if (err instanceof FileProblem) {
      issue('error', err.code, err.message);
      return null;
    }
    throw err;
  }
  if (grid.format === 'csv' && grid.encoding !== 'UTF-8') issue('info', 'encoding', `文本按 ${grid.encoding} 编码读取`);
  const nonEmpty = grid.sheets.filter((s) => s.rows.some((r) => !isBlankRow(r)));
  if (nonEmpty.length === 0) {
    issue('error', 'empty-file', grid.format === 'csv' ? '文件中没有任何内容' : '工作簿中的工作表都是空的');
    return null;
  }
  return { grid, nonEmpty };
}
