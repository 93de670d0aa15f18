// The import worker thread: parses one file from outside this machine off the main thread, under
// the memory limits parseInWorker.ts starts it with (ARCHITECTURE.md §8), so the main process's
// event loop stays free for the window while a 1,000,000-row workbook is read, and a hostile file
// can at worst end this thread, never the app. Tasks (importWorkerProtocol.ts): a payroll or
// declaration file (importSpreadsheet), a roster, the mapping screen's preview, a transfer
// package. Protocol for a spreadsheet (parseInWorker.ts is the other end): one 'start' message in;
// 'progress' messages, then the report, the lines in packed chunks (packedLines.ts: a structured
// clone of a million line objects would double the peak memory; each chunk's lines are dropped
// here as soon as it is sent), and 'done' out. Cancel is the main thread
// terminating this worker; nothing here touches the database or the disk.
import { parentPort } from 'node:worker_threads';
import { importSpreadsheet } from '../import/index';
import { FileProblem } from '../import/errors';
import { previewFile } from '../import/preview';
import { readGridDefaults } from '../import/readGrid';
import { importRoster } from '../import/roster';
import { parseExemptionsFile } from '../import/exemptionsFile';
import { importCatalog } from '../import/catalog';
import { importClaims } from '../import/claims';
import { screenClaims } from '../../../shared/rules/screening/screen';
import { readPackage, TransferRefused } from '../transfer/importPackage';
import type { ImportWorkerRequest, ImportWorkerMessage } from './importWorkerProtocol';
import { packDeclarations, packPayroll, transferList } from './packedLines';

const LINES_PER_MESSAGE = 50_000;

const port = parentPort;
if (!port) throw new Error('importWorker.ts must run in a worker thread');

const post = (message: ImportWorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

port.once('message', (request: ImportWorkerRequest) => {
  void run(request).catch((err: unknown) => {
    // A refusal (a file problem, a refused package) is a message for the user; anything else is internal.
    const refusal = err instanceof FileProblem || err instanceof TransferRefused;
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), refusal, code: err instanceof TransferRefused ? err.code : undefined });
  });
});

async function run(request: ImportWorkerRequest): Promise<void> {
  const bytes = new Uint8Array(request.bytes);
  switch (request.task) {
    case 'spreadsheet':
      return runSpreadsheet(request);
    case 'roster': {
      const parsed = await importRoster({ bytes, fileName: request.fileName, onProgress: (fraction, message) => post({ type: 'progress', fraction, message }) });
      return post({ type: 'result', value: parsed });
    }
    case 'preview':
      return post({ type: 'result', value: await previewFile(bytes, request.fileName, request.kind, request.mapping, request.templates) });
    case 'claims':
    case 'catalog': {
      const read = request.task === 'claims' ? importClaims : importCatalog;
      const parsed = await read({ bytes, fileName: request.fileName, onProgress: (fraction, message) => post({ type: 'progress', fraction, message }) });
      return post({ type: 'result', value: parsed });
    }
    case 'screen':
      return post({ type: 'result', value: screenClaims({ rows: request.rows, catalog: request.catalog, params: request.params }) });
    case 'transfer-package': {
      const pkg = readPackage(bytes);
      // The carried files' bytes are transferred, not copied.
      const buffers = [...new Set([...pkg.blobs.values()].map((b) => b.buffer as ArrayBuffer))];
      return post({ type: 'result', value: pkg }, buffers);
    }
    case 'exemptions':
      return post({ type: 'result', value: parseExemptionsFile(bytes, request.fileName) });
  }
}

async function runSpreadsheet(request: Extract<ImportWorkerRequest, { task: 'spreadsheet' }>): Promise<void> {
  let last = -1;
  const progress = (fraction: number, message: string) => {
    // Every whole per cent at most: enough for a progress bar, few enough messages.
    if (fraction < 1 && Math.floor(fraction * 100) === last) return;
    last = Math.floor(fraction * 100);
    post({ type: 'progress', fraction, message });
  };
  // importSpreadsheet reads the file before it reports again; the streaming reader's own
  // progress fills that gap (this thread runs one import, so a module default is safe here).
  readGridDefaults.onProgress = (f) => progress(0.02 + 0.28 * f, '正在读取文件…');
  const parsed = await importSpreadsheet({
    bytes: new Uint8Array(request.bytes),
    fileName: request.fileName,
    kind: request.kind,
    mapping: request.mapping,
    onProgress: progress,
  });
  post({ type: 'report', report: parsed.report });
  sendInChunks(parsed.payroll, (lines) => {
    const packed = packPayroll(lines);
    post({ type: 'payroll', packed }, transferList(packed));
  });
  sendInChunks(parsed.declarations, (lines) => {
    const packed = packDeclarations(lines);
    post({ type: 'declarations', packed }, transferList(packed));
  });
  post({ type: 'done' });
}

/** Sends lines chunk by chunk, emptying the array from the end so sent lines can be collected. */
function sendInChunks<T>(lines: T[], send: (chunk: T[]) => void): void {
  const chunks = Math.ceil(lines.length / LINES_PER_MESSAGE);
  // Cut into chunks first (arrays of references only), then each chunk is sent in row order
  // and dropped right after, so the worker's lines shrink while the main thread's grow.
  const order: T[][] = [];
  for (let c = chunks - 1; c >= 0; c--) order.push(lines.splice(c * LINES_PER_MESSAGE));
  for (let c = order.length - 1; c >= 0; c--) {
    send(order[c]!);
    order.length = c;
  }
}
