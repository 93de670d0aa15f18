// Imports a transfer package (shared/transfer/package.ts) into this workstation, all in ONE
// transaction, so a crash or a kill half-way leaves the database as it was. Per case, by UUID:
// - not here yet → created (employer matched by credit code, plan by its SHA-256, else created);
// - the same as here → nothing changes (importing a package twice doubles nothing);
// - changed only on the other side (its audit trail continues ours) → brought up to date: missing
//   rows inserted, changed rows updated, the new trail entries appended with their hashes;
// - changed only here (our trail continues the package's) → left alone;
// - changed on both sides (the trails fork) → a conflict: nothing of that case is taken, and the
//   conflicting items — each side's trail entries since the fork and the rows that differ — are
//   returned to be shown.
import { createHash } from 'node:crypto';
import { strFromU8 } from 'fflate';
import type { Db } from '../db/open';
import { appendAudit, chainHead, GENESIS_HASH } from '../audit/auditLog';
import { canonicalJson } from '../audit/canonicalJson';
import { CASE_STATE_NAMES, type CaseState } from '../../../shared/api/dto';
import type { TransferCaseOutcome, TransferConflictItem, TransferImportResult } from '../../../shared/api/dto/archive';
import { AUDIT_ACTION_NAMES, trailTime } from '../../../shared/dossier/trailSheet';
import {
  CaseDumpSchema,
  TABLE_NAMES,
  TRANSFER_MANIFEST,
  TRANSFER_SIGNATURE,
  TransferManifestSchema,
  type TransferManifest,
  type CaseDump,
  type Cell,
  type RowDump,
  type TableDump,
  type TrailEntryDump,
} from '../../../shared/transfer/package';
import { LIMITS, LimitExceeded } from '../import/limits';
import { checkZipBounds } from '../import/zipGuard';
import { dumpCase } from './dumpCase';
import { seqIsOurs } from '../db/repos/numbering';
import { readZipEntries, ZipEntriesRefused } from '../zip/zipEntries';
import { checkActors, checkIncomingChain, checkPackageSignature, PackageUntrusted, type PackageSigner } from './packageTrust';
import { refreshChainHead } from '../audit/checkpoint';
import { idOfUuid, readCaseSchema, tableInfo, type CaseSchema, type TableInfo } from './schemaMap';

export class TransferRefused extends Error {
  constructor(
    readonly code: 'bad-file' | 'conflict' | 'forbidden',
    message: string,
  ) {
    super(message);
    this.name = 'TransferRefused';
  }
}

/** A case both workstations changed (caseId null: a different case here already has its number). */
export interface ConflictAt {
  db: Db;
  w: Writer;
  pkg: ReadPackage;
  caseId: number | null;
  local: CaseDump | null;
  incoming: CaseDump;
  /** How many trail entries both sides share (where the trails fork). */
  fork: number;
  at: string;
  actor: string;
}

export interface ImportPackageOptions {
  actor: string;
  now?: Date;
  /** Resolves a conflict inside the import's transaction (transferResolve.ts); null leaves it listed and untaken. */
  onConflict?: (c: ConflictAt) => { message: string } | null;
  /** Rows written so far (tests watch it to kill the process mid-import). */
  onRows?: (rows: number) => void;
}

/** A package unzipped and checked against its own manifest (in the bounded worker), its signature not yet checked. */
export interface UnverifiedPackage {
  manifest: TransferManifest;
  manifestBytes: Uint8Array;
  signatureText: string | null;
  dumps: CaseDump[];
  blobs: Map<string, Uint8Array>;
}

/** A package whose signature is by a workstation registered here. */
export interface ReadPackage extends UnverifiedPackage {
  signer: PackageSigner;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Reads a package needing no database, so that it runs in the bounded worker (jobs/offThread.ts):
 * bounds and safe entry names, every file against the manifest, each case's incoming trail chain.
 * The signature is checked by trustPackage, where the registered keys are.
 */
export function readPackage(bytes: Uint8Array): UnverifiedPackage {
  let files: Map<string, Uint8Array>;
  try {
    // Entry count and declared sizes before inflating (import/limits.ts).
    checkZipBounds(bytes, '案件交换包', LIMITS.packageInflatedBytes, '请分批导出案件');
  } catch (e) {
    if (e instanceof LimitExceeded) throw new TransferRefused('bad-file', e.message);
  }
  try {
    files = readZipEntries(bytes, '案件交换包');
  } catch (e) {
    if (e instanceof ZipEntriesRefused) throw new TransferRefused('bad-file', e.message);
    throw new TransferRefused('bad-file', `案件交换包不是有效的 ZIP 文件：${e instanceof Error ? e.message : String(e)}`);
  }
  const mf = files.get(TRANSFER_MANIFEST);
  if (!mf) throw new TransferRefused('bad-file', `案件交换包缺少清单 ${TRANSFER_MANIFEST}（不是本系统导出的交换包？）`);
  let parsed;
  try {
    parsed = TransferManifestSchema.safeParse(JSON.parse(strFromU8(mf)));
  } catch (e) {
    throw new TransferRefused('bad-file', `交换包清单 ${TRANSFER_MANIFEST} 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!parsed.success) throw new TransferRefused('bad-file', `交换包清单 ${TRANSFER_MANIFEST} 格式有误或版本不受支持（须为本版本导出的、带签名的交换包）`);
  const manifest = parsed.data;
  const sig = files.get(TRANSFER_SIGNATURE);
  const listed = new Set<string>([TRANSFER_MANIFEST, TRANSFER_SIGNATURE]);
  for (const f of manifest.files) {
    const b = files.get(f.path);
    if (!b) throw new TransferRefused('bad-file', `交换包缺少文件 ${f.path}`);
    if (b.byteLength !== f.size || sha(b) !== f.sha256) throw new TransferRefused('bad-file', `交换包中的文件 ${f.path} 已损坏或被改动（SHA-256 与清单不符）`);
    listed.add(f.path);
  }
  const extra = [...files.keys()].filter((n) => !listed.has(n) && !n.endsWith('/'));
  if (extra.length > 0) throw new TransferRefused('bad-file', `交换包含有清单未列出的文件：${extra.join('、')}，已拒绝导入`);
  const blobs = new Map<string, Uint8Array>();
  for (const f of manifest.files) if (f.path.startsWith('blobs/')) blobs.set(f.sha256, files.get(f.path)!);
  const dumps = manifest.cases.map((c) => {
    const bytesOf = files.get(c.path);
    if (!bytesOf || !manifest.files.some((f) => f.path === c.path)) throw new TransferRefused('bad-file', `交换包缺少案件 ${c.number} 的数据（${c.path}）`);
    const r = CaseDumpSchema.safeParse(JSON.parse(strFromU8(bytesOf)));
    if (!r.success) throw new TransferRefused('bad-file', `交换包中案件 ${c.number} 的数据（${c.path}）格式有误`);
    if (r.data.uuid !== c.uuid || r.data.number !== c.number) throw new TransferRefused('bad-file', `交换包中 ${c.path} 不是清单所列的案件 ${c.number}`);
    try {
      checkIncomingChain(r.data, c.head);
    } catch (e) {
      if (e instanceof PackageUntrusted) throw new TransferRefused('forbidden', e.message);
      throw e;
    }
    return r.data;
  });
  return { manifest, manifestBytes: mf, signatureText: sig ? strFromU8(sig) : null, dumps, blobs };
}

/** The signature over the manifest, by a workstation registered here (or refused). */
export function trustPackage(db: Db, pkg: UnverifiedPackage): ReadPackage {
  return { ...pkg, signer: untrusted(() => checkPackageSignature(db, pkg.manifest, pkg.manifestBytes, pkg.signatureText)) };
}

/** Writes rows of one table, turning UUID references and blob references back into local values. */
export class Writer {
  rows = 0;
  private infos = new Map<string, TableInfo>();
  constructor(
    private db: Db,
    private blobs: Map<string, Uint8Array>,
    private onRows?: (n: number) => void,
  ) {}

  info(table: string): TableInfo {
    let i = this.infos.get(table);
    if (!i) {
      i = tableInfo(this.db, table);
      if (i.columns.length === 0) throw new TransferRefused('bad-file', `本机数据库没有数据表 ${table}，交换包来自更新版本的工作站，请先升级本机程序`);
      this.infos.set(table, i);
    }
    return i;
  }

  decode(table: string, column: string, cell: Cell): unknown {
    if (cell === null || typeof cell !== 'object') return cell;
    if ('$blob' in cell) {
      const b = this.blobs.get(cell.$blob);
      if (!b) throw new TransferRefused('bad-file', `交换包缺少 ${table}.${column} 的文件内容 ${cell.$blob}`);
      return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    }
    const fk = this.info(table).foreignKeys.find((f) => f.column === column);
    if (!fk) throw new TransferRefused('bad-file', `${table}.${column} 在本机不是引用列`);
    const id = idOfUuid(this.db, fk.table, cell.$ref);
    if (id === null) throw new TransferRefused('bad-file', `${table}.${column} 引用的 ${fk.table}（${cell.$ref}）在本机不存在`);
    return id;
  }

  private checkColumns(table: string, columns: string[], values: Cell[][]): string[] {
    const local = new Set(this.info(table).columns);
    columns.forEach((c, k) => {
      if (!local.has(c) && values.some((v) => v[k] !== null)) throw new TransferRefused('bad-file', `交换包中 ${table}.${c} 在本机数据库中不存在，交换包来自更新版本的工作站，请先升级本机程序`);
    });
    return columns.filter((c) => local.has(c));
  }

  insert(table: string, columns: string[], values: Cell[], uuid: string | null, override: Record<string, unknown> = {}): number {
    const given = this.checkColumns(table, columns, [values]);
    const cols = [...given, ...Object.keys(override).filter((k) => !given.includes(k) && this.info(table).columns.includes(k))];
    const args = cols.map((c) => (c in override ? override[c] : this.decode(table, c, values[columns.indexOf(c)]!)));
    const id = Number(this.db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...args).lastInsertRowid);
    if (uuid) this.db.prepare('UPDATE row_uuids SET uuid = ? WHERE tbl = ? AND row_id = ?').run(uuid, table, id);
    this.tick(1);
    return id;
  }

  insertMany(table: string, parentColumn: string, parentId: number, columns: string[], rows: Cell[][]): void {
    if (rows.length === 0) return;
    const cols = this.checkColumns(table, columns, rows);
    const stmt = this.db.prepare(`INSERT INTO "${table}" ("${parentColumn}", ${cols.map((c) => `"${c}"`).join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`);
    const idx = cols.map((c) => columns.indexOf(c));
    for (const r of rows) {
      stmt.run(parentId, ...idx.map((k, j) => this.decode(table, cols[j]!, r[k]!)));
      this.tick(1);
    }
  }

  update(table: string, id: number, columns: string[], values: Cell[], skip: readonly string[] = []): void {
    const cols = this.checkColumns(table, columns, [values]).filter((c) => !skip.includes(c));
    if (cols.length === 0) return;
    this.db.prepare(`UPDATE "${table}" SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => this.decode(table, c, values[columns.indexOf(c)]!)), id);
    this.tick(1);
  }

  private tick(n: number): void {
    const before = this.rows;
    this.rows += n;
    if (this.onRows && Math.floor(before / 5000) !== Math.floor(this.rows / 5000)) this.onRows(this.rows);
  }
}

export const value = (t: TableDump, row: RowDump, column: string): Cell | undefined => row.values[t.columns.indexOf(column)];

export function rowLabel(table: string, t: TableDump, row: RowDump): string {
  for (const c of ['title', 'number', 'description', 'file_name', 'person_id', 'finding_key', 'paid_on', 'month', 'kind']) {
    const v = t.columns.includes(c) ? value(t, row, c) : undefined;
    if (typeof v === 'string' && v) return `${TABLE_NAMES[table] ?? table}“${v}”`;
  }
  return `${TABLE_NAMES[table] ?? table}（${row.key.slice(0, 8)}）`;
}

function trailLine(side: string, e: TrailEntryDump): TransferConflictItem {
  return { kind: '审计记录', description: `${side}：${trailTime(e.at)} ${e.actor} ${AUDIT_ACTION_NAMES[e.action] ?? e.action}` };
}

/** Rows that differ between the two dumps, by table (the conflict list and the fast-forward plan). */
export function rowDiff(local: CaseDump, incoming: CaseDump) {
  const out: { table: string; onlyLocal: RowDump[]; onlyIncoming: RowDump[]; changed: { local: RowDump; incoming: RowDump }[] }[] = [];
  for (const table of new Set([...Object.keys(local.tables), ...Object.keys(incoming.tables)])) {
    const l = local.tables[table]?.rows ?? [];
    const i = incoming.tables[table]?.rows ?? [];
    const lk = new Map(l.map((r) => [r.key, r]));
    const ik = new Map(i.map((r) => [r.key, r]));
    out.push({
      table,
      onlyLocal: l.filter((r) => !ik.has(r.key)),
      onlyIncoming: i.filter((r) => !lk.has(r.key)),
      changed: i.filter((r) => lk.has(r.key) && canonicalJson(lk.get(r.key)!.values) !== canonicalJson(r.values)).map((r) => ({ local: lk.get(r.key)!, incoming: r })),
    });
  }
  return out;
}

export function stateOf(d: CaseDump): CaseState {
  return value(d.case, d.case.rows[0]!, 'state') as CaseState;
}

/** How many trail entries the two sides share from the start. */
export function forkIndex(local: CaseDump, incoming: CaseDump): number {
  let k = 0;
  while (k < local.trail.length && k < incoming.trail.length && local.trail[k]!.hash === incoming.trail[k]!.hash) k++;
  return k;
}

/** The resolution already recorded here for this very package state of the case, if any. */
function resolvedBefore(local: CaseDump, incomingHead: string): TrailEntryDump | undefined {
  return local.trail.find((e) => e.action === 'transfer.resolve' && e.detail.incomingHead === incomingHead);
}

function conflictItems(local: CaseDump, incoming: CaseDump): TransferConflictItem[] {
  const items: TransferConflictItem[] = [];
  const k = forkIndex(local, incoming);
  for (const e of local.trail.slice(k)) items.push(trailLine('本机', e));
  for (const e of incoming.trail.slice(k)) items.push(trailLine('交换包', e));
  if (stateOf(local) !== stateOf(incoming)) items.push({ kind: '案件状态', description: `本机为“${CASE_STATE_NAMES[stateOf(local)]}”，交换包为“${CASE_STATE_NAMES[stateOf(incoming)]}”` });
  for (const d of rowDiff(local, incoming)) {
    const t = local.tables[d.table] ?? incoming.tables[d.table]!;
    const ti = incoming.tables[d.table] ?? t;
    for (const r of d.onlyLocal) items.push({ kind: TABLE_NAMES[d.table] ?? d.table, description: `仅本机有：${rowLabel(d.table, t, r)}` });
    for (const r of d.onlyIncoming) items.push({ kind: TABLE_NAMES[d.table] ?? d.table, description: `仅交换包有：${rowLabel(d.table, ti, r)}` });
    for (const c of d.changed) items.push({ kind: TABLE_NAMES[d.table] ?? d.table, description: `两边内容不同：${rowLabel(d.table, ti, c.incoming)}` });
  }
  return items;
}

function insertTrail(db: Db, caseId: number, entries: readonly TrailEntryDump[]): void {
  const stmt = db.prepare('INSERT INTO audit_log (at, actor, case_id, action, detail, prev_hash, hash, hashed_case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const e of entries) stmt.run(e.at, e.actor, caseId, e.action, canonicalJson(e.detail), e.prevHash, e.hash, e.caseId === caseId ? null : e.caseId);
  // this workstation signs the chain's new head (its count and last hash) as its own checkpoint
  if (entries.length > 0) refreshChainHead(db, caseId, new Date().toISOString());
}

/** Sequences never go back: a number of our own range taken elsewhere (numbering.ts) is taken here too; another workstation's range is left to it. */
export function bumpSequences(db: Db, d: CaseDump): void {
  const c = d.case.rows[0]!;
  const year = value(d.case, c, 'year') as number;
  const seq = value(d.case, c, 'seq') as number;
  if (seqIsOurs(db, seq)) db.prepare('INSERT INTO case_sequences (year, last_seq) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)').run(year, seq);
  const docs = d.tables.documents;
  if (docs) {
    for (const r of docs.rows) {
      const [type, y, s] = ['type', 'year', 'seq'].map((col) => value(docs, r, col));
      if (typeof y === 'number' && typeof s === 'number' && seqIsOurs(db, s)) {
        db.prepare('INSERT INTO document_sequences (type, year, last_seq) VALUES (?, ?, ?) ON CONFLICT(type, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)').run(type, y, s);
      }
    }
  }
  const ex = d.tables.dossier_exports;
  if (ex) {
    for (const r of ex.rows) {
      const s = value(ex, r, 'seq');
      if (typeof s === 'number' && seqIsOurs(db, s)) {
        db.prepare('INSERT INTO archive_sequences (year, last_seq) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)').run(value(ex, r, 'year'), s);
      }
    }
  }
}

function resolveEmployer(db: Db, w: Writer, d: CaseDump): number {
  const row = d.employer.rows[0]!;
  const byUuid = row.uuid ? idOfUuid(db, 'employers', row.uuid) : null;
  if (byUuid !== null) return byUuid;
  const code = value(d.employer, row, 'credit_code');
  const found = db.prepare('SELECT id FROM employers WHERE credit_code = ?').get(code) as { id: number } | undefined;
  return found ? found.id : w.insert('employers', d.employer.columns, row.values, row.uuid);
}

function resolvePlan(db: Db, w: Writer, d: CaseDump, at: string, actor: string): number {
  const row = d.ratePlan.rows[0]!;
  const byUuid = row.uuid ? idOfUuid(db, 'rate_plans', row.uuid) : null;
  if (byUuid !== null) return byUuid;
  const found = db.prepare('SELECT id FROM rate_plans WHERE sha256 = ?').get(value(d.ratePlan, row, 'sha256')) as { id: number } | undefined;
  return found ? found.id : w.insert('rate_plans', d.ratePlan.columns, row.values, row.uuid, { created_at: at, created_by: actor });
}

export function insertChildRow(w: Writer, table: string, t: TableDump, r: RowDump, caseId: number, grand: CaseSchema['grandchildren']): void {
  const id = w.insert(table, t.columns, r.values, r.uuid, { case_id: caseId });
  for (const [g, rows] of Object.entries(r.children ?? {})) {
    const parentColumn = grand.get(table)?.find((x) => x.name === g)?.parentColumn;
    if (!parentColumn) throw new TransferRefused('bad-file', `本机数据库中 ${g} 不在 ${table} 之下，交换包与本机版本不同`);
    w.insertMany(g, parentColumn, id, rows.columns, rows.rows);
  }
}

function createCase(db: Db, w: Writer, d: CaseDump, at: string, actor: string): TransferCaseOutcome | null {
  const c = d.case.rows[0]!;
  const number = value(d.case, c, 'number') as string;
  const taken = db.prepare('SELECT number FROM cases WHERE number = ? OR (year = ? AND seq = ?)').get(number, value(d.case, c, 'year'), value(d.case, c, 'seq')) as { number: string } | undefined;
  if (taken) {
    return { caseNumber: d.number, employerName: '', outcome: 'conflict', message: `本机已有编号相同的另一案件（${taken.number}），未导入`, conflicts: [{ kind: '案件编号', description: `案件编号 ${number} 在本机已被另一案件使用` }] };
  }
  const employerId = resolveEmployer(db, w, d);
  const planId = resolvePlan(db, w, d, at, actor);
  const state = stateOf(d);
  const caseId = w.insert('cases', d.case.columns, c.values, c.uuid, { employer_id: employerId, rate_plan_id: planId, state: state === 'archived' ? 'planned' : state });
  const schema = readCaseSchema(db);
  for (const t of schema.children) {
    const td = d.tables[t.name];
    if (!td) continue;
    for (const r of td.rows) insertChildRow(w, t.name, td, r, caseId, schema.grandchildren);
  }
  for (const name of Object.keys(d.tables)) {
    if (!schema.children.some((t) => t.name === name) && d.tables[name]!.rows.length > 0) throw new TransferRefused('bad-file', `本机数据库没有 ${TABLE_NAMES[name] ?? name}（${name}），交换包来自更新版本的工作站，请先升级本机程序`);
  }
  insertTrail(db, caseId, d.trail);
  bumpSequences(db, d);
  if (state === 'archived') db.prepare("UPDATE cases SET state = 'archived' WHERE id = ?").run(caseId);
  return null;
}

/**
 * Makes the case's rows those of the incoming dump ('all': rows only here deleted, changed rows and
 * the case row taken from it), or only adds the rows only it has ('add-only', keeping both sides).
 */
export function applyIncomingRows(db: Db, w: Writer, caseId: number, local: CaseDump, d: CaseDump, mode: 'all' | 'add-only'): void {
  const schema = readCaseSchema(db);
  const c = d.case.rows[0]!;
  if (mode === 'all' && canonicalJson(local.case.rows[0]!.values) !== canonicalJson(c.values)) w.update('cases', caseId, d.case.columns, c.values, ['state', 'employer_id', 'rate_plan_id']);
  for (const diff of rowDiff(local, d)) {
    const td = d.tables[diff.table];
    if (mode === 'all') {
      // rows the other side no longer has: found first (the dump lists rows in id order), then deleted
      const idCol = tableInfo(db, diff.table).idColumn;
      const localIds = (db.prepare(`SELECT ${idCol} AS id FROM "${diff.table}" WHERE case_id = ? ORDER BY ${idCol}`).all(caseId) as { id: number }[]).map((r) => r.id);
      const doomed = diff.onlyLocal.map((r) => localIds[local.tables[diff.table]!.rows.findIndex((x) => x.key === r.key)]!);
      for (const id of doomed) db.prepare(`DELETE FROM "${diff.table}" WHERE ${idCol} = ?`).run(id);
    }
    if (!td) continue;
    for (const r of diff.onlyIncoming) insertChildRow(w, diff.table, td, r, caseId, schema.grandchildren);
    if (mode === 'all') for (const ch of diff.changed) w.update(diff.table, idOfUuid(db, diff.table, ch.incoming.uuid!)!, td.columns, ch.incoming.values, ['case_id']);
  }
}

function fastForward(db: Db, w: Writer, caseId: number, local: CaseDump, d: CaseDump): void {
  applyIncomingRows(db, w, caseId, local, d, 'all');
  insertTrail(db, caseId, d.trail.slice(local.trail.length));
  bumpSequences(db, d);
  const state = stateOf(d);
  if (state !== stateOf(local)) db.prepare('UPDATE cases SET state = ? WHERE id = ?').run(state, caseId);
}

function employerNameOf(d: CaseDump): string {
  return String(value(d.employer, d.employer.rows[0]!, 'name') ?? '');
}

/** Only tables a case is made of here may be written: never users, settings, keys or the trail's own tables. */
function checkTables(db: Db, d: CaseDump): void {
  const children = new Set(readCaseSchema(db).children.map((t) => t.name));
  for (const name of Object.keys(d.tables)) {
    if (!children.has(name) && d.tables[name]!.rows.length > 0) {
      throw new TransferRefused('bad-file', `交换包中案件 ${d.number} 含有本机案件数据以外的表 ${TABLE_NAMES[name] ?? name}（${name}），已拒绝导入（或交换包来自更新版本的工作站，请先升级本机程序）`);
    }
  }
}

function untrusted<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PackageUntrusted) throw new TransferRefused('forbidden', e.message);
    throw e;
  }
}

export function importPackage(db: Db, bytes: Uint8Array, opts: ImportPackageOptions): TransferImportResult {
  return importReadPackage(db, trustPackage(db, readPackage(bytes)), opts);
}

/** The import of a package already read (in the bounded worker: jobs/offThread.ts) and trusted. */
export function importReadPackage(db: Db, pkg: ReadPackage, opts: ImportPackageOptions): TransferImportResult {
  const at = (opts.now ?? new Date()).toISOString();
  return db
    .transaction((): TransferImportResult => {
      const w = new Writer(db, pkg.blobs, opts.onRows);
      const outcomes: TransferCaseOutcome[] = [];
      for (const d of pkg.dumps) {
        checkTables(db, d);
        const base = { caseNumber: d.number, employerName: employerNameOf(d), conflicts: [] as TransferConflictItem[] };
        const localId = idOfUuid(db, 'cases', d.uuid);
        if (localId === null) {
          untrusted(() => checkActors(pkg.manifest, pkg.signer.name, d, 0, () => new Set()));
          const refused = createCase(db, w, d, at, opts.actor);
          const resolved = refused && opts.onConflict ? opts.onConflict({ db, w, pkg, caseId: null, local: null, incoming: d, fork: 0, at, actor: opts.actor }) : null;
          if (refused && resolved) outcomes.push({ ...refused, employerName: base.employerName, outcome: 'resolved', message: resolved.message });
          else outcomes.push(refused ? { ...refused, employerName: base.employerName } : { ...base, outcome: 'created', message: `新建案件，${d.trail.length} 条审计记录` });
          continue;
        }
        const local = dumpCase(db, localId);
        if (canonicalJson(local) === canonicalJson(d)) {
          outcomes.push({ ...base, outcome: 'unchanged', message: '与本机完全相同，未作改动' });
          continue;
        }
        const localHead = local.trail.length ? local.head : GENESIS_HASH;
        const incomingExtends = d.trail.length > local.trail.length && (local.trail.length === 0 || d.trail[local.trail.length - 1]!.hash === localHead);
        const localExtends = local.trail.length > d.trail.length && (d.trail.length === 0 || local.trail[d.trail.length - 1]!.hash === d.head);
        if (incomingExtends) {
          untrusted(() => checkActors(pkg.manifest, pkg.signer.name, d, local.trail.length, (t) => new Set((local.tables[t]?.rows ?? []).map((r) => r.key))));
          fastForward(db, w, localId, local, d);
          if (chainHead(db, localId) !== d.head) throw new Error(`案件 ${d.number} 更新后审计记录链头与交换包不符`);
          outcomes.push({ ...base, outcome: 'updated', message: `已按交换包更新，新增 ${d.trail.length - local.trail.length} 条审计记录` });
        } else if (localExtends) {
          outcomes.push({ ...base, outcome: 'local-newer', message: `本机的记录比交换包新（多 ${local.trail.length - d.trail.length} 条审计记录），未作改动` });
        } else if (resolvedBefore(local, d.head)) {
          const e = resolvedBefore(local, d.head)!;
          outcomes.push({ ...base, outcome: 'local-newer', message: `该案件的这一冲突已于 ${trailTime(e.at)} 由 ${e.actor} 处理（${String(e.detail.choiceName ?? '')}），未作改动` });
        } else {
          const conflicts = conflictItems(local, d);
          const resolved = opts.onConflict?.({ db, w, pkg, caseId: localId, local, incoming: d, fork: forkIndex(local, d), at, actor: opts.actor }) ?? null;
          if (resolved) outcomes.push({ ...base, outcome: 'resolved', message: resolved.message, conflicts });
          else outcomes.push({ ...base, outcome: 'conflict', message: `两个工作站都修改了该案件，未导入；请核对以下 ${conflicts.length} 项后由一方重新导出，或选择处理方式`, conflicts });
        }
      }
      const count = (o: TransferCaseOutcome['outcome']) => outcomes.filter((x) => x.outcome === o).length;
      appendAudit(db, {
        actor: opts.actor,
        at,
        caseId: null,
        action: 'transfer.import',
        detail: { cases: outcomes.map((o) => ({ number: o.caseNumber, outcome: o.outcome, ...(o.outcome === 'resolved' ? { resolution: o.message } : {}) })), rows: w.rows, signer: pkg.signer.name, fingerprint: pkg.signer.fingerprint },
      });
      return { cases: outcomes, created: count('created'), updated: count('updated'), unchanged: count('unchanged') + count('local-newer'), conflicts: count('conflict'), resolved: count('resolved') };
    })
    .immediate();
}
