// The audit trail as a readable sheet for the dossier (DOMAIN.md §9: "the trail as JSON and a
// readable PDF"): one ruled table — 序号, 时间, 操作人, 操作, 内容, 哈希 — in chain order, and a
// closing paragraph naming the chain head, so a reader can match the paper to the JSON. Pure.
import { OFFICIAL_PAGE, type DocumentModel, type TableCell } from '../documents/model';

export interface TrailSheetEntry {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  hash: string;
}

/** Chinese names of the trail's actions; an unknown action prints as written. */
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'case.create': '登记案件',
  'case.transition': '变更案件状态',
  'case.archive': '归档',
  'import.store': '导入文件',
  'document.issue': '出具文书',
  'exemption.add': '记录豁免',
  'exemption.revoke': '撤销豁免',
  'finding.judge': '认定问题',
  'ledger.set': '录入账簿工资总额',
  'approval.approve': '审核通过',
  'evidence.add': '添加证据',
  'transfer.import': '从其他工作站导入',
};

const DETAIL_LABELS: Record<string, string> = {
  kind: '类型',
  fileName: '文件',
  rows: '行数',
  sha256: 'SHA-256',
  size: '字节',
  number: '文号',
  title: '题名',
  from: '原状态',
  to: '新状态',
  reason: '理由',
  personId: '身份证号码',
  months: '月份',
  decision: '处理意见',
  note: '说明',
  asOf: '计算截止',
  archiveNumber: '档号',
  month: '月份',
  amount: '金额',
};

/** "2026-07-01T08:00:00.000Z" → "2026-07-01 08:00:00". */
export function trailTime(at: string): string {
  return at.replace('T', ' ').replace(/\.\d+/, '').replace(/Z$/, '');
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.length === 64 && /^[0-9a-f]+$/.test(v) ? `${v.slice(0, 12)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The detail as 标签：值 pairs; ids internal to one database are left out. */
export function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([k, v]) => !/Id$/.test(k) && v !== null && v !== undefined)
    .map(([k, v]) => `${DETAIL_LABELS[k] ?? k}：${value(v)}`)
    .join('；');
}

export function buildTrailSheet(p: { agencyName: string; employerName: string; caseNumber: string; head: string; entries: readonly TrailSheetEntry[] }): DocumentModel {
  const cell = (text: string, align?: TableCell['align']): TableCell => ({ content: [text], ...(align ? { align } : {}) });
  return {
    kind: 'dossier-cover',
    title: '审计记录',
    blocks: [
      { kind: 'paragraph', indent: false, content: [`案件：${p.caseNumber}　被稽核单位：${p.employerName}　共 ${p.entries.length} 条（时间为协调世界时）`] },
      {
        kind: 'table',
        size: 'tiny',
        columns: [{ weight: 2, align: 'center' }, { weight: 6 }, { weight: 4 }, { weight: 4 }, { weight: 14 }, { weight: 5 }],
        header: [['序号', '时间', '操作人', '操作', '内容', '哈希（前12位）'].map((h) => cell(h, 'center'))],
        rows: p.entries.map((e, i) => [cell(String(i + 1)), cell(trailTime(e.at)), cell(e.actor), cell(AUDIT_ACTION_NAMES[e.action] ?? e.action), cell(describeDetail(e.detail)), cell(e.hash.slice(0, 12))]),
      },
      { kind: 'paragraph', small: true, content: [`各条记录按哈希链相连（每条的哈希 = SHA-256(前一条哈希 + 本条内容)），链头：${p.head}。完整记录见同卷“审计记录.json”，可用“jihe dossier verify”核验。`] },
    ],
    page: { ...OFFICIAL_PAGE, pageNumbers: 'official' },
    meta: { author: p.agencyName, subject: `${p.employerName}稽核 ${p.caseNumber} 审计记录` },
  };
}
