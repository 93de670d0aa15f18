// The messages between parseInWorker (main thread) and importWorker (worker thread), in one
// place so both ends agree. Everything here survives a structured clone. Every parse of a file
// from outside this machine is one of these tasks (ARCHITECTURE.md §8): a payroll or declaration
// file (streamed back in packed chunks), a roster, the mapping screen's preview, a transfer
// package, an exemptions file (each answered with one 'result').
import type { ImportKind, ImportReport } from '../../../shared/domain/importReport';
import type { MappingOverride } from '../import/index';
import type { PreviewTemplateCandidate } from '../import/preview';
import type { PackedDeclarations, PackedPayroll } from './packedLines';
import type { CatalogEntry, ClaimRow } from '../../../shared/domain/claims';
import type { ScreeningParams } from '../../../shared/rules/screening/params';

interface FileTask {
  /** A copy of the file's bytes, transferred (not cloned) to the worker. */
  bytes: ArrayBuffer;
  fileName: string;
}

export type ImportWorkerRequest =
  | (FileTask & { task: 'spreadsheet'; kind: ImportKind; mapping?: MappingOverride })
  | (FileTask & { task: 'roster' })
  | (FileTask & { task: 'preview'; kind: ImportKind; mapping?: MappingOverride; templates: PreviewTemplateCandidate[] })
  | (FileTask & { task: 'transfer-package' })
  | (FileTask & { task: 'exemptions' })
  /** An institution's settlement details or the catalog (INSTITUTIONS.md §6), answered with the TableImport. */
  | (FileTask & { task: 'claims' | 'catalog' })
  /** Rules R01–R11 over parsed rows (bytes empty): a county hospital's quarter is 100,000+ rows. */
  | (FileTask & { task: 'screen'; rows: ClaimRow[]; catalog: CatalogEntry[]; params: ScreeningParams });

export type ImportWorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'report'; report: ImportReport }
  | { type: 'payroll'; packed: PackedPayroll }
  | { type: 'declarations'; packed: PackedDeclarations }
  | { type: 'done' }
  | { type: 'result'; value: unknown }
  /** refusal: a message for the user (a file problem); otherwise an internal error. */
  | { type: 'error'; message: string; refusal: boolean; code?: string };
