// The rate plan exchange format (DOMAIN.md §5). Rates, floors and ceilings differ by region and
// year, so they are data the user loads, validated here with messages an auditor can act on.
import { z } from 'zod';
import { InsuranceCodeSchema } from './insurance';
import { isMonth } from '../rules/month';

const month = z.string().refine(isMonth, { message: '应为 YYYY-MM 形式的月份' });
const rate = z.number({ message: '费率应为数字（如 0.16 表示 16%）' }).min(0, '费率不能为负').max(1, '费率不能超过 1（100%）');
// A floor or ceiling in yuan; it must convert to whole fen exactly (fenFromYuanNumber).
const yuan = z
  .number({ message: '应为金额数字（元）' })
  .min(0, '金额不能为负')
  .max(100_000_000, '金额不合理（超过 1 亿元）')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数');

export const PlanInsuranceSchema = z
  .object({
    code: InsuranceCodeSchema,
    name: z.string().min(1, '险种名称不能为空'),
    employerRate: rate,
    employeeRate: rate,
    floor: yuan,
    ceiling: yuan,
  })
  .refine((i) => i.ceiling >= i.floor, { message: '缴费基数上限不能低于下限', path: ['ceiling'] });

export const PlanPeriodSchema = z
  .object({
    from: month,
    to: month,
    insurances: z.array(PlanInsuranceSchema).min(1, '每个期间至少要有一个险种'),
  })
  // Only when both are months: a malformed month already has its own error.
  .refine((p) => !isMonth(p.from) || !isMonth(p.to) || p.to >= p.from, { message: '期间的结束月不能早于开始月', path: ['to'] })
  .refine((p) => new Set(p.insurances.map((i) => i.code)).size === p.insurances.length, {
    message: '同一期间内险种重复',
    path: ['insurances'],
  });

// The estimation base (核定, DOMAIN.md §13): what base a person-month gets when the payroll is
// missing or unusable — a rule the plan sets, with its legal basis printed on every document.
const legalBasis = z.string({ message: '应写明法律依据（如《社会保险法》第六十二条）' }).trim().min(1, '法律依据不能为空');
export const EstimationBaseSchema = z.discriminatedUnion(
  'rule',
  [
    z.object({
      rule: z.literal('average-wage'),
      legalBasis,
      /** The region's average monthly wage (yuan), by month span: e.g. the previous year's figure. */
      averageWages: z
        .array(z.object({ from: month, to: month, monthly: yuan.refine((v) => v > 0, '月平均工资应大于 0') }).refine((a) => !isMonth(a.from) || !isMonth(a.to) || a.to >= a.from, { message: '结束月不能早于开始月', path: ['to'] }))
        .min(1, '至少要有一段月平均工资'),
    }),
    z.object({
      rule: z.literal('last-declared'),
      legalBasis,
      /** Percent of the person's last declared base (110 = 110 %), rounded half-up to the fen. */
      percent: z.number({ message: '应为百分数（如 110）' }).min(1, '不能小于 1').max(1000, '不能超过 1000').refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '最多两位小数'),
    }),
  ],
  { message: '核定规则应为 "average-wage"（地区平均工资）或 "last-declared"（最近申报基数的百分比）' },
);
export type EstimationBase = z.infer<typeof EstimationBaseSchema>;

export const RatePlanSchema = z
  .object({
    name: z.string().min(1, '方案名称不能为空'),
    region: z.string().min(1, '地区不能为空'),
    lateFeeDailyRate: z.number({ message: '滞纳金日费率应为数字（如 0.0005 表示每日万分之五）' }).min(0, '滞纳金日费率不能为负').max(0.01, '滞纳金日费率不合理（超过 1%）'),
    lateFeeCap: z.enum(['none', 'principal'], { message: '只能是 "none" 或 "principal"' }),
    due: z.object({
      monthOffset: z.number({ message: '应为 0–12 的整数' }).int('应为整数').min(0, '不能小于 0').max(12, '不能大于 12'),
      day: z.union([z.number().int('应为整数').min(1).max(31), z.literal('last')], { message: '应为 1–31 的日期或 "last"' }),
    }),
    baseRule: z.discriminatedUnion(
      'kind',
      [
        z.object({ kind: z.literal('monthly') }),
        z.object({ kind: z.literal('annual'), yearStartMonth: z.union([z.literal(1), z.literal(7)], { message: '年度起始月只能是 1 或 7' }) }),
      ],
      { message: '基数规则应为 {"kind":"monthly"} 或 {"kind":"annual","yearStartMonth":1 或 7}' },
    ),
    periods: z.array(PlanPeriodSchema).min(1, '至少要有一个期间'),
    /** Free text shown on every screen and document that uses the plan, e.g. "示例，非真实政策". */
    note: z.string().optional(),
    example: z.boolean().optional(),
    /** 核定 (DOMAIN.md §13): absent = the plan allows no estimation. */
    estimation: EstimationBaseSchema.optional(),
    /** Months of look-back before the as-of date (DOMAIN.md §13); absent = no limit. */
    lookBackMonths: z.number({ message: '应为月数（整数）' }).int('应为整数').min(1, '不能小于 1').max(600, '不能超过 600').optional(),
  })
  .superRefine((plan, ctx) => {
    // Sorted by start; each period is compared with the one reaching furthest so far, so a short
    // period nested inside a long one is caught even when another period sits between them.
    const sorted = plan.periods.map((p, index) => ({ ...p, index })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
    let reach: (typeof sorted)[number] | undefined;
    for (const cur of sorted) {
      if (reach && cur.from <= reach.to) {
        ctx.addIssue({
          code: 'custom',
          path: ['periods', cur.index, 'from'],
          message: `期间 ${cur.from}～${cur.to} 与期间 ${reach.from}～${reach.to} 重叠`,
        });
      }
      if (!reach || cur.to > reach.to) reach = cur;
    }
  });

export type RatePlan = z.infer<typeof RatePlanSchema>;
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;
export type PlanInsurance = z.infer<typeof PlanInsuranceSchema>;
