// Findings the auditor judges one by one, named by a stable key "<kind>:<personId>:<month>", so a
// judgment still points at the same person-month after the result is recomputed (another as-of
// date, a new exemption) and the key can be written into the audit log and the approval hash.
import { isMonth, type Month } from '../rules/month';

export const JUDGED_FINDING_KINDS = ['payroll-only', 'under-declared', 'declared-only', 'over-declared'] as const;
export type JudgedFindingKind = (typeof JUDGED_FINDING_KINDS)[number];

export const JUDGED_FINDING_KIND_NAMES: Record<JudgedFindingKind, string> = {
  'payroll-only': '在册未参保（漏报人员）',
  'under-declared': '少报缴费基数',
  'declared-only': '在保不在册',
  'over-declared': '多报缴费基数',
};

/** Findings that carry back-pay, so that exempting them changes the amounts. */
export const EXEMPTIBLE_FINDING_KINDS: readonly JudgedFindingKind[] = ['payroll-only', 'under-declared'];

export const FINDING_DECISIONS = ['accepted', 'exempted'] as const;
export type FindingDecision = (typeof FINDING_DECISIONS)[number];
export const FINDING_DECISION_NAMES: Record<FindingDecision, string> = { accepted: '认定', exempted: '豁免' };

export interface FindingKey {
  kind: JudgedFindingKind;
  personId: string;
  month: Month;
}

export function findingKey(k: FindingKey): string {
  return `${k.kind}:${k.personId}:${k.month}`;
}

/** Reads a key back, or says in Chinese why it is not one. */
export function parseFindingKey(text: string): { ok: true; key: FindingKey } | { ok: false; reason: string } {
  const parts = text.split(':');
  if (parts.length !== 3) return { ok: false, reason: `问题标识“${text}”格式应为 类型:身份证号码:月份` };
  const [kind, personId, month] = parts as [string, string, string];
  if (!(JUDGED_FINDING_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, reason: `问题类型“${kind}”无效，应为 ${JUDGED_FINDING_KINDS.join('、')} 之一` };
  }
  if (personId.trim() === '') return { ok: false, reason: `问题标识“${text}”缺少身份证号码` };
  if (!isMonth(month)) return { ok: false, reason: `问题标识“${text}”中的月份无效（应为 YYYY-MM）` };
  return { ok: true, key: { kind: kind as JudgedFindingKind, personId, month } };
}
