// Data shapes of the workflow area (case states and deadlines, evidence, the audit trail,
// rectification and follow-up) at the API boundary. Money is a two-decimal string, dates YYYY-MM-DD.
import { z } from 'zod';
import { CaseSchema, CaseStateSchema } from '../dto';
import { MoneySchema } from '../money';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export const TransitionOptionSchema = z.object({
  to: CaseStateSchema,
  label: z.string(),
  reopen: z.boolean(),
  /** Who may make it, in Chinese (科室负责人、稽核员). */
  who: z.string(),
  /** Whether the current user may make it now. */
  allowed: z.boolean(),
  /** Why not: missing documents, records, permissions — in Chinese. */
  missing: z.array(z.string()),
});
export type TransitionOption = z.infer<typeof TransitionOptionSchema>;

export const TransitionRecordSchema = z.object({
  id: z.number().int(),
  from: CaseStateSchema,
  to: CaseStateSchema,
  reopen: z.boolean(),
  reason: z.string().nullable(),
  at: z.string(),
  by: z.string(),
});
export type TransitionRecord = z.infer<typeof TransitionRecordSchema>;

export const SERVICE_MANNERS = ['直接送达', '邮寄送达', '留置送达', '委托送达', '电子送达'] as const;

export const NoticeServiceSchema = z.object({
  documentId: z.number().int(),
  documentNumber: z.string(),
  servedOn: isoDate,
  manner: z.string(),
  recipient: z.string(),
  at: z.string(),
  by: z.string(),
});
export type NoticeService = z.infer<typeof NoticeServiceSchema>;

export const DeadlineSchema = z.object({
  kind: z.enum(['onsite', 'opinion', 'no-violation', 'rectification', 'tip-off']),
  label: z.string(),
  due: isoDate,
  done: z.boolean(),
  overdue: z.boolean(),
  basis: z.string(),
});
export type DeadlineDto = z.infer<typeof DeadlineSchema>;

export const WorkflowStatusSchema = z.object({
  caseId: z.number().int(),
  state: CaseStateSchema,
  options: z.array(TransitionOptionSchema),
  history: z.array(TransitionRecordSchema),
  service: NoticeServiceSchema.nullable(),
  onsiteDate: isoDate.nullable(),
  tipOffReceived: isoDate.nullable(),
  rectificationDeadline: isoDate.nullable(),
  deadlines: z.array(DeadlineSchema),
});
export type WorkflowStatus = z.infer<typeof WorkflowStatusSchema>;

export const TransitionInputSchema = z.object({
  caseId: z.number().int(),
  to: CaseStateSchema,
  reason: z.string().trim().max(500).optional(),
});

export const RecordServiceInputSchema = z.object({
  caseId: z.number().int(),
  documentId: z.number().int(),
  servedOn: isoDate,
  manner: z.string().trim().min(1, '请填写送达方式'),
  recipient: z.string().trim().min(1, '请填写受送达人'),
});

export const SetCaseDatesInputSchema = z
  .object({
    caseId: z.number().int(),
    tipOffReceived: isoDate.optional(),
    rectificationDeadline: isoDate.optional(),
  })
  .refine((v) => v.tipOffReceived !== undefined || v.rectificationDeadline !== undefined, { message: '请至少填写一个日期', path: ['tipOffReceived'] });

export const DashboardSchema = z.object({
  today: isoDate,
  counts: z.array(z.object({ state: CaseStateSchema, count: z.number().int() })),
  cases: z.array(z.object({ case: CaseSchema, next: DeadlineSchema.nullable(), overdue: z.array(DeadlineSchema) })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

// ---- evidence ----

export const EVIDENCE_KINDS = ['photo', 'scan', 'recording', 'copy'] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;
export const EVIDENCE_KIND_NAMES: Record<EvidenceKind, string> = { photo: '照片', scan: '扫描件', recording: '录音录像', copy: '复制件' };

export const EvidenceSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  findingKey: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  kind: EvidenceKindSchema,
  description: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

// ---- audit trail ----

export const TrailEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** The actor's display name when the actor is an account (张三 for zhangsan); null otherwise. */
  actorName: z.string().nullable().optional(),
  action: z.string(),
  /** The action in Chinese (导入文件、签发文书…). */
  title: z.string(),
  /** One line of what it concerned, in Chinese. */
  summary: z.string(),
  hash: z.string(),
});
export type TrailEntryDto = z.infer<typeof TrailEntrySchema>;

export const TrailVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.string().nullable(),
  brokenAt: z.number().int().nullable(),
  message: z.string(),
});

// ---- rectification ----

export const RECTIFICATION_PURPOSES = ['back-pay', 'late-fee'] as const;
export const RectificationPurposeSchema = z.enum(RECTIFICATION_PURPOSES);
export const RECTIFICATION_PURPOSE_NAMES: Record<(typeof RECTIFICATION_PURPOSES)[number], string> = { 'back-pay': '补缴', 'late-fee': '滞纳金' };

const moneyInput = z.string().trim().regex(/^\d+(\.\d{1,2})?$/, '金额应为正数，最多两位小数');

export const RecordPaymentInputSchema = z.object({
  caseId: z.number().int(),
  paidOn: isoDate,
  amount: moneyInput,
  purpose: RectificationPurposeSchema,
  note: z.string().trim().max(200).optional(),
});

export const RecordEnrolmentInputSchema = z.object({
  caseId: z.number().int(),
  personId: z.string().trim().min(1, '请填写身份证号码'),
  monthFrom: month,
  note: z.string().trim().max(200).optional(),
});

export const MissingPersonMonthSchema = z.object({
  personId: z.string(),
  name: z.string(),
  month,
  /** The base that should be declared, and what the follow-up found (null: not declared at all). */
  dueBase: MoneySchema,
  declaredBase: MoneySchema.nullable(),
});

export const RectificationStatusSchema = z.object({
  /** The approved result the order rests on; null when there is none (nothing ordered yet). */
  approvedAsOf: isoDate.nullable(),
  ordered: z.object({ backPay: MoneySchema, lateFee: MoneySchema, total: MoneySchema }),
  paid: z.object({ backPay: MoneySchema, lateFee: MoneySchema, total: MoneySchema }),
  outstanding: z.object({ backPay: MoneySchema, lateFee: MoneySchema, total: MoneySchema }),
  /** Persons the audit found not enrolled, with the first month they should be enrolled from. */
  toEnrol: z.array(z.object({ personId: z.string(), name: z.string(), monthFrom: month, enrolledFrom: month.nullable() })),
  payments: z.array(z.object({ id: z.number().int(), paidOn: isoDate, amount: MoneySchema, purpose: RectificationPurposeSchema, note: z.string().nullable(), at: z.string(), by: z.string() })),
  enrolments: z.array(z.object({ id: z.number().int(), personId: z.string(), name: z.string(), monthFrom: month, note: z.string().nullable(), at: z.string(), by: z.string() })),
  followUp: z
    .object({
      id: z.number().int(),
      fileName: z.string(),
      sha256: z.string(),
      rows: z.number().int(),
      checkedAt: z.string(),
      checkedBy: z.string(),
      orderedPersonMonths: z.number().int(),
      missing: z.array(MissingPersonMonthSchema),
    })
    .nullable(),
  settled: z.boolean(),
  referred: z.boolean(),
  /** What still stands between the case and archiving, in Chinese. */
  problems: z.array(z.string()),
});
export type RectificationStatus = z.infer<typeof RectificationStatusSchema>;
