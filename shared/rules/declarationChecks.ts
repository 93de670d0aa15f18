// Findings about the declarations themselves, besides the shortfall (DOMAIN.md §6.3): bases
// declared above the due base (informational, no refund) and declared amounts that do not match
// round(base × rate) by more than one fen (a wrong rate applied by the employer).
import type { DeclarationLine } from '../domain/lines';
import type { AmountDiscrepancy, InsuranceLine, OverDeclared } from '../domain/result';
import { mulRoundHalfUp, type Decimal, type Fen } from './money';
import type { CompiledPeriod } from './planRates';
import { sortedSources, type DeclarationGroup } from './reconcile';

/** Insurances of a matched person-month whose declared base exceeds the due base. */
export function overDeclaredOf(group: DeclarationGroup, name: string, lines: readonly InsuranceLine[]): OverDeclared[] {
  const out: OverDeclared[] = [];
  for (const l of lines) {
    if (l.declaredBaseFen <= l.dueBaseFen) continue;
    out.push({
      personId: group.personId,
      name,
      month: group.month,
      insurance: l.code,
      dueBaseFen: l.dueBaseFen,
      declaredBaseFen: l.declaredBaseFen,
      sources: sortedSources(group.lines.filter((d) => d.insurance === null || d.insurance === l.code)),
    });
  }
  return out;
}

/** round_half_up(base × rate) with the sign of the base (a correction row may be negative). */
function signedAmount(baseFen: Fen, rate: Decimal): Fen {
  return baseFen < 0 ? -mulRoundHalfUp(-baseFen, [rate]) : mulRoundHalfUp(baseFen, [rate]);
}

/**
 * What a declaration row should carry on each side: for a typed row the rate of its insurance,
 * for a row without a type the sum over the plan's insurances. Null when the plan has no such
 * insurance in that month (nothing to compare with).
 */
export function expectedAmounts(line: DeclarationLine, period: CompiledPeriod): { employerFen: Fen; employeeFen: Fen } | null {
  const insurances = line.insurance === null ? period.insurances : period.insurances.filter((i) => i.code === line.insurance);
  if (insurances.length === 0) return null;
  let employerFen = 0;
  let employeeFen = 0;
  for (const i of insurances) {
    employerFen += signedAmount(line.baseFen, i.employerRate);
    employeeFen += signedAmount(line.baseFen, i.employeeRate);
  }
  return { employerFen, employeeFen };
}

/**
 * Rows of a person-month whose declared employer/employee amounts are off by more than 0.01,
 * appended to `out`. `name` is asked for only when there is something to report.
 */
export function collectDiscrepancies(out: AmountDiscrepancy[], group: DeclarationGroup, name: () => string, period: CompiledPeriod): void {
  for (const line of group.lines) {
    if (line.employerFen === undefined && line.employeeFen === undefined) continue;
    const expected = expectedAmounts(line, period);
    if (!expected) continue;
    const sides: ['employer' | 'employee', Fen | undefined, Fen][] = [
      ['employer', line.employerFen, expected.employerFen],
      ['employee', line.employeeFen, expected.employeeFen],
    ];
    for (const [side, declared, exp] of sides) {
      if (declared === undefined || Math.abs(declared - exp) <= 1) continue;
      out.push({
        personId: group.personId,
        name: name(),
        month: group.month,
        insurance: line.insurance,
        side,
        declaredBaseFen: line.baseFen,
        expectedFen: exp,
        declaredAmountFen: declared,
        source: line.source,
      });
    }
  }
}
