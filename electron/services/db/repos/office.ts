// Rows of the office area (migration 012): inspectors, conflicts, draws and their replacements,
// the cases created from a draw, case teams and tip-offs. Plain SQL, no rules: the handlers in
// electron/services/backend/office*.ts check and log every change.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { EmployerInput } from '../../../../shared/api/dto';
import type { Conflict, Inspector, InspectorInput, TargetKind } from '../../../../shared/api/dto/office';
import type { WriteMeta } from './meta';

const blank = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

interface InspectorRow {
  id: number;
  name: string;
  credential: string;
  region: string | null;
  sex: string | null;
  unit: string | null;
  speciality: string | null;
  department: string | null;
  title: string | null;
  enforcement_region: string | null;
  notes: string | null;
  active: number;
  user_id: number | null;
  created_at: string;
}

function toInspector(r: InspectorRow): Inspector {
  const i: Inspector = { id: r.id, name: r.name, credential: r.credential, active: r.active === 1, createdAt: r.created_at, userId: r.user_id };
  const opt = { region: r.region, unit: r.unit, speciality: r.speciality, department: r.department, title: r.title, enforcementRegion: r.enforcement_region, notes: r.notes };
  for (const [k, v] of Object.entries(opt)) if (v !== null) (i as Record<string, unknown>)[k] = v;
  if (r.sex === '男' || r.sex === '女') i.sex = r.sex;
  return i;
}

export function listInspectors(db: Database.Database, includeInactive = true): Inspector[] {
  return (db.prepare(`SELECT * FROM inspectors ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY credential`).all() as InspectorRow[]).map(toInspector);
}

export function getInspector(db: Database.Database, id: number): Inspector | null {
  const r = db.prepare('SELECT * FROM inspectors WHERE id = ?').get(id) as InspectorRow | undefined;
  return r ? toInspector(r) : null;
}

export function findInspectorByCredential(db: Database.Database, credential: string): Inspector | null {
  const r = db.prepare('SELECT * FROM inspectors WHERE credential = ?').get(credential) as InspectorRow | undefined;
  return r ? toInspector(r) : null;
}

const INSPECTOR_COLUMNS = 'name, credential, region, sex, unit, speciality, department, title, enforcement_region, notes, user_id';
const inspectorValues = (i: InspectorInput) => [
  i.name.trim(),
  i.credential.trim(),
  blank(i.region),
  i.sex ?? null,
  blank(i.unit),
  blank(i.speciality),
  blank(i.department),
  blank(i.title),
  blank(i.enforcementRegion),
  blank(i.notes),
  i.userId ?? null,
];

export function insertInspector(db: Database.Database, input: InspectorInput, meta: WriteMeta): Inspector {
  const info = db
    .prepare(`INSERT INTO inspectors (${INSPECTOR_COLUMNS}, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(...inspectorValues(input), meta.at, meta.actor, meta.at);
  return getInspector(db, Number(info.lastInsertRowid))!;
}

export function updateInspector(db: Database.Database, id: number, input: InspectorInput, meta: WriteMeta): Inspector {
  const sets = INSPECTOR_COLUMNS.split(', ').map((c) => `${c} = ?`).join(', ');
  db.prepare(`UPDATE inspectors SET ${sets}, updated_at = ? WHERE id = ?`).run(...inspectorValues(input), meta.at, id);
  return getInspector(db, id)!;
}

export function setInspectorActive(db: Database.Database, id: number, active: boolean, meta: WriteMeta): Inspector {
  db.prepare('UPDATE inspectors SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, meta.at, id);
  return getInspector(db, id)!;
}

export function updateEmployer(db: Database.Database, id: number, input: EmployerInput & { region?: string }): void {
  db.prepare(
    `UPDATE employers SET name = ?, credit_code = ?, insurance_unit_code = ?, address = ?, legal_representative = ?, contact = ?, phone = ?, industry = ?, region = ? WHERE id = ?`,
  ).run(
    input.name.trim(),
    input.creditCode,
    blank(input.insuranceUnitCode),
    blank(input.address),
    blank(input.legalRepresentative),
    blank(input.contact),
    blank(input.phone),
    blank(input.industry),
    blank(input.region),
    id,
  );
}

export function setEmployerActive(db: Database.Database, id: number, active: boolean): void {
  db.prepare('UPDATE employers SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
}

export function listConflicts(db: Database.Database, targetName: (kind: TargetKind, code: string) => string): Conflict[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.inspector_id, i.name AS inspector_name, i.credential, c.target_kind, c.credit_code, c.reason, c.created_at
         FROM inspector_conflicts c JOIN inspectors i ON i.id = c.inspector_id ORDER BY i.credential, c.credit_code`,
    )
    .all() as { id: number; inspector_id: number; inspector_name: string; credential: string; target_kind: TargetKind; credit_code: string; reason: string; created_at: string }[];
  return rows.map((r) => ({
    id: r.id,
    inspectorId: r.inspector_id,
    inspectorName: r.inspector_name,
    credential: r.credential,
    targetKind: r.target_kind,
    creditCode: r.credit_code,
    targetName: targetName(r.target_kind, r.credit_code),
    reason: r.reason,
    createdAt: r.created_at,
  }));
}

export function insertConflict(db: Database.Database, c: { inspectorId: number; targetKind: TargetKind; creditCode: string; reason: string }, meta: WriteMeta): number {
  return Number(
    db
      .prepare('INSERT INTO inspector_conflicts (inspector_id, target_kind, credit_code, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.inspectorId, c.targetKind, c.creditCode, c.reason.trim(), meta.at, meta.actor).lastInsertRowid,
  );
}

export function deleteConflict(db: Database.Database, id: number): { inspectorId: number; creditCode: string; targetKind: TargetKind } | null {
  const row = db.prepare('SELECT inspector_id, credit_code, target_kind FROM inspector_conflicts WHERE id = ?').get(id) as { inspector_id: number; credit_code: string; target_kind: TargetKind } | undefined;
  if (!row) return null;
  db.prepare('DELETE FROM inspector_conflicts WHERE id = ?').run(id);
  return { inspectorId: row.inspector_id, creditCode: row.credit_code, targetKind: row.target_kind };
}

/** Conflict pairs (credential, credit code) of a target kind, for the draw's snapshot. */
export function conflictPairs(db: Database.Database, kind: TargetKind): { credential: string; creditCode: string }[] {
  return db
    .prepare('SELECT i.credential, c.credit_code AS creditCode FROM inspector_conflicts c JOIN inspectors i ON i.id = c.inspector_id WHERE c.target_kind = ?')
    .all(kind) as { credential: string; creditCode: string }[];
}

export interface DrawRow {
  id: number;
  year: number;
  task: string;
  target_kind: TargetKind;
  seed: string;
  snapshot_sha256: string;
  record_json: string;
  created_at: string;
  created_by: string;
}

export function insertDraw(
  db: Database.Database,
  d: { year: number; task: string; targetKind: TargetKind; seed: string; snapshotSha256: string; recordJson: string; selected: { creditCode: string; tier: string }[] },
  meta: WriteMeta,
): number {
  const id = Number(
    db
      .prepare('INSERT INTO draws (year, task, target_kind, seed, snapshot_sha256, record_json, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(d.year, d.task, d.targetKind, d.seed, d.snapshotSha256, d.recordJson, meta.at, meta.actor).lastInsertRowid,
  );
  const ins = db.prepare('INSERT INTO draw_selected (draw_id, position, credit_code, tier) VALUES (?, ?, ?, ?)');
  d.selected.forEach((s, i) => ins.run(id, i + 1, s.creditCode, s.tier));
  return id;
}

export function getDrawRow(db: Database.Database, id: number): DrawRow | null {
  return (db.prepare('SELECT * FROM draws WHERE id = ?').get(id) as DrawRow | undefined) ?? null;
}

export function listDrawRows(db: Database.Database, year?: number): DrawRow[] {
  return (year === undefined ? db.prepare('SELECT * FROM draws ORDER BY id DESC').all() : db.prepare('SELECT * FROM draws WHERE year = ? ORDER BY id DESC').all(year)) as DrawRow[];
}

export interface ReplacementRow {
  seq: number;
  credit_code: string;
  withdrawn: string;
  replacement: string;
  reason: string;
  created_at: string;
  created_by: string;
}

export function listReplacements(db: Database.Database, drawId: number): ReplacementRow[] {
  return db.prepare('SELECT * FROM draw_replacements WHERE draw_id = ? ORDER BY seq').all(drawId) as ReplacementRow[];
}

export function insertReplacement(db: Database.Database, drawId: number, r: { creditCode: string; withdrawn: string; replacement: string; reason: string }, meta: WriteMeta): void {
  const { n } = db.prepare('SELECT count(*) AS n FROM draw_replacements WHERE draw_id = ?').get(drawId) as { n: number };
  db.prepare('INSERT INTO draw_replacements (draw_id, seq, credit_code, withdrawn, replacement, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    drawId,
    n + 1,
    r.creditCode,
    r.withdrawn,
    r.replacement,
    r.reason,
    meta.at,
    meta.actor,
  );
}

/** Times each credit code of a kind was drawn in a calendar year (rule 1 of §10.3). */
export function drawCountsInYear(db: Database.Database, kind: TargetKind, year: number): Map<string, number> {
  const rows = db
    .prepare('SELECT s.credit_code AS code, count(*) AS n FROM draw_selected s JOIN draws d ON d.id = s.draw_id WHERE d.target_kind = ? AND d.year = ? GROUP BY s.credit_code')
    .all(kind, year) as { code: string; n: number }[];
  return new Map(rows.map((r) => [r.code, r.n]));
}

export function drawCases(db: Database.Database, drawId: number): Map<string, { caseId: number; number: string }> {
  const rows = db.prepare('SELECT dc.credit_code AS code, c.id, c.number FROM draw_cases dc JOIN cases c ON c.id = dc.case_id WHERE dc.draw_id = ?').all(drawId) as {
    code: string;
    id: number;
    number: string;
  }[];
  return new Map(rows.map((r) => [r.code, { caseId: r.id, number: r.number }]));
}

export function linkDrawCase(db: Database.Database, drawId: number, creditCode: string, caseId: number): void {
  db.prepare('INSERT INTO draw_cases (draw_id, credit_code, case_id) VALUES (?, ?, ?)').run(drawId, creditCode, caseId);
}

export function setCaseTeam(db: Database.Database, caseId: number, inspectorIds: readonly number[]): void {
  db.prepare('DELETE FROM case_inspectors WHERE case_id = ?').run(caseId);
  const ins = db.prepare('INSERT INTO case_inspectors (case_id, position, inspector_id) VALUES (?, ?, ?)');
  inspectorIds.forEach((id, i) => ins.run(caseId, i + 1, id));
}

export function caseTeam(db: Database.Database, caseId: number): Inspector[] {
  return (db.prepare('SELECT i.* FROM case_inspectors ci JOIN inspectors i ON i.id = ci.inspector_id WHERE ci.case_id = ? ORDER BY ci.position').all(caseId) as InspectorRow[]).map(toInspector);
}
