// The import worker thread: parses and normalises one file (importSpreadsheet) off the main
// thread, so the main process's event loop stays free for the window while a 1,000,000-row
// workbook is read. Protocol (parseInWorker.ts is the other end): one 'start' message in;
// 'progress' messages, then the report, the lines in chunks (a structured clone of a million
// lines at once would double the peak memory), and 'done' out. Cancel is the main thread
// terminating this worker; nothing here touches the database or the disk.
import { parentPort } from 'node:worker_threads';
import { importSpreadsheet } from '../import/index';
import { readGridDefaults } from '../import/readGrid';
import type { ImportWorkerRequest, ImportWorkerMessage } from './importWorkerProtocol';

const LINES_PER_MESSAGE = 50_000;

const port = parentPort;
if (!port) throw new Error('importWorker.ts must run in a worker thread');

const post = (message: ImportWorkerMessage) => port.postMessage(message);

port.once('message', (request: ImportWorkerRequest) => {
  void run(request).catch((err: unknown) => {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  });
});

async function run(request: ImportWorkerRequest): Promise<void> {
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
  for (let i = 0; i < parsed.payroll.length; i += LINES_PER_MESSAGE) post({ type: 'payroll', lines: parsed.payroll.slice(i, i + LINES_PER_MESSAGE) });
  parsed.payroll.length = 0;
  for (let i = 0; i < parsed.declarations.length; i += LINES_PER_MESSAGE) post({ type: 'declarations', lines: parsed.declarations.slice(i, i + LINES_PER_MESSAGE) });
  parsed.declarations.length = 0;
  post({ type: 'done' });
}
