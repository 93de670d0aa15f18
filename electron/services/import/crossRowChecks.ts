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
  const INSURANCE_INDEX = new Map<string | null, number>();
  // Per person-month (and insurance): the index of its only line, or all of its lines once
  // there are several — no array for the hundreds of thousands that occur once.
  const groups = new Map<string, number | number[]>();
  // Lines already counted, by sheet: row × 64 + insurance, as numbers (no key strings).
  const seenBySheet = new Map<string, Set<number>>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    // A wide declaration row yields one line per insurance: same row, not a duplicate.
    const insurance = 'insurance' in l ? (l.insurance ?? null) : null;
    let insIndex = INSURANCE_INDEX.get(insurance);
    if (insIndex === undefined) {
      insIndex = INSURANCE_INDEX.size;
      INSURANCE_INDEX.set(insurance, insIndex);
    }
    let seen = seenBySheet.get(l.source.sheet);
    if (!seen) seenBySheet.set(l.source.sheet, (seen = new Set()));
    const rowKey = l.source.row * 64 + insIndex;
    if (seen.has(rowKey)) continue;
    seen.add(rowKey);
    const key = 'insurance' in l ? `${l.personId}|${l.month}|${l.insurance ?? ''}` : `${l.personId}|${l.month}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, i);
    else if (typeof g === 'number') groups.set(key, [g, i]);
    else g.push(i);
  }
  for (const entry of groups.values()) {
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
