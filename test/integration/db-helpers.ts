// Shared set-up for the database tests: a fresh database file in a temp folder, seeded with the
// shipped example plans, plus an employer and a case — the state every case-level test starts from.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db, type OpenOptions } from '../../electron/services/db/open';
import { databaseKeyFromEnv } from '../../electron/services/db/dbKey';
import { seedDatabase } from '../../electron/services/db/seed';
import { insertEmployer } from '../../electron/services/db/repos/employers';
import { CASE_NUMBER_PREFIX, insertCase } from '../../electron/services/db/repos/cases';
import { formatDocumentNumber } from '../../shared/documents/numbering';
import { listRatePlans } from '../../electron/services/db/repos/ratePlans';
import { AGENCY_PROFILE_KEY, getSetting, setSetting } from '../../electron/services/db/repos/settings';
import { INSURANCE_CODES } from '../../shared/domain/insurance';
import type { DeclarationLine, PayrollLine } from '../../shared/domain/lines';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESOURCES = path.join(ROOT, 'resources');
export const META = { actor: '测试员甲', at: '2026-07-01T08:00:00.000Z' };

export function tempDir(prefix = 'jihe-db-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The key of a data folder's database (and its backups) from JIHE_PASSPHRASE. */
export function keyOf(dataDir: string): Buffer {
  return databaseKeyFromEnv(dataDir);
}

/** openDatabase with the key of the file's folder derived from JIHE_PASSPHRASE (set for every test project in vitest.config.ts). */
export function openTestDatabase(file: string, opts: Omit<OpenOptions, 'key'> = {}): Db {
  return openDatabase(file, { key: databaseKeyFromEnv(path.dirname(file)), ...opts });
}

export function openSeeded(dir: string): Db {
  const db = openTestDatabase(path.join(dir, 'jihe.sqlite'));
  seedDatabase(db, RESOURCES, META);
  return db;
}

/**
 * The seeded example agency profile taken as the bureau's own (its sample marker removed), as a
 * bureau does at first run by filling in the profile: documents can then be issued. Its remit
 * covers every insurance type, as a bureau auditing the five-insurance example plan the tests use
 * would say (the shipped example, a medical-security bureau, audits medical and maternity only).
 * Tests of the first run and of the refusals leave the profile as seeded.
 */
export function fillAgencyProfile(db: Db, remit: readonly string[] = INSURANCE_CODES): void {
  const profile = getSetting<Record<string, unknown>>(db, AGENCY_PROFILE_KEY);
  if (!profile) return;
  const { sampleFields: _sample, ...filled } = profile;
  setSetting(db, AGENCY_PROFILE_KEY, { ...filled, remit }, META);
}

export function createCase(
  db: Db,
  creditCode = '91350100M000100Y43',
  employerName = '示例市某某机械制造有限公司',
  /** `old-version` for a migration test on a database before the current schema. */
  schema: 'current' | 'old-version' = 'current',
): { caseId: number; employerId: number; ratePlanId: number } {
  const employer = insertEmployer(db, { name: employerName, creditCode }, META);
  const plan = listRatePlans(db).find((p) => p.name === '示例地区 2024');
  if (!plan) throw new Error('example plan missing');
  const input = { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plan.id, source: 'plan' as const };
  const c = db.transaction(() => (schema === 'current' ? insertCase(db, input, 2026, META) : insertCaseAtOldVersion(db, input, 2026, META)))();
  return { caseId: c.id, employerId: employer.id, ratePlanId: plan.id };
}

/** A check-digit-valid 18-digit ID for person number n (born 1980–1999). */
export function personId(n: number): string {
  const first17 = `110105${1980 + (n % 20)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

export function payrollLines(persons: number, months: string[], fileName = '工资表.xlsx'): PayrollLine[] {
  const out: PayrollLine[] = [];
  let row = 2;
  for (const month of months) {
    for (let p = 0; p < persons; p++) {
      out.push({
        personId: personId(p),
        name: `职工${p}`,
        month,
        grossFen: 350_000 + p * 1_234 + (row % 7) * 55,
        source: { fileId: 0, fileName, sheet: month, row: row++ },
      });
    }
  }
  return out;
}

export function declarationLines(persons: number, months: string[], fileName = '申报明细.csv'): DeclarationLine[] {
  const out: DeclarationLine[] = [];
  let row = 2;
  for (const month of months) {
    for (let p = 0; p < persons; p++) {
      out.push({ personId: personId(p), name: `职工${p}`, month, insurance: null, baseFen: 400_000, source: { fileId: 0, fileName, sheet: 'Sheet1', row: row++ } });
    }
  }
  return out;
}

/** Row counts of every table: what "the database is as it was" means in these tests. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

/**
 * Stores a case with the columns every schema version has (001 onwards), for migration tests on a
 * database at an older version: the product's repository reads the current schema (kind,
 * institutions), which such a database does not have yet.
 */
export function insertCaseAtOldVersion(
  db: Db,
  c: { employerId: number; periodFrom: string; periodTo: string; ratePlanId: number; source: string },
  year: number,
  meta: { at: string; actor: string },
): { id: number } {
  const { seq } = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM cases WHERE year = ?').get(year) as { seq: number };
  db.prepare('INSERT INTO case_sequences (year, last_seq) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last_seq = excluded.last_seq').run(year, seq);
  const info = db
    .prepare(
      `INSERT INTO cases (year, seq, number, employer_id, period_from, period_to, rate_plan_id, source, state, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
    )
    .run(year, seq, formatDocumentNumber(CASE_NUMBER_PREFIX, year, seq), c.employerId, c.periodFrom, c.periodTo, c.ratePlanId, c.source, meta.at, meta.actor);
  return { id: Number(info.lastInsertRowid) };
}
