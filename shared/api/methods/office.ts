// Contract methods of the office area (DOMAIN.md §10): directories (employers edit/deactivate,
// inspectors, conflicts), the double-random draw (set up, run, record, replace, print, create the
// planned cases) and tip-offs. Spread into the contract by shared/api/contract.ts.
import { z } from 'zod';
import { CaseSchema, EmployerInputSchema, EmployerSchema, MonthSchema } from '../dto';
import {
  ConflictSchema,
  DrawCandidateSchema,
  DrawDetailSchema,
  DrawRunInputSchema,
  DrawSummarySchema,
  InspectorInputSchema,
  InspectorSchema,
  TargetKindSchema,
  TipOffInputSchema,
  TipOffSchema,
  TipOffUpdateSchema,
} from '../dto/office';
import { BytesSchema, IdSchema, method } from '../methodKit';

const reason = z.string().trim().min(1, '请写明原因');

export const officeMethods = {
  'employers.update': method(EmployerInputSchema.extend({ id: IdSchema, region: z.string().trim().optional() }), EmployerSchema),
  'employers.setActive': method(z.object({ id: IdSchema, active: z.boolean(), reason }), EmployerSchema),

  'inspectors.list': method(z.object({ includeInactive: z.boolean().optional() }), z.array(InspectorSchema)),
  'inspectors.create': method(InspectorInputSchema, InspectorSchema),
  'inspectors.update': method(InspectorInputSchema.extend({ id: IdSchema }), InspectorSchema),
  'inspectors.setActive': method(z.object({ id: IdSchema, active: z.boolean(), reason }), InspectorSchema),
  /** Bulk import of a sheet laid out like seed 003 annex 4; all rows or none. */
  'inspectors.import': method(z.object({ fileName: z.string().min(1), data: BytesSchema }), z.object({ created: z.number().int(), updated: z.number().int() })),

  'conflicts.list': method(z.object({}), z.array(ConflictSchema)),
  'conflicts.add': method(z.object({ inspectorId: IdSchema, targetKind: TargetKindSchema, creditCode: z.string().trim().min(1), reason }), ConflictSchema),
  'conflicts.remove': method(z.object({ id: IdSchema, reason }), z.object({ ok: z.literal(true) })),

  /** The targets of a kind for a year's draw, each with whether it is eligible and why not. */
  'draws.candidates': method(z.object({ targetKind: TargetKindSchema, year: z.number().int() }), z.array(DrawCandidateSchema)),
  /** Runs and records the draw; refused (nothing saved) when a team cannot be made. */
  'draws.run': method(DrawRunInputSchema, DrawDetailSchema),
  'draws.list': method(z.object({ year: z.number().int().optional() }), z.array(DrawSummarySchema)),
  /** The record, its re-run verification and the teams with their cases. */
  'draws.get': method(z.object({ drawId: IdSchema }), DrawDetailSchema),
  'draws.replace': method(z.object({ drawId: IdSchema, creditCode: z.string(), credential: z.string(), reason }), DrawDetailSchema),
  'draws.recordPdf': method(z.object({ drawId: IdSchema }), z.object({ fileName: z.string(), data: BytesSchema })),
  /** The public list of results (一公开) as XLSX or PDF; refused if personal data slips in. */
  'draws.publication': method(z.object({ drawId: IdSchema, format: z.enum(['xlsx', 'pdf']) }), z.object({ fileName: z.string(), data: BytesSchema })),
  'draws.recordJson': method(z.object({ drawId: IdSchema }), z.object({ fileName: z.string(), data: BytesSchema })),
  /** Creates a planned case (source random) with its team for each drawn target without one. */
  'draws.createCases': method(z.object({ drawId: IdSchema, periodFrom: MonthSchema, periodTo: MonthSchema, ratePlanId: IdSchema }), z.array(CaseSchema)),
  /** A case's team from the inspector directory (empty for a case not drawn). */
  'cases.team': method(z.object({ caseId: IdSchema }), z.array(InspectorSchema)),

  'tipOffs.list': method(z.object({}), z.array(TipOffSchema)),
  'tipOffs.create': method(TipOffInputSchema, TipOffSchema),
  'tipOffs.update': method(TipOffUpdateSchema, TipOffSchema),
} as const;
