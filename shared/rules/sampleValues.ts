// Sample values never reach an issued document (issue 9, item 3). The shipped agency profile is an
// invented example; it says so itself by listing every field it fills with example values
// (AgencyProfile.sampleFields). A field leaves the list when the user edits it, and no document is
// issued while one remains — detected from that marker, never by guessing at the text. The same
// marked values are looked for in a document's text, so a draft made before the profile was
// filled in cannot carry them into an issued document either.
import { SAMPLE_FIELDS, type AgencyProfile, type SampleField } from '../domain/agency';

export const SAMPLE_FIELD_NAMES: Record<SampleField, string> = {
  name: '机关名称',
  numberPrefixes: '文号前缀',
  address: '机关地址',
  postcode: '邮政编码',
  phone: '联系电话',
  contact: '联系人',
  sealText: '印章文字',
};

/** The fields of the profile that still hold example values, in form order. */
export function sampleFieldsLeft(profile: Pick<AgencyProfile, 'sampleFields'> | null): SampleField[] {
  const marked = new Set(profile?.sampleFields ?? []);
  return SAMPLE_FIELDS.filter((f) => marked.has(f));
}

/** True when the agency profile is missing or still holds example values: the first run asks for it. */
export function profileNeedsFilling(profile: Pick<AgencyProfile, 'sampleFields'> | null): boolean {
  return profile === null || sampleFieldsLeft(profile).length > 0;
}

/** Equal values, whatever the order of an object's keys (a form writes prefixes in its own order). */
const canonical = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined && x !== '')
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, canonical(x)]),
      )
    : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * The sample marker after an edit: a field stays marked only while its value is unchanged. What
 * the edit itself says about the marker is ignored (a form never clears it by omission or sets it).
 */
export function sampleFieldsAfterEdit(stored: AgencyProfile | null, next: AgencyProfile): SampleField[] {
  if (!stored) return [];
  return sampleFieldsLeft(stored).filter((f) => same(stored[f], next[f]));
}

/** The example texts still in the profile (each marked field's value, prefixes one by one). */
export function sampleTexts(profile: AgencyProfile): string[] {
  return sampleFieldsLeft(profile).flatMap((f) => {
    const v = profile[f];
    return typeof v === 'string' ? [v] : Object.values(v).filter((x): x is string => typeof x === 'string');
  });
}

/**
 * Why a document cannot be issued because of example values, in Chinese, or null. `documentText`
 * is the document's printed text; it is searched for the marked example values.
 */
export function sampleValueRefusal(profile: AgencyProfile, documentText: string): string | null {
  const left = sampleFieldsLeft(profile);
  if (left.length === 0) return null;
  const inText = sampleTexts(profile).filter((t) => t.length >= 2 && documentText.includes(t));
  return (
    `机关信息中的${left.map((f) => SAMPLE_FIELD_NAMES[f]).join('、')}仍是示例内容，不能签发文书。` +
    (inText.length > 0 ? `本文书含示例内容：${inText.slice(0, 3).join('、')}。` : '') +
    '请在“系统设置 → 单位信息”中填写本机关的真实信息并保存，再重新生成草稿后签发'
  );
}
