// The signed head of each audit-trail chain (ARCHITECTURE.md §8). The hash chain alone shows an
// entry changed in place, but not a chain rewritten and re-hashed from the first entry on, nor a
// cut-off tail: both still link up. So every append also stores, in audit_heads (migration 009),
// the chain's entry count and head hash signed with the workstation's Ed25519 key; a check of the
// chain then also compares the recomputed count and head with the signed ones. Forging them takes
// the private key, not just write access to the rows.
import type Database from 'better-sqlite3-multiple-ciphers';
import { signBytes, verifySignature, workstationKey } from '../signing/workstationKey';

export interface ChainHead {
  entries: number;
  head: string;
  signature: string;
  fingerprint: string;
  updatedAt: string;
}

export function chainKey(caseId: number | null): string {
  return caseId === null ? 'workstation' : `case:${caseId}`;
}

/** The text that is signed: which workstation, which chain, how many entries, which head. */
export function headMessage(workstationId: string, chain: string, entries: number, head: string): string {
  return `jihe-audit-head\n${workstationId}\n${chain}\n${entries}\n${head}`;
}

const ready = new WeakSet<Database.Database>();

/** True once migration 009 has made audit_heads (older schemas in migration tests have none). */
export function hasChainHeads(db: Database.Database): boolean {
  if (ready.has(db)) return true;
  const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_heads'").get() !== undefined;
  if (found) ready.add(db);
  return found;
}

/** Signs and stores a chain's head. Call inside the transaction that appended to the chain. */
export function storeChainHead(db: Database.Database, caseId: number | null, entries: number, head: string, at: string): void {
  if (!hasChainHeads(db)) return;
  const key = workstationKey(db);
  const chain = chainKey(caseId);
  const signature = signBytes(key, headMessage(key.id, chain, entries, head));
  db.prepare(
    `INSERT INTO audit_heads (chain, case_id, entries, head, signature, fingerprint, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(chain) DO UPDATE SET entries = excluded.entries, head = excluded.head, signature = excluded.signature, fingerprint = excluded.fingerprint, updated_at = excluded.updated_at`,
  ).run(chain, caseId, entries, head, signature, key.fingerprint, at);
}

/** Re-signs a chain's head from its rows (after entries were copied in from a transfer package). */
export function refreshChainHead(db: Database.Database, caseId: number | null, at: string): void {
  const r = db.prepare('SELECT count(*) AS n, (SELECT hash FROM audit_log WHERE case_id IS ? ORDER BY id DESC LIMIT 1) AS head FROM audit_log WHERE case_id IS ?').get(caseId, caseId) as { n: number; head: string | null };
  if (r.head) storeChainHead(db, caseId, r.n, r.head, at);
}

export function storedChainHead(db: Database.Database, caseId: number | null): ChainHead | null {
  if (!hasChainHeads(db)) return null;
  const r = db.prepare('SELECT entries, head, signature, fingerprint, updated_at FROM audit_heads WHERE chain = ?').get(chainKey(caseId)) as
    | { entries: number; head: string; signature: string; fingerprint: string; updated_at: string }
    | undefined;
  return r ? { entries: r.entries, head: r.head, signature: r.signature, fingerprint: r.fingerprint, updatedAt: r.updated_at } : null;
}

/**
 * Null when the recomputed chain (`entries`, `head`) is the one this workstation signed, else why
 * not (Chinese). A chain with entries but no signed head is refused too (the row was deleted).
 */
export function headProblem(db: Database.Database, caseId: number | null, entries: number, head: string): string | null {
  if (!hasChainHeads(db)) return null;
  const stored = storedChainHead(db, caseId);
  if (!stored) return entries === 0 ? null : '缺少本机签名的链头记录（可能被删除），无法确认审计记录完整';
  const key = workstationKey(db);
  if (!verifySignature(key.publicKey, headMessage(key.id, chainKey(caseId), stored.entries, stored.head), stored.signature)) {
    return '链头记录的签名无效（链头记录被改动或不是本工作站签署的）';
  }
  if (stored.entries !== entries) {
    return entries < stored.entries
      ? `审计记录只有 ${entries} 条，本机签名的链头记载为 ${stored.entries} 条：末尾 ${stored.entries - entries} 条记录被删除`
      : `审计记录有 ${entries} 条，本机签名的链头记载为 ${stored.entries} 条：有记录未经本系统写入`;
  }
  if (stored.head !== head) return `重新计算的链头 ${head.slice(0, 16)}… 与本机签名的链头 ${stored.head.slice(0, 16)}… 不符：审计记录被改写后重新计算了哈希`;
  return null;
}
