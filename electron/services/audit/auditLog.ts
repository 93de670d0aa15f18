// The append-only audit log (ARCHITECTURE.md §5): every action that changes a case is written
// here in the same transaction as the change. Entries form one SHA-256 chain per case
// (hash = SHA-256(prev_hash + canonical entry)), so a dossier can carry its case's trail and
// anyone can re-check it; the database refuses UPDATE, DELETE and an entry that does not link
// to its chain's head. Each append also signs the chain's new head (checkpoint.ts), so a chain
// rewritten and re-hashed, or cut short, behind the triggers' back no longer verifies.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from './canonicalJson';
import { headProblem, storeChainHead, storedChainHead } from './checkpoint';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  actor: string;
  caseId: number | null;
  /** Dotted verb, e.g. 'case.create', 'import.store', 'document.issue'. */
  action: string;
  detail: Record<string, unknown>;
  /** ISO timestamp; defaults to now. */
  at?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  caseId: number | null;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  case_id: number | null;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
  /** Migration 007: the case id the entry was hashed with on the workstation it came from. */
  hashed_case_id?: number | null;
}

export function entryHash(prevHash: string, e: { at: string; actor: string; caseId: number | null; action: string; detail: unknown }): string {
  const canonical = canonicalJson({ at: e.at, actor: e.actor, caseId: e.caseId, action: e.action, detail: e.detail });
  return createHash('sha256').update(prevHash + canonical, 'utf8').digest('hex');
}

export function chainHead(db: Database.Database, caseId: number | null): string {
  const row = db.prepare('SELECT hash FROM audit_log WHERE case_id IS ? ORDER BY id DESC LIMIT 1').get(caseId) as { hash: string } | undefined;
  return row?.hash ?? GENESIS_HASH;
}

/** Appends one entry. Call it inside the transaction that makes the change it records. */
export function appendAudit(db: Database.Database, input: AuditEntryInput): AuditEntry {
  const at = input.at ?? new Date().toISOString();
  const detail = JSON.parse(canonicalJson(input.detail)) as Record<string, unknown>;
  const prevHash = chainHead(db, input.caseId);
  const hash = entryHash(prevHash, { at, actor: input.actor, caseId: input.caseId, action: input.action, detail });
  const info = db
    .prepare('INSERT INTO audit_log (at, actor, case_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(at, input.actor, input.caseId, input.action, canonicalJson(detail), prevHash, hash);
  const signed = storedChainHead(db, input.caseId);
  // counted on from the signed count, never from the rows: a tail cut behind our back stays visible
  const entries = signed ? signed.entries + 1 : (db.prepare('SELECT count(*) AS n FROM audit_log WHERE case_id IS ?').get(input.caseId) as { n: number }).n;
  storeChainHead(db, input.caseId, entries, hash, at);
  return { id: Number(info.lastInsertRowid), at, actor: input.actor, caseId: input.caseId, action: input.action, detail, prevHash, hash };
}

function toEntry(r: AuditRow): AuditEntry {
  return { id: r.id, at: r.at, actor: r.actor, caseId: r.hashed_case_id ?? r.case_id, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash };
}

export function listAudit(db: Database.Database, caseId: number | null): AuditEntry[] {
  return (db.prepare('SELECT * FROM audit_log WHERE case_id IS ? ORDER BY id').all(caseId) as AuditRow[]).map(toEntry);
}

export type ChainCheck = { ok: true; entries: number; head: string } | { ok: false; entryId: number; reason: string };

/** Re-computes a chain (a case's, or the workstation's with null) from its first entry. */
export function verifyAuditChain(entries: readonly AuditEntry[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (const e of entries) {
    if (e.prevHash !== prev) return { ok: false, entryId: e.id, reason: `第 ${e.id} 条审计记录的前序哈希与上一条不符` };
    const expected = entryHash(prev, e);
    if (expected !== e.hash) return { ok: false, entryId: e.id, reason: `第 ${e.id} 条审计记录的内容与其哈希不符（可能被篡改）` };
    prev = e.hash;
  }
  return { ok: true, entries: entries.length, head: prev };
}

/**
 * A chain as stored on this workstation: recomputed from its first entry, and its count and head
 * compared with the ones this workstation signed (a rewritten-and-rehashed chain or a cut tail).
 */
export function verifyStoredChain(db: Database.Database, caseId: number | null): ChainCheck & { entriesFound: number } {
  const entries = listAudit(db, caseId);
  const check = verifyAuditChain(entries);
  if (!check.ok) return { ...check, entriesFound: entries.length };
  const problem = headProblem(db, caseId, check.entries, check.head);
  if (problem) return { ok: false, entryId: entries.at(-1)?.id ?? 0, reason: problem, entriesFound: entries.length };
  return { ...check, entriesFound: entries.length };
}
