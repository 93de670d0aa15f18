// ID joins (migration 004): an ID with a wrong check digit that the auditor joined to a
// near-identical valid ID of the same name. Suggestions are found over the case's payroll and
// declaration rows; accepting one rewrites the rows' person_id (never the source file) and
// records the join and an audit entry in the same transaction.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { IdJoinRecord, IdJoinSuggestion } from '../../../../shared/api/dto/imports';
import { isNearIdentical, isValidId18 } from '../../../../shared/rules/personId';
import { appendAudit } from '../../audit/auditLog';
import type { WriteMeta } from './meta';

interface PersonRow {
  person_id: string;
  name: string;
  side: 'payroll' | 'declaration';
  n: number;
  file_name: string;
  sheet: string;
  row: number;
}

const looksLikeId18 = (id: string) => /^\d{17}[\dX]$/.test(id);

function personRows(db: Database.Database, caseId: number): PersonRow[] {
  const q = (table: string, side: string) =>
    `SELECT l.person_id, l.name, '${side}' AS side, COUNT(*) AS n, MIN(f.file_name) AS file_name, MIN(l.sheet) AS sheet, MIN(l.row) AS row
     FROM ${table} l JOIN source_files f ON f.id = l.file_id WHERE f.case_id = ? GROUP BY l.person_id, l.name`;
  return db.prepare(`${q('payroll_lines', 'payroll')} UNION ALL ${q('declaration_lines', 'declaration')}`).all(caseId, caseId) as PersonRow[];
}

export function idJoinSuggestions(db: Database.Database, caseId: number): IdJoinSuggestion[] {
  const rows = personRows(db, caseId);
  const validByName = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!isValidId18(r.person_id)) continue;
    const set = validByName.get(r.name) ?? new Set<string>();
    set.add(r.person_id);
    validByName.set(r.name, set);
  }
  const byKey = new Map<string, IdJoinSuggestion>();
  for (const r of rows) {
    if (!looksLikeId18(r.person_id) || isValidId18(r.person_id)) continue;
    const candidates = [...(validByName.get(r.name) ?? [])].filter((v) => isNearIdentical(r.person_id, v));
    // Only an unambiguous candidate is offered.
    if (candidates.length !== 1) continue;
    const toId = candidates[0] as string;
    const key = `${r.person_id}\u0000${toId}\u0000${r.name}`;
    const s = byKey.get(key) ?? { fromId: r.person_id, toId, name: r.name, payrollRows: 0, declarationRows: 0, where: '' };
    if (r.side === 'payroll') s.payrollRows += r.n;
    else s.declarationRows += r.n;
    if (!s.where) s.where = `${r.file_name}${r.sheet ? `，工作表“${r.sheet}”` : ''}，第 ${r.row} 行`;
    byKey.set(key, s);
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

interface JoinRow {
  id: number;
  from_id: string;
  to_id: string;
  name: string;
  payroll_rows: number;
  declaration_rows: number;
  created_by: string;
  created_at: string;
}

const toRecord = (r: JoinRow): IdJoinRecord => ({
  id: r.id,
  fromId: r.from_id,
  toId: r.to_id,
  name: r.name,
  payrollRows: r.payroll_rows,
  declarationRows: r.declaration_rows,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export function listIdJoins(db: Database.Database, caseId: number): IdJoinRecord[] {
  return (db.prepare('SELECT * FROM person_id_joins WHERE case_id = ? ORDER BY id').all(caseId) as JoinRow[]).map(toRecord);
}

export class IdJoinRefused extends Error {}

/** Joins `fromId` to `toId` in one transaction; refuses anything that is not a current suggestion. */
export function acceptIdJoin(db: Database.Database, caseId: number, fromId: string, toId: string, meta: WriteMeta): IdJoinRecord {
  return db
    .transaction(() => {
      const s = idJoinSuggestions(db, caseId).find((x) => x.fromId === fromId && x.toId === toId);
      if (!s) throw new IdJoinRefused(`身份证号 ${fromId} 与 ${toId} 不能合并：只有校验位错误、与同名人员的有效号码仅差一位（或相邻两位对调）的号码才能合并`);
      const files = 'file_id IN (SELECT id FROM source_files WHERE case_id = ?)';
      const payroll = db.prepare(`UPDATE payroll_lines SET person_id = ? WHERE person_id = ? AND name = ? AND ${files}`).run(toId, fromId, s.name, caseId).changes;
      const declaration = db.prepare(`UPDATE declaration_lines SET person_id = ? WHERE person_id = ? AND name = ? AND ${files}`).run(toId, fromId, s.name, caseId).changes;
      const info = db
        .prepare(
          `INSERT INTO person_id_joins (case_id, from_id, to_id, name, payroll_rows, declaration_rows, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(caseId, fromId, toId, s.name, payroll, declaration, meta.actor, meta.at);
      appendAudit(db, {
        actor: meta.actor,
        at: meta.at,
        caseId,
        action: 'import.id-join',
        detail: { fromId, toId, name: s.name, payrollRows: payroll, declarationRows: declaration },
      });
      return toRecord(db.prepare('SELECT * FROM person_id_joins WHERE id = ?').get(Number(info.lastInsertRowid)) as JoinRow);
    })
    .immediate();
}
