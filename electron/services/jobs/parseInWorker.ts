// Runs importSpreadsheet in a worker thread (importWorker.ts) and gives back the same
// ParsedImport, so a big file is parsed while the main thread keeps serving the window
// (ARCHITECTURE.md §4). Progress arrives through the worker port; cancel terminates the worker,
// which stops it wherever it is. Where no worker entry can be found, or JIHE_IMPORT_WORKER=off,
// callers use the in-process importSpreadsheet instead (importJob.ts decides).
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
}

/** The Electron bundle's worker file, built beside main.cjs. */
export const BUNDLED_WORKER_FILE = 'importWorker.cjs';
const SOURCE_BOOTSTRAP_FILE = 'importWorkerBootstrap.mjs';

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

export function parseInWorker(params: WorkerImportParams): Promise<ParsedImport> {
  const entry = importWorkerEntry();
  if (!entry) return Promise.reject(new Error('import worker entry not found'));
  if (params.signal?.aborted) return Promise.reject(new ImportAbortedError());
  return new Promise<ParsedImport>((resolve, reject) => {
    const worker = new Worker(entry);
    const result: ParsedImport = { report: null as unknown as ParsedImport['report'], payroll: [], declarations: [] };
    const interner = new Interner();
    let settled = false;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      params.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result);
    };
    const onAbort = () => finish(new ImportAbortedError());
    params.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (m: ImportWorkerMessage) => {
      if (settled) return;
      switch (m.type) {
        case 'progress':
          params.onProgress?.(m.fraction, m.message);
          break;
        case 'report':
          result.report = m.report;
          break;
        case 'payroll':
          unpackPayroll(m.packed, interner, result.payroll);
          break;
        case 'declarations':
          unpackDeclarations(m.packed, interner, result.declarations);
          break;
        case 'done':
          finish(result.report ? null : new Error('import worker finished without a report'));
          break;
        case 'error':
          finish(new Error(`导入时出现内部错误：${m.message}`));
          break;
      }
    });
    worker.on('error', (err) => finish(err));
    worker.on('exit', (code) => finish(new Error(`导入进程意外退出（代码 ${code}）`)));

    // A copy, transferred: the caller keeps its bytes (they are stored after the parse).
    const copy = params.bytes.slice();
    const request: ImportWorkerRequest = { bytes: copy.buffer, fileName: params.fileName, kind: params.kind, mapping: params.mapping };
    worker.postMessage(request, [copy.buffer]);
  });
}
