// Imported source files, kept byte-for-byte with their SHA-256 and the import report, so every
// row in the database points back to the exact file, sheet and row it came from.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SourceFile } from '../../../../shared/api/dto';
import type { ImportKind, ImportReport } from '../../../../shared/domain/importReport';
import type { WriteMeta } from './meta';

interface FileRow {
  id: number;
  kind: ImportKind;
  file_name: string;
  sha256: string;
  size: number;
  imported_at: string;
  imported_by: string;
  rows: number;
  report: string;
}

const COLUMNS = 'id, kind, file_name, sha256, size, imported_at, imported_by, rows, report';

function toSourceFile(r: FileRow): SourceFile {
  return { id: r.id, kind: r.kind, fileName: r.file_name, sha256: r.sha256, size: r.size, importedAt: r.imported_at, rows: r.rows, report: JSON.parse(r.report) as ImportReport };
}

export function listSourceFiles(db: Database.Database, caseId: number): SourceFile[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM source_files WHERE case_id = ? ORDER BY id`).all(caseId) as FileRow[]).map(toSourceFile);
}

export function findSourceFile(db: Database.Database, caseId: number, kind: ImportKind, sha256: string): (SourceFile & { importedBy: string }) | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM source_files WHERE case_id = ? AND kind = ? AND sha256 = ?`).get(caseId, kind, sha256) as FileRow | undefined;
  return r ? { ...toSourceFile(r), importedBy: r.imported_by } : null;
}

export function getSourceFileBytes(db: Database.Database, id: number): Uint8Array | null {
  const r = db.prepare('SELECT bytes FROM source_files WHERE id = ?').get(id) as { bytes: Buffer } | undefined;
  return r ? new Uint8Array(r.bytes) : null;
}

export interface NewSourceFile {
  caseId: number;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  report: ImportReport;
  rows: number;
}

export function insertSourceFile(db: Database.Database, f: NewSourceFile, meta: WriteMeta): number {
  const info = db
    .prepare(
      `INSERT INTO source_files (case_id, kind, file_name, size, sha256, bytes, report, rows, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(f.caseId, f.kind, f.fileName, f.bytes.byteLength, f.sha256, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), JSON.stringify(f.report), f.rows, meta.at, meta.actor);
  return Number(info.lastInsertRowid);
}
