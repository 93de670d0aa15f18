// Checks that need every taken row of the file at once: several rows for one person-month
// (added up by the rules, so the auditor should know), and one ID spelled with two names
// (a typo in the ID or the name). Reported once per person-month / per ID, not per row.
import type { ImportIssue } from '../../../shared/domain/importReport';
import { INSURANCE_NAMES } from '../../../shared/domain/insurance';
import type { DeclarationLine, PayrollLine } from '../../../shared/domain/lines';

type Line = PayrollLine | DeclarationLine;

function where(lines: readonly Line[]): string {
  const sameSheet = lines.every((l) => l.source.sheet === (lines[0] as Line).source.sheet);
  const rows = lines.slice(0, 10).map((l) => (sameSheet || l.source.sheet === '' ? `第${l.source.row}行` : `“${l.source.sheet}”第${l.source.row}行`));
  return rows.join('、') + (lines.length > 10 ? ' 等' : '');
}

export function crossRowIssues(lines: readonly Line[], fileName: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  // Per person, month and insurance: the index of its only line, or all of its lines once
  // there are several. Nested maps keyed by the lines' own strings (their hashes are cached,
  // and the importer hands out one string per distinct ID and month), so no key is built.
  const groups: (number | number[])[] = [];
  const byPerson = new Map<string, Map<string, Map<string | null, number>>>();
  // The lines of one spreadsheet row are adjacent (normaliseSheet emits a row's lines
  // together): a wide declaration row gives one line per insurance — same row, not a duplicate.
  let rowSheet: string | null = null;
  let rowNumber = -1;
  const rowInsurances: (string | null)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const insurance = 'insurance' in l ? (l.insurance ?? null) : null;
    if (l.source.sheet !== rowSheet || l.source.row !== rowNumber) {
      rowSheet = l.source.sheet;
      rowNumber = l.source.row;
      rowInsurances.length = 0;
    } else if (rowInsurances.includes(insurance)) continue;
    rowInsurances.push(insurance);
    let months = byPerson.get(l.personId);
    if (!months) byPerson.set(l.personId, (months = new Map()));
    let kinds = months.get(l.month);
    if (!kinds) months.set(l.month, (kinds = new Map()));
    const g = kinds.get(insurance);
    if (g === undefined) {
      kinds.set(insurance, groups.length);
      groups.push(i);
    } else {
      const entry = groups[g] as number | number[];
      if (typeof entry === 'number') groups[g] = [entry, i];
      else entry.push(i);
    }
  }
  for (const entry of groups) {
    if (typeof entry === 'number') continue;
    const g = entry.map((i) => lines[i] as Line);
    const first = g[0] as Line;
    const ins = 'insurance' in first && first.insurance ? `（${INSURANCE_NAMES[first.insurance]}）` : '';
    issues.push({
      severity: 'warning',
      code: 'duplicate-person-month',
      file: fileName,
      sheet: first.source.sheet,
      row: first.source.row,
      column: '',
      message: `${first.name || first.personId} ${first.month}${ins}有 ${g.length} 行（${where(g)}），计算时将相加`,
    });
  }
  const names = new Map<string, Line[]>();
  for (const l of lines) {
    if (l.name === '') continue;
    const g = names.get(l.personId);
    if (!g) names.set(l.personId, [l]);
    else if (!g.some((x) => x.name === l.name)) g.push(l);
  }
  for (const [id, g] of names) {
    if (g.length < 2) continue;
    const first = g[0] as Line;
    issues.push({
      severity: 'warning',
      code: 'name-mismatch',
      file: fileName,
      sheet: first.source.sheet,
      row: first.source.row,
      column: '',
      message: `证件号码 ${id} 对应不同姓名：${g.map((l) => `“${l.name}”（${where([l])}）`).join('、')}；请核对证件号码或姓名`,
    });
  }
  return issues;
}
