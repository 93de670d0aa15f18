// The case's own figures (issue 9): its cut-off date and plan, shown in the case header and used
// by every tab, and the result its section head approved, frozen with its SHA-256.
import { z } from 'zod';
import { IsoDateSchema, TotalsSchema } from '../dto';
import { IdSchema } from '../methodKit';

export const CaseFiguresSchema = z.object({
  caseId: IdSchema,
  /** The cut-off date (计算截止日) every figure of the case is computed to. */
  asOf: IsoDateSchema,
  /** False while nobody set the date: it is then today's (or the latest approval's). */
  asOfSet: z.boolean(),
  ratePlanId: IdSchema,
  ratePlanName: z.string(),
  /** The latest approval's frozen result, if any. */
  approved: z
    .object({ approvalId: IdSchema, asOf: IsoDateSchema, sha256: z.string(), approvedBy: z.string(), approvedAt: z.string(), totals: TotalsSchema })
    .nullable(),
  /** The approved snapshot is what every screen and document shows (approved, nothing changed since, or archived). */
  inForce: z.boolean(),
  /** Archived: the frozen figures, nothing can be recomputed. */
  frozen: z.boolean(),
});
export type CaseFigures = z.infer<typeof CaseFiguresSchema>;

export const SetCaseFiguresInputSchema = z.object({
  caseId: IdSchema,
  asOf: IsoDateSchema.optional(),
  ratePlanId: IdSchema.optional(),
});
