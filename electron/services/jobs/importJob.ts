// One file into one case, as a job: read it with the importer, apply the all-or-nothing rule
// (DOMAIN.md §4.4: any error refuses the whole file, unless the auditor chose to leave out the
// listed rows and nothing is wrong with the file as a whole), then store it in one transaction.
// The reading is async and yields; the storing is one synchronous transaction, which a worker
// thread with its own connection can take over unchanged.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ImportIssue, ImportKind, ImportReport } from '../../../shared/domain/importReport';
import { IMPORT_KIND_NAMES } from '../../../shared/domain/importReport';
import { importSpreadsheet } from '../import/index';
import { duplicateFileMessage, storeImport } from '../db/storeImport';
import { findSourceFile } from '../db/repos/sourceFiles';
import type { WriteMeta } from '../db/repos/meta';
import { JobCancelledError, yieldToEventLoop, type JobContext } from './runner';

export interface ImportJobInput {
  caseId: number;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  leaveOutErrorRows: boolean;
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

/** "工资表.xlsx，工作表“3月”，第 12 行，C 列：身份证号校验位不正确". */
export function describeIssue(i: ImportIssue): string {
  const where = [i.file, i.sheet ? `工作表“${i.sheet}”` : '', i.row > 0 ? `第 ${i.row} 行` : '', i.column ? `${i.column} 列` : ''].filter(Boolean).join('，');
  return `${where}：${i.message}`;
}

/** Why a report cannot be stored as it is, or null when it can. */
export function refusalReason(report: ImportReport, leaveOutErrorRows: boolean, lineCount: number): string | null {
  const errors = report.issues.filter((i) => i.severity === 'error');
  const fileErrors = errors.filter((i) => i.row === 0);
  const rowErrors = errors.filter((i) => i.row > 0);
  const name = IMPORT_KIND_NAMES[report.kind];
  if (fileErrors.length > 0) {
    return `${name}“${report.fileName}”无法导入：${fileErrors.map(describeIssue).join('；')}`;
  }
  if (rowErrors.length > 0 && !leaveOutErrorRows) {
    const rows = new Set(rowErrors.map((i) => `${i.sheet}\u0000${i.row}`)).size;
    const first = rowErrors.slice(0, 3).map(describeIssue).join('；');
    return `${name}“${report.fileName}”中有 ${rows} 行无法读取，整个文件未导入（${first}${rowErrors.length > 3 ? '；……' : ''}）。请修正文件后重新导入，或选择“跳过这些行”导入其余各行`;
  }
  if (lineCount === 0) return `${name}“${report.fileName}”中没有可导入的数据行`;
  return null;
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
  const parsed = await importSpreadsheet({
    bytes: input.bytes,
    fileName: input.fileName,
    kind: input.kind,
    signal: ctx.signal,
    onProgress: (fraction, message) => ctx.progress(fraction * 0.8, message),
  });
  data.report = parsed.report;
  ctx.setData({ ...data });
  const lines = input.kind === 'payroll' ? parsed.payroll : parsed.declarations;
  const refusal = refusalReason(parsed.report, input.leaveOutErrorRows, lines.length);
  if (refusal) throw new ImportRefusedError(refusal);

  await yieldToEventLoop();
  if (ctx.signal.aborted) throw new JobCancelledError();
  ctx.progress(0.8, `正在保存 ${lines.length} 行…`);
  const stored = storeImport(
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
  ctx.setData({ report: parsed.report, sourceFileId: stored.sourceFileId });
  return stored;
}
