// Turns the data rows of one roster sheet into RosterLine values: the ID as for payroll
// (normalizePersonId), hire and leave dates in every form employers write them (parseDate), the
// contract type, department and status as written. Every row is taken, skipped with a reason
// (blank, total, repeated header, note) or listed as an error with its row, column and reason.
import type { ColumnRole, ImportIssue } from '../../../shared/domain/importReport';
import type { RosterLine } from '../../../shared/domain/roster';
import type { SourceRef } from '../../../shared/domain/lines';
import { parseDate } from '../../../shared/rules/parseDate';
import { normalizePersonId } from '../../../shared/rules/personId';
import { ROLE_NAMES, ROLE_SYNONYMS, normaliseHeader, type ColumnAssignment } from './columnRoles';
import { buildMergeLookup, cellAt, cellText, columnLetter, isBlankCell, isBlankRow, type CellValue, type SheetGrid } from './grid';
import { cleanName, isTotalText } from './normaliseRows';

export interface RosterSheetRows {
  lines: RosterLine[];
  issues: ImportIssue[];
  rowsRead: number;
  rowsTaken: number;
  rowsLeftOut: number;
}

const ID_HEADERS: ReadonlySet<string> = new Set(ROLE_SYNONYMS.personId);
const NOTE_START = /^(制表|审核|复核|审批|负责人|单位负责人|经办|填报|填表|注[:：]|说明|备注|打印)/;
/** A status saying the person is no longer employed, which a blank leave date contradicts. */
const LEFT_STATUS = /(离职|辞职|辞退|解聘|解除|终止|退休|死亡|减员)/;

export function normaliseRosterSheet(fileName: string, sheet: SheetGrid, columns: readonly ColumnAssignment[], firstDataRow: number): RosterSheetRows {
  const out: RosterSheetRows = { lines: [], issues: [], rowsRead: 0, rowsTaken: 0, rowsLeftOut: 0 };
  const mergeAt = buildMergeLookup(sheet);
  const byRole = new Map<ColumnRole, ColumnAssignment>();
  for (const c of columns) if (c.role !== 'ignore' && !byRole.has(c.role)) byRole.set(c.role, c);
  const idCol = byRole.get('personId');
  const hireCol = byRole.get('hireDate');
  if (!idCol || !hireCol) throw new Error('normaliseRosterSheet needs personId and hireDate columns');

  const issue = (severity: ImportIssue['severity'], code: string, r: number, col: number | null, message: string): ImportIssue => ({
    severity,
    code,
    file: fileName,
    sheet: sheet.name,
    row: r + 1,
    column: col === null ? '' : columnLetter(col),
    message,
  });
  // A name or department merged down over several rows belongs to each of them.
  const valueOf = (r: number, col: ColumnAssignment | undefined): CellValue => {
    if (!col) return null;
    const m = mergeAt(r, col.index);
    return m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, r, col.index);
  };
  const textOf = (r: number, role: ColumnRole) => cleanName(cellText(valueOf(r, byRole.get(role))));

  let last = sheet.rows.length - 1;
  while (last >= firstDataRow && isBlankRow(sheet.rows[last])) last--;
  const blankRows: number[] = [];
  for (let r = firstDataRow; r <= last; r++) {
    const row = sheet.rows[r];
    if (isBlankRow(row)) {
      blankRows.push(r + 1);
      continue;
    }
    out.rowsRead++;
    const rowIssues: ImportIssue[] = [];

    const idValue = valueOf(r, idCol);
    const id = normalizePersonId(typeof idValue === 'string' ? idValue : idValue instanceof Date ? '' : idValue);
    if (!id.ok) {
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
      const idDigits = cellText(idValue).replace(/\D/g, '').length;
      if (isBlankCell(valueOf(r, hireCol)) && idDigits < 6) {
        const text = texts.filter((t) => t.trim() !== '').join(' ').slice(0, 60);
        if (texts.some((t) => NOTE_START.test(t.trim()))) out.issues.push(issue('info', 'note-row-skipped', r, null, `表尾说明或签字行，已跳过：“${text}”`));
        else out.issues.push(issue('warning', 'non-data-row', r, null, `没有证件号码也没有入职日期的行，已跳过：“${text}”`));
        continue;
      }
      rowIssues.push(issue('error', 'bad-id', r, idCol.index, id.reason));
    } else if (!id.valid || id.converted15 || id.kind === 'other' || id.kind === 'foreigner-old') {
      const code = id.converted15 ? 'id-15-converted' : !id.valid ? 'id-check-digit' : 'id-unvalidated';
      rowIssues.push(issue(code === 'id-unvalidated' ? 'info' : 'warning', code, r, idCol.index, `${id.notes.join('；')}（${id.id}），已保留`));
    }

    const hireValue = valueOf(r, hireCol);
    let hireDate: string | null = null;
    if (isBlankCell(hireValue)) rowIssues.push(issue('error', 'bad-date', r, hireCol.index, `${ROLE_NAMES.hireDate}为空`));
    else {
      const d = parseDate(hireValue, 'first');
      if (!d.ok) rowIssues.push(issue('error', 'bad-date', r, hireCol.index, `${ROLE_NAMES.hireDate}：${d.reason}`));
      else {
        hireDate = d.date;
        if (d.monthOnly) rowIssues.push(issue('info', 'date-month-only', r, hireCol.index, `${ROLE_NAMES.hireDate}只写到月（“${cellText(hireValue)}”），按该月 1 日计`));
      }
    }
    const leaveCol = byRole.get('leaveDate');
    const leaveValue = valueOf(r, leaveCol);
    let leaveDate: string | null = null;
    if (leaveCol && !isBlankCell(leaveValue)) {
      const d = parseDate(leaveValue, 'last');
      if (!d.ok) rowIssues.push(issue('error', 'bad-date', r, leaveCol.index, `${ROLE_NAMES.leaveDate}：${d.reason}`));
      else {
        leaveDate = d.date;
        if (d.monthOnly) rowIssues.push(issue('info', 'date-month-only', r, leaveCol.index, `${ROLE_NAMES.leaveDate}只写到月（“${cellText(leaveValue)}”），按该月最后一日计`));
        if (hireDate !== null && leaveDate < hireDate) {
          rowIssues.push(issue('error', 'leave-before-hire', r, leaveCol.index, `${ROLE_NAMES.leaveDate}（${leaveDate}）早于${ROLE_NAMES.hireDate}（${hireDate}）`));
        }
      }
    }
    const status = textOf(r, 'employmentStatus');
    const statusCol = byRole.get('employmentStatus');
    if (leaveDate === null && statusCol && LEFT_STATUS.test(status)) {
      rowIssues.push(issue('warning', 'left-without-date', r, statusCol.index, `在职状态为“${status}”，但没有${ROLE_NAMES.leaveDate}，人数比对中按在职计算`));
    }

    out.issues.push(...rowIssues);
    if (rowIssues.some((i) => i.severity === 'error') || !id.ok || hireDate === null) {
      out.rowsLeftOut++;
      continue;
    }
    const source: SourceRef = { fileId: 0, fileName, sheet: sheet.name, row: r + 1 };
    const line: RosterLine = { personId: id.id, name: textOf(r, 'name'), hireDate, leaveDate, source };
    const department = textOf(r, 'department');
    const contractType = textOf(r, 'contractType');
    if (department !== '') line.department = department;
    if (contractType !== '') line.contractType = contractType;
    if (status !== '') line.status = status;
    out.lines.push(line);
    out.rowsTaken++;
  }
  if (blankRows.length > 0) {
    const list = blankRows.slice(0, 20).join('、') + (blankRows.length > 20 ? ' 等' : '');
    out.issues.push(issue('info', 'blank-rows-skipped', (blankRows[0] as number) - 1, null, `跳过空行 ${blankRows.length} 行（第 ${list} 行）`));
  }
  return out;
}

/** The same person on two rows whose employment periods overlap: kept, but worth a look. */
export function overlappingRosterIssues(lines: readonly RosterLine[], fileName: string): ImportIssue[] {
  const byPerson = new Map<string, RosterLine[]>();
  for (const l of lines) byPerson.set(l.personId, [...(byPerson.get(l.personId) ?? []), l]);
  const out: ImportIssue[] = [];
  for (const list of byPerson.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => (a.hireDate < b.hireDate ? -1 : a.hireDate > b.hireDate ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as RosterLine;
      const cur = sorted[i] as RosterLine;
      if (prev.leaveDate === null || prev.leaveDate >= cur.hireDate) {
        out.push({
          severity: 'warning',
          code: 'roster-overlap',
          file: fileName,
          sheet: cur.source.sheet,
          row: cur.source.row,
          column: '',
          message: `${cur.name || cur.personId} 在花名册中出现多次，任职期间重叠（另见工作表“${prev.source.sheet}”第 ${prev.source.row} 行），人数只计一次`,
        });
      }
    }
  }
  return out;
}
