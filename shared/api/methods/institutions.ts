// Contract methods of the institutions area (INSTITUTIONS.md §2, §6); spread into the contract
// by shared/api/contract.ts: the directory, institution checks (a case kind on the one engine),
// and claims screening with judgments per hit and in bulk, and the hits as XLSX.
import { z } from 'zod';
import { BytesSchema, IdSchema, method } from '../methodKit';
import {
  InstitutionCheckSchema,
  InstitutionInputSchema,
  InstitutionSchema,
  RuleCodeSchema,
  ScreeningResultDtoSchema,
  VerdictSchema,
} from '../dto/institutions';
import { ImportReportSchema } from '../../domain/importReport';

const FileSchema = z.object({ fileName: z.string().min(1), data: BytesSchema });
const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写成 YYYY-MM');

export const institutionMethods = {
  'institutions.list': method(z.object({ includeInactive: z.boolean().default(false) }), z.array(InstitutionSchema)),
  'institutions.get': method(z.object({ id: IdSchema }), InstitutionSchema),
  'institutions.create': method(InstitutionInputSchema, InstitutionSchema),
  'institutions.update': method(z.object({ id: IdSchema, changes: InstitutionInputSchema }), InstitutionSchema),
  'institutions.deactivate': method(z.object({ id: IdSchema, reason: z.string().trim().min(1, '请写明停用原因') }), InstitutionSchema),
  /** The directory template (XLSX) with the annex columns, for bulk import. */
  'institutions.template': method(z.object({}), z.object({ fileName: z.string(), data: BytesSchema })),
  /** Bulk import through the messy-file importer: all-or-nothing; a known credit code updates its row. */
  'institutions.import': method(FileSchema, z.object({ created: z.number().int(), updated: z.number().int(), report: ImportReportSchema })),
  'institutionChecks.list': method(z.object({ institutionId: IdSchema.optional() }), z.array(InstitutionCheckSchema)),
  'institutionChecks.create': method(
    z.object({ institutionId: IdSchema, periodFrom: monthText, periodTo: monthText, source: z.enum(['plan', 'random', 'tip-off', 'lead']).default('plan') }),
    InstitutionCheckSchema,
  ),
  /** Imports claims (in order) and the catalog, runs R01–R11 and stores the run: a job (jobs.get / jobs.cancel). */
  'screening.start': method(z.object({ caseId: IdSchema, claims: z.array(FileSchema).min(1, '请选择结算明细文件'), catalog: FileSchema, params: z.record(z.string(), z.unknown()).optional() }), z.object({ jobId: z.string() })),
  'screening.result': method(z.object({ caseId: IdSchema }), ScreeningResultDtoSchema),
  /** 认定 / 排除 (reason) / 待核实 for the hits chosen by keys, or all hits of a rule and/or a person. */
  'screening.judge': method(
    z.object({ caseId: IdSchema, verdict: VerdictSchema, reason: z.string().trim().optional(), keys: z.array(z.string()).optional(), rule: RuleCodeSchema.optional(), personId: z.string().optional() }),
    z.object({ judged: z.number().int() }),
  ),
  'screening.xlsx': method(z.object({ caseId: IdSchema }), z.object({ fileName: z.string(), data: BytesSchema })),
} as const;
