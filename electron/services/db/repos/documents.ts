// Generated documents (文书) with their model, PDF bytes and number. Numbers come from one
// sequence per document type per year; the sequence is advanced in the same transaction that
// stores the document, so a failed generation never consumes a number and none is reused.
import type Database from 'better-sqlite3';
import type { DocumentSummary, DocumentType } from '../../../../shared/api/dto';
import type { WriteMeta } from './meta';

interface DocumentRow {
  id: number;
  case_id: number;
  type: DocumentType;
  title: string;
  number: string | null;
  status: 'draft' | 'issued';
  created_at: string;
  sha256: string;
  pages: number;
}

const SUMMARY_COLUMNS = 'id, case_id, type, title, number, status, created_at, sha256, pages';

function toSummary(r: DocumentRow): DocumentSummary {
  return { id: r.id, caseId: r.case_id, type: r.type, title: r.title, number: r.number ?? '', status: r.status, createdAt: r.created_at, sha256: r.sha256, pages: r.pages };
}

export function listDocuments(db: Database.Database, caseId: number): DocumentSummary[] {
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE case_id = ? ORDER BY id`).all(caseId) as DocumentRow[]).map(toSummary);
}

export function getDocument(db: Database.Database, id: number): (DocumentSummary & { pdf: Uint8Array<ArrayBuffer> }) | null {
  const r = db.prepare(`SELECT ${SUMMARY_COLUMNS}, pdf FROM documents WHERE id = ?`).get(id) as (DocumentRow & { pdf: Buffer }) | undefined;
  return r ? { ...toSummary(r), pdf: new Uint8Array(r.pdf) } : null;
}

/** The number the next issued document of `type` in `year` will get (no side effect). */
export function peekNextSeq(db: Database.Database, type: DocumentType, year: number): number {
  const r = db.prepare('SELECT last_seq FROM document_sequences WHERE type = ? AND year = ?').get(type, year) as { last_seq: number } | undefined;
  return (r?.last_seq ?? 0) + 1;
}

export interface NewIssuedDocument {
  caseId: number;
  type: DocumentType;
  title: string;
  year: number;
  /** The sequence number the model and PDF were built with (from peekNextSeq). */
  seq: number;
  number: string;
  model: unknown;
  pdf: Uint8Array;
  sha256: string;
  pages: number;
  fonts: unknown;
}

/**
 * Advances the sequence to `doc.seq` and stores the document. Run inside a transaction; throws
 * when the sequence has moved since peekNextSeq (someone else took the number).
 */
export function insertIssuedDocument(db: Database.Database, doc: NewIssuedDocument, meta: WriteMeta): DocumentSummary {
  db.prepare('INSERT INTO document_sequences (type, year, last_seq) VALUES (?, ?, 0) ON CONFLICT(type, year) DO NOTHING').run(doc.type, doc.year);
  const moved = db.prepare('UPDATE document_sequences SET last_seq = ? WHERE type = ? AND year = ? AND last_seq = ?').run(doc.seq, doc.type, doc.year, doc.seq - 1);
  if (moved.changes !== 1) throw new Error(`文号 ${doc.number} 已被占用，请重新生成`);
  const info = db
    .prepare(
      `INSERT INTO documents (case_id, type, title, year, seq, number, status, model, pdf, sha256, pages, fonts, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      doc.caseId,
      doc.type,
      doc.title,
      doc.year,
      doc.seq,
      doc.number,
      JSON.stringify(doc.model),
      Buffer.from(doc.pdf.buffer, doc.pdf.byteOffset, doc.pdf.byteLength),
      doc.sha256,
      doc.pages,
      doc.fonts === undefined || doc.fonts === null ? null : JSON.stringify(doc.fonts),
      meta.at,
      meta.actor,
    );
  const r = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`).get(Number(info.lastInsertRowid)) as DocumentRow;
  return toSummary(r);
}
