// Data shapes that cross the renderer ↔ backend boundary. Money is a two-decimal string here.
import { z } from 'zod';
import { InsuranceCodeSchema } from '../domain/insurance';
import { MoneySchema } from './money';
import { ImportKindSchema, ImportReportSchema, ImportIssueSchema } from '../domain/importReport';
import { EXEMPTION_REASONS } from '../domain/lines';
import { USER_ROLES } from '../domain/roles';
import { FINDING_DECISIONS } from '../domain/findings';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES } from '../documents/kinds';
import { InstitutionSchema } from './dto/institutions';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const MonthSchema = month;
export const IsoDateSchema = isoDate;

export const EmployerInputSchema = z.object({
  name: z.string().trim().min(1, '请填写单位名称'),
  /** 统一社会信用代码 (GB 32100-2015); validated by the backend. */
  creditCode: z.string().trim().min(1, '请填写统一社会信用代码'),
  insuranceUnitCode: z.string().trim().optional(),
  address: z.string().trim().optional(),
  legalRepresentative: z.string().trim().optional(),
  contact: z.string().trim().optional(),
  phone: z.string().trim().optional(),
  industry: z.string().trim().optional(),
});
export type EmployerInput = z.infer<typeof EmployerInputSchema>;
export const EmployerSchema = EmployerInputSchema.extend({ id: z.number().int(), createdAt: z.string(), region: z.string().optional(), active: z.boolean().optional() });
export type Employer = z.infer<typeof EmployerSchema>;

export const RatePlanSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  region: z.string(),
  example: z.boolean(),
  note: z.string().nullable(),
  from: month,
  to: month,
  baseRule: z.string(),
  sha256: z.string(),
});
export type RatePlanSummary = z.infer<typeof RatePlanSummarySchema>;

export const CASE_STATES = ['planned', 'notified', 'onsite', 'summarised', 'concluded', 'rectifying', 'archived', 'closed-no-finding'] as const;
export const CaseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseStateSchema>;
export const CASE_STATE_NAMES: Record<CaseState, string> = {
  planned: '立项',
  notified: '已通知',
  onsite: '实地稽核',
  summarised: '汇总',
  concluded: '已出结论',
  rectifying: '整改中',
  archived: '已归档',
  'closed-no-finding': '无问题结案',
};

/** An institution check's names for the same states (INSTITUTIONS.md §4). */
export const INSTITUTION_CHECK_STATE_NAMES: Record<CaseState, string> = {
  planned: '立项',
  notified: '已通知',
  onsite: '现场检查',
  summarised: '汇总',
  concluded: '已处理',
  rectifying: '整改/执行',
  archived: '已归档',
  'closed-no-finding': '无问题结案',
};

/** The name of `state` for a case of `kind`. */
export function caseStateName(kind: 'employer-audit' | 'institution-check', state: CaseState): string {
  return (kind === 'institution-check' ? INSTITUTION_CHECK_STATE_NAMES : CASE_STATE_NAMES)[state];
}

export const CASE_SOURCES = ['plan', 'random', 'tip-off', 'lead'] as const;
export const CaseSourceSchema = z.enum(CASE_SOURCES);
export const CASE_SOURCE_NAMES: Record<z.infer<typeof CaseSourceSchema>, string> = {
  plan: '年度计划',
  random: '随机抽查',
  'tip-off': '举报',
  lead: '日常业务线索',
};

export const CaseInputSchema = z
  .object({
    employerId: z.number().int(),
    periodFrom: month,
    periodTo: month,
    ratePlanId: z.number().int(),
    source: CaseSourceSchema,
  })
  .refine((c) => c.periodTo >= c.periodFrom, { message: '稽核期间的结束月不能早于开始月', path: ['periodTo'] });
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const CASE_KINDS = ['employer-audit', 'institution-check'] as const;
export const CaseKindSchema = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKindSchema>;
export const CASE_KIND_NAMES: Record<CaseKind, string> = { 'employer-audit': '稽核案件', 'institution-check': '定点医药机构检查' };

export const CaseSchema = z.object({
  id: z.number().int(),
  /** Case number, e.g. "稽〔2026〕3号". */
  number: z.string(),
  /** 'employer-audit' (DOMAIN.md) or 'institution-check' (INSTITUTIONS.md): one engine, the kind decides the tabs. */
  kind: CaseKindSchema,
  /** The audited employer, or the checked institution: what headers and lists show. */
  target: z.object({ kind: z.enum(['employer', 'institution']), id: z.number().int(), name: z.string() }),
  /** null on an institution check (no employer, no rate plan). */
  employerId: z.number().int().nullable(),
  employerName: z.string().nullable(),
  institutionId: z.number().int().nullable(),
  periodFrom: month,
  periodTo: month,
  ratePlanId: z.number().int().nullable(),
  ratePlanName: z.string().nullable(),
  source: CaseSourceSchema,
  state: CaseStateSchema,
  createdAt: z.string(),
});
export type Case = z.infer<typeof CaseSchema>;
/** An employer audit: the case as the contribution audit code sees it (employer and rate plan always set). */
export type EmployerCase = Case & { kind: 'employer-audit'; employerId: number; employerName: string; ratePlanId: number; ratePlanName: string };
export const isEmployerCase = (c: Case): c is EmployerCase => c.kind === 'employer-audit' && c.employerId !== null && c.ratePlanId !== null;

export const SourceFileSchema = z.object({
  id: z.number().int(),
  kind: ImportKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  importedAt: z.string(),
  rows: z.number().int(),
  report: ImportReportSchema,
});
export type SourceFile = z.infer<typeof SourceFileSchema>;

/** Every kind of DOMAIN.md §8 (shared/documents/kinds.ts); once only the audit notice. */
export const DOCUMENT_TYPES = DOCUMENT_KINDS;
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;
export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = DOCUMENT_KIND_NAMES;

export const DocumentSummarySchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  type: DocumentTypeSchema,
  title: z.string(),
  number: z.string(),
  status: z.enum(['draft', 'issued']),
  createdAt: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const CaseDetailSchema = z.object({
  case: CaseSchema,
  /** The audited employer (employer audits) or the checked institution (institution checks); the other is null. */
  employer: EmployerSchema.nullable(),
  institution: InstitutionSchema.nullable(),
  files: z.array(SourceFileSchema),
  documents: z.array(DocumentSummarySchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

const sourceRef = z.object({ fileId: z.number().int(), fileName: z.string(), sheet: z.string(), row: z.number().int() });

export const ResultInsuranceLineSchema = z.object({
  code: InsuranceCodeSchema,
  name: z.string(),
  employerRate: z.string(),
  employeeRate: z.string(),
  floor: MoneySchema,
  ceiling: MoneySchema,
  dueBase: MoneySchema,
  declaredBase: MoneySchema,
  shortfall: MoneySchema,
  employer: MoneySchema,
  employee: MoneySchema,
});

export const ResultRowSchema = z.object({
  personId: z.string(),
  name: z.string(),
  month,
  payrollOnly: z.boolean(),
  basis: MoneySchema,
  basisNote: z.string(),
  planPeriod: z.string(),
  insurances: z.array(ResultInsuranceLineSchema),
  employer: MoneySchema,
  employee: MoneySchema,
  total: MoneySchema,
  dueDate: isoDate,
  lateFeeDays: z.number().int(),
  lateFee: MoneySchema,
  lateFeeCapped: z.boolean(),
  exemption: z.object({ reason: z.string(), note: z.string().optional() }).optional(),
  /** 核定 (DOMAIN.md §13): the basis is the plan's estimation base; marked on every document. */
  estimated: z.object({ rule: z.string(), legalBasis: z.string(), reason: z.string() }).optional(),
  payrollSources: z.array(sourceRef),
  declarationSources: z.array(sourceRef),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;

export const ResultMonthSchema = z.object({
  month,
  payrollHeadcount: z.number().int(),
  declaredHeadcount: z.number().int(),
  matched: z.number().int(),
  payrollOnly: z.number().int(),
  declaredOnly: z.number().int(),
  gross: MoneySchema,
  declaredBase: MoneySchema,
  shortfall: MoneySchema,
  backPay: MoneySchema,
  lateFee: MoneySchema,
  rows: z.number().int(),
});
export type ResultMonth = z.infer<typeof ResultMonthSchema>;

export const TotalsSchema = z.object({
  employer: MoneySchema,
  employee: MoneySchema,
  backPay: MoneySchema,
  lateFee: MoneySchema,
  total: MoneySchema,
});

const personMonth = z.object({ personId: z.string(), name: z.string(), month, sources: z.array(sourceRef) });

/** The computation's result as the API and `jihe compute --json` give it (DOMAIN.md §7). */
export const ComputeResultDtoSchema = z.object({
  from: month,
  to: month,
  asOf: isoDate,
  planName: z.string(),
  totals: TotalsSchema,
  byInsurance: z.record(z.string(), z.object({ employer: MoneySchema, employee: MoneySchema })),
  months: z.array(ResultMonthSchema),
  lines: z.number().int(),
  rows: z.array(ResultRowSchema),
  exempted: z.array(ResultRowSchema),
  payrollOnly: z.array(personMonth),
  declaredOnly: z.array(personMonth),
  overDeclared: z.array(
    z.object({ personId: z.string(), name: z.string(), month, insurance: InsuranceCodeSchema, dueBase: MoneySchema, declaredBase: MoneySchema, sources: z.array(sourceRef) }),
  ),
  discrepancies: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      month,
      insurance: InsuranceCodeSchema.nullable(),
      side: z.enum(['employer', 'employee']),
      declaredBase: MoneySchema,
      expected: MoneySchema,
      declaredAmount: MoneySchema,
      source: sourceRef,
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), months: z.array(z.string()).optional() })),
  /** results.compute: how many rows (after personFilter) there are; `rows` may be one page of them. */
  rowsTotal: z.number().int().optional(),
  /** results.compute: how many exempted rows there are. */
  exemptedTotal: z.number().int().optional(),
});
export type ComputeResultDto = z.infer<typeof ComputeResultDtoSchema>;

export const JobStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0…1 */
  progress: z.number(),
  /** What is happening now, in Chinese ("正在读取第 3 张工作表…"). */
  message: z.string(),
  /** For an import: the report, also when it failed (its errors say why). */
  report: ImportReportSchema.nullable(),
  error: z.string().nullable(),
  sourceFileId: z.number().int().nullable(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const AuditorSchema = z.object({
  name: z.string().trim().min(1, '请填写稽核人员姓名'),
  credentialNo: z.string().trim().min(1, '请填写执法证件号'),
});

export const NoticeInputSchema = z.object({
  caseId: z.number().int(),
  /** Date of the on-site audit; the notice must be served at least 3 days before. */
  onsiteDate: isoDate,
  onsiteTime: z.string().trim().min(1, '请填写实地稽核时间'),
  place: z.string().trim().min(1, '请填写实地稽核地点'),
  auditors: z.array(AuditorSchema).min(2, '实地稽核至少需要两名稽核人员'),
  contactName: z.string().trim().min(1, '请填写联系人'),
  contactPhone: z.string().trim().min(1, '请填写联系电话'),
  issueDate: isoDate,
});
export type NoticeInput = z.infer<typeof NoticeInputSchema>;

export { ImportIssueSchema, ImportReportSchema };

// ——— Users, judgments and sign-off (issue 4). Added after the foundation; nothing above changes. ———

export const UserRoleSchema = z.enum(USER_ROLES, { message: `角色应为 ${USER_ROLES.join('、')} 之一` });

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: UserRoleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  /** A one-time password (new or reset account) must be replaced at the next login. */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const UserCreateInputSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2, '用户名至少2个字符')
    .max(32, '用户名最多32个字符')
    .regex(/^[^\s:]+$/, '用户名不能包含空格或冒号'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名最多50个字符'),
  /** Ignored for the first user of a workstation, who always becomes the administrator. */
  role: UserRoleSchema.optional(),
  password: z.string().min(8, '密码至少8个字符').max(200, '密码过长'),
});
export type UserCreateInput = z.infer<typeof UserCreateInputSchema>;

export const SessionSchema = z.object({
  /** null: nobody is logged in. */
  user: UserSchema.nullable(),
  /** true while the workstation has no user accounts yet (everything except approval works without login). */
  bootstrap: z.boolean(),
  /** The session locked after inactivity: only auth.unlock / auth.logout answer until unlocked. */
  locked: z.boolean(),
  /** Minutes of inactivity after which the session locks. */
  inactivityMinutes: z.number().int(),
});
export type Session = z.infer<typeof SessionSchema>;

export const ExemptionReasonSchema = z.enum(EXEMPTION_REASONS, { message: `豁免原因应为 ${EXEMPTION_REASONS.join('、')} 之一` });

export const ExemptionInputSchema = z
  .object({
    caseId: z.number().int(),
    personId: z.string().trim().min(1, '请填写身份证号码'),
    /** null or absent: every month of the audit period. */
    months: z.array(month).min(1, '至少选择一个月份').nullable().optional(),
    reason: ExemptionReasonSchema,
    note: z.string().trim().max(500, '说明最多500字').optional(),
  })
  .refine((e) => e.reason !== 'other' || (e.note !== undefined && e.note !== ''), { message: '豁免原因为“其他”时必须填写说明', path: ['note'] });
export type ExemptionInput = z.infer<typeof ExemptionInputSchema>;

export const ExemptionRecordSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  personId: z.string(),
  months: z.array(month).nullable(),
  reason: ExemptionReasonSchema,
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** The finding judgment that made this exemption, if it came from findings.judge. */
  judgmentId: z.number().int().nullable(),
});
export type ExemptionRecord = z.infer<typeof ExemptionRecordSchema>;

export const FindingJudgeInputSchema = z
  .object({
    caseId: z.number().int(),
    /** "payroll-only:<personId>:<month>", "under-declared:<personId>:<month>", … (shared/domain/findings.ts). */
    key: z.string().trim().min(1, '请指定问题'),
    decision: z.enum(FINDING_DECISIONS, { message: '处理意见应为 accepted（认定）或 exempted（豁免）' }),
    /** Required with decision "exempted": the exemption's reason (DOMAIN.md §6.4). */
    reason: ExemptionReasonSchema.optional(),
    note: z.string().trim().max(500, '说明最多500字').optional(),
  })
  .refine((j) => j.decision !== 'exempted' || j.reason !== undefined, { message: '豁免时必须选择豁免原因', path: ['reason'] })
  .refine((j) => j.reason !== 'other' || (j.note !== undefined && j.note !== ''), { message: '豁免原因为“其他”时必须填写说明', path: ['note'] });
export type FindingJudgeInput = z.infer<typeof FindingJudgeInputSchema>;

export const FindingJudgmentSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  key: z.string(),
  decision: z.enum(FINDING_DECISIONS),
  note: z.string().nullable(),
  exemptionId: z.number().int().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type FindingJudgment = z.infer<typeof FindingJudgmentSchema>;

export const LedgerSetInputSchema = z.object({
  caseId: z.number().int(),
  month,
  /** 应付职工薪酬 of the month as in the ledger, e.g. "123456.78"; null clears the month. */
  amount: z.string().trim().min(1, '请填写金额').nullable(),
  note: z.string().trim().max(500, '说明最多500字').optional(),
});

export const LedgerMonthSchema = z.object({
  month,
  /** The ledger total typed in, or null when none was entered for the month. */
  ledger: MoneySchema.nullable(),
  /** Sum of the imported payroll's gross pay of the month. */
  payrollGross: MoneySchema,
  /** ledger − payrollGross; positive: wages in the books that the payroll does not show. */
  difference: MoneySchema.nullable(),
  note: z.string().nullable(),
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
});
export type LedgerMonth = z.infer<typeof LedgerMonthSchema>;

/** What-if options of results.compute: override the plan for one call, never stored. */
export const WhatIfLateFeeCapSchema = z.enum(['none', 'principal'], { message: '滞纳金上限只能是 none 或 principal' });
export const WhatIfBaseRuleSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('monthly') }), z.object({ kind: z.literal('annual'), yearStartMonth: z.union([z.literal(1), z.literal(7)]) })],
  { message: '基数规则应为 {"kind":"monthly"} 或 {"kind":"annual","yearStartMonth":1 或 7}' },
);

export const ApprovalStatusSchema = z.object({
  approved: z.boolean(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** The as-of date the approved figures were computed with. */
  asOf: isoDate.nullable(),
  /** A finding, judgment, ledger total or import changed since the approval: it must be reviewed again. */
  changedAfterReview: z.boolean(),
});
export type ApprovalStatus = z.infer<typeof ApprovalStatusSchema>;
