// Where the draw's targets come from, by kind (DOMAIN.md §10: the same machinery serves both
// kinds): employers from the employers table; designated medical institutions from the
// `institutions` table once that directory exists (another migration), read by its credit code,
// name and active/status columns. Adding a kind is adding an entry here.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { TargetKind } from '../../../shared/api/dto/office';

export interface TargetRow {
  id: number;
  creditCode: string;
  name: string;
  active: boolean;
}

export interface TargetSource {
  kind: TargetKind;
  /** Null when the directory does not exist on this database. */
  list(db: Database.Database): TargetRow[] | null;
}

function columns(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
}

const employers: TargetSource = {
  kind: 'employer',
  list: (db) =>
    (db.prepare('SELECT id, credit_code, name, active FROM employers ORDER BY credit_code').all() as { id: number; credit_code: string; name: string; active: number }[]).map((r) => ({
      id: r.id,
      creditCode: r.credit_code,
      name: r.name,
      active: r.active === 1,
    })),
};

const institutions: TargetSource = {
  kind: 'institution',
  list: (db) => {
    const cols = columns(db, 'institutions');
    if (!cols.has('credit_code') || !cols.has('name')) return null;
    const active = cols.has('active') ? 'active = 1' : cols.has('status') ? "status IN ('active', '正常', '有效')" : '1';
    const rows = db.prepare(`SELECT id, credit_code, name, (${active}) AS is_active FROM institutions ORDER BY credit_code`).all() as {
      id: number;
      credit_code: string;
      name: string;
      is_active: number;
    }[];
    return rows.map((r) => ({ id: r.id, creditCode: r.credit_code, name: r.name, active: r.is_active === 1 }));
  },
};

export const TARGET_SOURCES: Readonly<Record<TargetKind, TargetSource>> = { employer: employers, institution: institutions };

/** The name of a target by kind and credit code ('' when unknown). */
export function targetNames(db: Database.Database): (kind: TargetKind, code: string) => string {
  const cache = new Map<TargetKind, Map<string, string>>();
  return (kind, code) => {
    let m = cache.get(kind);
    if (!m) {
      m = new Map((TARGET_SOURCES[kind].list(db) ?? []).map((t) => [t.creditCode, t.name]));
      cache.set(kind, m);
    }
    return m.get(code) ?? '';
  };
}
