// Migration 009: what the workstation vouches for and whom it trusts (issue 8, items 4 and 6).
// - audit_heads: the signed head (entry count + last hash) of every audit-trail chain, updated on
//   each append (electron/services/audit/checkpoint.ts); existing chains get theirs here, signed
//   with the workstation key made now. Rows are replaced, never deleted.
// - workstation_keys: the public keys of the other workstations (the laptops) the office trusts,
//   each with its fingerprint, the number range the office gave it, who registered it and when,
//   and a revocation; registrations are never deleted, only revoked.
import type { Migration } from './types';
import { refreshChainHead } from '../../audit/checkpoint';

export const migration009: Migration = {
  // Provisional number 010 (issue 8's parallel branches); the version is the migration's position in
  // index.ts, which the merge of 008/009 sets to 10.
  version: 9,
  name: '009_signing',
  up(db) {
    db.exec(`
      CREATE TABLE audit_heads (
        chain TEXT PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id),
        entries INTEGER NOT NULL CHECK (entries >= 0),
        head TEXT NOT NULL CHECK (length(head) = 64),
        signature TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        updated_at TEXT NOT NULL
      );
      CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
        BEGIN SELECT RAISE(ABORT, '审计记录链头只能更新，不能删除'); END;

      CREATE TABLE workstation_keys (
        id INTEGER PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
        range_start INTEGER CHECK (range_start IS NULL OR range_start >= 1),
        range_end INTEGER CHECK (range_end IS NULL OR range_end >= range_start),
        registered_at TEXT NOT NULL,
        registered_by TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        CHECK ((range_start IS NULL) = (range_end IS NULL))
      );
      CREATE TRIGGER workstation_keys_no_delete BEFORE DELETE ON workstation_keys
        BEGIN SELECT RAISE(ABORT, '已登记的工作站公钥不能删除，只能吊销'); END;
      CREATE TRIGGER workstation_keys_revoked BEFORE UPDATE ON workstation_keys
        WHEN OLD.revoked_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '已吊销的工作站公钥不能再修改'); END;
    `);
    const at = new Date().toISOString();
    const chains = db.prepare('SELECT DISTINCT case_id FROM audit_log').all() as { case_id: number | null }[];
    for (const c of chains) refreshChainHead(db, c.case_id, at);
  },
};
