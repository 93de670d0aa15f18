// Where the statistics read an institution check's handling (seed 004 处理情况, 追责情况). The
// handling module (约谈, 拒付, 追回, 暂停, 解除, 罚款, 移交) is being built separately: it plugs in
// by providing an `InstitutionHandlingSource`. Until then `screeningHandlingSource` reports what
// exists today: the fund loss of the screening hits the inspector confirmed counts as 追回 on the
// day the check was archived (the check closes only once the money is settled); nothing else.
import type { InstitutionHandling } from '../../../shared/rules/statistics/facts';
import { NO_HANDLING } from '../../../shared/rules/statistics/facts';
import { latestJudgments, latestRun, runHits } from '../db/repos/screening';
import type { Db } from '../db/open';

export interface HandlingCase {
  id: number;
  archivedOn: string | null;
}

/** The handling of each institution check asked for (a case left out has none). */
export type InstitutionHandlingSource = (db: Db, cases: readonly HandlingCase[]) => Map<number, InstitutionHandling>;

/** Confirmed screening amounts of a case, in fen (the latest run, the latest judgment per hit). */
export function confirmedFundLossFen(db: Db, caseId: number): { hits: number; fundLossFen: number } {
  const run = latestRun(db, caseId);
  if (!run) return { hits: 0, fundLossFen: 0 };
  const judged = latestJudgments(db, caseId);
  let hits = 0;
  let fundLossFen = 0;
  for (const h of runHits(db, run.id)) {
    if (judged.get(h.key)?.verdict !== 'confirmed') continue;
    hits += 1;
    fundLossFen += h.fundLoss ?? 0;
  }
  return { hits, fundLossFen };
}

export const screeningHandlingSource: InstitutionHandlingSource = (db, cases) => {
  const out = new Map<number, InstitutionHandling>();
  for (const c of cases) {
    const { fundLossFen } = confirmedFundLossFen(db, c.id);
    if (c.archivedOn === null || fundLossFen <= 0) continue;
    out.set(c.id, { ...NO_HANDLING, measures: [{ kind: 'recover', on: c.archivedOn, amountFen: fundLossFen }] });
  }
  return out;
};
