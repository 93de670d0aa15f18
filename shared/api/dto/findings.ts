// Data shapes of the working papers (issue 4 items 1–3): a finding's derivation, the what-if
// comparison and the sign-off state as the screens need them. Money is a two-decimal string.
import { z } from 'zod';
import { MoneySchema } from '../money';
import { ApprovalStatusSchema, IsoDateSchema, ResultInsuranceLineSchema, TotalsSchema, UserSchema, WhatIfBaseRuleSchema, WhatIfLateFeeCapSchema } from '../dto';
import { InsuranceCodeSchema } from '../../domain/insurance';

const sourceRef = z.object({ fileId: z.number().int(), fileName: z.string(), sheet: z.string(), row: z.number().int() });

export const DerivationStepSchema = z.object({ label: z.string(), text: z.string() });

export const FindingDerivationSchema = z.object({
  key: z.string(),
  kind: z.enum(['payroll-only', 'under-declared', 'declared-only', 'over-declared', 'discrepancy']),
  kindName: z.string(),
  personId: z.string(),
  name: z.string(),
  month: z.string(),
  asOf: IsoDateSchema,
  planName: z.string(),
  /** The plan period applied, e.g. "2024-01～2024-12"; null when the month is outside the plan. */
  planPeriod: z.string().nullable(),
  basis: MoneySchema.nullable(),
  basisNote: z.string().nullable(),
  /** Floor, ceiling, rates, due and declared base and the amounts per insurance (back-pay findings). */
  insurances: z.array(ResultInsuranceLineSchema),
  /** Over-declared insurances of the person-month. */
  overDeclared: z.array(z.object({ insurance: InsuranceCodeSchema, name: z.string(), dueBase: MoneySchema, declaredBase: MoneySchema })),
  total: MoneySchema.nullable(),
  lateFee: z
    .object({ dueDate: IsoDateSchema, days: z.number().int(), dailyRate: z.string(), cap: WhatIfLateFeeCapSchema, capped: z.boolean(), amount: MoneySchema })
    .nullable(),
  exemption: z.object({ reason: z.string(), note: z.string().optional() }).nullable(),
  steps: z.array(DerivationStepSchema),
  sources: z.array(sourceRef.extend({ side: z.enum(['payroll', 'declaration']) })),
});
export type FindingDerivation = z.infer<typeof FindingDerivationSchema>;

export const WhatIfInputSchema = z.object({
  caseId: z.number().int(),
  /** Another date to compare the case's figures at; without it, the case's own figures. */
  asOf: IsoDateSchema.optional(),
  whatIfAsOf: IsoDateSchema.optional(),
  lateFeeCap: WhatIfLateFeeCapSchema.optional(),
  baseRule: WhatIfBaseRuleSchema.optional(),
});

const scenario = z.object({
  asOf: IsoDateSchema,
  lateFeeCap: WhatIfLateFeeCapSchema,
  baseRule: WhatIfBaseRuleSchema,
  /** In Chinese, e.g. "按月（当月应发工资）" or "按年（上年度月平均工资，1月起）". */
  baseRuleName: z.string(),
  totals: TotalsSchema,
  rows: z.number().int(),
});

export const WhatIfComparisonSchema = z.object({
  current: scenario,
  whatIf: scenario,
  /** whatIf − current for each total (negative: less). */
  difference: TotalsSchema,
});
export type WhatIfComparison = z.infer<typeof WhatIfComparisonSchema>;

export const SignOffStateSchema = z.object({
  status: ApprovalStatusSchema,
  /** Display name of the approver (status.approvedBy is the username). */
  approvedByName: z.string().nullable(),
  /** Whoever made the latest import or judgment (shared/rules/signOff.ts). */
  preparer: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  me: UserSchema.nullable(),
  canApprove: z.boolean(),
  /** Why the current user cannot approve now, in Chinese; null when they can. */
  reason: z.string().nullable(),
});
export type SignOffState = z.infer<typeof SignOffStateSchema>;
