// From bytes to the common grid: the format is decided by content (detectFormat), then the
// matching reader runs. Anything that is not a spreadsheet becomes a FileProblem with a
// Chinese explanation.
import { FileProblem } from './errors';
import { decodeText } from './decodeText';
import { detectFormat } from './detectFormat';
import type { WorkbookGrid } from './grid';
import { readCsv } from './readCsv';
import { readXls } from './readXls';
import { readXlsx } from './readXlsx';

const ACCEPTED = '请选择 .xlsx、.xls 或 .csv 格式的工资表或申报明细';

export async function readGrid(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid> {
  const format = detectFormat(bytes);
  switch (format.kind) {
    case 'empty':
      throw new FileProblem('empty-file', '文件是空的（0 字节）');
    case 'zip':
      return { format: 'xlsx', encoding: '', sheets: await readXlsx(bytes) };
    case 'ole':
      // .xls (BIFF8); an encrypted .xlsx is an OLE file too, and readXls says so.
      return { format: 'xls', encoding: '', sheets: readXls(bytes) };
    case 'text': {
      const { text, encoding } = decodeText(bytes);
      if (text.replace(/[\s,;\t\uFEFF]/g, '') === '') throw new FileProblem('empty-file', '文件中没有任何内容');
      return { format: 'csv', encoding, sheets: [readCsv(text)] };
    }
    case 'other':
      throw new FileProblem('not-a-spreadsheet', `“${fileName}”的内容是${format.what}，不是电子表格；${ACCEPTED}`);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
