// The personal-data check of every public export (DOMAIN.md §10.4, 一公开): no insured person's
// name, ID number or wages. Before anything is written, every cell text is searched for an
// ID-number pattern (18 characters ending in a digit or X, or 15 digits, not part of a longer
// run, with a birth date where an ID has one) and for the names of insured persons the workstation holds; one hit refuses the export.

const ID_PATTERN = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/** A birth date where an ID number has one (an all-digit credit code has none there). */
function looksLikeId(digits: string): boolean {
  const date = digits.length === 18 ? digits.slice(6, 14) : `19${digits.slice(6, 12)}`;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(4, 6));
  const d = Number(date.slice(6, 8));
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

export interface PersonalDataHit {
  where: string;
  what: string;
}

/**
 * `cells` are [where, text] pairs (where = "结果表第 3 行 检查人员"); `insuredNames` the names of
 * persons from payroll, declarations and rosters. Names shorter than 2 characters are ignored
 * (a single character would match anything).
 */
export function findPersonalData(cells: readonly [string, string][], insuredNames: Iterable<string>): PersonalDataHit[] {
  const names = [...new Set([...insuredNames].map((n) => n.trim()).filter((n) => n.length >= 2))];
  const hits: PersonalDataHit[] = [];
  for (const [where, text] of cells) {
    const id = [...text.matchAll(ID_PATTERN)].map((m) => m[1] as string).find(looksLikeId);
    if (id) hits.push({ where, what: `疑似身份证号码 ${id.slice(0, 6)}…` });
    for (const n of names) if (text.includes(n)) hits.push({ where, what: `参保人员姓名“${n}”` });
  }
  return hits;
}
