// Contract methods of the roster area (花名册, DOMAIN.md §4.3); spread into the contract by
// shared/api/contract.ts. A roster file is imported with imports.start (kind 'roster') like the
// other files; these methods list the roster files and compare headcounts per month.
import { z } from 'zod';
import { SourceFileSchema } from '../dto';
import { HeadcountSchema } from '../dto/roster';
import { IdSchema, method } from '../methodKit';

export const rosterMethods = {
  /** The case's imported roster files, oldest first, each with its import report. */
  'roster.files': method(z.object({ caseId: IdSchema }), z.array(SourceFileSchema)),
  /** Per month of the audit period: roster vs payroll vs declared headcount, and who differs. */
  'roster.headcount': method(z.object({ caseId: IdSchema }), HeadcountSchema),
} as const;
