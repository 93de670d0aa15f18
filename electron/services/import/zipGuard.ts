// Looks inside an .xlsx (a zip) before any library inflates it: lists the entries and their
// declared sizes from the central directory (fflate, nothing is decompressed), so that a zip
// bomb or a workbook too big for the in-memory reader is refused with a clear answer, and a
// zip that is no workbook (a .docx, a folder archive) is recognised.
// Sizes in the central directory can lie: the streaming reader (xlsxStream.ts) also counts
// inflated bytes as it goes.
import { unzipSync } from 'fflate';
import { FileProblem } from './errors';
import { LIMITS, checkZipDeclared } from './limits';

/** The full exceljs reader holds the whole workbook in memory; past this, refuse for now. */
export const MAX_INFLATED_BYTES = LIMITS.fullReaderInflatedBytes;
/** Real sheet XML compresses 5–30×; a bomb compresses hundreds of times more. */
const MAX_RATIO = 1000;

export interface ZipSummary {
  entries: { name: string; size: number; originalSize: number }[];
  inflatedBytes: number;
}

export function inspectZip(bytes: Uint8Array): ZipSummary {
  const entries: ZipSummary['entries'] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch {
    throw new FileProblem('bad-zip', '文件已损坏或不完整，无法作为 Excel 工作簿（.xlsx）打开');
  }
  const inflatedBytes = entries.reduce((s, e) => s + e.originalSize, 0);
  return { entries, inflatedBytes };
}

/** Throws a FileProblem unless the zip looks like a workbook of a size we can read. */
export function checkXlsxZip(bytes: Uint8Array, maxInflatedBytes = MAX_INFLATED_BYTES, fileName = '工作簿'): ZipSummary {
  const summary = inspectZip(bytes);
  checkZipDeclared(fileName, summary.entries.length, 0, maxInflatedBytes, '');
  const names = new Set(summary.entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    const what = names.has('word/document.xml')
      ? 'Word 文档（.docx）'
      : names.has('ppt/presentation.xml')
        ? 'PowerPoint 演示文稿'
        : names.has('content.xml')
          ? 'OpenDocument 文件（请在 WPS/Excel 中另存为 .xlsx）'
          : '普通压缩包';
    throw new FileProblem('not-a-workbook', `文件是${what}，不是 Excel 工作簿；请选择工资表或申报明细的 .xlsx、.xls 或 .csv 文件`);
  }
  for (const e of summary.entries) {
    if (e.originalSize > 50 * 1024 * 1024 && e.originalSize > e.size * MAX_RATIO) {
      throw new FileProblem('zip-bomb', `文件中的“${e.name}”压缩比异常（${e.size} 字节解压为 ${e.originalSize} 字节），疑似恶意文件，已拒绝`);
    }
  }
  if (summary.inflatedBytes > maxInflatedBytes) {
    const mb = Math.round(summary.inflatedBytes / 1024 / 1024);
    throw new FileProblem(
      'too-large',
      `工作簿解压后约 ${mb} MB，超过本版本可一次读入的上限（${Math.round(maxInflatedBytes / 1024 / 1024)} MB）；请按月份拆分为多个文件或另存为 CSV 后导入`,
    );
  }
  return summary;
}

/**
 * Any other zip from outside this machine (a transfer package): its entry count and declared
 * inflated size, from the central directory, before anything is inflated. fflate's unzipSync
 * never inflates an entry past the size declared for it, so the sum bounds the memory.
 */
export function checkZipBounds(bytes: Uint8Array, fileName: string, maxInflatedBytes: number, advice: string): ZipSummary | null {
  let summary: ZipSummary;
  try {
    summary = inspectZip(bytes);
  } catch {
    // Not a readable zip: the caller's own unzip says so, in its own words.
    return null;
  }
  checkZipDeclared(fileName, summary.entries.length, summary.inflatedBytes, maxInflatedBytes, advice);
  return summary;
}
