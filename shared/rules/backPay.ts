// Back-contribution of one person-month (DOMAIN.md §6.2–6.3): the due base is the basis wage
// clamped to each insurance's [floor, ceiling]; the shortfall against the declared base is
// multiplied by the rates and rounded half-up to the fen, per insurance and side; the row total
// is the sum of those rounded amounts.
import type { InsuranceLine } from '../domain/result';
import { declaredBaseFor, type DeclarationGroup } from './reconcile';
import { mulRoundHalfUp, type Fen } from './money';
import type { CompiledInsurance, CompiledPeriod } from './planRates';

export function clampBase(basisFen: Fen, floorFen: Fen, ceilingFen: Fen): Fen {
  return Math.min(Math.max(basisFen, floorFen), ceilingFen);
}

export function insuranceLine(ins: CompiledInsurance, basisFen: Fen, declaredBaseFen: Fen): InsuranceLine {
  const dueBaseFen = clampBase(basisFen, ins.floorFen, ins.ceilingFen);
  // A net negative declared base (corrections outweighing the declaration) counts as nothing
  // declared: the shortfall never exceeds the due base.
  const shortfallFen = Math.max(0, dueBaseFen - Math.max(0, declaredBaseFen));
  return {
    code: ins.code,
    name: ins.name,
    employerRate: ins.employerRateText,
    employeeRate: ins.employeeRateText,
    floorFen: ins.floorFen,
    ceilingFen: ins.ceilingFen,
    dueBaseFen,
    declaredBaseFen,
    shortfallFen,
    employerFen: shortfallFen === 0 ? 0 : mulRoundHalfUp(shortfallFen, [ins.employerRate]),
    employeeFen: shortfallFen === 0 ? 0 : mulRoundHalfUp(shortfallFen, [ins.employeeRate]),
  };
}

export interface PersonMonthAmounts {
  insurances: InsuranceLine[];
  employerFen: Fen;
  employeeFen: Fen;
  /** employer + employee: the row total, a sum of rounded amounts. */
  totalFen: Fen;
  /** The largest shortfall over the insurances (the month summary's "pension-equivalent"). */
  maxShortfallFen: Fen;
}

/**
 * Amounts for every insurance of the period; totalFen > 0 makes the person-month a row. Most
 * person-months of a large file owe nothing, so those are recognised first without building
 * the per-insurance lines (`null`: no shortfall and no over-declared base anywhere).
 */
export function personMonthAmounts(period: CompiledPeriod, basisFen: Fen, declared: DeclarationGroup | undefined): PersonMonthAmounts | null {
  let differs = false;
  for (const ins of period.insurances) {
    if (clampBase(basisFen, ins.floorFen, ins.ceilingFen) !== declaredBaseFor(declared, ins.code)) {
      differs = true;
      break;
    }
  }
  if (!differs) return null;
  const insurances: InsuranceLine[] = [];
  let employerFen = 0;
  let employeeFen = 0;
  let maxShortfallFen = 0;
  for (const ins of period.insurances) {
    const line = insuranceLine(ins, basisFen, declaredBaseFor(declared, ins.code));
    insurances.push(line);
    employerFen += line.employerFen;
    employeeFen += line.employeeFen;
    if (line.shortfallFen > maxShortfallFen) maxShortfallFen = line.shortfallFen;
  }
  return { insurances, employerFen, employeeFen, totalFen: employerFen + employeeFen, maxShortfallFen };
}
