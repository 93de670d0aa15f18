// The work record (稽核工作记录, DOMAIN.md §8, steps 3–4): what the auditors checked, from which
// materials (the files they imported, with their row counts), and what they found — the record
// of the on-site audit that both sides sign (社会保险稽核办法: the audit is recorded and signed by
// the auditors and the employer). Unnumbered, like the other on-site forms; it names the case.
import type { ComputeResult } from '../domain/result';
import { formatChineseDate, isIsoDate, type IsoDate } from '../rules/month';
import { formatPeriod } from './auditNotice';
import { auditorList, cell, checkCaseFacts, checkResultPeriod, failIfProblems, yuan, yuanWithCapitals, type CaseFacts } from './caseFacts';
import { digestFindings } from './findingsDigest';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { OFFICIAL_PAGE, type Block, type DocumentModel } from './model';
import { headingLabel } from './numbering';

export interface ExaminedMaterial {
  /** 工资表, 缴费申报明细, 劳动合同… */
  name: string;
  /** 工资表2024.xlsx：12个工作表，读取503行 */
  detail: string;
}

export interface WorkRecordParams {
  facts: CaseFacts;
  result: ComputeResult;
  onsiteFrom: IsoDate;
  onsiteTo: IsoDate;
  place: string;
  materials: ExaminedMaterial[];
  /** The employer's people present (name and post); blanks when not given. */
  employerAttendees?: string[];
  /** Further observations in the auditors' words. */
  observations?: string[];
}

export const DEFAULT_CHECKS: readonly string[] = [
  '逐月核对工资表发放工资人数、申报缴费人数，查找未参保（漏报）和在保不在册人员；',
  '逐人逐月核对申报缴费基数与工资收入，按缴费基数上下限核定应缴基数；',
  '核对申报的缴费金额与缴费基数、费率是否相符；',
  '按缴费政策计算应补缴的社会保险费和滞纳金。',
];

export function buildWorkRecord(p: WorkRecordParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems);
  checkResultPeriod(p.facts, p.result, problems);
  if (!isIsoDate(p.onsiteFrom) || !isIsoDate(p.onsiteTo)) problems.push('实地稽核日期无效');
  if (p.place.trim() === '') problems.push('稽核地点不能为空');
  if (p.materials.length === 0) problems.push('至少应列明一项查阅的资料');
  failIfProblems('稽核工作记录', problems);

  const f = p.facts;
  const r = p.result;
  const d = digestFindings(r);
  const onsite = p.onsiteFrom === p.onsiteTo ? formatChineseDate(p.onsiteFrom) : `${formatChineseDate(p.onsiteFrom)}至${formatChineseDate(p.onsiteTo)}`;
  const heads = r.months.map((m) => m.payrollHeadcount);
  const declared = r.months.map((m) => m.declaredHeadcount);
  const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}人` : `${Math.min(...xs)}～${Math.max(...xs)}人`);
  const row = (label: string, value: string) => [cell(label), cell(value, 'left')];
  let n = 0;
  const h1 = (text: string): Block => ({ kind: 'heading', level: 1, label: headingLabel(1, ++n), text });

  const found: string[] = [
    `稽核期间各月工资表发放工资${range(heads)}，申报缴费${range(declared)}。`,
    d.notEnrolled.length > 0
      ? `${d.notEnrolled.length}人${d.notEnrolledPersonMonths}人次在工资表上领取工资但未参保（漏报）。`
      : '未发现在工资表上领取工资而未参保的人员。',
    d.underDeclared.length > 0
      ? `${d.underDeclared.length}人${d.underDeclaredPersonMonths}人次申报缴费基数低于应缴基数。`
      : '未发现申报缴费基数低于应缴基数的情况。',
    d.declaredOnly.length > 0 ? `${d.declaredOnly.length}人${d.declaredOnlyPersonMonths}人次申报缴费但不在工资表上（在保不在册），需单位说明。` : '未发现在保不在册人员。',
  ];
  if (r.overDeclared.length > 0) found.push(`${r.overDeclared.length}项申报基数高于应缴基数（仅作记录，不予退还）。`);
  if (r.discrepancies.length > 0) found.push(`${r.discrepancies.length}项申报缴费金额与基数、费率不符。`);
  if (d.exempted.length > 0) found.push(`${d.exempted.length}人经稽核人员认定不计算补缴（${d.exempted.map((x) => `${x.name}：${x.note ?? ''}`).join('；')}）。`);
  if (r.rows.length > 0) {
    found.push(
      `初步计算应补缴社会保险费${yuanWithCapitals(r.totals.backPayFen)}（单位${yuan(r.totals.employerFen)}，个人${yuan(r.totals.employeeFen)}），滞纳金计至${formatChineseDate(r.asOf)}为${yuan(r.totals.lateFeeFen)}，以稽核意见书为准。`,
    );
  }
  for (const w of r.warnings) found.push(`注意：${w.message}`);
  for (const o of p.observations ?? []) found.push(o.trim());

  const attendees = p.employerAttendees && p.employerAttendees.length > 0 ? p.employerAttendees.join('、') : '';
  const blocks: Block[] = [
    { kind: 'paragraph', content: [`案件编号：${f.caseNumber.trim()}`], align: 'right', indent: false, small: true },
    {
      kind: 'table',
      columns: [{ weight: 3 }, { weight: 9 }],
      header: [],
      rows: [
        row('被稽核单位', f.employer.name.trim()),
        row('统一社会信用代码', f.employer.creditCode.trim()),
        row('稽核期间', formatPeriod(f.periodFrom, f.periodTo)),
        row('实地稽核时间', onsite),
        row('稽核地点', p.place.trim()),
        row('稽核人员', auditorList(f.auditors)),
        row('单位陪同人员', attendees === '' ? '\n' : attendees),
      ],
      size: 'small',
    },
    h1('查阅的资料'),
    {
      kind: 'table',
      columns: [{ weight: 1 }, { weight: 3 }, { weight: 8 }],
      header: [[cell('序号'), cell('资料'), cell('来源及内容')]],
      rows: p.materials.map((m, i) => [cell(String(i + 1)), cell(m.name.trim()), cell(m.detail.trim(), 'left')]),
      size: 'small',
    },
    h1('稽核的内容和方法'),
    { kind: 'list', style: 'decimal', items: DEFAULT_CHECKS.map((c) => [c]) },
    h1('发现的情况'),
    { kind: 'list', style: 'decimal', items: found.map((x) => [x]) },
    { kind: 'paragraph', content: ['以上情况经双方核对。逐人逐月的数据来源（文件、工作表、行号）见稽核事实确认书和补缴明细表。'] },
    {
      kind: 'received',
      lines: [
        [{ label: '稽核人员（签名）', blank: 3 }, { label: '稽核人员（签名）', blank: 3 }],
        [{ label: '被稽核单位意见（盖章）', blank: 14 }],
        [{ label: '单位负责人（签名）', blank: 4 }, { label: '日期', blank: 5 }],
      ],
    },
  ];

  return {
    kind: 'work-record',
    issuer: f.agency.name,
    title: DOCUMENT_KIND_NAMES['work-record'],
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: f.agency.name, subject: `${f.employer.name.trim()}社会保险稽核工作记录`, keywords: [f.caseNumber.trim()] },
  };
}
