// Audit cases (稽核案件). A case number 稽〔YYYY〕N号 is allocated per year in the same
// transaction that stores the case, from a sequence that never goes back, so numbers are
// never reused even if a case were removed.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Case, CaseInput, CaseState } from '../../../../shared/api/dto';
import { formatDocumentNumber } from '../../../../shared/documents/numbering';
import { nextSeqAfter } from './numbering';
import type { WriteMeta } from './meta';

export const CASE_NUMBER_PREFIX = '稽';

interface CaseRow {
  id: number;
  number: string;
  kind: Case['kind'];
  employer_id: number | null;
  employer_name: string | null;
  institution_id: number | null;
  institution_name: string | null;
  period_from: string;
  period_to: string;
  rate_plan_id: number | null;
  rate_plan_name: string | null;
  source: Case['source'];
  state: CaseState;
  created_at: string;
}

// LEFT JOINs: an institution check has no employer and no rate plan, an employer audit no institution.
const SELECT_CASE = `
  SELECT c.id, c.number, c.kind, c.employer_id, e.name AS employer_name, c.institution_id, i.name AS institution_name,
         c.period_from, c.period_to, c.rate_plan_id, p.name AS rate_plan_name, c.source, c.state, c.created_at
  FROM cases c LEFT JOIN employers e ON e.id = c.employer_id LEFT JOIN institutions i ON i.id = c.institution_id
       LEFT JOIN rate_plans p ON p.id = c.rate_plan_id`;

function toCase(r: CaseRow): Case {
  const target: Case['target'] =
    r.kind === 'institution-check' ? { kind: 'institution', id: r.institution_id ?? 0, name: r.institution_name ?? '' } : { kind: 'employer', id: r.employer_id ?? 0, name: r.employer_name ?? '' };
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    target,
    employerId: r.employer_id,
    employerName: r.employer_name,
    institutionId: r.institution_id,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    ratePlanId: r.rate_plan_id,
    ratePlanName: r.rate_plan_name,
    source: r.source,
    state: r.state,
    createdAt: r.created_at,
  };
}

export function getCase(db: Database.Database, id: number): Case | null {
  const r = db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  return r ? toCase(r) : null;
}

/** Every case (both kinds), or one employer's / one institution's. */
export function listCases(db: Database.Database, filter: { employerId?: number | undefined; institutionId?: number | undefined; kind?: Case['kind'] | undefined } = {}): Case[] {
  const where: string[] = [];
  const args: (number | string)[] = [];
  if (filter.employerId !== undefined) {
    where.push('c.employer_id = ?');
    args.push(filter.employerId);
  }
  if (filter.institutionId !== undefined) {
    where.push('c.institution_id = ?');
    args.push(filter.institutionId);
  }
  if (filter.kind !== undefined) {
    where.push('c.kind = ?');
    args.push(filter.kind);
  }
  const rows = db.prepare(`${SELECT_CASE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.year DESC, c.seq DESC`).all(...args) as CaseRow[];
  return rows.map(toCase);
}

/** Allocates the next number of `year` and stores the case. Run inside a transaction. */
export function insertCase(db: Database.Database, input: CaseInput, year: number, meta: WriteMeta): Case {
  db.prepare('INSERT INTO case_sequences (year, last_seq) VALUES (?, 0) ON CONFLICT(year) DO NOTHING').run(year);
  const { last_seq: last } = db.prepare('SELECT last_seq FROM case_sequences WHERE year = ?').get(year) as { last_seq: number };
  // from this workstation's own number range (numbering.ts), so laptops working offline never collide
  const last_seq = nextSeqAfter(db, last, '案件编号');
  db.prepare('UPDATE case_sequences SET last_seq = ? WHERE year = ?').run(last_seq, year);
  const number = formatDocumentNumber(CASE_NUMBER_PREFIX, year, last_seq);
  const info = db
    .prepare(
      `INSERT INTO cases (year, seq, number, employer_id, period_from, period_to, rate_plan_id, source, state, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
    )
    .run(year, last_seq, number, input.employerId, input.periodFrom, input.periodTo, input.ratePlanId, input.source, meta.at, meta.actor);
  return getCase(db, Number(info.lastInsertRowid))!;
}

export function setCaseState(db: Database.Database, id: number, state: CaseState): void {
  db.prepare('UPDATE cases SET state = ? WHERE id = ?').run(state, id);
}
