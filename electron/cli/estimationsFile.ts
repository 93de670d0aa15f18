// The auditor's estimations for `jihe compute --estimate FILE` (核定, DOMAIN.md §13), as JSON:
//   [{ "personId": "…" | null, "months": ["2024-03"] | null, "reason": "单位拒不提供工资表" }]
// personId null estimates every person of the case; months null every month of the period. The
// reason is required: it is printed with every estimated figure.
import type { Estimation } from '../../shared/domain/lines';
import { isMonth, parseMonth } from '../../shared/rules/month';
import { normalizePersonId } from '../../shared/rules/personId';
import { decodeText } from '../services/import/decodeText';

export type EstimationsResult = { ok: true; estimations: Estimation[] } | { ok: false; errors: string[] };

export function parseEstimationsFile(bytes: Uint8Array, fileName: string): EstimationsResult {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`${fileName}：不是有效的 JSON（${(e as Error).message}）`] };
  }
  if (!Array.isArray(data)) return { ok: false, errors: [`${fileName}：内容应为核定记录的列表（[…]）`] };
  const errors: string[] = [];
  const out: Estimation[] = [];
  data.forEach((item: unknown, i) => {
    const where = `${fileName}，第 ${i + 1} 项`;
    if (!item || typeof item !== 'object') return void errors.push(`${where}：应为对象（{…}）`);
    const raw = item as Record<string, unknown>;
    const problems: string[] = [];
    let personId: string | null = null;
    if (raw.personId !== null && raw.personId !== undefined) {
      const id = normalizePersonId(String(raw.personId));
      if (id.ok) personId = id.id;
      else problems.push(id.reason);
    }
    let months: string[] | null = null;
    if (Array.isArray(raw.months)) {
      months = [];
      for (const m of raw.months) {
        const p = parseMonth(String(m));
        if (!p.ok || !isMonth(p.month)) problems.push(`月份无效：“${String(m)}”（应为 YYYY-MM）`);
        else months.push(p.month);
      }
      if (raw.months.length === 0) problems.push('月份列表为空：核定整个期间请写 null');
    } else if (raw.months !== null && raw.months !== undefined) problems.push('月份应为列表或 null');
    const reason = typeof raw.reason === 'string' ? raw.reason.trim() : '';
    if (!reason) problems.push('必须写明核定的理由（reason）');
    if (problems.length > 0) return void errors.push(`${where}：${problems.join('；')}`);
    out.push({ personId, months: months ? [...new Set(months)].sort() : null, reason });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, estimations: out };
}
