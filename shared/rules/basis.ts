// The basis wage a person's due base comes from (DOMAIN.md §6.2). "monthly": the gross pay of
// the month. "annual": the average monthly gross over the months with pay in the reference year
// (the calendar year before the one in which the month's contribution year starts), rounded
// half-up to the fen; a person without pay in that year (a new hire) takes the gross of their
// first paid month in the contribution year.
import type { ComputeWarning } from '../domain/result';
import type { RatePlan } from '../domain/ratePlan';
import type { ByMonth, PayrollGroup } from './reconcile';
import type { Fen } from './money';
import { addMonths, formatChineseMonth, makeMonth, monthParts, type Month } from './month';
import { describeMonths } from './planRates';

export interface Basis {
  fen: Fen;
  /** How it was found, for the schedule: "当月应发工资", "2023年月平均工资（12个月）", … */
  note: string;
}

export interface BasisRule {
  /** Basis wage of a person in P(M); `monthGrossFen` is their added-up gross of M. */
  basisFor(personId: string, month: Month, monthGrossFen: Fen): Basis;
  /** What the auditor must be told about the inputs the rule needed (missing reference years). */
  warnings(): ComputeWarning[];
}

/** First month of the contribution year that contains `month`. */
export function contributionYearStart(month: Month, yearStartMonth: 1 | 7): Month {
  const { year, month: mo } = monthParts(month);
  return makeMonth(mo >= yearStartMonth ? year : year - 1, yearStartMonth);
}

/** The calendar year whose wages set the base of `month`: the year before its contribution year starts. */
export function referenceYear(month: Month, yearStartMonth: 1 | 7): number {
  return monthParts(contributionYearStart(month, yearStartMonth)).year - 1;
}

/** round_half_up(sum / count) for a non-negative sum, in integers. */
export function averageHalfUp(sumFen: Fen, count: number): Fen {
  if (count <= 0) throw new RangeError('count must be positive');
  if (sumFen < 0) throw new RangeError('sum must be non-negative');
  const q = Math.floor(sumFen / count);
  const r = sumFen - q * count;
  return 2 * r >= count ? q + 1 : q;
}

const MONTHLY_NOTE = '当月应发工资';

export function makeBasisRule(rule: RatePlan['baseRule'], payroll: ByMonth<PayrollGroup>): BasisRule {
  switch (rule.kind) {
    case 'monthly':
      return { basisFor: (_p, _m, gross) => ({ fen: gross, note: MONTHLY_NOTE }), warnings: () => [] };
    case 'annual':
      return annualRule(rule.yearStartMonth, payroll);
    default: {
      const never: never = rule;
      throw new Error(`unknown base rule ${JSON.stringify(never)}`);
    }
  }
}

function annualRule(yearStartMonth: 1 | 7, payroll: ByMonth<PayrollGroup>): BasisRule {
  const loadedYears = new Set<number>();
  for (const [m, persons] of payroll) if (persons.size > 0) loadedYears.add(monthParts(m).year);
  // reference year → audit months whose base had to be found without it
  const missing = new Map<number, Set<Month>>();
  const averages = new Map<string, { sumFen: Fen; months: number }>();

  const grossOf = (personId: string, m: Month): Fen => payroll.get(m)?.get(personId)?.grossFen ?? 0;

  const yearAverage = (personId: string, year: number) => {
    const key = `${personId}|${year}`;
    let a = averages.get(key);
    if (!a) {
      a = { sumFen: 0, months: 0 };
      for (let mo = 1; mo <= 12; mo++) {
        const g = grossOf(personId, makeMonth(year, mo));
        if (g > 0) {
          a.sumFen += g;
          a.months++;
        }
      }
      averages.set(key, a);
    }
    return a;
  };

  return {
    basisFor(personId, month, monthGrossFen) {
      const start = contributionYearStart(month, yearStartMonth);
      const refYear = monthParts(start).year - 1;
      if (!loadedYears.has(refYear)) {
        let set = missing.get(refYear);
        if (!set) missing.set(refYear, (set = new Set()));
        set.add(month);
      }
      const avg = yearAverage(personId, refYear);
      if (avg.months > 0) {
        return { fen: averageHalfUp(avg.sumFen, avg.months), note: `${refYear}年月平均工资（${avg.months}个月）` };
      }
      // New hire: the first month with pay in the contribution year (M itself at the latest).
      for (let m = start; m <= month; m = addMonths(m, 1)) {
        const g = m === month ? monthGrossFen : grossOf(personId, m);
        if (g > 0) return { fen: g, note: `${refYear}年无工资记录，按${formatChineseMonth(m)}应发工资（新入职）` };
      }
      return { fen: monthGrossFen, note: MONTHLY_NOTE };
    },
    warnings() {
      return [...missing.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, months]) => {
          const list = [...months].sort();
          return {
            code: 'reference-year-missing' as const,
            message: `未导入${year}年的工资表：${describeMonths(list)}的缴费基数应按${year}年月平均工资核定，现只能按各人在缴费年度内首个发薪月的工资计算。请补充导入${year}年工资表后重新计算。`,
            months: list,
          };
        });
    },
  };
}
