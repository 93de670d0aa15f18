// Ledger totals (应付职工薪酬) per month, typed in by the auditor for the payroll completeness
// check (DOMAIN.md §3). Append-only: the latest entry of a month is in force, a NULL amount clears it.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Fen } from '../../../../shared/rules/money';
import type { Month } from '../../../../shared/rules/month';
import type { WriteMeta } from './meta';

export interface LedgerEntry {
  id: number;
  month: Month;
  amountFen: Fen | null;
  note: string | null;
  setBy: string;
  setAt: string;
}

interface LedgerRow {
  id: number;
  month: string;
  amount_fen: number | null;
  note: string | null;
  set_at: string;
  set_by: string;
}

const toEntry = (r: LedgerRow): LedgerEntry => ({ id: r.id, month: r.month, amountFen: r.amount_fen, note: r.note, setBy: r.set_by, setAt: r.set_at });

/** Every entry of the case, oldest first. */
export function listLedgerEntries(db: Database.Database, caseId: number): LedgerEntry[] {
  return (db.prepare('SELECT * FROM ledger_totals WHERE case_id = ? ORDER BY id').all(caseId) as LedgerRow[]).map(toEntry);
}

/** The entry in force per month (the latest one). */
export function currentLedger(db: Database.Database, caseId: number): Map<Month, LedgerEntry> {
  const out = new Map<Month, LedgerEntry>();
  for (const e of listLedgerEntries(db, caseId)) out.set(e.month, e);
  return out;
}

export function insertLedgerEntry(db: Database.Database, caseId: number, month: Month, amountFen: Fen | null, note: string | null, meta: WriteMeta): LedgerEntry {
  const info = db
    .prepare('INSERT INTO ledger_totals (case_id, month, amount_fen, note, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(caseId, month, amountFen, note, meta.at, meta.actor);
  return toEntry(db.prepare('SELECT * FROM ledger_totals WHERE id = ?').get(Number(info.lastInsertRowid)) as LedgerRow);
}

/** Gross pay per month of every payroll row imported into the case (all months loaded). */
export function payrollGrossByMonth(db: Database.Database, caseId: number): Map<Month, Fen> {
  const rows = db
    .prepare('SELECT l.month AS month, sum(l.gross_fen) AS fen FROM payroll_lines l JOIN source_files f ON f.id = l.file_id WHERE f.case_id = ? GROUP BY l.month')
    .all(caseId) as { month: string; fen: number }[];
  return new Map(rows.map((r) => [r.month, r.fen]));
}
