// Stores one imported file all-or-nothing: the file's bytes and report, every normalised row and
// the audit entry are written in ONE transaction, so a failure at any row (a constraint, a
// cancelled job, a crash) leaves the database exactly as it was. Synchronous on purpose: it can
// run unchanged in a worker thread on its own connection.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { DeclarationLine, PayrollLine } from '../../../shared/domain/lines';
import type { ImportKind, ImportReport } from '../../../shared/domain/importReport';
import { appendAudit } from '../audit/auditLog';
import { findSourceFile, insertSourceFile } from './repos/sourceFiles';
import { insertDeclarationLines, insertPayrollLines } from './repos/lines';
import type { WriteMeta } from './repos/meta';

export interface StoreImportInput {
  caseId: number;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  report: ImportReport;
  payroll: readonly PayrollLine[];
  declarations: readonly DeclarationLine[];
}

export interface StoreImportOptions {
  /** Rows written so far out of the total; may throw (e.g. on cancel) to roll everything back. */
  onRows?: (done: number, total: number) => void;
}

export class DuplicateFileError extends Error {
  constructor(
    readonly existingFileId: number,
    message: string,
  ) {
    super(message);
    this.name = 'DuplicateFileError';
  }
}

export function duplicateFileMessage(existing: { fileName: string; importedAt: string; importedBy: string }): string {
  return `该文件已导入（${existing.fileName}，${existing.importedAt.slice(0, 19).replace('T', ' ')} 由 ${existing.importedBy} 导入），同一文件不能重复导入`;
}

/** Returns the new source file's id and the number of rows stored. */
export function storeImport(db: Database.Database, input: StoreImportInput, meta: WriteMeta, opts: StoreImportOptions = {}): { sourceFileId: number; rows: number } {
  const lines = input.kind === 'payroll' ? input.payroll : input.declarations;
  return db
    .transaction(() => {
      const existing = findSourceFile(db, input.caseId, input.kind, input.sha256);
      if (existing) throw new DuplicateFileError(existing.id, duplicateFileMessage(existing));
      const sourceFileId = insertSourceFile(
        db,
        { caseId: input.caseId, kind: input.kind, fileName: input.fileName, bytes: input.bytes, sha256: input.sha256, report: input.report, rows: lines.length },
        meta,
      );
      const onRows = opts.onRows ? (n: number) => opts.onRows!(n, lines.length) : undefined;
      const rows =
        input.kind === 'payroll'
          ? insertPayrollLines(db, sourceFileId, input.payroll, onRows)
          : insertDeclarationLines(db, sourceFileId, input.declarations, onRows);
      appendAudit(db, {
        actor: meta.actor,
        at: meta.at,
        caseId: input.caseId,
        action: 'import.store',
        detail: {
          sourceFileId,
          kind: input.kind,
          fileName: input.fileName,
          sha256: input.sha256,
          size: input.bytes.byteLength,
          rows,
          rowsLeftOut: input.report.rowsLeftOut,
          warnings: input.report.issues.filter((i) => i.severity === 'warning').length,
        },
      });
      return { sourceFileId, rows };
    })
    .immediate();
}
