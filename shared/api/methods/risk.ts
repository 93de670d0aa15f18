// Contract methods of risk screening (DOMAIN.md §10.2): the industry average-wage table (edit,
// import through the messy-file importer, template), the versioned weights and thresholds, the
// ranked list of employers for a year, one employer's indicators, and the section head's override.
import { z } from 'zod';
import { ImportReportSchema } from '../../domain/importReport';
import { RiskParamsSchema } from '../../rules/riskScreening';
import { DrawTierSchema } from '../dto/office';
import { IndustryWageInputSchema, IndustryWageSchema, RiskParamsVersionSchema, RiskRowSchema } from '../dto/risk';
import { BytesSchema, IdSchema, method } from '../methodKit';

const reason = z.string().trim().min(1, '请写明原因');
const year = z.number().int().min(2000).max(2200);

export const riskMethods = {
  'risk.wages.list': method(z.object({ year: z.number().int().optional() }), z.array(IndustryWageSchema)),
  'risk.wages.save': method(IndustryWageInputSchema, IndustryWageSchema),
  'risk.wages.remove': method(z.object({ id: IdSchema, reason }), z.object({ ok: z.literal(true) })),
  /** A sheet with 年度, 行业, 地区, 月平均工资, 来源; all rows or none. */
  'risk.wages.import': method(z.object({ fileName: z.string().min(1), data: BytesSchema }), z.object({ created: z.number().int(), updated: z.number().int(), report: ImportReportSchema })),
  'risk.wages.template': method(z.object({}), z.object({ fileName: z.string(), data: BytesSchema })),
  'risk.params.get': method(z.object({}), RiskParamsVersionSchema),
  'risk.params.save': method(z.object({ params: RiskParamsSchema, reason }), RiskParamsVersionSchema),
  /** Every active employer screened for the year, ranked by effective tier then score. */
  'risk.list': method(z.object({ year }), z.array(RiskRowSchema)),
  /** One employer's indicators; `caseId`: the case whose pre-audit analysis this is (not its own earlier audit). */
  'risk.employer': method(z.object({ employerId: IdSchema, year, caseId: IdSchema.optional() }), RiskRowSchema),
  /** The section head's tier for the year (null: back to the computed tier), with a reason. */
  'risk.override': method(z.object({ employerId: IdSchema, year, tier: DrawTierSchema.nullable(), reason }), RiskRowSchema),
} as const;
