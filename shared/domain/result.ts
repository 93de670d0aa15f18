// What the computation of DOMAIN.md §6 produces, in fen. Everything a document prints is read
// from here, and everything here points back to the source rows it came from.
import type { Fen } from '../rules/money';
import type { IsoDate, Month } from '../rules/month';
import type { InsuranceCode } from './insurance';
import type { ExemptionReason, SourceRef } from './lines';

export interface MonthSummary {
  month: Month;
  payrollHeadcount: number; // |P(M)|
  declaredHeadcount: number; // |D(M)|
  matched: number; // |P ∩ D|
  payrollOnly: number; // |P − D|  未参保/漏报
  declaredOnly: number; // |D − P|  在保不在册
  grossFen: Fen; // sum of gross pay of P(M)
  /** Sum over persons of the declared base of D(M); a person's base is their largest per-insurance base. */
  declaredBaseFen: Fen;
  /** Sum of shortfalls of the rows of M (pension-equivalent: the largest shortfall per person-month). */
  shortfallFen: Fen;
  backPayFen: Fen;
  lateFeeFen: Fen;
  rows: number;
}

export interface InsuranceLine {
  code: InsuranceCode;
  name: string;
  employerRate: string; // exact decimal as in the plan, e.g. "0.16"
  employeeRate: string;
  floorFen: Fen;
  ceilingFen: Fen;
  dueBaseFen: Fen;
  declaredBaseFen: Fen;
  shortfallFen: Fen;
  employerFen: Fen;
  employeeFen: Fen;
}

/** One person-month with back-pay > 0 (DOMAIN.md §6.3), or an exempted one (kept visible). */
export interface BackPayRow {
  personId: string;
  name: string;
  month: Month;
  /** True when the person has no declaration at all in the month (未参保/漏报). */
  payrollOnly: boolean;
  /** The basis wage (6.2) before clamping. */
  basisFen: Fen;
  /** How the basis was found, in Chinese, e.g. "当月应发工资" or "2023年月平均工资（12个月）". */
  basisNote: string;
  /** The plan period applied: "2024-01～2024-12". */
  planPeriod: string;
  insurances: InsuranceLine[];
  employerFen: Fen;
  employeeFen: Fen;
  totalFen: Fen;
  dueDate: IsoDate;
  lateFeeDays: number;
  lateFeeFen: Fen;
  /** Late fee was cut to the principal (lateFeeCap "principal"). */
  lateFeeCapped: boolean;
  exemption?: { reason: ExemptionReason; note?: string };
  /** 核定 (DOMAIN.md §13): the basis is the plan's estimation base, not the wage. */
  estimated?: { rule: string; legalBasis: string; reason: string };
  payrollSources: SourceRef[];
  declarationSources: SourceRef[];
}

export interface PersonMonthRef {
  personId: string;
  name: string;
  month: Month;
  sources: SourceRef[];
}

export interface OverDeclared {
  personId: string;
  name: string;
  month: Month;
  insurance: InsuranceCode;
  dueBaseFen: Fen;
  declaredBaseFen: Fen;
  sources: SourceRef[];
}

export interface AmountDiscrepancy {
  personId: string;
  name: string;
  month: Month;
  insurance: InsuranceCode | null;
  side: 'employer' | 'employee';
  declaredBaseFen: Fen;
  expectedFen: Fen;
  declaredAmountFen: Fen;
  source: SourceRef;
}

export interface Totals {
  employerFen: Fen;
  employeeFen: Fen;
  backPayFen: Fen;
  lateFeeFen: Fen;
  totalFen: Fen;
}

export interface ComputeWarning {
  code: 'reference-year-missing' | 'pre-2011-arrears' | 'month-not-in-plan' | 'empty-exemption' | 'estimation-unavailable' | 'beyond-look-back' | 'other';
  message: string;
  months?: Month[];
}

export interface ComputeResult {
  from: Month;
  to: Month;
  asOf: IsoDate;
  planName: string;
  months: MonthSummary[];
  /** Rows with back-pay > 0, sorted by month then person; exempted person-months are in `exempted`. */
  rows: BackPayRow[];
  exempted: BackPayRow[];
  totals: Totals;
  byInsurance: Partial<Record<InsuranceCode, { employerFen: Fen; employeeFen: Fen }>>;
  payrollOnly: PersonMonthRef[];
  declaredOnly: PersonMonthRef[];
  overDeclared: OverDeclared[];
  discrepancies: AmountDiscrepancy[];
  warnings: ComputeWarning[];
}
