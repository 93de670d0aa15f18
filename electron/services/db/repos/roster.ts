// Roster (花名册) files and rows (migration 005): files kept byte-for-byte with SHA-256 and their
// import report, rows with the file, sheet and row they came from. Inserts run inside the
// caller's transaction (storeRoster.ts); loading gives the RosterLine shape the rules consume.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SourceFile } from '../../../../shared/api/dto';
import type { ImportReport } from '../../../../shared/domain/importReport';
import type { RosterLine } from '../../../../shared/domain/roster';
import type { WriteMeta } from './meta';

interface FileRow {
  id: number;
  file_name: string;
  sha256: string;
  size: number;
  imported_at: string;
  imported_by: string;
  rows: number;
  report: string;
}

const COLUMNS = 'id, file_name, sha256, size, imported_at, imported_by, rows, report';

function toSourceFile(r: FileRow): SourceFile {
  return { id: r.id, kind: 'roster', fileName: r.file_name, sha256: r.sha256, size: r.size, importedAt: r.imported_at, rows: r.rows, report: JSON.parse(r.report) as ImportReport };
}

export function listRosterFiles(db: Database.Database, caseId: number): SourceFile[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM roster_files WHERE case_id = ? ORDER BY id`).all(caseId) as FileRow[]).map(toSourceFile);
}

export function findRosterFile(db: Database.Database, caseId: number, sha256: string): (SourceFile & { importedBy: string }) | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM roster_files WHERE case_id = ? AND sha256 = ?`).get(caseId, sha256) as FileRow | undefined;
  return r ? { ...toSourceFile(r), importedBy: r.imported_by } : null;
}

export function getRosterFileBytes(db: Database.Database, id: number): Uint8Array | null {
  const r = db.prepare('SELECT bytes FROM roster_files WHERE id = ?').get(id) as { bytes: Buffer } | undefined;
  return r ? new Uint8Array(r.bytes) : null;
}

export function insertRosterFile(
  db: Database.Database,
  f: { caseId: number; fileName: string; bytes: Uint8Array; sha256: string; report: ImportReport; rows: number },
  meta: WriteMeta,
): number {
  const info = db
    .prepare(
      `INSERT INTO roster_files (case_id, file_name, size, sha256, bytes, report, rows, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(f.caseId, f.fileName, f.bytes.byteLength, f.sha256, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), JSON.stringify(f.report), f.rows, meta.at, meta.actor);
  return Number(info.lastInsertRowid);
}

export function insertRosterLines(db: Database.Database, fileId: number, lines: readonly RosterLine[]): number {
  const stmt = db.prepare(
    `INSERT INTO roster_lines (file_id, person_id, name, department, hire_date, leave_date, contract_type, status, sheet, row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of lines) {
    stmt.run(fileId, l.personId, l.name, l.department ?? null, l.hireDate, l.leaveDate, l.contractType ?? null, l.status ?? null, l.source.sheet, l.source.row);
  }
  return lines.length;
}

interface LineRow {
  file_id: number;
  file_name: string;
  person_id: string;
  name: string;
  department: string | null;
  hire_date: string;
  leave_date: string | null;
  contract_type: string | null;
  status: string | null;
  sheet: string;
  row: number;
}

export function loadRosterLines(db: Database.Database, caseId: number): RosterLine[] {
  const rows = db
    .prepare(
      `SELECT l.file_id, f.file_name, l.person_id, l.name, l.department, l.hire_date, l.leave_date, l.contract_type, l.status, l.sheet, l.row
       FROM roster_lines l JOIN roster_files f ON f.id = l.file_id WHERE f.case_id = ? ORDER BY l.id`,
    )
    .all(caseId) as LineRow[];
  return rows.map((r) => {
    const line: RosterLine = {
      personId: r.person_id,
      name: r.name,
      hireDate: r.hire_date,
      leaveDate: r.leave_date,
      source: { fileId: r.file_id, fileName: r.file_name, sheet: r.sheet, row: r.row },
    };
    if (r.department !== null) line.department = r.department;
    if (r.contract_type !== null) line.contractType = r.contract_type;
    if (r.status !== null) line.status = r.status;
    return line;
  });
}
