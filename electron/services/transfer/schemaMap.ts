// Which tables make up a case, read from the schema itself (PRAGMA foreign_key_list), so a table
// another area adds later (evidence, transitions, facts …) travels in a transfer package without
// this code knowing it: the case row; its "children" (tables with a case_id referring to cases);
// the "grandchildren" hanging under a child (the imported lines under source_files); and the
// employer and rate plan the case refers to. A row of a table listed in row_uuids (migration 007)
// is named by its UUID; a child without one is named by its content; grandchildren travel with
// their parent row. Foreign keys to UUID tables travel as the referenced row's UUID.
import type { Db } from '../db/open';
import { UUID_TABLES } from '../db/migrations/007_archive_transfer';

export interface ForeignKey {
  column: string;
  table: string;
}

export interface TableInfo {
  name: string;
  /** Every column except the integer primary key `id`. */
  columns: string[];
  /** What names a row locally: `id`, or SQLite's rowid for a table keyed otherwise (case_facts). */
  idColumn: 'id' | 'rowid';
  foreignKeys: ForeignKey[];
  hasUuid: boolean;
}

export interface CaseSchema {
  children: TableInfo[];
  /** Parent table → tables whose rows hang under a row of it (not directly under the case). */
  grandchildren: Map<string, (TableInfo & { parentColumn: string })[]>;
  /** Tables under a case that cannot travel (a reference to a table outside the case), with why. */
  skipped: { table: string; reason: string }[];
}

const uuidTables = new Set<string>(UUID_TABLES);

export function tableInfo(db: Db, name: string): TableInfo {
  const cols = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[];
  const fks = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { from: string; table: string }[];
  return {
    name,
    columns: cols.filter((c) => c.name !== 'id').map((c) => c.name),
    idColumn: cols.some((c) => c.name === 'id') ? 'id' : 'rowid',
    foreignKeys: fks.map((f) => ({ column: f.from, table: f.table })),
    hasUuid: uuidTables.has(name),
  };
}

/** Tables that are never copied with a case: the workstation's own records and bookkeeping. */
const NOT_CASE_DATA = new Set(['audit_log', 'audit_heads', 'workstation_keys', 'row_uuids', 'users', 'settings', 'case_sequences', 'document_sequences', 'archive_sequences']);

export function readCaseSchema(db: Db): CaseSchema {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const infos = names.filter((n) => !NOT_CASE_DATA.has(n)).map((n) => tableInfo(db, n));
  const children: TableInfo[] = [];
  const skipped: CaseSchema['skipped'] = [];
  const allowedRefs = (t: TableInfo, parent: string) =>
    t.foreignKeys.every((fk) => fk.table === parent || fk.table === 'cases' || uuidTables.has(fk.table) || fk.table === t.name);
  for (const t of infos) {
    if (!t.foreignKeys.some((fk) => fk.table === 'cases' && fk.column === 'case_id')) continue;
    if (t.name === 'cases') continue;
    if (!allowedRefs(t, 'cases')) {
      skipped.push({ table: t.name, reason: `引用了案件以外的数据（${t.foreignKeys.map((f) => f.table).join('、')}）` });
      continue;
    }
    children.push(t);
  }
  // children referring to other children must come after them (judgments after exemptions)
  children.sort((a, b) => (a.foreignKeys.some((f) => f.table === b.name) ? 1 : b.foreignKeys.some((f) => f.table === a.name) ? -1 : a.name.localeCompare(b.name)));
  const grandchildren: CaseSchema['grandchildren'] = new Map();
  for (const t of infos) {
    if (t.foreignKeys.some((fk) => fk.table === 'cases')) continue;
    for (const parent of children) {
      const fk = t.foreignKeys.find((f) => f.table === parent.name);
      if (!fk || !parent.hasUuid) continue;
      if (!allowedRefs(t, parent.name)) {
        skipped.push({ table: t.name, reason: '引用了案件以外的数据' });
        continue;
      }
      const list = grandchildren.get(parent.name) ?? [];
      list.push({ ...t, parentColumn: fk.column });
      grandchildren.set(parent.name, list);
    }
  }
  return { children, grandchildren, skipped };
}

/** The UUID of a row, or null when the row has none. */
export function uuidOf(db: Db, table: string, id: number): string | null {
  const r = db.prepare('SELECT uuid FROM row_uuids WHERE tbl = ? AND row_id = ?').get(table, id) as { uuid: string } | undefined;
  return r?.uuid ?? null;
}

export function idOfUuid(db: Db, table: string, uuid: string): number | null {
  const r = db.prepare('SELECT row_id FROM row_uuids WHERE tbl = ? AND uuid = ?').get(table, uuid) as { row_id: number } | undefined;
  return r?.row_id ?? null;
}
