// One case as the transfer package carries it: every row of the case, its employer and plan, and
// every table under it, with local integer ids replaced by UUIDs (or content keys), file bytes by
// their SHA-256, and the audit trail with its hashes. The same dump, taken on two workstations,
// is equal exactly when the case is the same on both — the round-trip test compares these.
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { canonicalJson } from '../audit/canonicalJson';
import { listAudit, verifyStoredChain } from '../audit/auditLog';
import type { Cell, CaseDump, RowDump, TableDump } from '../../../shared/transfer/package';
import { readCaseSchema, tableInfo, uuidOf, type TableInfo } from './schemaMap';

export type Blobs = Map<string, Uint8Array>;

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

function encodeCell(db: Db, t: TableInfo, column: string, v: unknown, blobs: Blobs): Cell {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) {
    const bytes = new Uint8Array(v);
    const h = sha(bytes);
    blobs.set(h, bytes);
    return { $blob: h };
  }
  const fk = t.foreignKeys.find((f) => f.column === column);
  if (fk && typeof v === 'number') {
    const u = uuidOf(db, fk.table, v);
    if (u === null) throw new Error(`${t.name}.${column} 引用的 ${fk.table} 第 ${v} 行没有 UUID`);
    return { $ref: u };
  }
  if (typeof v === 'bigint') return Number(v);
  return v as number | string;
}

function rowsOf(db: Db, t: TableInfo, where: string, arg: number): { id: number; row: Record<string, unknown> }[] {
  const rows = db.prepare(`SELECT ${t.idColumn} AS __id, * FROM "${t.name}" WHERE ${where} = ? ORDER BY ${t.idColumn}`).all(arg) as Record<string, unknown>[];
  return rows.map((row) => ({ id: row.__id as number, row }));
}

function dumpRows(db: Db, t: TableInfo, where: string, arg: number, blobs: Blobs, withChildren?: (id: number) => RowDump['children']): TableDump {
  const rows: RowDump[] = rowsOf(db, t, where, arg).map(({ id, row }) => {
    const values = t.columns.map((c) => encodeCell(db, t, c, row[c], blobs));
    const uuid = t.hasUuid ? uuidOf(db, t.name, id) : null;
    const children = withChildren?.(id);
    return { key: uuid ?? sha(canonicalJson(values)), uuid, values, ...(children ? { children } : {}) };
  });
  return { columns: t.columns, rows };
}

export function dumpCase(db: Db, caseId: number, blobs: Blobs = new Map()): CaseDump {
  return db.transaction(() => {
    const schema = readCaseSchema(db);
    const info = (name: string) => tableInfo(db, name);
    const caseTable = info('cases');
    const caseDump = dumpRows(db, caseTable, 'id', caseId, blobs);
    const caseRow = caseDump.rows[0];
    if (!caseRow) throw new Error(`找不到案件（编号 ${caseId}）`);
    const raw = db.prepare('SELECT number, employer_id, rate_plan_id FROM cases WHERE id = ?').get(caseId) as { number: string; employer_id: number; rate_plan_id: number };
    const tables: Record<string, TableDump> = {};
    for (const t of schema.children) {
      const under = schema.grandchildren.get(t.name);
      tables[t.name] = dumpRows(db, t, 'case_id', caseId, blobs, under
        ? (id) =>
            Object.fromEntries(
              under.map((g) => {
                const cols = g.columns.filter((c) => c !== g.parentColumn);
                const rows = rowsOf(db, g, g.parentColumn, id).map(({ row }) => cols.map((c) => encodeCell(db, g, c, row[c], blobs)));
                return [g.name, { columns: cols, rows }];
              }),
            )
        : undefined);
    }
    const trail = listAudit(db, caseId);
    const check = verifyStoredChain(db, caseId);
    if (!check.ok) throw new Error(`案件 ${raw.number} 的审计记录哈希链已断开：${check.reason}，不能导出`);
    return {
      uuid: caseRow.uuid!,
      number: raw.number,
      case: caseDump,
      employer: dumpRows(db, info('employers'), 'id', raw.employer_id, blobs),
      // a plan is its content (UUID from its SHA-256); when this workstation got it is its own affair
      ratePlan: dumpRows(db, { ...info('rate_plans'), columns: info('rate_plans').columns.filter((c) => c !== 'created_at' && c !== 'created_by') }, 'id', raw.rate_plan_id, blobs),
      tables,
      trail: trail.map((e) => ({ at: e.at, actor: e.actor, caseId: e.caseId, action: e.action, detail: e.detail, prevHash: e.prevHash, hash: e.hash })),
      head: check.head,
    };
  })();
}
