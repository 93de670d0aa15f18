// The case's evidence files (photos, scans, recordings, copies) for the dossier. The evidence
// table belongs to the workflow area (migration 006); the dossier reads it when it exists, so the
// export works on any schema version and picks evidence up as soon as the table is there.
import type { Db } from '../db/open';

export interface EvidenceFile {
  fileName: string;
  description: string;
  kind: string;
  addedAt: string;
  sha256: string;
  bytes: Uint8Array;
}

const EVIDENCE_KIND_NAMES: Record<string, string> = { photo: '照片', scan: '扫描件', recording: '录音录像', copy: '复制件' };

export function evidenceKindName(kind: string): string {
  return EVIDENCE_KIND_NAMES[kind] ?? '证据';
}

export function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function listEvidenceFiles(db: Db, caseId: number): EvidenceFile[] {
  if (!hasTable(db, 'evidence')) return [];
  const rows = db.prepare('SELECT file_name, description, kind, added_at, sha256, bytes FROM evidence WHERE case_id = ? ORDER BY id').all(caseId) as {
    file_name: string;
    description: string;
    kind: string;
    added_at: string;
    sha256: string;
    bytes: Buffer;
  }[];
  return rows.map((r) => ({ fileName: r.file_name, description: r.description, kind: r.kind, addedAt: r.added_at, sha256: r.sha256, bytes: new Uint8Array(r.bytes) }));
}
