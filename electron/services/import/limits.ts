// The caps on what a file from outside this machine may declare or contain (ARCHITECTURE.md §8,
// "Hostile files are bounded"), in one place: every reader (CSV, .xlsx full and streaming, .xls,
// transfer packages) checks against these BEFORE allocating for what the file claims, and a file
// past a cap is refused with a Chinese message naming the file, the sheet, the row and the limit
// — a 121 KB workbook with one cell in column XFD per row must never become 160 million cells.
import { FileProblem } from './errors';
import { columnLetter, type MergeRange } from './grid';

export const LIMITS = {
  /** Columns a sheet may use: 256 (A … IV), the old Excel limit; no payroll comes near it. */
  columns: 256,
  /** Rows a sheet may use: Excel's own sheet limit. */
  rows: 1_048_576,
  /** Rows a BIFF8 (.xls) sheet can hold at all: a larger declared size is a lie. */
  xlsRows: 65_536,
  /** Cells with a value in one workbook (three million declaration rows × 15 columns fit). */
  cells: 60_000_000,
  /** Cells covered by merged ranges in one sheet (a merge bomb expands into every one of them). */
  mergedCells: 1_000_000,
  /** Entries in a zip (a workbook has dozens; a transfer package one per case and per file). */
  zipEntries: 20_000,
  /** Inflated bytes of a workbook read by the in-memory reader. */
  fullReaderInflatedBytes: 400 * 1024 * 1024,
  /** Inflated bytes of a workbook on the streaming path (a million-row sheet is about 715 MB). */
  streamInflatedBytes: 4 * 1024 * 1024 * 1024,
  /** Inflated bytes of a transfer package (case data and the source files it carries). */
  packageInflatedBytes: 1024 * 1024 * 1024,
  /** Inflated bytes of a dossier ZIP checked by `jihe dossier verify` (documents and source files). */
  dossierInflatedBytes: 2 * 1024 * 1024 * 1024,
} as const;

const fmt = (n: number) => n.toLocaleString('en-US');

/** A file past one of the caps: a FileProblem whose message names the file and the limit. */
export class LimitExceeded extends FileProblem {
  constructor(message: string) {
    super('limit-exceeded', message);
  }
}

/** “工资表.xlsx”的工作表“3月” — how the messages name where they are. */
export function placeOf(fileName: string, sheet: string): string {
  return sheet ? `文件“${fileName}”的工作表“${sheet}”` : `文件“${fileName}”`;
}

/**
 * Checks one workbook's cells, rows, declared dimensions and merges as a reader meets them.
 * One instance per workbook (the cell count is per workbook); `sheet` names the current sheet.
 */
export class WorkbookBounds {
  private cells = 0;
  private merged = 0;
  private mergedSheet = '';

  constructor(
    readonly fileName: string,
    private readonly maxRows: number = LIMITS.rows,
  ) {}

  /** A cell at 0-based (row, col) in `sheet`; counts it. */
  cell(sheet: string, row: number, col: number): void {
    if (col >= LIMITS.columns) this.tooWide(sheet, row, col);
    if (row >= this.maxRows) this.tooLong(sheet, row);
    if (++this.cells > LIMITS.cells) {
      throw new LimitExceeded(`${placeOf(this.fileName, '')}中有值的单元格超过 ${fmt(LIMITS.cells)} 个，超过本程序支持的上限；请按月份拆分为多个文件后导入`);
    }
  }

  /** A row element (0-based) before any of its cells. */
  row(sheet: string, row: number): void {
    if (row >= this.maxRows) this.tooLong(sheet, row);
  }

  tooWide(sheet: string, row: number, col: number): never {
    throw new LimitExceeded(
      `${placeOf(this.fileName, sheet)}第 ${row + 1} 行使用了第 ${col + 1} 列（${columnLetter(col)}），超过本程序支持的 ${LIMITS.columns} 列（至 ${columnLetter(LIMITS.columns - 1)} 列）上限；请删除多余的列后重新导入`,
    );
  }

  tooLong(sheet: string, row: number): never {
    throw new LimitExceeded(`${placeOf(this.fileName, sheet)}使用了第 ${fmt(row + 1)} 行，超过本程序支持的 ${fmt(this.maxRows)} 行上限；请拆分文件后导入`);
  }

  /** The size a sheet declares for itself (<dimension ref>, the .xls Dimensions record). */
  declared(sheet: string, range: MergeRange, text: string): void {
    const rows = range.bottom + 1;
    const cols = range.right + 1;
    if (cols > LIMITS.columns || rows > this.maxRows) {
      const what = cols > LIMITS.columns ? `${fmt(cols)} 列，超过本程序支持的 ${LIMITS.columns} 列上限` : `${fmt(rows)} 行，超过本程序支持的 ${fmt(this.maxRows)} 行上限`;
      throw new LimitExceeded(`${placeOf(this.fileName, sheet)}声明的数据范围为 ${text}（${what}），文件可能已损坏或被恶意构造，已拒绝`);
    }
  }

  /** A merged range; refused when it reaches past the grid caps or merges too many cells in all. */
  merge(sheet: string, m: MergeRange, text: string): void {
    if (m.right >= LIMITS.columns || m.bottom >= this.maxRows) {
      throw new LimitExceeded(
        `${placeOf(this.fileName, sheet)}的合并单元格 ${text} 超出本程序支持的范围（最多 ${LIMITS.columns} 列、${fmt(this.maxRows)} 行），文件可能已损坏或被恶意构造，已拒绝`,
      );
    }
    if (sheet !== this.mergedSheet) {
      this.mergedSheet = sheet;
      this.merged = 0;
    }
    this.merged += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (this.merged > LIMITS.mergedCells) {
      throw new LimitExceeded(`${placeOf(this.fileName, sheet)}的合并单元格共覆盖超过 ${fmt(LIMITS.mergedCells)} 个单元格（至 ${text}），超过本程序支持的上限，已拒绝`);
    }
  }
}

/** A zip's entry count and declared inflated size, from its central directory, before inflating. */
export function checkZipDeclared(fileName: string, entries: number, inflatedBytes: number, maxInflatedBytes: number, advice: string): void {
  if (entries > LIMITS.zipEntries) {
    throw new LimitExceeded(`${placeOf(fileName, '')}中有 ${fmt(entries)} 个压缩条目，超过本程序支持的 ${fmt(LIMITS.zipEntries)} 个上限，已拒绝`);
  }
  if (inflatedBytes > maxInflatedBytes) {
    throw new LimitExceeded(`${placeOf(fileName, '')}解压后约 ${fmt(Math.round(inflatedBytes / 1024 / 1024))} MB，超过本程序可一次读入的 ${fmt(Math.round(maxInflatedBytes / 1024 / 1024))} MB 上限；${advice}`);
  }
}

/** An entry that inflates to more than the central directory declared for it: a lie, refused. */
export function inflatedPastDeclared(fileName: string, entry: string, declared: number): LimitExceeded {
  return new LimitExceeded(`${placeOf(fileName, '')}中的“${entry}”解压后超过其声明的大小（${fmt(declared)} 字节），文件可能已损坏或被恶意构造，已拒绝`);
}
