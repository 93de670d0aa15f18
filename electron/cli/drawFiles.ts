// The input files of `jihe draw` (DOMAIN.md §10.3 command-line contract) read through the usual
// importer (readTable: xlsx/xls/csv, GB18030, title rows, synonyms) and checked row by row:
// a valid credit code (GB 32100), a known tier (高/中/低), no duplicates, a date. Any error
// makes the whole file unusable; the reasons name file, sheet, row and column.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportIssue } from '../../shared/domain/importReport';
import { checkCreditCode } from '../../shared/rules/creditCode';
import { parseTier, type DrawConflict, type DrawTarget } from '../../shared/rules/draw';
import { parseDate } from '../../shared/rules/parseDate';
import type { TableKind } from '../services/import/columnRoles';
import { readTable, type TableRow } from '../services/import/tableRows';
import { describeIssue } from '../services/jobs/importPolicy';

/** A file that cannot be used: the lines (Chinese) go to stderr. */
export class InputFileError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export const DRAW_FILE_NAMES: Record<TableKind, string> = {
  drawTargets: '检查对象文件',
  drawInspectors: '检查人员文件',
  drawConflicts: '回避关系文件',
  drawHistory: '抽查历史文件',
};

async function readRows(file: string, kind: TableKind, warn: (text: string) => void): Promise<{ rows: TableRow[]; name: string; errors: ImportIssue[] }> {
  const what = DRAW_FILE_NAMES[kind];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
    throw new InputFileError([`错误：无法读取${what} ${file}：${reason}`]);
  }
  const name = path.basename(file);
  const read = await readTable(bytes, name, kind);
  const errors = read.issues.filter((i) => i.severity === 'error');
  const warnings = read.issues.filter((i) => i.severity === 'warning');
  if (warnings.length > 0) warn(`提示：${what} ${name}：\n${warnings.map((i) => `  ${describeIssue(i)}`).join('\n')}\n`);
  return { rows: read.rows, name, errors };
}

function fail(kind: TableKind, name: string, errors: ImportIssue[]): never {
  throw new InputFileError([`错误：${DRAW_FILE_NAMES[kind]} ${name} 有误，未进行抽取：`, ...errors.map((i) => `  ${describeIssue(i)}`)]);
}

function rowIssue(name: string, r: TableRow, column: string, code: string, message: string): ImportIssue {
  return { severity: 'error', code, file: name, sheet: r.sheet, row: r.row, column, message };
}

function creditCodeOf(name: string, r: TableRow, errors: ImportIssue[]): string | null {
  const cell = r.cells.creditCode!;
  const check = checkCreditCode(cell.text);
  if (!check.ok) {
    errors.push(rowIssue(name, r, cell.column, 'bad-credit-code', `${check.reason}（“${cell.text}”）`));
    return null;
  }
  return check.code;
}

/** Remembers the first row of each key and reports a repeat with both rows. */
function duplicates(name: string, what: string, errors: ImportIssue[]) {
  const seen = new Map<string, TableRow>();
  return (key: string, r: TableRow, column: string): boolean => {
    const first = seen.get(key);
    if (first) {
      const where = first.sheet === r.sheet ? `第 ${first.row} 行` : `工作表“${first.sheet}”第 ${first.row} 行`;
      errors.push(rowIssue(name, r, column, 'duplicate', `${what} ${key} 重复（已见于${where}）`));
      return true;
    }
    seen.set(key, r);
    return false;
  };
}

export async function loadTargets(file: string, warn: (t: string) => void): Promise<(DrawTarget & { name: string })[]> {
  const { rows, name, errors } = await readRows(file, 'drawTargets', warn);
  const dup = duplicates(name, '统一社会信用代码', errors);
  const out: (DrawTarget & { name: string })[] = [];
  for (const r of rows) {
    const code = creditCodeOf(name, r, errors);
    const tierCell = r.cells.riskTier!;
    const tier = parseTier(tierCell.text);
    if (!tier) errors.push(rowIssue(name, r, tierCell.column, 'bad-tier', tierCell.text === '' ? '风险等级为空（应为 高、中 或 低）' : `风险等级“${tierCell.text}”无法识别（应为 高、中 或 低）`));
    if (code && dup(code, r, r.cells.creditCode!.column)) continue;
    if (code && tier) out.push({ creditCode: code, tier, name: r.cells.orgName?.text ?? '' });
  }
  if (errors.length > 0) fail('drawTargets', name, errors);
  return out;
}

export async function loadInspectors(file: string, warn: (t: string) => void): Promise<{ credential: string; name: string }[]> {
  const { rows, name, errors } = await readRows(file, 'drawInspectors', warn);
  const dup = duplicates(name, '执法证号', errors);
  const out: { credential: string; name: string }[] = [];
  for (const r of rows) {
    const cell = r.cells.credential!;
    if (/[\t\r\n]/.test(cell.text)) errors.push(rowIssue(name, r, cell.column, 'bad-credential', `执法证号含有制表符或换行：“${cell.text}”`));
    else if (!dup(cell.text, r, cell.column)) out.push({ credential: cell.text, name: r.cells.name?.text ?? '' });
  }
  if (errors.length > 0) fail('drawInspectors', name, errors);
  return out;
}

export async function loadConflicts(file: string, warn: (t: string) => void): Promise<DrawConflict[]> {
  const { rows, name, errors } = await readRows(file, 'drawConflicts', warn);
  const out: DrawConflict[] = [];
  for (const r of rows) {
    const credential = r.cells.credential!.text;
    const cc = r.cells.creditCode!;
    if (cc.text === '') {
      errors.push(rowIssue(name, r, cc.column, 'missing-credit-code', '统一社会信用代码为空'));
      continue;
    }
    const code = creditCodeOf(name, r, errors);
    if (code) out.push({ credential, creditCode: code });
  }
  if (errors.length > 0) fail('drawConflicts', name, errors);
  return out;
}

export async function loadHistory(file: string, warn: (t: string) => void): Promise<{ creditCode: string; date: string }[]> {
  const { rows, name, errors } = await readRows(file, 'drawHistory', warn);
  const out: { creditCode: string; date: string }[] = [];
  for (const r of rows) {
    const code = creditCodeOf(name, r, errors);
    const cell = r.cells.drawDate!;
    const d = parseDate(cell.value, 'first');
    if (!d.ok) errors.push(rowIssue(name, r, cell.column, 'bad-date', `抽查日期：${d.reason}`));
    else if (code) out.push({ creditCode: code, date: d.date });
  }
  if (errors.length > 0) fail('drawHistory', name, errors);
  return out;
}
