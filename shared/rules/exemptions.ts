// The auditor's exemptions (DOMAIN.md §6.4): a person, or some of their months, judged not
// liable (退休返聘, 实习学生, 已在他处参保, 其他). Exempt person-months produce no back-pay but stay
// visible with what they would have owed.
import type { Exemption } from '../domain/lines';
import type { Month } from './month';

export type ExemptionLookup = (personId: string, month: Month) => Exemption | undefined;

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
