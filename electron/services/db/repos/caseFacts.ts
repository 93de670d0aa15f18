// The case facts of migration 003: what the documents of one case say about it (auditors,
// on-site dates, place, contact …), stored once as JSON so every document form starts from them.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { WriteMeta } from './meta';

export interface StoredCaseFacts {
  facts: unknown;
  updatedAt: string;
  updatedBy: string;
}

export function getCaseFacts(db: Database.Database, caseId: number): StoredCaseFacts | null {
  const r = db.prepare('SELECT facts, updated_at, updated_by FROM case_facts WHERE case_id = ?').get(caseId) as
    | { facts: string; updated_at: string; updated_by: string }
    | undefined;
  return r ? { facts: JSON.parse(r.facts) as unknown, updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
}

export function setCaseFacts(db: Database.Database, caseId: number, facts: unknown, meta: WriteMeta): void {
  db.prepare(
    `INSERT INTO case_facts (case_id, facts, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(case_id) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(caseId, JSON.stringify(facts), meta.at, meta.actor);
}
