// The screening result as `jihe screen --json` prints it (INSTITUTIONS.md §6, command-line
// contract): every rule present, money as strings with two decimals, 待核定 as null.
import { formatFen } from '../money';
import { RULE_CODES, type RuleCode, type ScreeningResult } from './screen';

export interface ScreeningJson {
  rules: Record<RuleCode, { hits: number; amount: string; fundLoss: string }>;
  hits: { rule: RuleCode; rows: { sheet: string; row: number }[]; personId: string; amount: string | null; fundLoss: string | null }[];
}

export function toScreeningJson(result: ScreeningResult): ScreeningJson {
  const rules = Object.fromEntries(
    RULE_CODES.map((code) => {
      const t = result.totals[code];
      return [code, { hits: t.hits, amount: formatFen(t.amount), fundLoss: formatFen(t.fundLoss) }];
    }),
  ) as ScreeningJson['rules'];
  return {
    rules,
    hits: result.hits.map((h) => ({
      rule: h.rule,
      rows: h.rows.map((r) => ({ sheet: r.sheet, row: r.row })),
      personId: h.personId,
      amount: h.amount === null ? null : formatFen(h.amount),
      fundLoss: h.fundLoss === null ? null : formatFen(h.fundLoss),
    })),
  };
}
