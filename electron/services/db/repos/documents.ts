// Generated documents (文书) with their model, PDF bytes and number. Numbers come from one
// sequence per document type per year; the sequence is advanced in the same transaction that
// stores the document, so a failed generation never consumes a number and none is reused.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { DocumentSummary, DocumentType } from '../../../../shared/api/dto';
import type { WriteMeta } from './meta';
import { nextSeqAfter } from './numbering';

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
  return nextSeqAfter(db, r?.last_seq ?? 0, '文号');
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
  // the sequence moves forward to seq (which may jump to this workstation's range), never back
  const moved = db.prepare('UPDATE document_sequences SET last_seq = ? WHERE type = ? AND year = ? AND last_seq < ?').run(doc.seq, doc.type, doc.year, doc.seq);
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

// ——— The document's life (migration 003): drafts without a number, issue, corrections. ———

/** A document row with everything the lifecycle needs (no PDF bytes). */
export interface DocumentRecord extends DocumentSummary {
  model: unknown;
  fields: unknown;
  asOf: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
  year: number | null;
  seq: number | null;
  supersedesId: number | null;
  correctionReason: string | null;
  createdBy: string;
  updatedAt: string | null;
}

interface RecordRow extends DocumentRow {
  model: string;
  fields: string | null;
  as_of: string | null;
  issued_at: string | null;
  issued_by: string | null;
  year: number | null;
  seq: number | null;
  supersedes_id: number | null;
  correction_reason: string | null;
  created_by: string;
  updated_at: string | null;
}

const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, model, fields, as_of, issued_at, issued_by, year, seq, supersedes_id, correction_reason, created_by, updated_at`;

function toRecord(r: RecordRow): DocumentRecord {
  return {
    ...toSummary(r),
    model: JSON.parse(r.model) as unknown,
    fields: r.fields === null ? null : (JSON.parse(r.fields) as unknown),
    asOf: r.as_of,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    year: r.year,
    seq: r.seq,
    supersedesId: r.supersedes_id,
    correctionReason: r.correction_reason,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function getDocumentRecord(db: Database.Database, id: number): DocumentRecord | null {
  const r = db.prepare(`SELECT ${RECORD_COLUMNS} FROM documents WHERE id = ?`).get(id) as RecordRow | undefined;
  return r ? toRecord(r) : null;
}

export function listDocumentRecords(db: Database.Database, caseId: number): DocumentRecord[] {
  return (db.prepare(`SELECT ${RECORD_COLUMNS} FROM documents WHERE case_id = ? ORDER BY id`).all(caseId) as RecordRow[]).map(toRecord);
}

/** The rendered form of a model: PDF bytes, their hash, pages and the fonts used. */
export interface RenderedDocument {
  model: unknown;
  pdf: Uint8Array;
  sha256: string;
  pages: number;
  fonts: unknown;
  /** The back-pay schedule's XLSX annex; null for every other kind. */
  xlsx: Uint8Array | null;
}

const blob = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const fontsJson = (f: unknown) => (f === undefined || f === null ? null : JSON.stringify(f));

export interface NewDraft extends RenderedDocument {
  caseId: number;
  type: DocumentType;
  title: string;
  fields: unknown;
  asOf: string | null;
  supersedesId?: number;
  correctionReason?: string;
}

export function insertDraft(db: Database.Database, d: NewDraft, meta: WriteMeta): DocumentRecord {
  const info = db
    .prepare(
      `INSERT INTO documents (case_id, type, title, status, model, pdf, sha256, pages, fonts, xlsx, fields, as_of, supersedes_id, correction_reason, created_at, created_by, updated_at)
       VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.caseId,
      d.type,
      d.title,
      JSON.stringify(d.model),
      blob(d.pdf),
      d.sha256,
      d.pages,
      fontsJson(d.fonts),
      d.xlsx ? blob(d.xlsx) : null,
      JSON.stringify(d.fields),
      d.asOf,
      d.supersedesId ?? null,
      d.correctionReason ?? null,
      meta.at,
      meta.actor,
      meta.at,
    );
  return getDocumentRecord(db, Number(info.lastInsertRowid))!;
}

/** Rebuilds a draft in place (the database refuses it once the document is issued). */
export function updateDraft(db: Database.Database, id: number, d: RenderedDocument & { fields: unknown; asOf: string | null }, meta: WriteMeta): DocumentRecord {
  db.prepare(`UPDATE documents SET model = ?, pdf = ?, sha256 = ?, pages = ?, fonts = ?, xlsx = ?, fields = ?, as_of = ?, updated_at = ? WHERE id = ? AND status = 'draft'`).run(
    JSON.stringify(d.model),
    blob(d.pdf),
    d.sha256,
    d.pages,
    fontsJson(d.fonts),
    d.xlsx ? blob(d.xlsx) : null,
    JSON.stringify(d.fields),
    d.asOf,
    meta.at,
    id,
  );
  return getDocumentRecord(db, id)!;
}

/** Moves the type's yearly sequence forward to seq, or throws when someone took the number (or a later one). */
function takeSeq(db: Database.Database, type: string, year: number, seq: number, number: string): void {
  db.prepare('INSERT INTO document_sequences (type, year, last_seq) VALUES (?, ?, 0) ON CONFLICT(type, year) DO NOTHING').run(type, year);
  const moved = db.prepare('UPDATE document_sequences SET last_seq = ? WHERE type = ? AND year = ? AND last_seq < ?').run(seq, type, year, seq);
  if (moved.changes !== 1) throw new Error(`文号 ${number || `${type} ${year}-${seq}`} 已被占用，请重新签发`);
}

/**
 * Issues a draft: takes `seq` of the type's sequence for `year` and freezes the final model and
 * PDF. Run inside a transaction, so a failure leaves both the draft and the sequence as they were.
 * `number` is '' for forms without a number of their own (their seq is only a register entry).
 */
export function issueDraft(
  db: Database.Database,
  id: number,
  d: RenderedDocument & { year: number; seq: number; number: string },
  meta: WriteMeta,
): DocumentRecord {
  const before = getDocumentRecord(db, id);
  if (!before || before.status !== 'draft') throw new Error(`文书 ${id} 不是草稿，不能签发`);
  takeSeq(db, before.type, d.year, d.seq, d.number);
  db.prepare(
    `UPDATE documents SET status = 'issued', year = ?, seq = ?, number = ?, model = ?, pdf = ?, sha256 = ?, pages = ?, fonts = ?, xlsx = ?, issued_at = ?, issued_by = ?, updated_at = ?
     WHERE id = ? AND status = 'draft'`,
  ).run(d.year, d.seq, d.number, JSON.stringify(d.model), blob(d.pdf), d.sha256, d.pages, fontsJson(d.fonts), d.xlsx ? blob(d.xlsx) : null, meta.at, meta.actor, meta.at, id);
  return getDocumentRecord(db, id)!;
}

export function getDocumentXlsx(db: Database.Database, id: number): Uint8Array<ArrayBuffer> | null {
  const r = db.prepare('SELECT xlsx FROM documents WHERE id = ?').get(id) as { xlsx: Buffer | null } | undefined;
  return r?.xlsx ? new Uint8Array(r.xlsx) : null;
}
