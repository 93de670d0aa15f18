// The auditor's exemptions (DOMAIN.md §6.4): a person, or some of their months, judged not
// liable (退休返聘, 实习学生, 已在他处参保, 其他). Exempt person-months produce no back-pay but stay
// visible with what they would have owed.
import type { Exemption } from '../domain/lines';
import type { ComputeWarning } from '../domain/result';
import type { Month } from './month';

export type ExemptionLookup = (personId: string, month: Month) => Exemption | undefined;

/**
 * An exemption covers exactly the months it lists; `months` null (or absent) covers the whole
 * person. An empty list therefore covers no month — it never widens to the whole person — and
 * the computation says so on the case (a warning), so the auditor sees the judgment did nothing.
 */
export function emptyExemptionWarnings(exemptions: readonly Exemption[] | undefined): ComputeWarning[] {
  const empty = (exemptions ?? []).filter((e) => Array.isArray(e.months) && e.months.length === 0);
  if (empty.length === 0) return [];
  const ids = [...new Set(empty.map((e) => e.personId))].sort();
  return [
    {
      code: 'empty-exemption',
      message: `${ids.length} 条豁免记录未列出任何月份（身份证号 ${ids.join('、')}），未豁免任何月份；如需豁免整人，请将月份留空。`,
    },
  ];
}

/** The first exemption (in the order given) that covers the person-month wins. */
export function makeExemptionLookup(exemptions: readonly Exemption[] | undefined): ExemptionLookup {
  const byPerson = new Map<string, { exemption: Exemption; months: Set<Month> | null }[]>();
  for (const e of exemptions ?? []) {
    let list = byPerson.get(e.personId);
    if (!list) byPerson.set(e.personId, (list = []));
    list.push({ exemption: e, months: e.months ? new Set(e.months) : null });
  }
  return (personId, month) => {
    const list = byPerson.get(personId);
    if (!list) return undefined;
    for (const { exemption, months } of list) if (months === null || months.has(month)) return exemption;
    return undefined;
  };
}
