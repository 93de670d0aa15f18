// Reads a plain table that is not a case file — the draw's targets, inspectors, conflicts and
// history (DOMAIN.md §10.3), later the directories — through the same machinery as payroll:
// the grid readers (xlsx/xls/csv, GB18030), header detection past title rows, the column
// synonyms of columnRoles.ts. Rows come back as text by role with their sheet and row; blank,
// total, repeated-header and note rows are skipped; checking the values is the caller's job.
import type { ColumnRole, ImportIssue } from '../../../shared/domain/importReport';
import { missingRoles, normaliseHeader, REQUIRED_ROLES, ROLE_NAMES, ROLE_SYNONYMS, synonymsText, type TableKind } from './columnRoles';
import { detectHeader, HEADER_SCAN_ROWS } from './detectHeader';
import { buildMergeLookup, cellAt, cellText, columnLetter, isBlankRow, type CellValue } from './grid';
import { cleanName, isTotalText } from './normaliseRows';
import { readImportGrid } from './readGrid';

export interface TableCell {
  text: string;
  value: CellValue;
  /** Column letter. */
  column: string;
}

export interface TableRow {
  sheet: string;
  /** 1-based spreadsheet row. */
  row: number;
  cells: Partial<Record<ColumnRole, TableCell>>;
}

export interface TableRead {
  rows: TableRow[];
  /** Errors (the file cannot be used), warnings and infos, each with file, sheet, row, column. */
  issues: ImportIssue[];
}

const NOTE_START = /^(制表|审核|复核|审批|负责人|经办|填报|填表|注[:：]|说明|备注|打印)/;

export async function readTable(bytes: Uint8Array, fileName: string, kind: TableKind): Promise<TableRead> {
  const out: TableRead = { rows: [], issues: [] };
  const issue = (severity: ImportIssue['severity'], code: string, sheet: string, row: number, column: string, message: string) =>
    out.issues.push({ severity, code, file: fileName, sheet, row, column, message });
  const read = await readImportGrid(bytes, fileName, (severity, code, message) => issue(severity, code, '', 0, '', message));
  if (!read) return out;
  const key = REQUIRED_ROLES[kind][0] as Exclude<ColumnRole, 'ignore'>;
  const refusals: { sheet: string; message: string }[] = [];
  let sheetsRead = 0;
  for (const sheet of read.nonEmpty) {
    if (sheet.hidden) {
      issue('warning', 'hidden-sheet-skipped', sheet.name, 0, '', `隐藏的工作表“${sheet.name}”未读取`);
      continue;
    }
    const detection = detectHeader(sheet, kind);
    const missing = detection ? missingRoles(detection.columns, kind, false) : REQUIRED_ROLES[kind];
    if (!detection || missing.length > 0) {
      const found = detection ? `（表头在第 ${detection.bottom + 1} 行）` : `（前 ${HEADER_SCAN_ROWS} 行中没有找到表头）`;
      const names = missing.map((r) => (r === 'ignore' ? '' : `“${ROLE_NAMES[r]}”（${synonymsText(r)}）`)).join('、');
      refusals.push({ sheet: sheet.name, message: `缺少列 ${names}${found}` });
      continue;
    }
    sheetsRead++;
    const mergeAt = buildMergeLookup(sheet);
    const byRole = new Map(detection.columns.filter((c) => c.role !== 'ignore').map((c) => [c.role, c]));
    const keyCol = byRole.get(key)!;
    const keyHeaders = new Set(ROLE_SYNONYMS[key]);
    for (let r = detection.bottom + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (isBlankRow(row)) continue;
      const valueAt = (col: number): CellValue => {
        const m = mergeAt(r, col);
        return m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, r, col);
      };
      const keyText = cleanName(cellText(valueAt(keyCol.index)));
      const texts = (row ?? []).map(cellText).map((t) => t.trim()).filter((t) => t !== '');
      if (keyText === '') {
        const total = texts.find(isTotalText);
        if (total !== undefined) issue('info', 'total-row-skipped', sheet.name, r + 1, '', `合计/小计行（“${total}”），已跳过`);
        else if (texts.some((t) => NOTE_START.test(t))) issue('info', 'note-row-skipped', sheet.name, r + 1, '', `表尾说明或签字行，已跳过：“${texts.join(' ').slice(0, 60)}”`);
        else issue('error', 'missing-key', sheet.name, r + 1, keyCol.letter, `“${ROLE_NAMES[key]}”为空（该行：“${texts.join(' ').slice(0, 60)}”）`);
        continue;
      }
      if (keyHeaders.has(normaliseHeader(keyText))) {
        issue('info', 'repeated-header', sheet.name, r + 1, keyCol.letter, '重复的表头行，已跳过');
        continue;
      }
      const cells: TableRow['cells'] = {};
      for (const [role, col] of byRole) {
        const value = valueAt(col.index);
        cells[role] = { text: cleanName(cellText(value)), value, column: columnLetter(col.index) };
      }
      out.rows.push({ sheet: sheet.name, row: r + 1, cells });
    }
  }
  if (sheetsRead === 0) for (const f of refusals) issue('error', 'missing-column', f.sheet, 0, '', f.message);
  else for (const f of refusals) issue('warning', 'sheet-skipped', f.sheet, 0, '', `工作表未读取：${f.message}`);
  if (sheetsRead > 0 && out.rows.length === 0 && !out.issues.some((i) => i.severity === 'error')) issue('error', 'no-data-rows', '', 0, '', '文件只有表头，没有数据行');
  return out;
}
