// Contract methods of the case's figures (issue 9): its cut-off date and plan, one for every tab.
import { z } from 'zod';
import { CaseFiguresSchema, SetCaseFiguresInputSchema } from '../dto/figures';
import { IdSchema, method } from '../methodKit';

export const figureMethods = {
  /** The case's cut-off date, plan and approved snapshot. */
  'figures.get': method(z.object({ caseId: IdSchema }), CaseFiguresSchema),
  /** Sets the case's cut-off date and/or plan; after an approval this is a change that needs re-review. */
  'figures.set': method(SetCaseFiguresInputSchema, CaseFiguresSchema),
} as const;
