// The institutions directory and institution checks in SQL (migration 011). Rows map to the
// DTO here; masking the legal representative's ID for non-inspectors is the backend's business.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Institution, InstitutionCheck, InstitutionInput } from '../../../../shared/api/dto/institutions';
import { formatDocumentNumber } from '../../../../shared/documents/numbering';
import { CASE_NUMBER_PREFIX } from './cases';
import type { WriteMeta } from './meta';

interface Row {
  id: number;
  kind: Institution['kind'];
  region: string;
  name: string;
  credit_code: string;
  insurance_code: string;
  ownership: string | null;
  hospital_type: string | null;
  grade: string | null;
  founded_on: string | null;
  address: string;
  business_licence: string | null;
  drug_licence: string | null;
  premises: string | null;
  legal_rep_name: string;
  legal_rep_id: string;
  contact: string;
  phone: string;
  note: string;
  agreement_no: string;
  agreement_from: string | null;
  agreement_to: string | null;
  agreement_status: Institution['agreementStatus'];
  suspended_until: string | null;
  credit_rating: string | null;
  credit_rated_on: string | null;
  credit_source: string | null;
  active: number;
  deactivated_reason: string | null;
  checks: number;
}

const SELECT = `SELECT i.*, (SELECT count(*) FROM cases c WHERE c.institution_id = i.id) AS checks FROM institutions i`;

function toDto(r: Row): Institution {
  return {
    id: r.id,
    kind: r.kind,
    region: r.region,
    name: r.name,
    creditCode: r.credit_code,
    insuranceCode: r.insurance_code,
    ownership: r.ownership,
    hospitalType: r.hospital_type,
    grade: r.grade,
    foundedOn: r.founded_on,
    address: r.address,
    businessLicence: r.business_licence,
    drugLicence: r.drug_licence,
    premises: r.premises,
    legalRepName: r.legal_rep_name,
    legalRepId: r.legal_rep_id,
    legalRepIdMasked: false,
    contact: r.contact,
    phone: r.phone,
    note: r.note,
    agreementNo: r.agreement_no,
    agreementFrom: r.agreement_from,
    agreementTo: r.agreement_to,
    agreementStatus: r.agreement_status,
    suspendedUntil: r.suspended_until,
    creditRating: r.credit_rating,
    creditRatedOn: r.credit_rated_on,
    creditSource: r.credit_source,
    active: r.active === 1,
    deactivatedReason: r.deactivated_reason,
    checks: r.checks,
  };
}

export function listInstitutions(db: Database.Database, includeInactive: boolean): Institution[] {
  return (db.prepare(`${SELECT} ${includeInactive ? '' : 'WHERE i.active = 1'} ORDER BY i.region, i.name`).all() as Row[]).map(toDto);
}

export function getInstitution(db: Database.Database, id: number): Institution | null {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  return r ? toDto(r) : null;
}

export function findInstitutionByCreditCode(db: Database.Database, creditCode: string): Institution | null {
  const r = db.prepare(`${SELECT} WHERE i.credit_code = ?`).get(creditCode) as Row | undefined;
  return r ? toDto(r) : null;
}

/** Normalised input (zod defaults applied) → column values. */
export type InstitutionValues = Required<{ [K in keyof InstitutionInput]-?: Exclude<InstitutionInput[K], undefined> | null }>;

const COLUMNS: readonly [keyof InstitutionValues, string][] = [
  ['kind', 'kind'],
  ['region', 'region'],
  ['name', 'name'],
  ['creditCode', 'credit_code'],
  ['insuranceCode', 'insurance_code'],
  ['ownership', 'ownership'],
  ['hospitalType', 'hospital_type'],
  ['grade', 'grade'],
  ['foundedOn', 'founded_on'],
  ['address', 'address'],
  ['businessLicence', 'business_licence'],
  ['drugLicence', 'drug_licence'],
  ['premises', 'premises'],
  ['legalRepName', 'legal_rep_name'],
  ['legalRepId', 'legal_rep_id'],
  ['contact', 'contact'],
  ['phone', 'phone'],
  ['note', 'note'],
  ['agreementNo', 'agreement_no'],
  ['agreementFrom', 'agreement_from'],
  ['agreementTo', 'agreement_to'],
  ['agreementStatus', 'agreement_status'],
  ['suspendedUntil', 'suspended_until'],
  ['creditRating', 'credit_rating'],
  ['creditRatedOn', 'credit_rated_on'],
  ['creditSource', 'credit_source'],
];

const NOT_NULL_TEXT = new Set(['region', 'insuranceCode', 'address', 'legalRepName', 'legalRepId', 'contact', 'phone', 'note', 'agreementNo']);
function values(input: InstitutionInput): unknown[] {
  return COLUMNS.map(([k]) => {
    const v = (input as Record<string, unknown>)[k];
    if (v === undefined || v === null) return NOT_NULL_TEXT.has(k) ? '' : k === 'agreementStatus' ? 'normal' : null;
    return v;
  });
}

export function insertInstitution(db: Database.Database, input: InstitutionInput, meta: WriteMeta): Institution {
  const info = db
    .prepare(`INSERT INTO institutions (${COLUMNS.map(([, c]) => c).join(', ')}, created_at, created_by, updated_at, updated_by) VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`)
    .run(...values(input), meta.at, meta.actor, meta.at, meta.actor);
  return getInstitution(db, Number(info.lastInsertRowid))!;
}

export function updateInstitution(db: Database.Database, id: number, input: InstitutionInput, meta: WriteMeta): Institution {
  db.prepare(`UPDATE institutions SET ${COLUMNS.map(([, c]) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`).run(...values(input), meta.at, meta.actor, id);
  return getInstitution(db, id)!;
}

export function deactivateInstitution(db: Database.Database, id: number, reason: string, meta: WriteMeta): Institution {
  db.prepare('UPDATE institutions SET active = 0, deactivated_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(reason, meta.at, meta.actor, id);
  return getInstitution(db, id)!;
}

interface CheckRow {
  id: number;
  number: string;
  institution_id: number;
  institution_name: string;
  period_from: string;
  period_to: string;
  source: string;
  state: string;
  created_at: string;
}

const SELECT_CHECK = `SELECT c.id, c.number, c.institution_id, i.name AS institution_name, c.period_from, c.period_to, c.source, c.state, c.created_at
  FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE c.kind = 'institution-check'`;

const checkDto = (r: CheckRow): InstitutionCheck => ({
  caseId: r.id,
  number: r.number,
  institutionId: r.institution_id,
  institutionName: r.institution_name,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  source: r.source,
  state: r.state,
  createdAt: r.created_at,
});

export function listInstitutionChecks(db: Database.Database, institutionId?: number): InstitutionCheck[] {
  const rows = institutionId === undefined ? db.prepare(`${SELECT_CHECK} ORDER BY c.year DESC, c.seq DESC`).all() : db.prepare(`${SELECT_CHECK} AND c.institution_id = ? ORDER BY c.year DESC, c.seq DESC`).all(institutionId);
  return (rows as CheckRow[]).map(checkDto);
}

export function getInstitutionCheck(db: Database.Database, caseId: number): InstitutionCheck | null {
  const r = db.prepare(`${SELECT_CHECK} AND c.id = ?`).get(caseId) as CheckRow | undefined;
  return r ? checkDto(r) : null;
}

/** A case of kind 'institution-check', numbered in the same yearly sequence as every case. */
export function insertInstitutionCheck(db: Database.Database, input: { institutionId: number; periodFrom: string; periodTo: string; source: string }, year: number, meta: WriteMeta): InstitutionCheck {
  db.prepare('INSERT INTO case_sequences (year, last_seq) VALUES (?, 0) ON CONFLICT(year) DO NOTHING').run(year);
  const { last_seq } = db.prepare('UPDATE case_sequences SET last_seq = last_seq + 1 WHERE year = ? RETURNING last_seq').get(year) as { last_seq: number };
  const number = formatDocumentNumber(CASE_NUMBER_PREFIX, year, last_seq);
  const info = db
    .prepare(
      `INSERT INTO cases (year, seq, number, employer_id, period_from, period_to, rate_plan_id, source, state, created_at, created_by, kind, institution_id)
       VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, 'planned', ?, ?, 'institution-check', ?)`,
    )
    .run(year, last_seq, number, input.periodFrom, input.periodTo, input.source, meta.at, meta.actor, input.institutionId);
  return getInstitutionCheck(db, Number(info.lastInsertRowid))!;
}
