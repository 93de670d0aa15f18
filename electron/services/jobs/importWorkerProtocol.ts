// The messages between parseInWorker (main thread) and importWorker (worker thread), in one
// place so both ends agree. Everything here survives a structured clone.
import type { ImportKind, ImportReport } from '../../../shared/domain/importReport';
import type { DeclarationLine, PayrollLine } from '../../../shared/domain/lines';
import type { MappingOverride } from '../import/index';

export interface ImportWorkerRequest {
  /** A copy of the file's bytes, transferred (not cloned) to the worker. */
  bytes: ArrayBuffer;
  fileName: string;
  kind: ImportKind;
  mapping?: MappingOverride;
}

export type ImportWorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'report'; report: ImportReport }
  | { type: 'payroll'; lines: PayrollLine[] }
  | { type: 'declarations'; lines: DeclarationLine[] }
  | { type: 'done' }
  | { type: 'error'; message: string };
