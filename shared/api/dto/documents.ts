// Shapes of the documents area at the API boundary (issue 4, DOMAIN.md §8): the case facts every
// document form starts from, the fields a form adds for one document, the list of a case's
// documents with their life (草稿 → 已签发 → 已更正), and which kinds can be made now.
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../../documents/kinds';
import type { DocumentModel } from '../../documents/model';
import { SERVICE_MANNERS } from '../../documents/proofOfService';
import { DocumentSummarySchema } from '../dto';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `最多${max}个字`);
const optionalText = (max: number) => text(max).optional();

/** The kinds a user can make from the documents tab (the dossier cover belongs to the dossier). */
export const MAKEABLE_KINDS = DOCUMENT_KINDS.filter((k): k is Exclude<DocumentKind, 'dossier-cover'> => k !== 'dossier-cover');
export type MakeableKind = (typeof MAKEABLE_KINDS)[number];
export const MakeableKindSchema = z.enum(MAKEABLE_KINDS, { message: '文书类型不正确' });

/** Kinds printed with a number of their own (发文字号); the others are forms that name the case. */
export const NUMBERED_KINDS: readonly MakeableKind[] = [
  'audit-notice',
  'service-proof',
  'findings-notice',
  'audit-opinion',
  'rectification-notice',
  'penalty-referral',
  'no-violation-notice',
];

export const CaseAuditorSchema = z.object({
  name: text(30).min(1, '请填写稽核人员姓名'),
  credentialNo: text(60).min(1, '请填写执法证件号'),
});

/**
 * What the documents of one case say about it, entered once (the forms start from these): the
 * auditors with their credential numbers, the on-site audit, the contact, the employer's people.
 * Every field is optional so the facts can be filled in as the case goes on; each document says
 * which ones it still lacks.
 */
export const CaseFactsRecordSchema = z.object({
  auditors: z.array(CaseAuditorSchema).max(10, '稽核人员最多10名').default([]),
  onsiteFrom: isoDate.optional(),
  onsiteTo: isoDate.optional(),
  /** As the auditor writes it: 上午9:00. */
  onsiteTime: optionalText(30),
  place: optionalText(200),
  contactName: optionalText(30),
  contactPhone: optionalText(40),
  /** 法定代表人（负责人） of the employer, when the employer record has none. */
  legalRepresentative: optionalText(30),
  /** The employer's people present on site, as 陈静（财务部经理）. */
  employerAttendees: z.array(text(60).min(1)).max(10).default([]),
  /** The person the auditors interview, for the interview record. */
  interviewee: z
    .object({ name: optionalText(30), idNumber: optionalText(18), position: optionalText(30), phone: optionalText(40) })
    .optional(),
  /** Who is asked to act on a penalty referral (提请行政处罚建议书). */
  penaltyAddressee: optionalText(100),
});
export type CaseFactsRecord = z.infer<typeof CaseFactsRecordSchema>;

export const CaseFactsViewSchema = z.object({
  caseId: z.number().int(),
  facts: CaseFactsRecordSchema,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type CaseFactsView = z.infer<typeof CaseFactsViewSchema>;

/**
 * What a document form adds to the case facts. One flat object: each kind reads the fields it
 * needs (documentsLifecycle.ts names them per kind) and ignores the others.
 */
export const DocumentFieldsSchema = z.object({
  /** 成文日期; default today. Numbers take their year from it. */
  issueDate: isoDate.optional(),
  /** As-of date of the amounts (late fee); default the issue date. */
  asOf: isoDate.optional(),
  /** Proof of service: the issued documents served with it. */
  servedDocumentIds: z.array(z.number().int().positive()).max(10).optional(),
  manner: z.enum(SERVICE_MANNERS, { message: `送达方式应为 ${SERVICE_MANNERS.join('、')} 之一` }).optional(),
  serviceDate: isoDate.optional(),
  remarks: optionalText(200),
  /** Audit opinion: what the employer answered to the notice of findings. */
  response: optionalText(300),
  /** Rectification notice: the deadline, default 5 working days after issue. */
  deadline: isoDate.optional(),
  /** Penalty referral: the follow-up check's date and what remains undone. */
  checkedOn: isoDate.optional(),
  nonCompliance: z.array(text(300).min(1)).max(10).optional(),
  /** Work record: further observations; interview record: questions printed in advance. */
  observations: z.array(text(500).min(1)).max(20).optional(),
  questions: z.array(text(300).min(1)).max(30).optional(),
});
export type DocumentFields = z.infer<typeof DocumentFieldsSchema>;

export const DocumentDraftInputSchema = z.object({
  caseId: z.number().int().positive(),
  kind: MakeableKindSchema,
  fields: DocumentFieldsSchema.default({}),
  /** Rebuild this draft instead of making a new one. */
  documentId: z.number().int().positive().optional(),
});

export const DOCUMENT_STATES = ['draft', 'issued', 'superseded'] as const;
export const DOCUMENT_STATE_NAMES: Record<(typeof DOCUMENT_STATES)[number], string> = { draft: '草稿', issued: '已签发', superseded: '已更正' };

/** A document in the case's list: the stored summary plus its life. */
export const DocumentListItemSchema = DocumentSummarySchema.extend({
  /** draft, issued, or issued and superseded by an issued correction. */
  state: z.enum(DOCUMENT_STATES),
  fields: DocumentFieldsSchema.nullable(),
  asOf: isoDate.nullable(),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  /** The document this one corrects. */
  supersedes: z.object({ id: z.number().int(), number: z.string(), reason: z.string() }).nullable(),
  /** The correction of this one (a draft until issued). */
  correctedBy: z.object({ id: z.number().int(), number: z.string(), status: z.enum(['draft', 'issued']) }).nullable(),
  /** The back-pay schedule also comes as XLSX (documents.xlsx). */
  hasXlsx: z.boolean(),
});
export type DocumentListItem = z.infer<typeof DocumentListItemSchema>;

export const DocumentKindStatusSchema = z.object({
  kind: MakeableKindSchema,
  name: z.string(),
  numbered: z.boolean(),
  /** Can a draft be made now? When not, `reasons` say why, in Chinese. */
  available: z.boolean(),
  reasons: z.array(z.string()),
  /** Issuing also needs the section head's current approval (audit opinion, rectification notice). */
  needsApproval: z.boolean(),
  /** Why a draft of this kind could not be issued now (approval missing or stale), or null. */
  issueBlocker: z.string().nullable(),
  /** The form's starting values: case facts and sensible defaults. */
  defaults: DocumentFieldsSchema,
  /** Which fields the form shows for this kind. */
  formFields: z.array(z.string()),
});
export type DocumentKindStatus = z.infer<typeof DocumentKindStatusSchema>;

/** A document model as plain JSON (shared/documents/model.ts); checked for its outline only. */
export const DocumentModelSchema = z.custom<DocumentModel>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { title?: unknown }).title === 'string' && Array.isArray((v as { blocks?: unknown }).blocks),
  { message: '文书模型格式不正确' },
);
