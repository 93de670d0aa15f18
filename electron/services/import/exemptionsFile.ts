// The auditor's exemptions as a file, for `jihe compute --exempt FILE` and the findings screen's import (DOMAIN.md §6.4), as CSV or JSON:
//   CSV  (UTF-8 with or without BOM, or GB18030), header row, columns in any order:
//        身份证号 (or personId), 月份 (or months), 原因 (or reason), 备注 (or note)
//        months: empty = the whole audit period; "2024-01;2024-03" or a span "2024-01~2024-06"
//   JSON [{ "personId": "…", "months": ["2024-01"] | null, "reason": "student-intern", "note": "…" }]
// reason: a code (retiree-rehired, student-intern, insured-elsewhere, other) or its Chinese name
// (退休返聘, 实习学生, 已在他处参保, 其他); 其他 needs a note saying why.
import { parse as parseCsv } from 'csv-parse/sync';
import { EXEMPTION_REASONS, EXEMPTION_REASON_NAMES, type Exemption, type ExemptionReason } from '../../../shared/domain/lines';
import { isMonth, monthRange, parseMonth } from '../../../shared/rules/month';
import { normalizePersonId } from '../../../shared/rules/personId';
import { decodeText } from './decodeText';

export type ExemptionsResult = { ok: true; exemptions: Exemption[] } | { ok: false; errors: string[] };

const COLUMN_NAMES: Record<'personId' | 'months' | 'reason' | 'note', string[]> = {
  personId: ['personid', '身份证号', '身份证号码', '公民身份号码', '证件号码'],
  months: ['months', 'month', '月份', '所属期'],
  reason: ['reason', '原因', '豁免原因', '理由'],
  note: ['note', '备注', '说明'],
};

function reasonOf(text: string): ExemptionReason | null {
  const t = text.trim();
  if ((EXEMPTION_REASONS as readonly string[]).includes(t)) return t as ExemptionReason;
  for (const r of EXEMPTION_REASONS) if (EXEMPTION_REASON_NAMES[r] === t) return r;
  return null;
}

function monthsOf(value: unknown): { ok: true; months: string[] | null } | { ok: false; reason: string } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, months: null };
  const parts: string[] = Array.isArray(value) ? value.map(String) : String(value).split(/[;；,，、\s]+/).filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const span = /^(.+?)[~～至](.+)$/.exec(part);
    if (span) {
      const a = parseMonth(span[1]!);
      const b = parseMonth(span[2]!);
      if (!a.ok || !b.ok || b.month < a.month) return { ok: false, reason: `月份区间无效：“${part}”` };
      out.push(...monthRange(a.month, b.month));
      continue;
    }
    const m = parseMonth(part);
    if (!m.ok || !isMonth(m.month)) return { ok: false, reason: `月份无效：“${part}”（应为 YYYY-MM）` };
    out.push(m.month);
  }
  return { ok: true, months: [...new Set(out)].sort() };
}

function toExemption(raw: Record<string, unknown>, where: string, errors: string[]): Exemption | null {
  const problems: string[] = [];
  const id = normalizePersonId(typeof raw.personId === 'string' ? raw.personId : raw.personId === undefined ? '' : String(raw.personId));
  if (!id.ok) problems.push(id.reason);
  const reason = typeof raw.reason === 'string' ? reasonOf(raw.reason) : null;
  if (!reason) problems.push(`原因应为 ${EXEMPTION_REASONS.map((r) => EXEMPTION_REASON_NAMES[r]).join('、')} 之一，实际为“${String(raw.reason ?? '')}”`);
  const months = monthsOf(raw.months);
  if (!months.ok) problems.push(months.reason);
  const note = typeof raw.note === 'string' && raw.note.trim() !== '' ? raw.note.trim() : undefined;
  if (reason === 'other' && !note) problems.push('原因为“其他”时必须在备注中写明理由');
  if (problems.length > 0 || !id.ok || !reason || !months.ok) {
    errors.push(`${where}：${problems.join('；')}`);
    return null;
  }
  const e: Exemption = { personId: id.id, reason, months: months.months };
  if (note) e.note = note;
  return e;
}

function fromJson(text: string, fileName: string): ExemptionsResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${fileName}：不是有效的 JSON（${(e as Error).message}）`] };
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { exemptions?: unknown }).exemptions) ? (data as { exemptions: unknown[] }).exemptions : null;
  if (!list) return { ok: false, errors: [`${fileName}：内容应为豁免记录的列表（[…]）`] };
  const errors: string[] = [];
  const out: Exemption[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object') return void errors.push(`${fileName}，第 ${i + 1} 项：应为对象（{…}）`);
    const e = toExemption(item as Record<string, unknown>, `${fileName}，第 ${i + 1} 项`, errors);
    if (e) out.push(e);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, exemptions: out };
}

function fromCsv(text: string, fileName: string): ExemptionsResult {
  let rows: string[][];
  try {
    rows = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    return { ok: false, errors: [`${fileName}：CSV 格式有误（${(e as Error).message}）`] };
  }
  const header = rows[0];
  if (!header) return { ok: false, errors: [`${fileName}：文件是空的`] };
  const index: Partial<Record<keyof typeof COLUMN_NAMES, number>> = {};
  header.forEach((h, i) => {
    const key = h.replace(/\s/g, '').toLowerCase();
    for (const [role, names] of Object.entries(COLUMN_NAMES)) if (names.includes(key)) index[role as keyof typeof COLUMN_NAMES] = i;
  });
  const missing = (['personId', 'reason'] as const).filter((r) => index[r] === undefined);
  if (missing.length > 0) {
    return { ok: false, errors: [`${fileName}，第 1 行：缺少列 ${missing.map((r) => `“${COLUMN_NAMES[r][1]}”`).join('、')}（表头应包含 身份证号、原因，可选 月份、备注）`] };
  }
  const errors: string[] = [];
  const out: Exemption[] = [];
  rows.slice(1).forEach((r, i) => {
    const cell = (role: keyof typeof COLUMN_NAMES) => (index[role] === undefined ? undefined : r[index[role]!]);
    const e = toExemption({ personId: cell('personId'), months: cell('months'), reason: cell('reason'), note: cell('note') }, `${fileName}，第 ${i + 2} 行`, errors);
    if (e) out.push(e);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, exemptions: out };
}

export function parseExemptionsFile(bytes: Uint8Array, fileName: string): ExemptionsResult {
  const { text } = decodeText(bytes);
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(fileName) || /^\s*[[{]/.test(body)) return fromJson(body, fileName);
  return fromCsv(body, fileName);
}
