// The fast path for big plain .xlsx sheets (ARCHITECTURE.md §7): the zip is inflated as a
// stream (fflate) and the XML parsed as a stream (saxes), so a 1,000,000-row sheet — whose XML
// is past V8's largest string — is never held as one string and never spilled to a temp file.
// It reads only what the importer needs: cell values (shared strings loaded first, dates by the
// cell's number format exactly as exceljs decides them), merged ranges, sheet names and hidden
// state. The result is the same SheetGrid the full exceljs reader gives, and the tests hold both
// paths to identical rows on the same fixtures.
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileProblem } from './errors';
import type { CellValue, MergeRange, SheetGrid } from './grid';
import { parseRange } from './readXlsx';
import { SheetXmlError, SheetXmlScanner, type SheetAttrs } from './sheetXmlScanner';
import { inflatedPastDeclared, LIMITS, WorkbookBounds } from './limits';

/** Past this much inflated XML in total the file is refused even on the streaming path. */
export const MAX_STREAM_INFLATED_BYTES = LIMITS.streamInflatedBytes;
/** Compressed bytes handed to the inflater per turn of the event loop. */
const CHUNK = 1024 * 1024;

export interface XlsxStreamOptions {
  /** Fraction 0…1 of the compressed bytes read so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Names the file in messages about limits (limits.ts). */
  fileName?: string;
}

/** The number formats exceljs knows by id (its defaultnumformats table, codes only). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** exceljs's rule: a date format has y/m/d/h/s/b outside quotes and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** "AB12" → column 27 (0-based), or -1 without letters. */
function columnOfRef(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    n = n * 26 + ch - 64;
  }
  return i === 0 ? -1 : n - 1;
}

/** Drops a namespace prefix ("x:c" → "c"): some writers qualify every SpreadsheetML tag. */
const local = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

function badXlsx(reason: string): FileProblem {
  return new FileProblem('bad-xlsx', `Excel 工作簿无法读取（${reason}）；请在 Excel/WPS 中打开后另存为 .xlsx 再导入`);
}

/** Feeds an entry's inflated bytes into a saxes parser as text, counting what was inflated. */
interface XmlSink {
  write(chunk: Uint8Array, final: boolean): void;
}

function xmlSink(entry: string, onTag: (tag: SaxesTagPlain) => void, onText: (text: string) => void, onClose: (name: string) => void, count: (n: number) => void): XmlSink {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', onTag);
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => onClose(local(tag.name)));
  parser.on('error', (err) => {
    throw badXlsx(`${entry}：${err.message}`);
  });
  const decoder = new TextDecoder('utf-8');
  return {
    write(chunk, final) {
      count(chunk.byteLength);
      parser.write(decoder.decode(chunk, { stream: !final }));
      if (final) parser.close();
    },
  };
}

/** A worksheet's inflated bytes through the fast scanner (sheetXmlScanner.ts). */
function sheetSink(entry: string, handler: ConstructorParameters<typeof SheetXmlScanner>[0], count: (n: number) => void): XmlSink {
  const scanner = new SheetXmlScanner(handler, entry);
  return {
    write(chunk, final) {
      count(chunk.byteLength);
      try {
        scanner.write(chunk, final);
      } catch (e) {
        throw e instanceof SheetXmlError ? badXlsx(e.message) : e;
      }
    },
  };
}

interface ZipEntry {
  name: string;
  method: number;
  /** Where the compressed data starts and how long it is. */
  start: number;
  size: number;
  /** The inflated size the central directory declares: inflating past it is refused. */
  originalSize: number;
}

/**
 * The entries from the zip's central directory, with where each one's data starts; null for
 * anything unusual (zip64, encryption, a method other than stored/deflate, bad offsets), which
 * then goes the fflate way and gets its error there.
 */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) return null;
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || view.getUint32(p, true) !== 0x02014b50) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const originalSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (flags & 1 || (method !== 0 && method !== 8) || size === 0xffffffff || originalSize === 0xffffffff || local === 0xffffffff) return null;
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (local + 30 > len || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > len) return null;
    entries.push({ name, method, start, size, originalSize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates the wanted entries with Node's zlib (several times faster than fflate in JS),
 * streaming: the compressed data goes in by CHUNK, the XML comes out in pieces to the sink.
 */
async function inflateWithZlib(bytes: Uint8Array, entries: ZipEntry[], sinkFor: (name: string) => XmlSink | null, options: XlsxStreamOptions, progressBase: number, progressSpan: number): Promise<void> {
  for (const entry of entries) {
    const found = sinkFor(entry.name);
    if (!found) continue;
    const sink = declaredSizeGuard(found, entry.name, entry.originalSize, options.fileName);
    const report = (offset: number) => options.onProgress?.(progressBase + (progressSpan * (entry.start + offset)) / bytes.byteLength);
    const pieces = function* () {
      for (let o = 0; o < entry.size; o += CHUNK) {
        report(o);
        yield Buffer.from(bytes.buffer, bytes.byteOffset + entry.start + o, Math.min(CHUNK, entry.size - o));
      }
      report(entry.size);
    };
    if (entry.method === 0) {
      for (const piece of pieces()) {
        sink.write(piece, false);
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      }
      sink.write(new Uint8Array(0), true);
      continue;
    }
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    const source = Readable.from(pieces(), { objectMode: false });
    source.on('error', (e) => inflater.destroy(e));
    source.pipe(inflater);
    // One piece is held back so that the last one can be marked final.
    let held: Uint8Array | null = null;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        if (held) sink.write(held, false);
        held = chunk;
        if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      }
    } catch (e) {
      source.destroy();
      if (e instanceof FileProblem || options.signal?.aborted) throw e;
      throw badXlsx(`${entry.name} 解压失败：${(e as Error).message}`);
    }
    sink.write(held ?? new Uint8Array(0), true);
  }
}

/** Refuses an entry that inflates past the size its central directory declares (a zip bomb's lie). */
function declaredSizeGuard(sink: XmlSink, entry: string, declared: number, fileName = '工作簿'): XmlSink {
  let seen = 0;
  return {
    write(chunk, final) {
      seen += chunk.byteLength;
      if (seen > declared) throw inflatedPastDeclared(fileName, entry, declared);
      sink.write(chunk, final);
    },
  };
}

/** Runs the zip through the streaming inflater, giving the wanted entries to their sinks. */
async function inflateEntries(bytes: Uint8Array, sinkFor: (name: string) => XmlSink | null, options: XlsxStreamOptions, progressBase: number, progressSpan: number): Promise<void> {
  const entries = zipEntries(bytes);
  if (entries) return inflateWithZlib(bytes, entries, sinkFor, options, progressBase, progressSpan);
  let failure: unknown = null;
  const unzip = new Unzip((file: UnzipFile) => {
    const found = sinkFor(file.name);
    if (!found) return;
    const sink = declaredSizeGuard(found, file.name, file.originalSize ?? Number.MAX_SAFE_INTEGER, options.fileName);
    file.ondata = (err, data, final) => {
      if (failure) return;
      try {
        if (err) throw badXlsx(`${file.name} 解压失败：${err.message}`);
        sink.write(data, final);
      } catch (e) {
        failure = e;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
    const end = Math.min(bytes.byteLength, offset + CHUNK);
    try {
      unzip.push(bytes.subarray(offset, end), end === bytes.byteLength);
    } catch (e) {
      throw e instanceof FileProblem ? e : badXlsx(`解压失败：${(e as Error).message}`);
    }
    if (failure) throw failure;
    options.onProgress?.(progressBase + (progressSpan * end) / bytes.byteLength);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
  }
  if (failure) throw failure;
}

interface WorkbookInfo {
  sheets: { name: string; hidden: boolean; target: string }[];
  date1904: boolean;
  /** style index → number format code (undefined for none). */
  cellFormats: (string | undefined)[];
  sharedStrings: string[];
}

/** Pass 1: workbook, relationships, styles and shared strings. */
async function readWorkbookInfo(bytes: Uint8Array, options: XlsxStreamOptions, count: (n: number) => void): Promise<WorkbookInfo> {
  const sheetsRaw: { name: string; hidden: boolean; rid: string }[] = [];
  const rels = new Map<string, string>();
  const numFmts = new Map<number, string>();
  const xfFormatIds: number[] = [];
  const sharedStrings: string[] = [];
  let date1904 = false;

  // Shared strings: <si><t>…</t></si>, or rich runs <si><r><t>…</t></r>…</si>; phonetic runs (<rPh>) are not text.
  let si: string | null = null;
  let inT = false;
  let inPhonetic = false;
  let inCellXfs = false;

  const sinkFor = (name: string): XmlSink | null => {
    switch (name) {
      case 'xl/workbook.xml':
        return xmlSink(
          name,
          (tag) => {
            const n = local(tag.name);
            if (n === 'sheet') {
              const a = tag.attributes;
              const rid = a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id' && k.includes(':'))?.[1] ?? '';
              sheetsRaw.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', rid });
            } else if (n === 'workbookPr') date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
          },
          () => {},
          () => {},
          count,
        );
      case 'xl/_rels/workbook.xml.rels':
        return xmlSink(
          name,
          (tag) => {
            if (local(tag.name) === 'Relationship') rels.set(tag.attributes.Id ?? '', tag.attributes.Target ?? '');
          },
          () => {},
          () => {},
          count,
        );
      case 'xl/styles.xml':
        return xmlSink(
          name,
          (tag) => {
            const n = local(tag.name);
            if (n === 'numFmt') numFmts.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
            else if (n === 'cellXfs') inCellXfs = true;
            else if (n === 'xf' && inCellXfs) xfFormatIds.push(Number(tag.attributes.numFmtId ?? 0));
          },
          () => {},
          (n) => {
            if (n === 'cellXfs') inCellXfs = false;
          },
          count,
        );
      case 'xl/sharedStrings.xml':
        return xmlSink(
          name,
          (tag) => {
            const n = local(tag.name);
            if (n === 'si') si = '';
            else if (n === 't') inT = true;
            else if (n === 'rPh') inPhonetic = true;
          },
          (text) => {
            if (inT && !inPhonetic && si !== null) si += text;
          },
          (n) => {
            if (n === 't') inT = false;
            else if (n === 'rPh') inPhonetic = false;
            else if (n === 'si') {
              sharedStrings.push(si ?? '');
              si = null;
            }
          },
          count,
        );
      default:
        return null;
    }
  };
  await inflateEntries(bytes, sinkFor, options, 0, 0.05);

  const cellFormats = xfFormatIds.map((id) => (id ? (numFmts.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
  const sheets = sheetsRaw.map((s) => {
    const target = rels.get(s.rid) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return { name: s.name, hidden: s.hidden, target: path };
  });
  return { sheets, date1904, cellFormats, sharedStrings };
}

/** One sheet's bounds (limits.ts) as its XML goes by: every row, cell, declared dimension and merge. */
function sheetBoundsCheck(bounds: WorkbookBounds, sheet: string): { onOpen: (name: string, attrs: SheetAttrs) => void; onText: (s: string) => void; onClose: (n: string) => void } {
  let rowIndex = -1;
  let col = -1;
  return {
    onOpen(name, attrs) {
      if (name === 'row') {
        rowIndex = attrs.r ? Number(attrs.r) - 1 : rowIndex + 1;
        bounds.row(sheet, rowIndex);
        col = -1;
      } else if (name === 'c') {
        const c = attrs.r ? columnOfRef(attrs.r) : -1;
        col = c >= 0 ? c : col + 1;
        bounds.cell(sheet, rowIndex, col);
      } else if (name === 'mergeCell' || name === 'dimension') {
        const ref = attrs.ref ?? '';
        const m = parseRange(ref);
        if (m && name === 'mergeCell') bounds.merge(sheet, m, ref);
        else if (m) bounds.declared(sheet, m, ref);
      }
    },
    onText() {},
    onClose() {},
  };
}

/**
 * For the in-memory reader (exceljs allocates whatever a sheet claims): inflates every entry once,
 * refusing any that inflates past its declared size, and runs each sheet's XML past the bounds
 * before exceljs sees the file.
 */
export async function checkXlsxBounds(bytes: Uint8Array, options: XlsxStreamOptions = {}): Promise<void> {
  const bounds = new WorkbookBounds(options.fileName ?? '工作簿');
  const info = await readWorkbookInfo(bytes, options, () => {});
  const sheetOf = new Map<string, string>();
  for (const s of info.sheets) if (!sheetOf.has(s.target)) sheetOf.set(s.target, s.name);
  const discard: XmlSink = { write() {} };
  await inflateEntries(
    bytes,
    (name) => {
      const sheet = sheetOf.get(name);
      return sheet === undefined ? discard : sheetSink(name, sheetBoundsCheck(bounds, sheet), () => {});
    },
    options,
    0,
    0,
  );
}

/** Collects one sheet's cells into rows, the way readXlsx lays them out. */
function sheetCollector(info: WorkbookInfo, bounds: WorkbookBounds, sheet: string): { onOpen: (name: string, attrs: SheetAttrs) => void; onText: (s: string) => void; onClose: (n: string) => void; finish: () => { rows: CellValue[][]; merges: MergeRange[] } } {
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  // Decided once per style, not per cell.
  const dateStyles = info.cellFormats.map(isDateFormat);
  let rowIndex = -1;
  let row: CellValue[] | null = null;
  let col = -1;
  let type = '';
  let style = 0;
  let hasFormula = false;
  let text: string | null = null;
  let inlineText: string | null = null;
  let capture: 'v' | 't' | null = null;
  let inIs = false;
  let inPhonetic = false;

  const finishRow = () => {
    if (row && row.length > 0) {
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      rows[rowIndex] = row;
    }
    row = null;
  };

  const cellValue = (): CellValue | undefined => {
    const raw = type === 'inlineStr' && !hasFormula ? inlineText : text;
    if (raw === null) return undefined;
    switch (type) {
      case 's':
        if (hasFormula) return Number.parseFloat(raw);
        return info.sharedStrings[Number.parseInt(raw, 10)] ?? '';
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return Number.parseInt(raw, 10) !== 0;
      case 'e':
        return raw;
      default: {
        const n = Number.parseFloat(raw);
        return style && dateStyles[style] ? excelToDate(n, info.date1904) : n;
      }
    }
  };

  return {
    onOpen(name, attrs) {
      switch (name) {
        case 'row': {
          finishRow();
          const r = attrs.r;
          rowIndex = r ? Number(r) - 1 : rowIndex + 1;
          bounds.row(sheet, rowIndex);
          row = [];
          col = -1;
          break;
        }
        case 'c': {
          const ref = attrs.r;
          const c = ref ? columnOfRef(ref) : -1;
          col = c >= 0 ? c : col + 1;
          // Before the cell can widen its row: a column past the cap is refused here.
          if (col >= LIMITS.columns) bounds.tooWide(sheet, rowIndex, col);
          type = attrs.t ?? 'n';
          style = attrs.s ? Number(attrs.s) : 0;
          hasFormula = false;
          text = null;
          inlineText = null;
          break;
        }
        case 'f':
          hasFormula = true;
          break;
        case 'v':
          capture = 'v';
          text = '';
          break;
        case 'is':
          inIs = true;
          inlineText = '';
          break;
        case 't':
          if (inIs) capture = 't';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'mergeCell': {
          const m = parseRange(attrs.ref ?? '');
          if (m) {
            bounds.merge(sheet, m, attrs.ref ?? '');
            merges.push(m);
          }
          break;
        }
        case 'dimension': {
          const m = parseRange(attrs.ref ?? '');
          if (m) bounds.declared(sheet, m, attrs.ref ?? '');
          break;
        }
        default:
          break;
      }
    },
    onText(s) {
      if (capture === 'v') text += s;
      else if (capture === 't' && !inPhonetic) inlineText += s;
    },
    onClose(n) {
      switch (n) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'is':
          inIs = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          const v = cellValue();
          // Like exceljs's row.values: cells without a value (style only) are not cells.
          if (v !== undefined && v !== null && row && !(typeof v === 'number' && Number.isNaN(v))) {
            bounds.cell(sheet, rowIndex, col);
            row[col] = v;
          }
          // exceljs keeps a formula cell without a cached result as an empty cell.
          else if (v === undefined && hasFormula && row && row[col] === undefined) row[col] = null;
          break;
        }
        case 'row':
          finishRow();
          break;
        default:
          break;
      }
    },
    finish() {
      finishRow();
      // exceljs gives every cell of a merged range the master's value; so does this reader.
      for (const m of merges) {
        if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
        const master = rows[m.top]?.[m.left] ?? null;
        for (let r = m.top; r <= m.bottom; r++) {
          const target = (rows[r] ??= []);
          for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) target[c] = master;
        }
      }
      for (let r = 0; r < rows.length; r++) {
        const target = rows[r];
        if (target === undefined) rows[r] = [];
        else for (let c = 0; c < target.length; c++) if (target[c] === undefined) target[c] = null;
      }
      return { rows, merges };
    },
  };
}

/** Reads every sheet of an .xlsx as a stream; the caller has already run checkXlsxZip. */
export async function readXlsxStream(bytes: Uint8Array, options: XlsxStreamOptions = {}): Promise<SheetGrid[]> {
  let inflated = 0;
  const count = (n: number) => {
    inflated += n;
    if (inflated > MAX_STREAM_INFLATED_BYTES) {
      throw new FileProblem('zip-bomb', `工作簿解压后超过 ${MAX_STREAM_INFLATED_BYTES / 1024 / 1024 / 1024} GB，疑似恶意文件或过大，已拒绝；请按月份拆分后导入`);
    }
  };
  const info = await readWorkbookInfo(bytes, options, count);
  if (info.sheets.length === 0) throw badXlsx('工作簿中没有工作表');
  const bounds = new WorkbookBounds(options.fileName ?? '工作簿');
  const collectors = new Map<string, ReturnType<typeof sheetCollector>>();
  for (const s of info.sheets) if (!collectors.has(s.target)) collectors.set(s.target, sheetCollector(info, bounds, s.name));
  await inflateEntries(
    bytes,
    (name) => {
      const c = collectors.get(name);
      return c ? sheetSink(name, c, count) : null;
    },
    options,
    0.05,
    0.95,
  );
  return info.sheets.map((s) => {
    const { rows, merges } = (collectors.get(s.target) as ReturnType<typeof sheetCollector>).finish();
    return { name: s.name, rows, merges, hidden: s.hidden };
  });
}
