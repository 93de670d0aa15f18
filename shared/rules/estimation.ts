// Estimation (核定, DOMAIN.md §13): where the auditor judged the payroll missing or unusable, a
// person-month's basis is the plan's estimation base instead of its wage — the region's average
// monthly wage for the month, or a percentage of the person's last declared base (rounded
// half-up to the fen) — then clamped to the insurance's floor and ceiling like any basis. The
// rule, its legal basis and the auditor's reason travel with the row to every document.
import type { Estimation } from '../domain/lines';
import type { EstimationBase, RatePlan } from '../domain/ratePlan';
import type { ComputeWarning } from '../domain/result';
import { decimalFrom, fenFromYuanNumber, mulRoundHalfUp, type Fen } from './money';
import { describeMonths } from './planRates';
import type { Month } from './month';
import { largestDeclaredBase, type ByMonth, type DeclarationGroup } from './reconcile';

const PERCENT = decimalFrom('0.01');

export interface EstimatedBasis {
  fen: Fen;
  /** Shown wherever the basis is: starts with 核定. */
  note: string;
  rule: string;
  legalBasis: string;
  reason: string;
}

export interface EstimationLookup {
  /** The auditor's estimation covering the person-month, if any (the first given wins). */
  covers(personId: string, month: Month): Estimation | undefined;
  /** The estimated basis, or null when the plan's rule has no base for it (then warned). */
  basisFor(personId: string, month: Month, estimation: Estimation): EstimatedBasis | null;
  warnings(): ComputeWarning[];
}

/** How the rule is named on documents. */
export function estimationRuleText(base: EstimationBase): string {
  return base.rule === 'average-wage' ? '按地区月平均工资核定' : `按最近一次申报基数的 ${base.percent}% 核定`;
}

export function makeEstimationLookup(plan: RatePlan, estimations: readonly Estimation[] | undefined, declarations: ByMonth<DeclarationGroup>): EstimationLookup {
  const list = (estimations ?? []).map((e) => ({ e, months: e.months ? new Set(e.months) : null }));
  const noPlanRule = new Set<Month>();
  const noBase = new Set<Month>();
  const base = plan.estimation;
  // The person's declared months, latest last: the last-declared rule looks back from M.
  const declaredMonths = new Map<string, Month[]>();
  if (base?.rule === 'last-declared') {
    for (const m of [...declarations.keys()].sort()) for (const id of declarations.get(m)!.keys()) (declaredMonths.get(id) ?? declaredMonths.set(id, []).get(id)!).push(m);
  }

  return {
    covers(personId, month) {
      for (const { e, months } of list) if ((e.personId === null || e.personId === personId) && (months === null || months.has(month))) return e;
      return undefined;
    },
    basisFor(personId, month, estimation) {
      if (!base) {
        noPlanRule.add(month);
        return null;
      }
      let fen: Fen | null = null;
      if (base.rule === 'average-wage') {
        const span = base.averageWages.find((a) => a.from <= month && month <= a.to);
        if (span) fen = fenFromYuanNumber(span.monthly);
      } else {
        const months = declaredMonths.get(personId) ?? [];
        let last: Month | undefined;
        for (const m of months) if (m <= month) last = m;
        if (last !== undefined) {
          const declared = largestDeclaredBase(declarations.get(last)!.get(personId)!);
          if (declared > 0) fen = mulRoundHalfUp(declared, [decimalFrom(base.percent), PERCENT]);
        }
      }
      if (fen === null) {
        noBase.add(month);
        return null;
      }
      const rule = estimationRuleText(base);
      return { fen, note: `核定：${rule}`, rule, legalBasis: base.legalBasis, reason: estimation.reason };
    },
    warnings() {
      const out: ComputeWarning[] = [];
      if (noPlanRule.size > 0) {
        const months = [...noPlanRule].sort();
        out.push({ code: 'estimation-unavailable', message: `${describeMonths(months)}有人员月份被认定为核定，但缴费政策未设核定基数规则：这些人员月份仍按工资表计算（无工资的不计）。请在缴费政策中设置核定规则及其法律依据。`, months });
      }
      if (noBase.size > 0) {
        const months = [...noBase].sort();
        out.push({ code: 'estimation-unavailable', message: `${describeMonths(months)}有人员月份被认定为核定，但缴费政策的核定规则对其没有基数（该月无地区平均工资，或此前无申报基数）：这些人员月份仍按工资表计算（无工资的不计），请核实。`, months });
      }
      return out;
    },
  };
}
