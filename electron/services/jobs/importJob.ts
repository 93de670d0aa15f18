// One file into one case, as a job: read it with the importer, apply the all-or-nothing rule
// (DOMAIN.md §4.4: any error refuses the whole file, unless the auditor chose to leave out the
// listed rows and nothing is wrong with the file as a whole), then store it in one transaction.
// The reading runs in a worker thread (parseInWorker.ts) when one is available, in this thread
// otherwise or when asked; the storing is one synchronous transaction, which a worker thread
// with its own connection can take over unchanged.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ImportKind, ImportReport } from '../../../shared/domain/importReport';
import { refusalReason } from './importPolicy';
import { importSpreadsheet, type MappingOverride } from '../import/index';
import { applyVerificationOverride, type VerificationOverride } from '../import/verifyOverride';
import { duplicateFileMessage, storeImport } from '../db/storeImport';
import { findSourceFile } from '../db/repos/sourceFiles';
import type { WriteMeta } from '../db/repos/meta';
import { JobCancelledError, yieldToEventLoop, type JobContext } from './runner';
import { parseInWorker, workerImportAvailable } from './parseInWorker';
import { caseFitIssues } from './caseFit';

export interface ImportJobInput {
  caseId: number;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  leaveOutErrorRows: boolean;
  /** Where to parse: a worker thread (default when available) or this thread (tests, fallback). */
  parseIn?: 'worker' | 'in-process';
  /** The mapping confirmed on the mapping screen (or a saved template). */
  mapping?: MappingOverride;
  /** Verification refusals the auditor overrides, with the reason (import/verifyOverride.ts). */
  verificationOverride?: VerificationOverride;
  /** Runs inside the storing transaction after the rows are in (templates, override audit). */
  onStored?: (stored: { sourceFileId: number; report: ImportReport; overridden: readonly string[] }) => void;
}

export interface ImportJobData {
  report: ImportReport | null;
  sourceFileId: number | null;
}

export interface ImportJobResult {
  sourceFileId: number;
  rows: number;
}

/** A refusal the user must read: the job fails with this message and keeps the report. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

export async function runImportJob(
  ctx: JobContext<ImportJobData>,
  db: Database.Database,
  input: ImportJobInput,
  meta: () => WriteMeta,
): Promise<ImportJobResult> {
  const data: ImportJobData = { report: null, sourceFileId: null };
  ctx.setData(data);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // Refuse a file already in the case before spending time reading it.
  const existing = findSourceFile(db, input.caseId, input.kind, sha256);
  if (existing) throw new ImportRefusedError(duplicateFileMessage(existing));

  ctx.progress(0, '正在读取文件…');
  const parseIn = input.parseIn ?? (workerImportAvailable() ? 'worker' : 'in-process');
  const parsed = await (parseIn === 'worker' ? parseInWorker : importSpreadsheet)({
    bytes: input.bytes,
    fileName: input.fileName,
    kind: input.kind,
    mapping: input.mapping,
    signal: ctx.signal,
    onProgress: (fraction, message) => ctx.progress(fraction * 0.8, message),
  });
  // Whether the file belongs to this case (period, persons, employer): refused like a failed
  // verification until the auditor confirms it (shared/rules/importFit.ts).
  if (input.kind === 'payroll' || input.kind === 'declaration') {
    const fit = caseFitIssues(db, input.caseId, input.kind, parsed.report, input.kind === 'payroll' ? parsed.payroll : parsed.declarations);
    if (fit.length > 0) parsed.report = { ...parsed.report, issues: [...parsed.report.issues, ...fit] };
  }
  let overridden: readonly string[] = [];
  if (input.verificationOverride) {
    const o = applyVerificationOverride(parsed.report, input.verificationOverride);
    parsed.report = o.report;
    overridden = o.applied;
  }
  data.report = parsed.report;
  ctx.setData({ ...data });
  const lines = input.kind === 'payroll' ? parsed.payroll : parsed.declarations;
  const refusal = refusalReason(parsed.report, input.leaveOutErrorRows, lines.length);
  if (refusal) throw new ImportRefusedError(refusal);

  await yieldToEventLoop();
  if (ctx.signal.aborted) throw new JobCancelledError();
  ctx.progress(0.8, `正在保存 ${lines.length} 行…`);
  const storeAll = () => {
    const s = storeImport(
      db,
      { caseId: input.caseId, kind: input.kind, fileName: input.fileName, bytes: input.bytes, sha256, report: parsed.report, payroll: parsed.payroll, declarations: parsed.declarations },
      meta(),
      {
        onRows: (done, total) => {
          // Checked inside the transaction: throwing here rolls every row back.
          if (ctx.signal.aborted) throw new JobCancelledError();
          if (total > 0) ctx.progress(0.8 + (0.2 * done) / total, `正在保存第 ${done} / ${total} 行…`);
        },
      },
    );
    input.onStored?.({ sourceFileId: s.sourceFileId, report: parsed.report, overridden });
    return s;
  };
  // One transaction (storeImport's becomes a savepoint): the rows and what onStored records.
  const stored = input.onStored ? db.transaction(storeAll).immediate() : storeAll();
  ctx.setData({ report: parsed.report, sourceFileId: stored.sourceFileId });
  return stored;
}
