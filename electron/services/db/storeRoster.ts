// Stores one roster file all-or-nothing, as storeImport does for payroll and declarations: the
// file's bytes and report, every row and the audit entry in ONE transaction, so a failure at any
// row leaves the database exactly as it was. The same file twice in one case is refused.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ImportReport } from '../../../shared/domain/importReport';
import type { RosterLine } from '../../../shared/domain/roster';
import { appendAudit } from '../audit/auditLog';
import { DuplicateFileError, duplicateFileMessage } from './storeImport';
import { findRosterFile, insertRosterFile, insertRosterLines } from './repos/roster';
import type { WriteMeta } from './repos/meta';

export interface StoreRosterInput {
  caseId: number;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  report: ImportReport;
  roster: readonly RosterLine[];
}

export function storeRoster(db: Database.Database, input: StoreRosterInput, meta: WriteMeta): { sourceFileId: number; rows: number } {
  return db
    .transaction(() => {
      const existing = findRosterFile(db, input.caseId, input.sha256);
      if (existing) throw new DuplicateFileError(existing.id, duplicateFileMessage(existing));
      const sourceFileId = insertRosterFile(
        db,
        { caseId: input.caseId, fileName: input.fileName, bytes: input.bytes, sha256: input.sha256, report: input.report, rows: input.roster.length },
        meta,
      );
      const rows = insertRosterLines(db, sourceFileId, input.roster);
      appendAudit(db, {
        actor: meta.actor,
        at: meta.at,
        caseId: input.caseId,
        action: 'import.store',
        detail: {
          sourceFileId,
          kind: 'roster',
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
