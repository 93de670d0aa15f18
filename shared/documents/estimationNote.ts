// The 核定 statement every document carries when any figure on it was estimated (DOMAIN.md §13):
// how many person-months, under which rule and legal basis, and the auditor's reasons. One place
// for the wording, so the opinion, the notice, the schedule and the working papers say the same.
import type { BackPayRow, ComputeResult } from '../domain/result';

/** The mark printed next to an estimated figure. */
export const ESTIMATED_MARK = '核定';

export function estimatedRows(r: Pick<ComputeResult, 'rows'>): BackPayRow[] {
  return r.rows.filter((row) => row.estimated);
}

/** One sentence per estimation rule used; empty when nothing was estimated. */
export function estimationSentences(r: Pick<ComputeResult, 'rows'>): string[] {
  const byRule = new Map<string, { legalBasis: string; rows: BackPayRow[]; reasons: Set<string> }>();
  for (const row of estimatedRows(r)) {
    const e = row.estimated!;
    const key = `${e.rule}\u0000${e.legalBasis}`;
    let g = byRule.get(key);
    if (!g) byRule.set(key, (g = { legalBasis: e.legalBasis, rows: [], reasons: new Set() }));
    g.rows.push(row);
    g.reasons.add(e.reason);
  }
  return [...byRule.entries()].map(([key, g]) => {
    const rule = key.split('\u0000')[0]!;
    const persons = new Set(g.rows.map((x) => x.personId)).size;
    return `${persons}名职工共${g.rows.length}人次因工资记录缺失或不能如实反映工资收入，依据${g.legalBasis}${rule}缴费基数（标注“${ESTIMATED_MARK}”），核定理由：${[...g.reasons].join('；')}。`;
  });
}
