// Every parse of a file from outside this machine, in one place for the backend: in the bounded
// import worker (parseInWorker.ts: resourceLimits, Chinese message when its heap runs out) when
// this build has one, in this thread otherwise (JIHE_IMPORT_WORKER=off, a build without the
// worker file); import/limits.ts caps hold either way. The spreadsheet import job decides the
// same way in importJob.ts.
import type { ImportKind } from '../../../shared/domain/importReport';
import { importSpreadsheet, type ImportParams, type MappingOverride, type ParsedImport } from '../import/index';
import { previewFile, type FilePreviewResult, type PreviewTemplateCandidate } from '../import/preview';
import { importRoster, type ParsedRoster, type RosterImportParams } from '../import/roster';
import { parseExemptionsFile, type ExemptionsResult } from '../import/exemptionsFile';
import { importCatalog } from '../import/catalog';
import { importClaims } from '../import/claims';
import type { TableImport, TableImportParams } from '../import/tableImport';
import type { CatalogEntry, ClaimRow } from '../../../shared/domain/claims';
import type { ScreeningParams } from '../../../shared/rules/screening/params';
import { screenClaims, type ScreeningResult } from '../../../shared/rules/screening/screen';
import { readPackage, TransferRefused, type UnverifiedPackage } from '../transfer/importPackage';
import { parseInWorker, runWorkerTask, transferableCopy, workerImportAvailable, WorkerRefusal } from './parseInWorker';

/** A payroll or declaration file (the follow-up check's declarations too). */
export function spreadsheetOffThread(params: ImportParams): Promise<ParsedImport> {
  return workerImportAvailable() ? parseInWorker(params) : importSpreadsheet(params);
}

export function rosterOffThread(params: RosterImportParams): Promise<ParsedRoster> {
  if (!workerImportAvailable()) return importRoster(params);
  return runWorkerTask<ParsedRoster>({ task: 'roster', bytes: transferableCopy(params.bytes), fileName: params.fileName }, { signal: params.signal, onProgress: params.onProgress });
}

/** An institution's settlement details (结算明细), INSTITUTIONS.md §6. */
export function claimsOffThread(params: TableImportParams): Promise<TableImport<ClaimRow>> {
  if (!workerImportAvailable()) return importClaims(params);
  return runWorkerTask<TableImport<ClaimRow>>({ task: 'claims', bytes: transferableCopy(params.bytes), fileName: params.fileName }, { signal: params.signal, onProgress: params.onProgress });
}

/** The catalog with its limits (目录与限价), INSTITUTIONS.md §6. */
export function catalogOffThread(params: TableImportParams): Promise<TableImport<CatalogEntry>> {
  if (!workerImportAvailable()) return importCatalog(params);
  return runWorkerTask<TableImport<CatalogEntry>>({ task: 'catalog', bytes: transferableCopy(params.bytes), fileName: params.fileName }, { signal: params.signal, onProgress: params.onProgress });
}

/** Rules R01–R11 over the parsed rows, off the main thread too (a quarter of a county hospital is 100,000+ rows). */
export function screenOffThread(input: { rows: ClaimRow[]; catalog: CatalogEntry[]; params: ScreeningParams }, signal?: AbortSignal): Promise<ScreeningResult> {
  if (!workerImportAvailable()) return Promise.resolve(screenClaims(input));
  return runWorkerTask<ScreeningResult>({ task: 'screen', bytes: new ArrayBuffer(0), fileName: '结算明细筛查', ...input }, { signal });
}

export function previewOffThread(bytes: Uint8Array, fileName: string, kind: ImportKind, mapping: MappingOverride | undefined, templates: PreviewTemplateCandidate[]): Promise<FilePreviewResult> {
  if (!workerImportAvailable()) return previewFile(bytes, fileName, kind, mapping, templates);
  return runWorkerTask<FilePreviewResult>({ task: 'preview', bytes: transferableCopy(bytes), fileName, kind, mapping, templates });
}

/** A transfer package, unzipped and checked against its manifest (its signature is checked after, by trustPackage); refusals are TransferRefused. */
export async function readPackageOffThread(bytes: Uint8Array): Promise<UnverifiedPackage> {
  if (!workerImportAvailable()) return readPackage(bytes);
  try {
    return await runWorkerTask<UnverifiedPackage>({ task: 'transfer-package', bytes: transferableCopy(bytes), fileName: '案件交换包' });
  } catch (e) {
    if (e instanceof WorkerRefusal) throw new TransferRefused(e.code === 'forbidden' || e.code === 'conflict' ? e.code : 'bad-file', e.message);
    throw e;
  }
}

/** The auditor's exemptions file (CSV or JSON, the command line's format): its records or its problems. */
export function exemptionsOffThread(bytes: Uint8Array, fileName: string): Promise<ExemptionsResult> {
  if (!workerImportAvailable()) return Promise.resolve(parseExemptionsFile(bytes, fileName));
  return runWorkerTask<ExemptionsResult>({ task: 'exemptions', bytes: transferableCopy(bytes), fileName });
}
