// THE contract between the renderer and the backend: every call, its input and its output.
// Electron's IPC handler and the test harness's HTTP handler both parse inputs with these
// schemas before anything runs, and the renderer's client is typed by them.
import { z } from 'zod';
import {
  CaseDetailSchema,
  CaseInputSchema,
  CaseSchema,
  CaseKindSchema,
  ComputeResultDtoSchema,
  DocumentSummarySchema,
  EmployerInputSchema,
  EmployerSchema,
  IsoDateSchema,
  JobStatusSchema,
  NoticeInputSchema,
  RatePlanSummarySchema,
  ApprovalStatusSchema,
  ExemptionInputSchema,
  ExemptionRecordSchema,
  FindingJudgeInputSchema,
  FindingJudgmentSchema,
  LedgerMonthSchema,
  LedgerSetInputSchema,
  SessionSchema,
  UserCreateInputSchema,
  UserSchema,
  WhatIfBaseRuleSchema,
  WhatIfLateFeeCapSchema,
} from './dto';
import { ImportKindSchema } from '../domain/importReport';
import { AgencyProfileSchema } from '../domain/agency';

import { BytesSchema, IdSchema, method } from './methodKit';
import { documentMethods } from './methods/documents';
import { importMethods } from './methods/imports';
import { ImportStartMappingFields } from './dto/imports';
import { workflowMethods } from './methods/workflow';
import { rosterMethods } from './methods/roster';
import { institutionMethods } from './methods/institutions';
import { findingMethods } from './methods/findings';
import { settingsMethods } from './methods/settings';
import { archiveMethods } from './methods/archive';
import { figureMethods } from './methods/figures';
import { signingMethods } from './methods/signing';
import { transferResolveMethods } from './methods/transferResolve';
import { accountMethods } from './methods/accounts';
import { deskMethods } from './methods/desk';
import { officeMethods } from './methods/office';
import { statisticsMethods } from './methods/statistics';
import { riskMethods } from './methods/risk';
import { employerDirectoryMethods } from './methods/employerDirectory';
import { annualPlanMethods } from './methods/annualPlan';

export { BytesSchema };
const id = IdSchema;

export const contract = {
  'app.info': method(z.object({}), z.object({ version: z.string(), dataDir: z.string(), runtime: z.enum(['electron', 'harness']) })),

  'employers.list': method(z.object({}), z.array(EmployerSchema)),
  'employers.create': method(EmployerInputSchema, EmployerSchema),

  'ratePlans.list': method(z.object({}), z.array(RatePlanSummarySchema)),
  /** A plan in the JSON exchange format of DOMAIN.md §5, as text. */
  'ratePlans.import': method(z.object({ json: z.string().max(5_000_000) }), RatePlanSummarySchema),

  'cases.list': method(z.object({ employerId: id.optional(), institutionId: id.optional(), kind: CaseKindSchema.optional() }), z.array(CaseSchema)),
  'cases.create': method(CaseInputSchema, CaseSchema),
  'cases.get': method(z.object({ caseId: id }), CaseDetailSchema),

  /** Starts importing one file into a case; poll jobs.get for progress and the report. */
  'imports.start': method(
    z.object({
      caseId: id,
      kind: ImportKindSchema,
      fileName: z.string().min(1).max(260),
      data: BytesSchema,
      /** Leave out the rows the report lists as errors instead of refusing the whole file. */
      leaveOutErrorRows: z.boolean().default(false),
      /** The mapping screen's confirmed mapping, template and verification overrides (shared/api/dto/imports.ts). */
      ...ImportStartMappingFields,
    }),
    z.object({ jobId: z.string() }),
  ),
  'jobs.get': method(z.object({ jobId: z.string() }), JobStatusSchema),
  'jobs.cancel': method(z.object({ jobId: z.string() }), z.object({ cancelled: z.boolean() })),

  /**
   * The case's rows, plan and active exemptions through the rules. `lateFeeCap` and `baseRule`
   * are a what-if: they override the plan for this call only and change nothing stored.
   * `rowsLimit`/`rowsOffset`/`personFilter` page the rows (a 28,000 × 36 case has ~1 GB of them);
   * `rowsTotal`/`exemptedTotal` then say how many there are in all.
   */
  'results.compute': method(
    z.object({
      caseId: id,
      /** Without it: the case's own figures (its approved snapshot, else computed at its cut-off date). */
      asOf: IsoDateSchema.optional(),
      lateFeeCap: WhatIfLateFeeCapSchema.optional(),
      baseRule: WhatIfBaseRuleSchema.optional(),
      /** Paging of `rows` (the per-person rows): without a limit every row comes back. */
      rowsLimit: z.number().int().min(1).max(100_000).optional(),
      rowsOffset: z.number().int().min(0).optional(),
      /** Keeps the `rows` whose ID or name contains this text (before paging). */
      personFilter: z.string().max(100).optional(),
    }),
    ComputeResultDtoSchema,
  ),

  'documents.generateNotice': method(NoticeInputSchema, DocumentSummarySchema),
  'documents.pdf': method(z.object({ documentId: id }), z.object({ fileName: z.string(), data: BytesSchema })),

  /** Creates an account: by an administrator, or the workstation's first account (which becomes the administrator). */
  'users.create': method(UserCreateInputSchema, UserSchema),
  'users.list': method(z.object({}), z.array(UserSchema)),
  /** `newPassword` replaces a one-time password (new or reset account) in the same step. */
  'auth.login': method(
    z.object({ username: z.string().trim().min(1, '请填写用户名'), password: z.string().min(1, '请填写密码').max(200), newPassword: z.string().min(8, '新密码至少8个字符').max(200, '密码过长').optional() }),
    z.object({ user: UserSchema }),
  ),
  'auth.logout': method(z.object({}), z.object({ loggedOut: z.boolean() })),
  'auth.current': method(z.object({}), SessionSchema),

  /** The auditor's exemptions (DOMAIN.md §6.4); a revoke is recorded, never a deletion. */
  'exemptions.add': method(ExemptionInputSchema, ExemptionRecordSchema),
  'exemptions.revoke': method(z.object({ exemptionId: id, note: z.string().trim().max(500).optional() }), ExemptionRecordSchema),
  'exemptions.list': method(z.object({ caseId: id, includeRevoked: z.boolean().default(true) }), z.array(ExemptionRecordSchema)),
  /** Accept or exempt one finding; exempting also records an exemption of that person-month. */
  'findings.judge': method(FindingJudgeInputSchema, FindingJudgmentSchema),
  /** Every judgment of the case, oldest first (the latest per key is the one in force). */
  'findings.judgments': method(z.object({ caseId: id }), z.array(FindingJudgmentSchema)),
  /** 应付职工薪酬 per month from the employer's ledger, for the payroll completeness check. */
  'ledger.set': method(LedgerSetInputSchema, LedgerMonthSchema),
  'ledger.list': method(z.object({ caseId: id }), z.array(LedgerMonthSchema)),

  /** The section head's approval of the findings, computed as of `asOf` (default: today). */
  'approvals.approve': method(z.object({ caseId: id, asOf: IsoDateSchema.optional(), note: z.string().trim().max(500).optional() }), ApprovalStatusSchema),
  'approvals.status': method(z.object({ caseId: id }), ApprovalStatusSchema),

  /** The issuing agency's profile (name, number prefixes, legal basis …); null before it is configured. */
  'agency.get': method(z.object({}), AgencyProfileSchema.nullable()),
  'agency.update': method(z.object({ profile: z.unknown() }), AgencyProfileSchema),
  /** The profile as a JSON file's text, to load on the bureau's other workstations. */
  'agency.export': method(z.object({}), z.object({ fileName: z.string(), json: z.string() })),
  'agency.import': method(z.object({ json: z.string().max(1_000_000) }), AgencyProfileSchema),

  // Areas kept in their own files (shared/api/methods/): grown without touching this one.
  ...documentMethods,
  ...importMethods,
  ...workflowMethods,
  ...rosterMethods,
  ...institutionMethods,
  ...findingMethods,
  ...settingsMethods,
  ...archiveMethods,
  ...figureMethods,
  ...signingMethods,
  ...accountMethods,
  ...deskMethods,
  ...officeMethods,
  ...transferResolveMethods,
  ...statisticsMethods,
  ...riskMethods,
  ...employerDirectoryMethods,
  ...annualPlanMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Errors cross the boundary as data, never as thrown exceptions. */
export const ApiErrorSchema = z.object({
  /** 'invalid-input' | 'not-found' | 'bad-file' | 'conflict' | 'forbidden' | 'internal' … */
  code: z.string(),
  /** Chinese, for the user: what went wrong and where. */
  message: z.string(),
  /** Field-level or row-level details (zod issue paths, import issues). */
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The one function the renderer is given (window.api.invoke), in Electron and in the harness. */
export type Invoke = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;

export interface WindowApi {
  invoke: Invoke;
  runtime: 'electron' | 'harness';
  /** Test host only (never set in Electron): a workstation without accounts opens without the forced first-run screen, for e2e tests not about it. */
  openFirstRun?: boolean;
}

/** IPC channel name (electron/main and electron/preload); defined in ./ipcChannel for the preload. */
export { IPC_CHANNEL } from './ipcChannel';
