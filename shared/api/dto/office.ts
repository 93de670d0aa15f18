// DTOs of the office area (DOMAIN.md §10): the inspector directory, conflicts (回避), the
// double-random draw with its record, and tip-offs (举报).
import { z } from 'zod';
import { DRAW_TIERS } from '../../rules/draw';
import { DrawRecordSchema } from '../../rules/drawRecord';

const text = z.string().trim();
const optText = text.optional();
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const TargetKindSchema = z.enum(['employer', 'institution']);
export type TargetKind = z.infer<typeof TargetKindSchema>;
export const TARGET_KIND_NAMES: Record<TargetKind, string> = { employer: '参保单位', institution: '定点医药机构' };
export const DrawTierSchema = z.enum(DRAW_TIERS);

export const InspectorInputSchema = z.object({
  name: text.min(1, '请填写姓名'),
  credential: text.min(1, '请填写执法证号').regex(/^[^\t\r\n]+$/, '执法证号不能含有制表符或换行'),
  region: optText,
  sex: z.enum(['男', '女']).optional(),
  unit: optText,
  speciality: optText,
  department: optText,
  title: optText,
  enforcementRegion: optText,
  notes: optText,
  /** The user account of an inspector who also uses the workstation. */
  userId: z.number().int().positive().nullable().optional(),
});
export type InspectorInput = z.infer<typeof InspectorInputSchema>;
export const InspectorSchema = InspectorInputSchema.extend({ id: z.number().int(), active: z.boolean(), createdAt: z.string() });
export type Inspector = z.infer<typeof InspectorSchema>;

export const ConflictSchema = z.object({
  id: z.number().int(),
  inspectorId: z.number().int(),
  inspectorName: z.string(),
  credential: z.string(),
  targetKind: TargetKindSchema,
  creditCode: z.string(),
  targetName: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

/** A target as the draw set-up screen lists it, with the at-most-twice-a-year rule applied. */
export const DrawCandidateSchema = z.object({
  targetKind: TargetKindSchema,
  id: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  active: z.boolean(),
  drawsThisYear: z.number().int(),
  eligible: z.boolean(),
  /** Why not eligible. */
  reason: z.string().optional(),
});
export type DrawCandidate = z.infer<typeof DrawCandidateSchema>;

export const DrawRunInputSchema = z.object({
  task: text.min(1, '请填写抽查事项'),
  year: z.number().int().min(2000).max(2200),
  targetKind: TargetKindSchema,
  /** Recorded verbatim (not trimmed). */
  seed: z.string().min(1, '请填写随机种子文本'),
  /** The tier of each eligible target to draw from (credit code → tier); targets not listed take no part. */
  tiers: z.array(z.object({ creditCode: z.string(), tier: DrawTierSchema })).min(1, '请至少列入一个检查对象'),
  quotas: z.object({ high: z.string(), medium: z.string(), low: z.string() }),
  teamSize: z.number().int().min(2, '每组至少 2 人'),
  cap: z.number().int().positive().nullable().optional(),
});
export type DrawRunInput = z.infer<typeof DrawRunInputSchema>;

export const DrawSummarySchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  task: z.string(),
  targetKind: TargetKindSchema,
  seed: z.string(),
  snapshotSha256: z.string(),
  selected: z.number().int(),
  replacements: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type DrawSummary = z.infer<typeof DrawSummarySchema>;

export const DrawTeamSchema = z.object({
  creditCode: z.string(),
  tier: DrawTierSchema,
  targetName: z.string(),
  team: z.array(z.object({ credential: z.string(), name: z.string() })),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
});
export type DrawTeam = z.infer<typeof DrawTeamSchema>;

export const DrawDetailSchema = z.object({
  draw: DrawSummarySchema,
  record: DrawRecordSchema,
  verification: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
  teams: z.array(DrawTeamSchema),
});
export type DrawDetail = z.infer<typeof DrawDetailSchema>;

export const TIP_OFF_CHANNELS = ['letter', 'phone', 'visit', 'online', 'referral'] as const;
export const TIP_OFF_CHANNEL_NAMES: Record<(typeof TIP_OFF_CHANNELS)[number], string> = { letter: '来信', phone: '电话', visit: '来访', online: '网上', referral: '转办' };

export const TipOffInputSchema = z.object({
  receivedOn: IsoDate,
  channel: z.enum(TIP_OFF_CHANNELS),
  reporterName: optText,
  reporterContact: optText,
  subjectKind: TargetKindSchema,
  subjectCreditCode: optText,
  subjectName: text.min(1, '请填写被举报对象'),
  allegation: text.min(1, '请填写举报内容'),
  evidence: optText,
});
export type TipOffInput = z.infer<typeof TipOffInputSchema>;

export const TipOffUpdateSchema = z.object({
  id: z.number().int().positive(),
  assignedTo: optText,
  verification: z.enum(['case', 'desk']).optional(),
  caseId: z.number().int().positive().optional(),
  deskNote: optText,
  answeredOn: IsoDate.optional(),
  answer: optText,
  result: optText,
  /** Yuan as text ("1234.50"), converted to fen exactly. */
  confirmedAmount: optText,
  reward: optText,
  rewardNote: optText,
});
export type TipOffUpdate = z.infer<typeof TipOffUpdateSchema>;

export const TipOffSchema = TipOffInputSchema.extend({
  id: z.number().int(),
  assignedTo: z.string().nullable(),
  assignedOn: z.string().nullable(),
  verification: z.enum(['case', 'desk']).nullable(),
  caseId: z.number().int().nullable(),
  deskNote: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  result: z.string().nullable(),
  confirmedAmount: z.string().nullable(),
  reward: z.string().nullable(),
  rewardNote: z.string().nullable(),
  /** The 30-day answer deadline and how it stands today. */
  answerDue: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type TipOff = z.infer<typeof TipOffSchema>;
