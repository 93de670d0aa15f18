// Who is where in each month (DOMAIN.md §6.1): payroll rows and declaration rows are added up
// per person-month, then compared. P(M) = persons with gross > 0 after adding up; D(M) = persons
// with any declaration row. Grouping is by month, then person, in Maps: linear in the rows.
import { INSURANCE_CODES, type InsuranceCode } from '../domain/insurance';
import type { DeclarationLine, PayrollLine, SourceRef } from '../domain/lines';
import type { Fen } from './money';
import type { Month } from './month';

export interface PayrollGroup {
  personId: string;
  month: Month;
  /** Sum of the gross pay of every row of the person-month. */
  grossFen: Fen;
  lines: PayrollLine[];
}

export interface DeclarationGroup {
  personId: string;
  month: Month;
  /** Sum of bases of rows without an insurance type: they count for every insurance. */
  untypedBaseFen: Fen;
  /**
   * Sum of bases per insurance type for rows that name one, indexed like INSURANCE_CODES
   * (a fixed-size array keeps millions of groups cheap); `typedMask` bit k = type k was declared.
   */
  typedBaseFen: Fen[];
  typedMask: number;
  lines: DeclarationLine[];
}

const INSURANCE_INDEX = Object.fromEntries(INSURANCE_CODES.map((c, k) => [c, k])) as Record<InsuranceCode, number>;
const NO_TYPED_BASES: readonly Fen[] = INSURANCE_CODES.map(() => 0);

/** month → personId → group. */
export type ByMonth<G> = Map<Month, Map<string, G>>;

/** Every payroll row, in or out of the audit period (the annual rule reads the year before). */
export function groupPayroll(lines: readonly PayrollLine[]): ByMonth<PayrollGroup> {
  const out: ByMonth<PayrollGroup> = new Map();
  for (const line of lines) {
    let persons = out.get(line.month);
    if (!persons) {
      persons = new Map();
      out.set(line.month, persons);
    }
    const g = persons.get(line.personId);
    if (g) {
      g.grossFen += line.grossFen;
      g.lines.push(line);
    } else {
      persons.set(line.personId, { personId: line.personId, month: line.month, grossFen: line.grossFen, lines: [line] });
    }
  }
  return out;
}

/** Declaration rows of the months `from`…`to`, added up per person-month and insurance type. */
export function groupDeclarations(lines: readonly DeclarationLine[], from: Month, to: Month): ByMonth<DeclarationGroup> {
  const out: ByMonth<DeclarationGroup> = new Map();
  for (const line of lines) {
    if (line.month < from || line.month > to) continue;
    let persons = out.get(line.month);
    if (!persons) {
      persons = new Map();
      out.set(line.month, persons);
    }
    let g = persons.get(line.personId);
    if (!g) {
      g = { personId: line.personId, month: line.month, untypedBaseFen: 0, typedBaseFen: NO_TYPED_BASES.slice(), typedMask: 0, lines: [] };
      persons.set(line.personId, g);
    }
    g.lines.push(line);
    if (line.insurance === null) g.untypedBaseFen += line.baseFen;
    else {
      const k = INSURANCE_INDEX[line.insurance];
      g.typedBaseFen[k] = (g.typedBaseFen[k] as Fen) + line.baseFen;
      g.typedMask |= 1 << k;
    }
  }
  return out;
}

/** Declared base of insurance `code`: rows of that type plus rows without a type (§6.3). */
export function declaredBaseFor(group: DeclarationGroup | undefined, code: InsuranceCode): Fen {
  if (!group) return 0;
  return (group.typedBaseFen[INSURANCE_INDEX[code]] as Fen) + group.untypedBaseFen;
}

/** A person's declared base for the month summary: the largest over the types declared. */
export function largestDeclaredBase(group: DeclarationGroup): Fen {
  let best: Fen | undefined;
  for (let k = 0; k < INSURANCE_CODES.length; k++) {
    if ((group.typedMask & (1 << k)) === 0) continue;
    const base = (group.typedBaseFen[k] as Fen) + group.untypedBaseFen;
    if (best === undefined || base > best) best = base;
  }
  return best ?? group.untypedBaseFen;
}

export interface MonthSets {
  month: Month;
  /** P(M): gross > 0 after adding up. */
  paid: PayrollGroup[];
  /** D(M): any declaration row. */
  declared: DeclarationGroup[];
  matched: number;
  /** P − D: 未参保/漏报. */
  payrollOnly: PayrollGroup[];
  /** D − P: 在保不在册, never back-paid. */
  declaredOnly: DeclarationGroup[];
}

export function monthSets(month: Month, payroll: ByMonth<PayrollGroup>, declarations: ByMonth<DeclarationGroup>): MonthSets {
  const pay = payroll.get(month) ?? new Map<string, PayrollGroup>();
  const decl = declarations.get(month) ?? new Map<string, DeclarationGroup>();
  const paid: PayrollGroup[] = [];
  const payrollOnly: PayrollGroup[] = [];
  let matched = 0;
  for (const g of pay.values()) {
    if (g.grossFen <= 0) continue;
    paid.push(g);
    if (decl.has(g.personId)) matched++;
    else payrollOnly.push(g);
  }
  const declared = [...decl.values()];
  const declaredOnly = declared.filter((d) => {
    const p = pay.get(d.personId);
    return !p || p.grossFen <= 0;
  });
  return { month, paid, declared, matched, payrollOnly, declaredOnly };
}

/** Order of source rows on documents: file, sheet, row. */
export function compareSources(a: SourceRef, b: SourceRef): number {
  if (a.fileId !== b.fileId) return a.fileId - b.fileId;
  if (a.fileName !== b.fileName) return a.fileName < b.fileName ? -1 : 1;
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  return a.row - b.row;
}

/** The sources of some rows, in document order (independent of the order rows were given). */
export function sortedSources(lines: readonly { source: SourceRef }[]): SourceRef[] {
  return lines.map((l) => l.source).sort(compareSources);
}

/** The name shown for a person-month: the first non-empty name in source order. */
export function nameOf(lines: readonly { name: string; source: SourceRef }[]): string {
  let best: { name: string; source: SourceRef } | undefined;
  for (const l of lines) {
    const name = l.name.trim();
    if (name === '') continue;
    if (!best || compareSources(l.source, best.source) < 0) best = { name, source: l.source };
  }
  return best?.name ?? '';
}

/** Orders person-month records by month, then person ID (plain code-unit order, stable). */
export function byMonthThenPerson(a: { month: Month; personId: string }, b: { month: Month; personId: string }): number {
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  if (a.personId !== b.personId) return a.personId < b.personId ? -1 : 1;
  return 0;
}
