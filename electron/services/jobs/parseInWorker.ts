// Runs the parse of a file from outside this machine in a worker thread (importWorker.ts) with
// V8 memory limits (ARCHITECTURE.md §8): a big file is parsed while the main thread keeps serving
// the window, and a hostile one that gets past the caps of import/limits.ts can at worst exhaust
// the worker's heap — the worker dies, the caller gets a Chinese message, the app lives on.
// Progress arrives through the worker port; cancel terminates the worker, which stops it wherever
// it is. Where no worker entry can be found, or JIHE_IMPORT_WORKER=off, callers parse in this
// thread instead (importJob.ts and offThread.ts decide); the caps hold there too.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportKind } from '../../../shared/domain/importReport';
import { ImportAbortedError, type MappingOverride, type ParsedImport } from '../import/index';
import type { ImportWorkerMessage, ImportWorkerRequest } from './importWorkerProtocol';
import { Interner, unpackDeclarations, unpackPayroll } from './packedLines';

export interface WorkerImportParams {
  bytes: Uint8Array;
  fileName: string;
  kind: ImportKind;
  mapping?: MappingOverride;
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
  /** The worker's old-generation heap limit in MB (tests set a small one); see workerHeapMb. */
  heapMb?: number;
}

/** The Electron bundle's worker file, built beside main.cjs. */
export const BUNDLED_WORKER_FILE = 'importWorker.cjs';
const SOURCE_BOOTSTRAP_FILE = 'importWorkerBootstrap.mjs';

/**
 * The worker's heap limit: enough for a million payroll rows (about 1 GB in the worker), far
 * below what would take the machine down. JIHE_WORKER_HEAP_MB overrides it.
 */
export const DEFAULT_WORKER_HEAP_MB = 2048;

export function workerHeapMb(): number {
  const v = Number(process.env.JIHE_WORKER_HEAP_MB);
  return Number.isFinite(v) && v >= 64 ? v : DEFAULT_WORKER_HEAP_MB;
}

/** The file to start the worker from, or null when this build has none. */
export function importWorkerEntry(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of [BUNDLED_WORKER_FILE, SOURCE_BOOTSTRAP_FILE]) {
    const file = path.join(here, name);
    if (existsSync(file)) return file;
  }
  return null;
}

export function workerImportAvailable(): boolean {
  return process.env.JIHE_IMPORT_WORKER !== 'off' && importWorkerEntry() !== null;
}

/** A file refused by the worker (a file problem, a refused package): the message is for the user. */
export class WorkerRefusal extends Error {
  /** The refusal's own code where it has one (a refused transfer package: 'forbidden' or 'bad-file'). */
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'WorkerRefusal';
  }
}

export interface WorkerTaskOptions {
  signal?: AbortSignal;
  heapMb?: number;
  onProgress?: (fraction: number, message: string) => void;
}

/**
 * Starts one task in a fresh worker with resourceLimits and settles when it ends. `onMessage`
 * sees every message but progress and errors; it returns true when the task is complete.
 * The request's bytes are transferred, so the caller passes a copy.
 */
function runWorker(request: ImportWorkerRequest, opts: WorkerTaskOptions, onMessage: (m: ImportWorkerMessage) => boolean): Promise<void> {
  const entry = importWorkerEntry();
  if (!entry) return Promise.reject(new Error('import worker entry not found'));
  if (opts.signal?.aborted) return Promise.reject(new ImportAbortedError());
  const heapMb = opts.heapMb ?? workerHeapMb();
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, heapMb / 16)) } });
    let settled = false;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => finish(new ImportAbortedError());
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (m: ImportWorkerMessage) => {
      if (settled) return;
      try {
        if (m.type === 'progress') opts.onProgress?.(m.fraction, m.message);
        else if (m.type === 'error') finish(m.refusal ? new WorkerRefusal(m.message, m.code) : new Error(`读取文件“${request.fileName}”时出现内部错误：${m.message}`));
        else if (onMessage(m)) finish(null);
      } catch (e) {
        finish(e);
      }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(
          new WorkerRefusal(
            `读取文件“${request.fileName}”所需的内存超过了本程序为读取文件设定的 ${heapMb} MB 上限，已停止读取（程序其余部分不受影响）；文件过大或内容异常（可能是恶意构造的文件），请拆分后重新导入`,
          ),
        );
      } else finish(err);
    });
    worker.on('exit', (code) => finish(new Error(`读取文件“${request.fileName}”的进程意外退出（代码 ${code}）`)));
    worker.postMessage(request, [request.bytes]);
  });
}

/** A transferable copy of the caller's bytes (the caller keeps its own: they are stored after the parse). */
function copyOf(bytes: Uint8Array): ArrayBuffer {
  // A copy of exactly these bytes: a Buffer's slice() is a view into its (pooled) ArrayBuffer.
  return new Uint8Array(bytes).buffer;
}

/** A task answered with one 'result' (roster, preview, transfer package). */
export async function runWorkerTask<T>(request: ImportWorkerRequest, opts: WorkerTaskOptions = {}): Promise<T> {
  let value: unknown;
  await runWorker(request, opts, (m) => {
    if (m.type !== 'result') return false;
    value = m.value;
    return true;
  });
  return value as T;
}

/** importSpreadsheet in the worker: the same ParsedImport, the lines streamed back in packed chunks. */
export async function parseInWorker(params: WorkerImportParams): Promise<ParsedImport> {
  const result: ParsedImport = { report: null as unknown as ParsedImport['report'], payroll: [], declarations: [] };
  const interner = new Interner();
  const request: ImportWorkerRequest = { task: 'spreadsheet', bytes: copyOf(params.bytes), fileName: params.fileName, kind: params.kind, mapping: params.mapping };
  await runWorker(request, params, (m) => {
    switch (m.type) {
      case 'report':
        result.report = m.report;
        return false;
      case 'payroll':
        unpackPayroll(m.packed, interner, result.payroll);
        return false;
      case 'declarations':
        unpackDeclarations(m.packed, interner, result.declarations);
        return false;
      case 'done':
        if (!result.report) throw new Error('import worker finished without a report');
        return true;
      default:
        return false;
    }
  });
  return result;
}

export { copyOf as transferableCopy };
