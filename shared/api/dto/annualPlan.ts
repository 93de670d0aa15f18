// DTOs of the annual plan (DOMAIN.md §10, issue 11): the year's checks by source (plan, draw,
// tip-off, lead) and state, with progress, and the tip-offs still waiting for verification.
import { z } from 'zod';
import { CaseSourceSchema, CaseStateSchema } from '../dto';

export const PlanRowSchema = z.object({
  caseId: z.number().int(),
  number: z.string(),
  kind: z.enum(['employer-audit', 'institution-check']),
  targetName: z.string(),
  creditCode: z.string(),
  source: CaseSourceSchema,
  state: CaseStateSchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  createdAt: z.string(),
  /** Names with 执法证号 from the inspector directory. */
  team: z.array(z.object({ name: z.string(), credential: z.string() })),
});
export type PlanRow = z.infer<typeof PlanRowSchema>;

export const AnnualPlanSchema = z.object({
  year: z.number().int(),
  rows: z.array(PlanRowSchema),
  /** Counts: source → state → n. */
  counts: z.record(z.string(), z.record(z.string(), z.number().int())),
  total: z.number().int(),
  /** Past planning (notified or later). */
  started: z.number().int(),
  /** Concluded, rectifying, archived or closed without finding. */
  finished: z.number().int(),
  /** Tip-offs of the year not yet verified by a case or desk check. */
  tipOffsPending: z.number().int(),
});
export type AnnualPlan = z.infer<typeof AnnualPlanSchema>;
