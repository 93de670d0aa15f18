// Display formats. Money arrives as an exact two-decimal string and is only regrouped here,
// never turned into a float.

/** "3043.18" → "3,043.18"; "-0.05" stays "-0.05". */
export function formatMoney(text: string): string {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${m[3]}`;
}

export function isZeroMoney(text: string): boolean {
  return /^-?0+\.00$/.test(text);
}

/** "2024-03" → "2024年3月". */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

export function formatPeriod(from: string, to: string): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)}—${formatMonth(to)}`;
}

/** An ISO timestamp as local "2025-03-31 14:05". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A rate like "0.16" or "0.005" as "16%" / "0.5%"; exact on the decimal string. */
export function formatRate(rate: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!m) return rate;
  const all = m[1]! + (m[2] ?? '').padEnd(2, '0');
  const intLen = m[1]!.length + 2;
  const int = all.slice(0, intLen).replace(/^0+(?=\d)/, '');
  const frac = all.slice(intLen).replace(/0+$/, '');
  return `${int}${frac ? `.${frac}` : ''}%`;
}

/** Today in local time as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Where a figure came from: "工资表.xlsx · 2024年3月 · 第 4 行" (a CSV has no sheet name). */
export function formatSource(ref: { fileName: string; sheet: string; row: number }): string {
  return [ref.fileName, ref.sheet, `第 ${ref.row} 行`].filter(Boolean).join(' · ');
}
