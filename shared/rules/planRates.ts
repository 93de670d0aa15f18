// The rate plan as the computation uses it: for each audit month, the plan period that covers
// it with rates as exact decimals and floors/ceilings in fen, prepared once per period so the
// per-person loop never converts a float.
import type { InsuranceCode } from '../domain/insurance';
import type { PlanPeriod, RatePlan } from '../domain/ratePlan';
import { ComputeError } from './computeError';
import { decimalFrom, decimalToString, fenFromYuanNumber, type Decimal, type Fen } from './money';
import { addMonths, formatChineseMonth, type Month } from './month';
import { periodLabel } from './ratePlan';

export interface CompiledInsurance {
  code: InsuranceCode;
  name: string;
  employerRate: Decimal;
  employeeRate: Decimal;
  /** The rates as exact decimal text ("0.16"), for documents. */
  employerRateText: string;
  employeeRateText: string;
  floorFen: Fen;
  ceilingFen: Fen;
}

export interface CompiledPeriod {
  from: Month;
  to: Month;
  /** "2024-01～2024-12". */
  label: string;
  insurances: CompiledInsurance[];
}

export function compilePeriod(period: PlanPeriod): CompiledPeriod {
  return {
    from: period.from,
    to: period.to,
    label: periodLabel(period),
    insurances: period.insurances.map((i) => {
      const employerRate = decimalFrom(i.employerRate);
      const employeeRate = decimalFrom(i.employeeRate);
      return {
        code: i.code,
        name: i.name,
        employerRate,
        employeeRate,
        employerRateText: decimalToString(employerRate),
        employeeRateText: decimalToString(employeeRate),
        floorFen: fenFromYuanNumber(i.floor),
        ceilingFen: fenFromYuanNumber(i.ceiling),
      };
    }),
  };
}

/**
 * The compiled period for every month in `months`. A month that no period covers is an error
 * (DOMAIN.md §5): the computation cannot guess rates.
 */
export function periodsForMonths(plan: RatePlan, months: readonly Month[]): Map<Month, CompiledPeriod> {
  const compiled = new Map<PlanPeriod, CompiledPeriod>();
  const out = new Map<Month, CompiledPeriod>();
  const missing: Month[] = [];
  for (const m of months) {
    const period = plan.periods.find((p) => p.from <= m && m <= p.to);
    if (!period) {
      missing.push(m);
      continue;
    }
    let c = compiled.get(period);
    if (!c) {
      c = compilePeriod(period);
      compiled.set(period, c);
    }
    out.set(m, c);
  }
  if (missing.length > 0) {
    throw new ComputeError(
      `缴费政策“${plan.name}”没有覆盖稽核期间的以下月份：${describeMonths(missing)}。请在缴费政策中补充这些月份的费率和基数上下限。`,
      missing,
    );
  }
  return out;
}

/** "2010年1月～2010年6月、2012年3月": consecutive months joined into spans. */
export function describeMonths(months: readonly Month[]): string {
  const spans: string[] = [];
  let start: Month | undefined;
  let prev: Month | undefined;
  const flush = () => {
    if (start === undefined || prev === undefined) return;
    spans.push(start === prev ? formatChineseMonth(start) : `${formatChineseMonth(start)}～${formatChineseMonth(prev)}`);
  };
  for (const m of [...months].sort()) {
    if (prev !== undefined && addMonths(prev, 1) === m) {
      prev = m;
      continue;
    }
    flush();
    start = m;
    prev = m;
  }
  flush();
  return spans.join('、');
}

