// The computation of DOMAIN.md §6 from normalised rows to findings and amounts, in fen. It
// orchestrates the small rule modules (reconcile, basis, backPay, lateFee, declarationChecks,
// exemptions) and adds up their rounded results; every figure it returns points back to rows.
// Linear in the input: rows are grouped in Maps once, never searched.
import type { InsuranceCode } from '../domain/insurance';
import type { DeclarationLine, Estimation, Exemption, PayrollLine } from '../domain/lines';
import type { RatePlan } from '../domain/ratePlan';
import type {
  AmountDiscrepancy,
  BackPayRow,
  ComputeResult,
  ComputeWarning,
  MonthSummary,
  OverDeclared,
  PersonMonthRef,
  Totals,
} from '../domain/result';
import { makeBasisRule } from './basis';
import { personMonthAmounts } from './backPay';
import { ComputeError } from './computeError';
import { collectDiscrepancies, overDeclaredOf } from './declarationChecks';
import { emptyExemptionWarnings, makeExemptionLookup } from './exemptions';
import { makeEstimationLookup, type EstimatedBasis } from './estimation';
import { BEYOND_LOOK_BACK_NOTE, isBeyondLookBack, lookBackStart, lookBackWarning, type LookBackChoice } from './lookBack';
import { isBeforeSocialInsuranceLaw, lateFeeDays, lateFeeFor, SOCIAL_INSURANCE_LAW_MONTH } from './lateFee';
import { assertFen, decimalFrom } from './money';
import { formatChineseMonth, isIsoDate, isMonth, monthRange, type IsoDate, type Month } from './month';
import { describeMonths, periodsForMonths } from './planRates';
import { dueDate } from './ratePlan';
import {
  byMonthThenPerson,
  compareSources,
  groupDeclarations,
  type DeclarationGroup,
  groupPayroll,
  largestDeclaredBase,
  monthSets,
  nameOf,
  sortedSources,
} from './reconcile';

export { ComputeError } from './computeError';

export interface ComputeInput {
  plan: RatePlan;
  /** First and last month of the audit period, inclusive. */
  from: Month;
  to: Month;
  /** The day of payment or of the calculation: late fees run up to it. */
  asOf: IsoDate;
  /** Every loaded payroll row, also outside the audit period (the annual rule needs them). */
  payroll: readonly PayrollLine[];
  declarations: readonly DeclarationLine[];
  exemptions?: readonly Exemption[];
  /** The auditor's estimations (核定, DOMAIN.md §13). */
  estimations?: readonly Estimation[];
  /** The auditor's choice for months beyond the plan's look-back (default include, flagged). */
  beyondLookBack?: LookBackChoice;
}

export function compute(input: ComputeInput): ComputeResult {
  const { plan, from, to, asOf } = input;
  if (!isMonth(from) || !isMonth(to)) throw new ComputeError(`稽核期间的月份无效：${from}～${to}（应为 YYYY-MM）`);
  if (from > to) throw new ComputeError(`稽核期间的结束月（${formatChineseMonth(to)}）早于开始月（${formatChineseMonth(from)}）`);
  if (!isIsoDate(asOf)) throw new ComputeError(`计算截止日期无效：${asOf}（应为 YYYY-MM-DD）`);

  const months = monthRange(from, to);
  const periods = periodsForMonths(plan, months);
  const dailyRate = decimalFrom(plan.lateFeeDailyRate);
  const payroll = groupPayroll(input.payroll);
  const declarations = groupDeclarations(input.declarations, from, to);
  const basisRule = makeBasisRule(plan.baseRule, payroll);
  const exemptionOf = makeExemptionLookup(input.exemptions);
  const estimations = makeEstimationLookup(plan, input.estimations, declarations);
  const lookBackFrom = lookBackStart(plan, asOf);
  const lookBackChoice = input.beyondLookBack ?? 'include';
  const beyondLookBack: BackPayRow[] = [];

  const rows: BackPayRow[] = [];
  const exempted: BackPayRow[] = [];
  const summaries: MonthSummary[] = [];
  const payrollOnly: PersonMonthRef[] = [];
  const declaredOnly: PersonMonthRef[] = [];
  const overDeclared: OverDeclared[] = [];
  const discrepancies: AmountDiscrepancy[] = [];
  const byInsurance: Partial<Record<InsuranceCode, { employerFen: number; employeeFen: number }>> = {};

  for (const month of months) {
    const period = periods.get(month)!;
    // every insurance of the plan in the audit period appears, with 0.00 when nothing is owed
    for (const ins of period.insurances) byInsurance[ins.code] ??= { employerFen: 0, employeeFen: 0 };
    const due = dueDate(plan, month);
    const days = lateFeeDays(due, asOf);
    const sets = monthSets(month, payroll, declarations);
    const declOfMonth = declarations.get(month);
    const summary: MonthSummary = {
      month,
      payrollHeadcount: sets.paid.length,
      declaredHeadcount: sets.declared.length,
      matched: sets.matched,
      payrollOnly: sets.payrollOnly.length,
      declaredOnly: sets.declaredOnly.length,
      grossFen: 0,
      declaredBaseFen: 0,
      shortfallFen: 0,
      backPayFen: 0,
      lateFeeFen: 0,
      rows: 0,
    };

    for (const d of sets.declared) {
      summary.declaredBaseFen += largestDeclaredBase(d);
      collectDiscrepancies(discrepancies, d, () => nameOf(payroll.get(month)?.get(d.personId)?.lines ?? []) || nameOf(d.lines), period);
    }
    for (const d of sets.declaredOnly) {
      declaredOnly.push({ personId: d.personId, name: nameOf(d.lines), month, sources: sortedSources(d.lines) });
    }

    /** One person-month: its amounts, and a row (or an exempted row) when something is owed. */
    const consider = (personId: string, name: string, decl: DeclarationGroup | undefined, basis: { fen: number; note: string }, estimated: EstimatedBasis | null, payrollSources: BackPayRow['payrollSources'], payrollOnlyRow: boolean) => {
      const amounts = personMonthAmounts(period, basis.fen, decl);
      if (!amounts) return;
      if (decl) overDeclared.push(...overDeclaredOf(decl, name, amounts.insurances));
      if (amounts.totalFen <= 0) return;

      const fee = lateFeeFor(amounts.totalFen, days, dailyRate, plan.lateFeeCap);
      const exemption = exemptionOf(personId, month);
      const row: BackPayRow = {
        personId,
        name,
        month,
        payrollOnly: payrollOnlyRow,
        basisFen: basis.fen,
        basisNote: basis.note,
        planPeriod: period.label,
        insurances: amounts.insurances,
        employerFen: amounts.employerFen,
        employeeFen: amounts.employeeFen,
        totalFen: amounts.totalFen,
        dueDate: due,
        lateFeeDays: fee.days,
        lateFeeFen: fee.fen,
        lateFeeCapped: fee.capped,
        payrollSources,
        declarationSources: decl ? sortedSources(decl.lines) : [],
      };
      if (estimated) row.estimated = { rule: estimated.rule, legalBasis: estimated.legalBasis, reason: estimated.reason };
      if (exemption) {
        row.exemption = exemption.note === undefined ? { reason: exemption.reason } : { reason: exemption.reason, note: exemption.note };
        exempted.push(row);
        return;
      }
      if (isBeyondLookBack(lookBackFrom, month)) {
        beyondLookBack.push(row);
        if (lookBackChoice === 'exclude') {
          row.exemption = { reason: 'other', note: BEYOND_LOOK_BACK_NOTE };
          exempted.push(row);
          return;
        }
      }
      rows.push(row);
      summary.rows++;
      summary.shortfallFen += amounts.maxShortfallFen;
      summary.backPayFen += row.totalFen;
      summary.lateFeeFen += row.lateFeeFen;
      for (const l of row.insurances) {
        const acc = byInsurance[l.code]!;
        acc.employerFen += l.employerFen;
        acc.employeeFen += l.employeeFen;
      }
    };

    for (const p of sets.paid) {
      summary.grossFen += p.grossFen;
      const decl = declOfMonth?.get(p.personId);
      const name = nameOf(p.lines) || (decl ? nameOf(decl.lines) : '');
      if (!decl) payrollOnly.push({ personId: p.personId, name, month, sources: sortedSources(p.lines) });
      const estimation = estimations.covers(p.personId, month);
      const estimated = estimation ? estimations.basisFor(p.personId, month, estimation) : null;
      consider(p.personId, name, decl, estimated ?? basisRule.basisFor(p.personId, month, p.grossFen), estimated, sortedSources(p.lines), !decl);
    }
    // Declared but without pay in the payroll: estimated person-months are charged on the
    // estimation base (the payroll is what was judged missing); the others are never back-paid.
    for (const d of sets.declaredOnly) {
      const estimation = estimations.covers(d.personId, month);
      const estimated = estimation ? estimations.basisFor(d.personId, month, estimation) : null;
      if (estimated) consider(d.personId, nameOf(d.lines), d, estimated, estimated, [], false);
    }
    summaries.push(summary);
  }

  rows.sort(byMonthThenPerson);
  exempted.sort(byMonthThenPerson);
  payrollOnly.sort(byMonthThenPerson);
  declaredOnly.sort(byMonthThenPerson);
  overDeclared.sort((a, b) => byMonthThenPerson(a, b) || insuranceOrder(a.insurance) - insuranceOrder(b.insurance));
  discrepancies.sort((a, b) => byMonthThenPerson(a, b) || compareSources(a.source, b.source) || (a.side < b.side ? -1 : a.side > b.side ? 1 : 0));

  return {
    from,
    to,
    asOf,
    planName: plan.name,
    months: summaries,
    rows,
    exempted,
    totals: totalsOf(rows),
    byInsurance,
    payrollOnly,
    declaredOnly,
    overDeclared,
    discrepancies,
    warnings: [...basisRule.warnings(), ...pre2011Warning(rows), ...emptyExemptionWarnings(input.exemptions), ...estimations.warnings(), ...lookBackWarning(plan, lookBackFrom, beyondLookBack, lookBackChoice)],
  };
}

/** Totals are sums of the rows' rounded amounts (DOMAIN.md §6). */
export function totalsOf(rows: readonly BackPayRow[]): Totals {
  let employerFen = 0;
  let employeeFen = 0;
  let lateFeeFen = 0;
  for (const r of rows) {
    employerFen += r.employerFen;
    employeeFen += r.employeeFen;
    lateFeeFen += r.lateFeeFen;
  }
  const backPayFen = employerFen + employeeFen;
  return {
    employerFen: assertFen(employerFen, '单位补缴合计'),
    employeeFen: assertFen(employeeFen, '个人补缴合计'),
    backPayFen,
    lateFeeFen: assertFen(lateFeeFen, '滞纳金合计'),
    totalFen: assertFen(backPayFen + lateFeeFen, '合计'),
  };
}

const INSURANCE_ORDER: readonly InsuranceCode[] = ['pension', 'medical', 'maternity', 'unemployment', 'injury', 'supplementary-medical'];
function insuranceOrder(code: InsuranceCode): number {
  return INSURANCE_ORDER.indexOf(code);
}

/** Arrears from before 2011-07 fell under another rule and rate: the auditor must decide. */
function pre2011Warning(rows: readonly BackPayRow[]): ComputeWarning[] {
  const months = [...new Set(rows.filter((r) => isBeforeSocialInsuranceLaw(r.month)).map((r) => r.month))].sort();
  if (months.length === 0) return [];
  return [
    {
      code: 'pre-2011-arrears',
      message: `${describeMonths(months)}的欠费发生在社会保险法施行（${formatChineseMonth(SOCIAL_INSURANCE_LAW_MONTH)}）之前，当时适用《社会保险费征缴暂行条例》（滞纳金日费率千分之二，部分地区不收取）。本次按缴费政策的日费率计算，请核实后处理。`,
      months,
    },
  ];
}
