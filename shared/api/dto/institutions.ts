// DTOs of the institutions area (INSTITUTIONS.md §2, §6): the directory of designated medical
// institutions, institution checks (cases of kind 'institution-check') and claims screening with
// its hits and the inspector's judgments. Money crosses the API as two-decimal strings.
import { z } from 'zod';
import { RULE_CODES } from '../../rules/screening/screen';

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD');
const optionalDate = dateText.nullable().optional();
const text = (max: number) => z.string().trim().max(max, `最多 ${max} 个字符`);

export const INSTITUTION_KINDS = ['hospital', 'pharmacy'] as const;
export const INSTITUTION_KIND_NAMES = { hospital: '定点医疗机构', pharmacy: '定点零售药店' } as const;
export const AGREEMENT_STATUSES = ['normal', 'suspended', 'terminated'] as const;
export const AGREEMENT_STATUS_NAMES = { normal: '正常', suspended: '暂停', terminated: '解除' } as const;

/** What an inspector enters or a directory file gives for one institution. */
export const InstitutionInputSchema = z.object({
  kind: z.enum(INSTITUTION_KINDS),
  region: text(40).default(''),
  name: text(100).min(1, '名称不能为空'),
  creditCode: z.string().trim().min(1, '统一社会信用代码不能为空'),
  insuranceCode: text(40).default(''),
  ownership: z.enum(['公立', '民营']).nullable().optional(),
  hospitalType: z.enum(['综合', '专科']).nullable().optional(),
  grade: text(20).nullable().optional(),
  foundedOn: optionalDate,
  address: text(200).default(''),
  businessLicence: text(60).nullable().optional(),
  drugLicence: text(60).nullable().optional(),
  premises: text(200).nullable().optional(),
  legalRepName: text(40).default(''),
  legalRepId: text(30).default(''),
  contact: text(40).default(''),
  phone: text(40).default(''),
  note: text(500).default(''),
  agreementNo: text(60).default(''),
  agreementFrom: optionalDate,
  agreementTo: optionalDate,
  agreementStatus: z.enum(AGREEMENT_STATUSES).default('normal'),
  suspendedUntil: optionalDate,
  creditRating: z.enum(['A', 'B', 'C', 'D']).nullable().optional(),
  creditRatedOn: optionalDate,
  creditSource: text(100).nullable().optional(),
});
export type InstitutionInput = z.input<typeof InstitutionInputSchema>;

export const InstitutionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(INSTITUTION_KINDS),
  region: z.string(),
  name: z.string(),
  creditCode: z.string(),
  insuranceCode: z.string(),
  ownership: z.string().nullable(),
  hospitalType: z.string().nullable(),
  grade: z.string().nullable(),
  foundedOn: z.string().nullable(),
  address: z.string(),
  businessLicence: z.string().nullable(),
  drugLicence: z.string().nullable(),
  premises: z.string().nullable(),
  legalRepName: z.string(),
  /** The full number for inspectors; masked (1301**********0012) for everyone else. */
  legalRepId: z.string(),
  legalRepIdMasked: z.boolean(),
  contact: z.string(),
  phone: z.string(),
  note: z.string(),
  agreementNo: z.string(),
  agreementFrom: z.string().nullable(),
  agreementTo: z.string().nullable(),
  agreementStatus: z.enum(AGREEMENT_STATUSES),
  suspendedUntil: z.string().nullable(),
  creditRating: z.string().nullable(),
  creditRatedOn: z.string().nullable(),
  creditSource: z.string().nullable(),
  active: z.boolean(),
  deactivatedReason: z.string().nullable(),
  checks: z.number().int(),
});
export type Institution = z.infer<typeof InstitutionSchema>;

export const InstitutionCheckSchema = z.object({
  caseId: z.number().int(),
  number: z.string(),
  institutionId: z.number().int(),
  institutionName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  source: z.string(),
  state: z.string(),
  createdAt: z.string(),
});
export type InstitutionCheck = z.infer<typeof InstitutionCheckSchema>;

export const RuleCodeSchema = z.enum(RULE_CODES);
export const VERDICTS = ['confirmed', 'excluded', 'pending'] as const;
export const VERDICT_NAMES = { confirmed: '认定', excluded: '排除', pending: '待核实' } as const;
export const VerdictSchema = z.enum(VERDICTS);

const RowRefSchema = z.object({ file: z.string(), sheet: z.string(), row: z.number().int() });
export const HitDtoSchema = z.object({
  key: z.string(),
  rule: RuleCodeSchema,
  rows: z.array(RowRefSchema),
  personId: z.string(),
  name: z.string(),
  /** null = 待核定. */
  amount: z.string().nullable(),
  fundLoss: z.string().nullable(),
  derivation: z.object({ rows: z.array(RowRefSchema), catalog: z.record(z.string(), z.unknown()).nullable(), parameter: z.string().nullable(), arithmetic: z.array(z.string()) }),
  verdict: VerdictSchema.nullable(),
  reason: z.string().nullable(),
});
export type HitDto = z.infer<typeof HitDtoSchema>;

const TotalSchema = z.object({ hits: z.number().int(), amount: z.string(), fundLoss: z.string(), pending: z.number().int() });
export const ScreeningResultDtoSchema = z.object({
  run: z
    .object({
      id: z.number().int(),
      params: z.record(z.string(), z.unknown()),
      paramsVersion: z.number().int(),
      files: z.array(z.object({ role: z.enum(['claims', 'catalog']), fileName: z.string(), sha256: z.string(), rows: z.number().int() })),
      rowsScreened: z.number().int(),
      refundRows: z.number().int(),
      createdAt: z.string(),
      createdBy: z.string(),
    })
    .nullable(),
  /** Per rule: every hit, and the 认定 ones (only those carry amounts into findings and documents). */
  totals: z.record(RuleCodeSchema, TotalSchema),
  confirmed: z.record(RuleCodeSchema, TotalSchema),
  hits: z.array(HitDtoSchema),
});
export type ScreeningResultDto = z.infer<typeof ScreeningResultDtoSchema>;
