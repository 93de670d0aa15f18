// The audit trail in words an auditor reads: each logged action (case.create, import.store, …)
// gets a Chinese title and a one-line summary of its detail. Unknown actions still show, under
// their raw name, so nothing in the trail is ever hidden by a missing translation. Actions of other
// areas fall back to the dossier's trail sheet names (shared/dossier/trailSheet.ts).
import { CASE_STATE_NAMES, type CaseState } from '../api/dto';
import { DOCUMENT_KIND_NAMES, type DocumentKind } from '../documents/kinds';
import { AUDIT_ACTION_NAMES } from '../dossier/trailSheet';

export const ACTION_TITLES: Record<string, string> = {
  'case.create': '立项',
  'screening.run': '智能监控筛查',
  'screening.judge': '疑点认定',
  'institution.create': '登记定点医药机构',
  'institution.update': '修改定点医药机构信息',
  'institution.deactivate': '停用定点医药机构',
  'institution.import': '导入定点医药机构名录',
  'case.transition': '案件状态变更',
  'case.notice-served': '登记送达回证',
  'case.fact': '登记案件日期',
  'import.store': '导入文件',
  'import.remove': '删除导入的文件',
  'document.issue': '签发文书',
  'document.draft': '生成文书草稿',
  'document.redraft': '重新生成文书草稿',
  'document.correct': '更正文书',
  'case-facts.set': '填写案件信息',
  'exemption.add': '登记豁免',
  'exemption.revoke': '撤销豁免',
  'finding.judge': '认定意见',
  'ledger.set': '登记账簿工资总额',
  'approval.approve': '科室负责人审核',
  'evidence.add': '添加证据材料',
  'rectification.payment': '登记缴款',
  'rectification.enrolment': '登记补办参保',
  'rectification.followup': '复查导入申报明细',
  // Office side (DOMAIN.md §10).
  'employer.update': '修改参保单位信息',
  'employer.activate': '启用参保单位',
  'employer.deactivate': '停用参保单位',
  'inspector.create': '登记检查人员',
  'inspector.update': '修改检查人员信息',
  'inspector.activate': '启用检查人员',
  'inspector.deactivate': '停用检查人员',
  'inspector.import': '导入检查人员名录',
  'conflict.add': '登记回避关系',
  'conflict.remove': '撤销回避关系',
  'draw.run': '双随机抽取',
  'draw.replace': '递补检查人员',
  'draw.case': '抽查立项',
  'draw.publish': '导出抽查结果公示',
  'tip-off.create': '登记举报',
  'tip-off.update': '办理举报',
};

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const stateName = (v: unknown): string => CASE_STATE_NAMES[v as CaseState] ?? str(v);
const docName = (v: unknown): string => DOCUMENT_KIND_NAMES[v as DocumentKind] ?? str(v);
const IMPORT_KINDS: Record<string, string> = { payroll: '工资表', declaration: '缴费申报明细' };

/** "951331.02" → "951,331.02" (the detail keeps the plain decimal string). */
function groupedAmount(v: unknown): string {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(str(v));
  return m ? `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${m[3]}` : str(v);
}

/** The one-line summary of an entry's detail (empty when there is nothing to add). */
export function trailSummary(action: string, d: Record<string, unknown>): string {
  switch (action) {
    case 'case.create':
      return `案件 ${str(d.number)}，稽核期间 ${str(d.periodFrom)} 至 ${str(d.periodTo)}`;
    case 'case.transition':
      return `${stateName(d.from)} → ${stateName(d.to)}${d.reopen ? '（重新打开）' : ''}${d.reason ? `，原因：${str(d.reason)}` : ''}`;
    case 'case.notice-served':
      return `${str(d.documentNumber)} 于 ${str(d.servedOn)} ${str(d.manner)}，受送达人 ${str(d.recipient)}`;
    case 'case.fact':
      return [d.tipOffReceived ? `收到举报日期 ${str(d.tipOffReceived)}` : '', d.rectificationDeadline ? `整改期限 ${str(d.rectificationDeadline)}` : ''].filter(Boolean).join('；');
    case 'case.archive':
      return `档号 ${str(d.archiveNumber)}，档案 ${str(d.files)} 个文件`;
    case 'import.store':
      return `${IMPORT_KINDS[str(d.kind)] ?? str(d.kind)}《${str(d.fileName)}》${d.rows !== undefined ? `，${str(d.rows)} 行` : ''}`;
    case 'import.remove':
      return `${IMPORT_KINDS[str(d.kind)] ?? str(d.kind)}《${str(d.fileName)}》，${str(d.rows)} 行，原因：${str(d.reason)}`;
    case 'document.issue':
    case 'document.draft':
    case 'document.redraft':
      return `${docName(d.type)} ${str(d.number)}`.trim();
    case 'exemption.add':
      return `${d.name ? `${str(d.name)}（${str(d.personId)}）` : str(d.personId)}${d.reasonName || d.reason ? `，原因：${str(d.reasonName ?? d.reason)}` : ''}`;
    case 'exemption.revoke':
      return `豁免记录 ${str(d.exemptionId)}`;
    case 'finding.judge':
      return `${d.name ? `${str(d.kindName)} ${str(d.name)}（${str(d.personId)}）${str(d.month)}` : str(d.key)}：${d.decision === 'exempted' ? '豁免' : d.decision === 'accepted' ? '认定' : str(d.decision)}`;
    case 'ledger.set':
      return `${str(d.month)}${d.amount !== undefined && d.amount !== null ? ` ${groupedAmount(d.amount)} 元` : ''}`;
    case 'approval.approve':
      return `计算截止 ${str(d.asOf)}，编制人 ${str(d.preparer)}`;
    case 'evidence.add':
      return `《${str(d.fileName)}》 SHA-256 ${str(d.sha256).slice(0, 12)}…`;
    case 'rectification.payment':
      return `${str(d.paidOn)} ${d.purpose === 'late-fee' ? '滞纳金' : '补缴'} ${groupedAmount(d.amount)} 元`;
    case 'rectification.enrolment':
      return `${str(d.personId)} 自 ${str(d.monthFrom)} 起参保`;
    case 'draw.run':
      return `${str(d.task)}，种子“${str(d.seed)}”，快照 ${str(d.snapshotSha256).slice(0, 12)}…`;
    case 'draw.replace':
      return `${str(d.creditCode)}：${str(d.withdrawn)} 退出（${str(d.reason)}），由 ${str(d.replacement)} 递补`;
    case 'draw.case':
      return `抽查记录 ${str(d.drawId)}，检查组 ${Array.isArray(d.team) ? d.team.map(str).join('、') : ''}`;
    case 'conflict.add':
    case 'conflict.remove':
      return `${str(d.credential)} — ${str(d.creditCode)}，原因：${str(d.reason)}`;
    case 'transfer.resolve':
      return `${str(d.choiceName)}，交换包来自 ${str(d.signer)}，对方 ${Array.isArray(d.theirEntries) ? d.theirEntries.length : 0} 条审计记录`;
    case 'rectification.followup':
      return `《${str(d.fileName)}》${str(d.rows)} 行，仍缺 ${str(d.missing)} 个人月`;
    default:
      return '';
  }
}

export function trailTitle(action: string): string {
  return ACTION_TITLES[action] ?? AUDIT_ACTION_NAMES[action] ?? action;
}
