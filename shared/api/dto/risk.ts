// DTOs of risk screening (DOMAIN.md §10.2): the industry average-wage table, the versioned
// weights and thresholds, and an employer's screened row (indicators, score, computed and
// effective tier, the override with its reason).
import { z } from 'zod';
import { RiskParamsSchema } from '../../rules/riskScreening';
import { DrawTierSchema } from './office';

export const IndustryWageSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  industry: z.string(),
  /** '' = the whole area (used when the employer's region has no row of its own). */
  region: z.string(),
  averageMonthlyFen: z.number().int(),
  source: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type IndustryWage = z.infer<typeof IndustryWageSchema>;

export const IndustryWageInputSchema = z.object({
  id: z.number().int().positive().optional(),
  year: z.number().int().min(1990, '年度不合理').max(2200, '年度不合理'),
  industry: z.string().trim().min(1, '请填写行业'),
  region: z.string().trim(),
  /** Yuan as typed ("6500" or "6,500.00"); converted to fen exactly by the backend. */
  averageMonthly: z.string().trim().min(1, '请填写月平均工资'),
  source: z.string().trim(),
});
export type IndustryWageInput = z.infer<typeof IndustryWageInputSchema>;

export const RiskParamsVersionSchema = z.object({ version: z.number().int(), params: RiskParamsSchema, createdAt: z.string().nullable(), createdBy: z.string().nullable() });
export type RiskParamsVersion = z.infer<typeof RiskParamsVersionSchema>;

export const RiskIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  value: z.string(),
  threshold: z.string(),
  triggered: z.boolean(),
  contribution: z.number().int(),
  weight: z.number().int(),
  note: z.string(),
});

export const RiskOverrideSchema = z.object({ tier: DrawTierSchema, reason: z.string(), by: z.string(), at: z.string() });

export const RiskRowSchema = z.object({
  employerId: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  industry: z.string(),
  region: z.string(),
  active: z.boolean(),
  year: z.number().int(),
  paramsVersion: z.number().int(),
  score: z.number().int(),
  computedTier: DrawTierSchema,
  /** The override's tier when there is one, else the computed tier. */
  tier: DrawTierSchema,
  override: RiskOverrideSchema.nullable(),
  indicators: z.array(RiskIndicatorSchema),
});
export type RiskRow = z.infer<typeof RiskRowSchema>;
