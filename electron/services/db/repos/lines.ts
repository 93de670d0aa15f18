// Normalised payroll and declaration rows (integer fen), each pointing to its source file,
// sheet and row. Inserting is done row by row inside the caller's transaction; loading returns
// the shapes the rules consume (shared/domain/lines.ts).
import type Database from 'better-sqlite3';
import type { DeclarationLine, PayrollLine } from '../../../../shared/domain/lines';
import type { InsuranceCode } from '../../../../shared/domain/insurance';

/** Called every `every` rows with the count so far; it may throw to abort (the transaction rolls back). */
export type RowProgress = (done: number) => void;
const PROGRESS_EVERY = 10_000;

export function insertPayrollLines(db: Database.Database, fileId: number, lines: readonly PayrollLine[], onRows?: RowProgress): number {
  const stmt = db.prepare(
    'INSERT INTO payroll_lines (file_id, month, person_id, name, gross_fen, net_fen, department, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let n = 0;
  for (const l of lines) {
    stmt.run(fileId, l.month, l.personId, l.name, l.grossFen, l.netFen ?? null, l.department ?? null, l.source.sheet, l.source.row);
    if (++n % PROGRESS_EVERY === 0) onRows?.(n);
  }
  onRows?.(n);
  return n;
}

export function insertDeclarationLines(db: Database.Database, fileId: number, lines: readonly DeclarationLine[], onRows?: RowProgress): number {
  const stmt = db.prepare(
    `INSERT INTO declaration_lines (file_id, month, person_id, name, insurance, base_fen, employer_fen, employee_fen, paid, sheet, row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  for (const l of lines) {
    const paid = l.paid === undefined ? null : l.paid ? 1 : 0;
    stmt.run(fileId, l.month, l.personId, l.name, l.insurance, l.baseFen, l.employerFen ?? null, l.employeeFen ?? null, paid, l.source.sheet, l.source.row);
    if (++n % PROGRESS_EVERY === 0) onRows?.(n);
  }
  onRows?.(n);
  return n;
}

interface PayrollRow {
  file_id: number;
  file_name: string;
  month: string;
  person_id: string;
  name: string;
  gross_fen: number;
  net_fen: number | null;
  department: string | null;
  sheet: string;
  row: number;
}

interface DeclarationRow {
  file_id: number;
  file_name: string;
  month: string;
  person_id: string;
  name: string;
  insurance: InsuranceCode | null;
  base_fen: number;
  employer_fen: number | null;
  employee_fen: number | null;
  paid: number | null;
  sheet: string;
  row: number;
}

export function loadPayrollLines(db: Database.Database, caseId: number): PayrollLine[] {
  const rows = db
    .prepare(
      `SELECT l.file_id, f.file_name, l.month, l.person_id, l.name, l.gross_fen, l.net_fen, l.department, l.sheet, l.row
       FROM payroll_lines l JOIN source_files f ON f.id = l.file_id WHERE f.case_id = ? ORDER BY l.id`,
    )
    .all(caseId) as PayrollRow[];
  return rows.map((r) => {
    const line: PayrollLine = {
      personId: r.person_id,
      name: r.name,
      month: r.month,
      grossFen: r.gross_fen,
      source: { fileId: r.file_id, fileName: r.file_name, sheet: r.sheet, row: r.row },
    };
    if (r.net_fen !== null) line.netFen = r.net_fen;
    if (r.department !== null) line.department = r.department;
    return line;
  });
}

export function loadDeclarationLines(db: Database.Database, caseId: number): DeclarationLine[] {
  const rows = db
    .prepare(
      `SELECT l.file_id, f.file_name, l.month, l.person_id, l.name, l.insurance, l.base_fen, l.employer_fen, l.employee_fen, l.paid, l.sheet, l.row
       FROM declaration_lines l JOIN source_files f ON f.id = l.file_id WHERE f.case_id = ? ORDER BY l.id`,
    )
    .all(caseId) as DeclarationRow[];
  return rows.map((r) => {
    const line: DeclarationLine = {
      personId: r.person_id,
      name: r.name,
      month: r.month,
      insurance: r.insurance,
      baseFen: r.base_fen,
      source: { fileId: r.file_id, fileName: r.file_name, sheet: r.sheet, row: r.row },
    };
    if (r.employer_fen !== null) line.employerFen = r.employer_fen;
    if (r.employee_fen !== null) line.employeeFen = r.employee_fen;
    if (r.paid !== null) line.paid = r.paid === 1;
    return line;
  });
}
