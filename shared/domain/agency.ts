// The issuing agency's profile: its name, number prefixes, address and the wording of its legal
// basis. Every bureau words its documents its own way, so this is configuration the user loads
// (resources/agency-profile.default.json is an invented example), never code. Documents read
// their prefix and legal basis from here and fall back to the national defaults.
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../documents/kinds';
import { InsuranceCodeSchema } from './insurance';

/** The fields a sample profile can mark as still holding example values. */
export const SAMPLE_FIELDS = ['name', 'numberPrefixes', 'address', 'postcode', 'phone', 'contact', 'sealText'] as const;
export type SampleField = (typeof SAMPLE_FIELDS)[number];

const text = (what: string) => z.string({ message: `${what}应为文字` }).trim().min(1, `${what}不能为空`);
const kind = z.enum(DOCUMENT_KINDS, { message: `文书类型应为 ${DOCUMENT_KINDS.join('、')} 之一` });

export const AgencyProfileSchema = z.object({
  /** 示例市医疗保障局 — printed as issuer and signature. */
  name: text('机关名称'),
  /** Per document type, the prefix of its numbers: audit-notice → 示医保稽通. */
  numberPrefixes: z.partialRecord(
    kind,
    text('文号前缀').refine((p) => !/[〔〕[\]［］]/.test(p), '文号前缀不应包含括号（年份的〔〕由系统添加）'),
  ),
  address: text('机关地址'),
  postcode: z.string().trim().regex(/^\d{6}$/, '邮政编码应为6位数字'),
  phone: text('联系电话'),
  contact: text('联系人'),
  /** Text on the seal, e.g. 示例市医疗保障局稽核专用章; shown on draft previews only. */
  sealText: text('印章文字'),
  /**
   * Per document type, the laws and articles the document cites, in order, each as written
   * in the text (《中华人民共和国社会保险法》第五十八条). Builders write them as one
   * “根据……的规定” sentence; a type without an entry uses the defaults of legalBasis.ts.
   */
  legalBasis: z.partialRecord(kind, z.array(text('法律依据')).min(1, '法律依据至少一条')).default({}),
  /**
   * The insurance types the agency audits (DOMAIN.md §12): a medical-security bureau audits
   * medical and maternity insurance only. Plans and figures outside it are refused or flagged
   * (shared/rules/remit.ts). Absent in profiles written before the field: nothing is checked.
   */
  remit: z.array(InsuranceCodeSchema).min(1, '稽核险种至少一项').optional(),
  /** Calendar days between serving the audit notice and the on-site audit (稽核办法: 3). */
  noticeDays: z.number().int('提前通知天数应为整数').min(1, '提前通知天数至少为1天').max(60, '提前通知天数不合理').default(3),
  /**
   * The fields that still hold an example's values (the shipped sample profile lists them all).
   * A field leaves the list when it is edited (agency.update); no document is issued while the
   * list is not empty (shared/rules/sampleValues.ts).
   */
  sampleFields: z.array(z.enum(SAMPLE_FIELDS, { message: `示例字段应为 ${SAMPLE_FIELDS.join('、')} 之一` })).optional(),
});

export type AgencyProfile = z.infer<typeof AgencyProfileSchema>;

/** The number prefix for a document type, or a Chinese error naming what to configure. */
export function numberPrefixFor(profile: AgencyProfile, type: DocumentKind): string {
  const prefix = profile.numberPrefixes[type];
  if (!prefix) throw new Error(`机关配置中缺少“${type}”文书的文号前缀，请在机关信息中补充`);
  return prefix;
}

/** Validates a loaded profile and says in Chinese what is wrong where. */
export function parseAgencyProfile(input: unknown, source = '机关配置'): AgencyProfile {
  const r = AgencyProfileSchema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '（根）'}：${i.message}`);
  throw new Error(`${source}有误：${problems.join('；')}`);
}
