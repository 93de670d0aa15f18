// `jihe compute --json` without --rows (DOMAIN.md §7, issue 16): the result, not a dump — the
// totals, per insurance, per month, `lines` and how many items each list of the full result
// holds, so the default output is kilobytes whatever the size of the case. The lists themselves
// come only with --rows (then the output is the full ComputeResultDto, streamed).
import { z } from 'zod';
import { ComputeResultDtoSchema } from '../dto';

export const ComputeSummaryDtoSchema = ComputeResultDtoSchema.pick({
  from: true,
  to: true,
  asOf: true,
  planName: true,
  totals: true,
  byInsurance: true,
  months: true,
  lines: true,
  warnings: true,
}).extend({
  /** How many items each list of the full result has, and the distinct persons with back pay. */
  counts: z.object({
    rows: z.number().int(),
    persons: z.number().int(),
    exempted: z.number().int(),
    payrollOnly: z.number().int(),
    declaredOnly: z.number().int(),
    overDeclared: z.number().int(),
    discrepancies: z.number().int(),
  }),
});
export type ComputeSummaryDto = z.infer<typeof ComputeSummaryDtoSchema>;
