// Employers (参保单位): the audited organisations, keyed by their unified social credit code.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Employer, EmployerInput } from '../../../../shared/api/dto';
import type { WriteMeta } from './meta';

interface EmployerRow {
  id: number;
  name: string;
  credit_code: string;
  insurance_unit_code: string | null;
  address: string | null;
  legal_representative: string | null;
  contact: string | null;
  phone: string | null;
  industry: string | null;
  created_at: string;
  /** Columns of migration 012 (office directories). */
  region?: string | null;
  active?: number;
}

function toEmployer(r: EmployerRow): Employer {
  const e: Employer = { id: r.id, name: r.name, creditCode: r.credit_code, createdAt: r.created_at };
  if (r.insurance_unit_code !== null) e.insuranceUnitCode = r.insurance_unit_code;
  if (r.address !== null) e.address = r.address;
  if (r.legal_representative !== null) e.legalRepresentative = r.legal_representative;
  if (r.contact !== null) e.contact = r.contact;
  if (r.phone !== null) e.phone = r.phone;
  if (r.industry !== null) e.industry = r.industry;
  if (r.region !== null && r.region !== undefined) e.region = r.region;
  if (r.active !== undefined) e.active = r.active === 1;
  return e;
}

export function listEmployers(db: Database.Database): Employer[] {
  return (db.prepare('SELECT * FROM employers ORDER BY name, id').all() as EmployerRow[]).map(toEmployer);
}

export function getEmployer(db: Database.Database, id: number): Employer | null {
  const r = db.prepare('SELECT * FROM employers WHERE id = ?').get(id) as EmployerRow | undefined;
  return r ? toEmployer(r) : null;
}

export function findEmployerByCreditCode(db: Database.Database, creditCode: string): Employer | null {
  const r = db.prepare('SELECT * FROM employers WHERE credit_code = ?').get(creditCode) as EmployerRow | undefined;
  return r ? toEmployer(r) : null;
}

/** `input.creditCode` must already be normalised and checked. */
export function insertEmployer(db: Database.Database, input: EmployerInput, meta: WriteMeta): Employer {
  const blank = (v: string | undefined) => (v === undefined || v === '' ? null : v);
  const info = db
    .prepare(
      `INSERT INTO employers (name, credit_code, insurance_unit_code, address, legal_representative, contact, phone, industry, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.name,
      input.creditCode,
      blank(input.insuranceUnitCode),
      blank(input.address),
      blank(input.legalRepresentative),
      blank(input.contact),
      blank(input.phone),
      blank(input.industry),
      meta.at,
      meta.actor,
    );
  return getEmployer(db, Number(info.lastInsertRowid))!;
}
