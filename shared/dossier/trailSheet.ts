// The audit trail as a readable sheet for the dossier (DOMAIN.md §9: "the trail as JSON and a
// readable PDF"): one ruled table — 序号, 时间, 操作人, 操作, 内容, 哈希 — in chain order, and a
// closing paragraph naming the chain head, so a reader can match the paper to the JSON. Pure.
import { OFFICIAL_PAGE, type DocumentModel, type TableCell } from '../documents/model';
import { CASE_STATE_NAMES, type CaseState } from '../api/dto';
import { DOCUMENT_KIND_NAMES } from '../documents/kinds';
import { EXEMPTION_REASON_NAMES } from '../domain/lines';
import { INSURANCE_NAMES } from '../domain/insurance';
import { formatChineseDate, isIsoDate } from '../rules/month';

/** The bureau's local time: China Standard Time (UTC+8), the same on every workstation. */
const LOCAL_OFFSET_HOURS = 8;

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
  'case.transition': '状态变更',
  'case.archive': '归档',
  'import.store': '导入文件',
  'import.remove': '删除导入的文件',
  'document.issue': '出具文书',
  'exemption.add': '记录豁免',
  'exemption.revoke': '撤销豁免',
  'finding.judge': '认定问题',
  'ledger.set': '录入账簿工资总额',
  'approval.approve': '审核通过',
  'evidence.add': '添加证据',
  'transfer.import': '从其他工作站导入',
  'transfer.resolve': '处理交换冲突',
  'case.notice-served': '登记送达',
  'case.fact': '登记案件事项',
  'case-facts.set': '填写文书事项',
  'document.correct': '更正文书',
  'import.id-join': '确认身份证匹配',
  'import.template-save': '保存导入模板',
  'import.verification-override': '确认核对差异',
  'rectification.enrolment': '登记补办参保',
  'rectification.payment': '登记补缴',
  'rectification.followup': '复查',
  'case.figures': '设定计算截止日或缴费方案',
  'document.draft': '生成文书草稿',
  'document.redraft': '重新生成文书草稿',
};

const DETAIL_LABELS: Record<string, string> = {
  snapshotSha256: '冻结结果SHA-256',
  before: '原设定',
  after: '新设定',
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
  creditCode: '统一社会信用代码',
  periodFrom: '稽核期间起',
  periodTo: '稽核期间止',
  source: '来源',
  rowsLeftOut: '跳过行数',
  warnings: '警告',
  auditors: '稽核人员',
  issueDate: '发文日期',
  onsiteDate: '实地稽核日期',
  pages: '页数',
  place: '地点',
  type: '文书类型',
  documentNumber: '文书文号',
  manner: '送达方式',
  recipient: '受送达人',
  servedOn: '送达日期',
  reopen: '重新打开',
  description: '说明',
  mime: '格式',
  retentionYears: '保管年限',
  files: '文件数',
  dossierHead: '档案链头',
  total: '合计',
};

/** "2026-07-01T08:00:00.000Z" → "2026年7月1日 16:00:00" (北京时间). */
export function trailTime(at: string): string {
  const t = new Date(Date.parse(at) + LOCAL_OFFSET_HOURS * 3_600_000);
  if (Number.isNaN(t.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
}

function value(k: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if ((k === 'from' || k === 'to' || k === 'state') && typeof v === 'string' && v in CASE_STATE_NAMES) return CASE_STATE_NAMES[v as CaseState];
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && k === 'type' && v in DOCUMENT_KIND_NAMES) return DOCUMENT_KIND_NAMES[v as keyof typeof DOCUMENT_KIND_NAMES];
  if (typeof v === 'string' && k === 'reason' && v in EXEMPTION_REASON_NAMES) return EXEMPTION_REASON_NAMES[v as keyof typeof EXEMPTION_REASON_NAMES];
  if (typeof v === 'string' && (k === 'insurance' || k === 'code') && v in INSURANCE_NAMES) return INSURANCE_NAMES[v as keyof typeof INSURANCE_NAMES];
  if (typeof v === 'string' && isIsoDate(v)) return formatChineseDate(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => value(k, x)).join('、');
  if (k === 'auditors' && Array.isArray(v)) return v.map((a) => (a && typeof a === 'object' && 'name' in a ? String((a as { name: unknown }).name) : JSON.stringify(a))).join('、');
  if (typeof v === 'string') return v.length === 64 && /^[0-9a-f]+$/.test(v) ? `${v.slice(0, 12)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) return `（${describeDetail(v as Record<string, unknown>)}）`;
  return JSON.stringify(v);
}

/** The detail as 标签：值 pairs; ids internal to one database are left out. */
export function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    // ids internal to one database and the API method an entry came through are not the reader's business
    .filter(([k, v]) => !/Id$/.test(k) && k !== 'via' && v !== null && v !== undefined)
    .map(([k, v]) => `${DETAIL_LABELS[k] ?? k}：${value(k, v)}`)
    .join('；');
}

export function buildTrailSheet(p: { agencyName: string; employerName: string; caseNumber: string; head: string; entries: readonly TrailSheetEntry[] }): DocumentModel {
  const cell = (text: string, align?: TableCell['align']): TableCell => ({ content: [text], ...(align ? { align } : {}) });
  return {
    kind: 'dossier-cover',
    title: '审计记录',
    blocks: [
      { kind: 'paragraph', indent: false, content: [`案件：${p.caseNumber}　被稽核单位：${p.employerName}　共 ${p.entries.length} 条（时间为北京时间）`] },
      {
        kind: 'table',
        size: 'tiny',
        columns: [{ weight: 2, align: 'center' }, { weight: 5 }, { weight: 4 }, { weight: 5 }, { weight: 13.5 }, { weight: 7 }],
        header: [['序号', '时间', '操作人', '操作', '内容', '哈希（前12位）'].map((h) => cell(h, 'center'))],
        rows: p.entries.map((e, i) => [cell(String(i + 1)), cell(trailTime(e.at)), cell(e.actor), cell(AUDIT_ACTION_NAMES[e.action] ?? e.action), cell(describeDetail(e.detail)), cell(e.hash.slice(0, 12))]),
      },
      { kind: 'paragraph', small: true, content: [`各条记录按哈希链相连（每条的哈希 = SHA-256(前一条哈希 + 本条内容)），链头：${p.head}。完整记录见同卷“审计记录.json”，可用“jihe dossier verify”核验。`] },
    ],
    page: { ...OFFICIAL_PAGE, pageNumbers: 'official' },
    meta: { author: p.agencyName, subject: `${p.employerName}稽核 ${p.caseNumber} 审计记录` },
  };
}
