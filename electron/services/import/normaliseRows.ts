// Turns the data rows of one sheet into PayrollLine / DeclarationLine values using the shared
// rules (normalizePersonId, parseMonth, parseAmount, parseInsuranceName). Every row is either
// taken, skipped with a reason (blank, total, repeated header, note) or listed as an error with
// its row, column and reason — nothing disappears silently (DOMAIN.md §4.4).
import type { ColumnRole, ImportIssue, ImportKind } from '../../../shared/domain/importReport';
import { INSURANCE_NAMES, parseInsuranceName, type InsuranceCode } from '../../../shared/domain/insurance';
import type { DeclarationLine, PayrollLine, SourceRef } from '../../../shared/domain/lines';
import { formatFen, parseAmount, type Fen } from '../../../shared/rules/money';
import { parseMonth, type Month } from '../../../shared/rules/month';
import { normalizePersonId } from '../../../shared/rules/personId';
import { ROLE_NAMES, ROLE_SYNONYMS, normaliseHeader, type ColumnAssignment } from './columnRoles';
import { throwIfAborted } from './errors';
import { buildMergeLookup, cellAt, cellText, columnLetter, isBlankCell, isBlankRow, type CellValue, type SheetGrid } from './grid';

export interface SheetContext {
  fileName: string;
  sheet: SheetGrid;
  kind: ImportKind;
  columns: readonly ColumnAssignment[];
  /** 0-based index of the first row below the header. */
  firstDataRow: number;
  sheetMonth: Month | null;
}

export interface SheetRows {
  payroll: PayrollLine[];
  declarations: DeclarationLine[];
  issues: ImportIssue[];
  /** Non-blank rows below the header. */
  rowsRead: number;
  /** Rows that produced lines. */
  rowsTaken: number;
  /** Rows with an error, not in the output. */
  rowsLeftOut: number;
}

const TOTAL_START = /^(总合计|合计|小计|总计|共计|累计|本页合计|本页小计|本月合计|汇总)/;
const TOTAL_END = /(合计|小计|总计)[:：]?$/;
const NOTE_START = /^(制表|审核|复核|审批|负责人|单位负责人|经办|填报|填表|注[:：]|说明|备注|打印|财务负责人)/;
const AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set(['gross', 'net', 'base', 'employerAmount', 'employeeAmount']);
const ID_HEADERS: ReadonlySet<string> = new Set(ROLE_SYNONYMS.personId);
const PAID_TRUE = /^(已缴|已缴费|已到账|已缴纳|已足额缴纳|是|Y|YES|1|TRUE|√)$/i;
const PAID_FALSE = /^(未缴|未缴费|未到账|欠缴|未缴纳|否|N|NO|0|FALSE|×)$/i;

export function isTotalText(text: string): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  return t !== '' && (TOTAL_START.test(t) || TOTAL_END.test(t));
}

/** Chinese names are often padded ("张　三"); Latin names keep single spaces between words. */
export function cleanName(text: string): string {
  return text
    .replace(/[\u3000\u00A0\t\r\n]/g, ' ')
    .trim()
    .replace(/(?<=[\u3400-\u9fff·])\s+(?=[\u3400-\u9fff·])/g, '')
    .replace(/\s{2,}/g, ' ');
}

/**
 * A rule's answer remembered by the raw cell value: an ID repeats on every row of its person
 * (36 months × 5 insurances), a month string on thousands of rows, so the regex work is done
 * once per distinct value. Results are shared between rows and never changed. Bounded, so a
 * sheet of all-distinct values cannot grow it without limit.
 */
function memoByValue<R>(fn: (v: unknown) => R, max = 200_000): (v: CellValue) => R {
  const cache = new Map<string | number | boolean, R>();
  return (v) => {
    if (v === null || v instanceof Date) return fn(v);
    let r = cache.get(v);
    if (r === undefined) {
      if (cache.size >= max) cache.clear();
      r = fn(v);
      cache.set(v, r);
    }
    return r;
  };
}

/** Lets the event loop run (abort, progress) during long sheets. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function normaliseSheet(
  ctx: SheetContext,
  options: { signal?: AbortSignal; onRows?: (done: number, total: number) => void } = {},
): Promise<SheetRows> {
  const { sheet, kind, columns, fileName } = ctx;
  const out: SheetRows = { payroll: [], declarations: [], issues: [], rowsRead: 0, rowsTaken: 0, rowsLeftOut: 0 };
  const mergeAt = buildMergeLookup(sheet);
  const personIdOf = memoByValue((v) => normalizePersonId(v));
  const monthOf = memoByValue((v) => parseMonth(v));
  const amountOf = memoByValue((v) => parseAmount(v));
  const nameOf = memoByValue((v) => cleanName(cellText(v as CellValue)));
  const byRole = new Map<ColumnRole, ColumnAssignment>();
  for (const c of columns) if (c.role !== 'ignore' && c.insurance === null && !byRole.has(c.role)) byRole.set(c.role, c);
  const idCol = byRole.get('personId');
  if (!idCol) throw new Error('normaliseSheet needs a personId column');
  // Wide declaration layouts carry one base (and amounts) per insurance in the same row.
  const baseCols = columns.filter((c) => c.role === 'base');
  const amountCols = new Map<string, ColumnAssignment | undefined>();
  const amountCol = (role: ColumnRole, insurance: InsuranceCode | null) => {
    const key = `${role}|${insurance ?? ''}`;
    if (!amountCols.has(key)) amountCols.set(key, columns.find((c) => c.role === role && c.insurance === insurance));
    return amountCols.get(key);
  };

  const issue = (severity: ImportIssue['severity'], code: string, r: number, col: number | null, message: string): ImportIssue => ({
    severity,
    code,
    file: fileName,
    sheet: sheet.name,
    row: r + 1,
    column: col === null ? '' : columnLetter(col),
    message,
  });

  /** The value of a role's cell; identity columns merged downwards carry their value to every row. */
  const valueOf = (r: number, col: ColumnAssignment | undefined): CellValue => {
    if (!col) return null;
    const m = mergeAt(r, col.index);
    if (m && (m.top !== r || m.left !== col.index)) {
      if (AMOUNT_ROLES.has(col.role)) return null;
      return cellAt(sheet, m.top, m.left);
    }
    return cellAt(sheet, r, col.index);
  };

  let lastNonBlank = sheet.rows.length - 1;
  while (lastNonBlank >= ctx.firstDataRow && isBlankRow(sheet.rows[lastNonBlank])) lastNonBlank--;
  const blankRows: number[] = [];
  const total = Math.max(0, lastNonBlank - ctx.firstDataRow + 1);

  /** An amount cell: required ones must be present; negative is refused where `nonNegative`. */
  const amount = (r: number, rowIssues: ImportIssue[], col: ColumnAssignment | undefined, required: boolean, nonNegative: boolean, label: string, soft = false): Fen | undefined => {
    if (!col) return undefined;
    const v = valueOf(r, col);
    if (isBlankCell(v)) {
      if (required) rowIssues.push(issue('error', 'bad-amount', r, col.index, `${label}为空`));
      return undefined;
    }
    const a = amountOf(v);
    if (!a.ok) {
      rowIssues.push(issue(soft ? 'warning' : 'error', 'bad-amount', r, col.index, `${label}：${a.reason}${soft ? '（该项不导入，整行保留）' : ''}`));
      return undefined;
    }
    if (nonNegative && a.fen < 0) {
      rowIssues.push(issue('error', 'negative-amount', r, col.index, `${label}为负数（${formatFen(a.fen)}）`));
      return undefined;
    }
    if (a.rounded) rowIssues.push(issue('warning', 'amount-rounded', r, col.index, `${label}“${cellText(v)}”超过两位小数，已四舍五入为 ${formatFen(a.fen)}`));
    return a.fen;
  };

  /** Whether the row's issues so far include an error (defined once, not per row). */
  const hasError = (rowIssues: readonly ImportIssue[]): boolean => {
    for (const i of rowIssues) if (i.severity === 'error') return true;
    return false;
  };

  for (let r = ctx.firstDataRow; r <= lastNonBlank; r++) {
    if ((r - ctx.firstDataRow) % 2000 === 1999) {
      options.onRows?.(r - ctx.firstDataRow, total);
      await yieldToLoop();
      throwIfAborted(options.signal);
    }
    const row = sheet.rows[r];
    if (isBlankRow(row)) {
      blankRows.push(r + 1);
      continue;
    }
    out.rowsRead++;
    const rowIssues: ImportIssue[] = [];

    // Who: the ID decides whether the row is a person at all.
    const idValue = valueOf(r, idCol);
    const idResult = personIdOf(idValue instanceof Date ? '' : idValue);
    if (!idResult.ok) {
      const texts = (row ?? []).map(cellText);
      const totalText = texts.find(isTotalText);
      if (totalText !== undefined) {
        out.issues.push(issue('info', 'total-row-skipped', r, null, `合计/小计行（“${totalText.trim()}”），未作为人员导入`));
        continue;
      }
      if (ID_HEADERS.has(normaliseHeader(cellText(idValue)))) {
        out.issues.push(issue('info', 'repeated-header', r, idCol.index, '重复的表头行，已跳过'));
        continue;
      }
      // No amount and nothing like an ID number: a signature line, a note, a stray label.
      const hasAmount = columns.some((c) => AMOUNT_ROLES.has(c.role) && !isBlankCell(valueOf(r, c)));
      const idDigits = cellText(idValue).replace(/\D/g, '').length;
      if (!hasAmount && idDigits < 6) {
        const text = texts.filter((t) => t.trim() !== '').join(' ').slice(0, 60);
        if (texts.some((t) => NOTE_START.test(t.trim()))) out.issues.push(issue('info', 'note-row-skipped', r, null, `表尾说明或签字行，已跳过：“${text}”`));
        else out.issues.push(issue('warning', 'non-data-row', r, null, `没有证件号码也没有金额的行，已跳过：“${text}”`));
        continue;
      }
      rowIssues.push(issue('error', 'bad-id', r, idCol.index, idResult.reason));
    } else {
      if (!idResult.valid || idResult.converted15 || idResult.kind === 'other' || idResult.kind === 'foreigner-old') {
        const code = idResult.converted15 ? 'id-15-converted' : !idResult.valid ? 'id-check-digit' : 'id-unvalidated';
        const severity = code === 'id-unvalidated' ? 'info' : 'warning';
        rowIssues.push(issue(severity, code, r, idCol.index, `${idResult.notes.join('；')}（${idResult.id}），已保留`));
      }
    }

    // When: the month column, or the sheet's month.
    let month: Month | null = null;
    const monthCol = byRole.get('month');
    const monthValue = valueOf(r, monthCol);
    if (monthCol && !isBlankCell(monthValue)) {
      const m = monthValue instanceof Date ? parseMonth(monthValue) : monthOf(monthValue);
      if (m.ok) month = m.month;
      else rowIssues.push(issue('error', 'bad-month', r, monthCol.index, m.reason));
    } else if (ctx.sheetMonth) {
      month = ctx.sheetMonth;
    } else {
      rowIssues.push(issue('error', 'bad-month', r, monthCol ? monthCol.index : null, '月份为空'));
    }

    const name = nameOf(valueOf(r, byRole.get('name')));
    const source: SourceRef = { fileId: 0, fileName, sheet: sheet.name, row: r + 1 };
    const personId = idResult.ok ? idResult.id : '';

    if (kind === 'payroll') {
      const gross = amount(r, rowIssues, byRole.get('gross'), true, true, ROLE_NAMES.gross);
      const net = amount(r, rowIssues, byRole.get('net'), false, false, ROLE_NAMES.net, true);
      const department = nameOf(valueOf(r, byRole.get('department')));
      out.issues.push(...rowIssues);
      if (hasError(rowIssues) || gross === undefined || month === null) {
        out.rowsLeftOut++;
        continue;
      }
      const line: PayrollLine = { personId, name, month, grossFen: gross, source };
      if (department !== '') line.department = department;
      if (net !== undefined) line.netFen = net;
      out.payroll.push(line);
      out.rowsTaken++;
      continue;
    }

    // Declarations: one line per base column (one per insurance in a wide layout).
    const insCol = byRole.get('insurance');
    let columnInsurance: InsuranceCode | null = null;
    if (insCol) {
      const text = cellText(valueOf(r, insCol));
      if (text.trim() === '') rowIssues.push(issue('error', 'bad-insurance', r, insCol.index, '险种为空'));
      else {
        columnInsurance = parseInsuranceName(text);
        if (!columnInsurance) rowIssues.push(issue('error', 'bad-insurance', r, insCol.index, `无法识别的险种：“${text.trim()}”`));
      }
    }
    let paid: boolean | undefined;
    const paidCol = byRole.get('paid');
    const paidText = cellText(valueOf(r, paidCol)).replace(/[\s\u3000]/g, '');
    if (paidCol && paidText !== '') {
      if (PAID_TRUE.test(paidText)) paid = true;
      else if (PAID_FALSE.test(paidText)) paid = false;
      else rowIssues.push(issue('warning', 'bad-paid-flag', r, paidCol.index, `无法识别的缴费状态“${paidText}”，按未注明处理`));
    }
    const wide = baseCols.some((c) => c.insurance !== null);
    const lines: DeclarationLine[] = [];
    for (const baseCol of baseCols) {
      const insurance = baseCol.insurance ?? columnInsurance;
      const label = baseCol.insurance ? `${INSURANCE_NAMES[baseCol.insurance]}${ROLE_NAMES.base}` : ROLE_NAMES.base;
      // In a wide layout a blank group means the person is not insured for that type.
      // A negative base is a correction row (冲销/更正): kept and added up with the person-month's
      // other rows (§4.2); a net negative sum counts as nothing declared (§6.3, shared/rules/backPay).
      const baseFen = amount(r, rowIssues, baseCol, !wide, false, label);
      if (baseFen === undefined) continue;
      if (baseFen < 0) rowIssues.push(issue('warning', 'correction-row', r, baseCol.index, `${label}为负数（${formatFen(baseFen)}），按冲销/更正行与该人该月的其他申报行相加`));
      const employerFen = amount(r, rowIssues, amountCol('employerAmount', baseCol.insurance), false, false, ROLE_NAMES.employerAmount);
      const employeeFen = amount(r, rowIssues, amountCol('employeeAmount', baseCol.insurance), false, false, ROLE_NAMES.employeeAmount);
      const line: DeclarationLine = { personId, name, month: month ?? '', insurance, baseFen, source };
      if (employerFen !== undefined) line.employerFen = employerFen;
      if (employeeFen !== undefined) line.employeeFen = employeeFen;
      if (paid !== undefined) line.paid = paid;
      lines.push(line);
    }
    if (wide && lines.length === 0 && !hasError(rowIssues)) rowIssues.push(issue('error', 'bad-amount', r, null, '各险种的缴费基数都为空'));
    out.issues.push(...rowIssues);
    if (hasError(rowIssues) || month === null || lines.length === 0) {
      out.rowsLeftOut++;
      continue;
    }
    out.declarations.push(...lines);
    out.rowsTaken++;
  }
  if (blankRows.length > 0) {
    const list = blankRows.slice(0, 20).join('、') + (blankRows.length > 20 ? ' 等' : '');
    out.issues.push({ ...issue('info', 'blank-rows-skipped', (blankRows[0] as number) - 1, null, `跳过空行 ${blankRows.length} 行（第 ${list} 行）`) });
  }
  options.onRows?.(total, total);
  return out;
}
