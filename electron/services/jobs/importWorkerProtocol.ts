// The messages between parseInWorker (main thread) and importWorker (worker thread), in one
// place so both ends agree. Everything here survives a structured clone.
import type { ImportKind, ImportReport } from '../../../shared/domain/importReport';
import type { MappingOverride } from '../import/index';
import type { PackedDeclarations, PackedPayroll } from './packedLines';

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
  | { type: 'payroll'; packed: PackedPayroll }
  | { type: 'declarations'; packed: PackedDeclarations }
  | { type: 'done' }
  | { type: 'error'; message: string };
