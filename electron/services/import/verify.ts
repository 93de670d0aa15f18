// The self-verifying import (issue 3): checks that a column mapping is likely right, using what
// the file says about itself. A check that fails is a file-level 'verification' error (row 0,
// code 'verify-…', see shared/api/dto/imports.ts) with the reason in Chinese; the import is
// refused unless the auditor overrides that check explicitly with a reason (verifyOverride.ts).
// Pure functions over the grid, the column assignment and the normalised lines.
import type { ImportIssue, ImportKind, ImportReport } from '../../../shared/domain/importReport';
import { INSURANCE_NAMES, type InsuranceCode } from '../../../shared/domain/insurance';
import type { DeclarationLine } from '../../../shared/domain/lines';
import { formatFenGrouped, parseAmount, type Fen } from '../../../shared/rules/money';
import { normaliseHeader, ROLE_NAMES, type ColumnAssignment } from './columnRoles';
import { cellAt, cellText, isBlankCell, isBlankRow, type SheetGrid } from './grid';
import { isTotalText } from './normaliseRows';

export interface SheetVerifyInput {
  fileName: string;
  sheet: SheetGrid;
  kind: ImportKind;
  columns: readonly ColumnAssignment[];
  /** 0-based first row below the header. */
  firstDataRow: number;
  /** 1-based rows the normaliser read as persons (taken or listed with an error). */
  personRows: ReadonlySet<number>;
}

/** Sums may differ by this much (fen) before a check fails: 0.01 yuan. */
const TOLERANCE_FEN = 1;
/** Headers of the first pay component (the left end of the components summing to the gross). */
const BASE_PAY_HEADERS = new Set(['基本工资', '基础工资', '岗位工资', '基本薪资', '底薪', '基本工资标准', '标准工资', '基本薪酬']);
const GRAND_TOTAL = /^(总合计|合计|总计|共计|累计|全部合计)|(合计|总计)[:：]?$/;
const NOT_GRAND = /小计|本页/;

function verificationIssue(code: string, fileName: string, sheet: string, message: string): ImportIssue {
  return { severity: 'error', code, file: fileName, sheet, row: 0, column: '', message };
}

// This pass reads every amount cell of a sheet a second time (up to ~10 million cells in a big
// payroll): numeric cells are turned into fen without allocating, and text cells are parsed once
// per distinct text, so the check does not flood the heap while the whole grid is still live.
const textAmounts = new Map<string, Fen | null>();

function amountOf(sheet: SheetGrid, r: number, c: number): Fen | null {
  const v = cellAt(sheet, r, c);
  if (isBlankCell(v)) return null;
  if (typeof v === 'number') {
    const fen = Math.round(v * 100);
    if (Number.isSafeInteger(fen) && Math.abs(v * 100 - fen) < 1e-6) return fen;
  }
  if (typeof v === 'string') {
    const known = textAmounts.get(v);
    if (known !== undefined) return known;
    const a = parseAmount(v);
    const fen = a.ok ? a.fen : null;
    if (textAmounts.size > 100_000) textAmounts.clear();
    textAmounts.set(v, fen);
    return fen;
  }
  const a = parseAmount(v);
  return a.ok ? a.fen : null;
}

function rowTexts(sheet: SheetGrid, r: number): string[] {
  return (sheet.rows[r] ?? []).map(cellText).map((t) => t.replace(/[\s\u3000]/g, ''));
}

interface DataRows {
  /** 0-based rows that carry a person (an ID cell that is not a total label). */
  persons: number[];
  /** 0-based row of the sheet's grand total (合计/总计), or null. */
  grandTotal: number | null;
}

/** The person rows (as the normaliser read them) and the sheet's own grand total row. */
export function classifyRows(input: Pick<SheetVerifyInput, 'sheet' | 'firstDataRow' | 'personRows'>): DataRows {
  const { sheet, firstDataRow, personRows } = input;
  let grandTotal: number | null = null;
  for (let r = firstDataRow; r < sheet.rows.length; r++) {
    if (personRows.has(r + 1) || isBlankRow(sheet.rows[r])) continue;
    const label = rowTexts(sheet, r).find((t) => isTotalText(t));
    if (label !== undefined && GRAND_TOTAL.test(label) && !NOT_GRAND.test(label)) grandTotal = r;
  }
  const persons = [...personRows].map((row) => row - 1).filter((r) => grandTotal === null || r < grandTotal).sort((a, b) => a - b);
  return { persons, grandTotal };
}

/** The sum of the amount column over the person rows against the sheet's own total row. */
export function checkTotalRow(input: SheetVerifyInput, rows: DataRows = classifyRows(input)): ImportIssue[] {
  const role = input.kind === 'payroll' ? 'gross' : 'base';
  const amountCols = input.columns.filter((c) => c.role === role);
  const idCol = input.columns.find((c) => c.role === 'personId');
  // A wide declaration has one base per insurance; its total row is checked per column alike.
  if (!idCol || amountCols.length === 0) return [];
  const { persons, grandTotal } = rows;
  if (grandTotal === null || persons.length === 0) return [];
  const issues: ImportIssue[] = [];
  for (const col of amountCols) {
    const declared = amountOf(input.sheet, grandTotal, col.index);
    if (declared === null) continue;
    let sum = 0;
    for (const r of persons) sum += amountOf(input.sheet, r, col.index) ?? 0;
    if (Math.abs(sum - declared) > TOLERANCE_FEN) {
      const where = input.sheet.name ? `工作表“${input.sheet.name}”` : '文件';
      issues.push(
        verificationIssue(
          'verify-total-mismatch',
          input.fileName,
          input.sheet.name,
          `${where}中${col.letter}列“${col.header || ROLE_NAMES[role]}”各人员行之和为 ${formatFenGrouped(sum)}，与表内第 ${grandTotal + 1} 行合计 ${formatFenGrouped(declared)} 相差 ${formatFenGrouped(Math.abs(sum - declared))}：${ROLE_NAMES[role]}列可能选错，或有人员行未被读取`,
        ),
      );
    }
  }
  return issues;
}

/** The pay items from the base-pay column up to (not including) the gross column. */
export function componentColumns(input: SheetVerifyInput, persons: readonly number[]): ColumnAssignment[] {
  const gross = input.columns.find((c) => c.role === 'gross');
  const basePay = input.columns.find((c) => BASE_PAY_HEADERS.has(normaliseHeader(c.header.split('/').pop() ?? '')));
  if (!gross || !basePay || basePay.index >= gross.index) return [];
  const identity = new Set(['personId', 'name', 'month', 'department']);
  return input.columns.filter((c) => {
    if (c.index < basePay.index || c.index >= gross.index || identity.has(c.role)) return false;
    // A pay item is numeric: most person rows hold an amount (blank counts as none).
    let numeric = 0;
    let text = 0;
    for (const r of persons) {
      const v = cellAt(input.sheet, r, c.index);
      if (isBlankCell(v)) continue;
      if (parseAmount(v).ok) numeric++;
      else text++;
    }
    return numeric > 0 && numeric >= text * 4;
  });
}

/** Pay components should add up to the gross column for most rows. */
export function checkComponents(input: SheetVerifyInput, rows: DataRows = classifyRows(input)): ImportIssue[] {
  if (input.kind !== 'payroll') return [];
  const idCol = input.columns.find((c) => c.role === 'personId');
  const gross = input.columns.find((c) => c.role === 'gross');
  if (!idCol || !gross) return [];
  const { persons } = rows;
  const parts = componentColumns(input, persons);
  if (parts.length === 0) return [];
  let checked = 0;
  let mismatched = 0;
  let first: { row: number; sum: Fen; gross: Fen } | null = null;
  for (const r of persons) {
    const g = amountOf(input.sheet, r, gross.index);
    if (g === null) continue;
    checked++;
    let sum = 0;
    for (const c of parts) sum += amountOf(input.sheet, r, c.index) ?? 0;
    if (Math.abs(sum - g) > TOLERANCE_FEN) {
      mismatched++;
      first ??= { row: r + 1, sum, gross: g };
    }
  }
  if (checked < 2 || mismatched * 2 <= checked || first === null) return [];
  const range = parts.length > 1 ? `${parts[0]!.letter}～${parts[parts.length - 1]!.letter}列` : `${parts[0]!.letter}列`;
  const names = parts.map((c) => c.header || c.letter).join('、');
  const where = input.sheet.name ? `工作表“${input.sheet.name}”` : '文件';
  return [
    verificationIssue(
      'verify-components',
      input.fileName,
      input.sheet.name,
      `${where}中${range}各工资项目（${names}）之和在 ${checked} 行中有 ${mismatched} 行与${gross.letter}列“${gross.header}”（应发工资）不符，例如第 ${first.row} 行：各项之和 ${formatFenGrouped(first.sum)}，应发工资 ${formatFenGrouped(first.gross)}。应发工资列可能选错（如选成了实发工资）`,
    ),
  ];
}

export function verifySheet(input: SheetVerifyInput): ImportIssue[] {
  const rows = classifyRows(input);
  return [...checkTotalRow(input, rows), ...checkComponents(input, rows)];
}

/** Plausible contribution rates in basis points (1/10000), [min, max], by insurance and side. */
export const RATE_BANDS: Readonly<Partial<Record<InsuranceCode, { employer: [number, number]; employee: [number, number] }>>> = {
  pension: { employer: [1000, 2000], employee: [500, 1200] },
  medical: { employer: [300, 1300], employee: [0, 400] },
  maternity: { employer: [0, 200], employee: [0, 100] },
  unemployment: { employer: [10, 300], employee: [0, 200] },
  injury: { employer: [10, 300], employee: [0, 100] },
};
/** No contribution rate is above this (basis points). */
export const MAX_RATE_BP = 4000;

const bp = (v: number) => `${(v / 100).toFixed(v % 100 === 0 ? 0 : 2)}%`;
const ratePercent = (amount: Fen, base: Fen) => `${((amount * 100) / base).toFixed(2)}%`;

/** Declared employer/employee amounts against the base: rates outside plausible bands. */
export function checkDeclaredRates(lines: readonly DeclarationLine[], fileName: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const groups = new Map<string, { insurance: InsuranceCode; side: 'employer' | 'employee'; total: number; outside: DeclarationLine[] }>();
  const tooHigh: { line: DeclarationLine; side: 'employer' | 'employee'; amount: Fen }[] = [];
  for (const line of lines) {
    if (line.baseFen <= 0) continue;
    for (const side of ['employer', 'employee'] as const) {
      const amount = side === 'employer' ? line.employerFen : line.employeeFen;
      if (amount === undefined || amount <= 0) continue;
      // Exact: amount / base > 40 % ⇔ amount × 10000 > base × 4000 (fen stay far below 2^53 / 10^4).
      if (amount * 10_000 > line.baseFen * MAX_RATE_BP) {
        tooHigh.push({ line, side, amount });
        continue;
      }
      const band = line.insurance ? RATE_BANDS[line.insurance]?.[side] : undefined;
      if (!line.insurance || !band) continue;
      const key = `${line.insurance}|${side}`;
      const g = groups.get(key) ?? { insurance: line.insurance, side, total: 0, outside: [] };
      g.total++;
      if (amount * 10_000 < line.baseFen * band[0] || amount * 10_000 > line.baseFen * band[1]) g.outside.push(line);
      groups.set(key, g);
    }
  }
  const sideName = { employer: '单位缴费', employee: '个人缴费' } as const;
  if (tooHigh.length > 0) {
    const f = tooHigh[0]!;
    issues.push(
      verificationIssue(
        'verify-rates',
        fileName,
        f.line.source.sheet,
        `有 ${tooHigh.length} 行申报金额折算的费率超过 ${bp(MAX_RATE_BP)}，例如第 ${f.line.source.row} 行：缴费基数 ${formatFenGrouped(f.line.baseFen)}，${sideName[f.side]} ${formatFenGrouped(f.amount)}（${ratePercent(f.amount, f.line.baseFen)}）。缴费基数列或金额列可能选错`,
      ),
    );
  }
  for (const g of groups.values()) {
    // Most of the group outside the band: the columns are likely swapped or wrong.
    if (g.outside.length * 2 <= g.total) continue;
    const band = RATE_BANDS[g.insurance]![g.side];
    const f = g.outside[0]!;
    const amount = (g.side === 'employer' ? f.employerFen : f.employeeFen) as Fen;
    issues.push(
      verificationIssue(
        'verify-rates',
        fileName,
        f.source.sheet,
        `${INSURANCE_NAMES[g.insurance]}${sideName[g.side]}在 ${g.total} 行中有 ${g.outside.length} 行折算费率不在 ${bp(band[0])}～${bp(band[1])} 之间，例如第 ${f.source.row} 行：缴费基数 ${formatFenGrouped(f.baseFen)}，${sideName[g.side]} ${formatFenGrouped(amount)}（${ratePercent(amount, f.baseFen)}）。单位缴费与个人缴费列可能对调或选错`,
      ),
    );
  }
  return issues;
}

const UNREADABLE_CODES = new Set(['bad-month', 'bad-amount']);

/** More than a few rows with unreadable months or amounts: the month or amount column is likely wrong. */
export function checkUnreadableRows(report: Pick<ImportReport, 'issues' | 'rowsTaken' | 'rowsLeftOut' | 'fileName'>): ImportIssue[] {
  const bad = report.issues.filter((i) => i.severity === 'error' && i.row > 0 && UNREADABLE_CODES.has(i.code));
  const rows = new Set(bad.map((i) => `${i.sheet}\u0000${i.row}`));
  const count = rows.size;
  // Data rows: taken or left out (totals, notes and blank rows are not data).
  const dataRows = report.rowsTaken + report.rowsLeftOut;
  const share = dataRows > 0 ? count / dataRows : 0;
  if (!(count > 5 || (count >= 3 && share > 0.02))) return [];
  const f = bad[0]!;
  return [
    verificationIssue(
      'verify-unreadable-rows',
      report.fileName,
      f.sheet,
      `有 ${count} 行（占数据行的 ${(share * 100).toFixed(1)}%）的月份或金额无法读取，例如${f.sheet ? `工作表“${f.sheet}”` : ''}第 ${f.row} 行 ${f.column} 列：${f.message}。月份列或金额列可能选错`,
    ),
  ];
}
