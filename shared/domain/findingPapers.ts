// The working papers' finding identities (issue 4 item 1). The judged kinds keep the key format of
// ./findings.ts; a rate/amount discrepancy is named by its declaration row, because one
// person-month can carry several (one per row and side). Keys travel from the screen to
// findings.derivation and back, so both sides build them here.
import { parseFindingKey, type FindingKey } from './findings';

export interface DiscrepancyKey {
  kind: 'discrepancy';
  personId: string;
  month: string;
  side: 'employer' | 'employee';
  fileId: number;
  row: number;
}

export type PaperKey = FindingKey | DiscrepancyKey;

export function discrepancyKey(d: { personId: string; month: string; side: 'employer' | 'employee'; source: { fileId: number; row: number } }): string {
  return `discrepancy:${d.personId}:${d.month}:${d.side}:${d.source.fileId}:${d.source.row}`;
}

/** Reads a working-paper key back, or says in Chinese why it is not one. */
export function parsePaperKey(text: string): { ok: true; key: PaperKey } | { ok: false; reason: string } {
  if (!text.startsWith('discrepancy:')) return parseFindingKey(text);
  const parts = text.split(':');
  const [, personId, month, side, fileId, row] = parts;
  if (parts.length !== 6 || !personId || !month || (side !== 'employer' && side !== 'employee') || !/^\d+$/.test(fileId ?? '') || !/^\d+$/.test(row ?? '')) {
    return { ok: false, reason: `问题标识“${text}”格式应为 discrepancy:身份证号码:月份:employer|employee:文件编号:行号` };
  }
  return { ok: true, key: { kind: 'discrepancy', personId, month, side, fileId: Number(fileId), row: Number(row) } };
}

export const PAPER_KIND_NAMES: Record<PaperKey['kind'], string> = {
  'payroll-only': '未参保（在册未保）',
  'under-declared': '少报基数',
  'declared-only': '在保不在册',
  'over-declared': '多报基数',
  discrepancy: '费率/金额不符',
};

export const SIDE_NAMES: Record<'employer' | 'employee', string> = { employer: '单位', employee: '个人' };
