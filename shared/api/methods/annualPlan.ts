// Contract methods of the annual plan (issue 11): the year's checks with progress, their
// publication (一公开, DOMAIN.md §10.4: task list, plan, results as XLSX or PDF, refused when
// personal data slips in), and a case's team picked from the inspector directory.
import { z } from 'zod';
import { YEAR_PUBLICATION_KINDS } from '../../documents/yearPublication';
import { AnnualPlanSchema } from '../dto/annualPlan';
import { InspectorSchema } from '../dto/office';
import { BytesSchema, IdSchema, method } from '../methodKit';

const year = z.number().int().min(2000).max(2200);

export const annualPlanMethods = {
  'plan.year': method(z.object({ year }), AnnualPlanSchema),
  'plan.publication': method(z.object({ year, kind: z.enum(YEAR_PUBLICATION_KINDS), format: z.enum(['xlsx', 'pdf']) }), z.object({ fileName: z.string(), data: BytesSchema })),
  /** Sets a case's team (at least 2 active inspectors, none in conflict with the target); documents print them. */
  'cases.setTeam': method(z.object({ caseId: IdSchema, inspectorIds: z.array(IdSchema).min(2, '检查组至少 2 人') }), z.array(InspectorSchema)),
} as const;
