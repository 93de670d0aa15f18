// The penalty referral (提请行政处罚建议书, DOMAIN.md §8): when the employer has not complied by
// the rectification deadline, the bureau asks the administrative department to impose the fine of
// 社会保险法 §84/§86 — the facts (what was ordered, by when, what remains undone on the check
// date), the legal basis, and the proposed measure. Amounts come from the ComputeResult.
import type { ComputeResult } from '../domain/result';
import { formatChineseDate, isIsoDate, type IsoDate } from '../rules/month';
import { formatPeriod } from './auditNotice';
import { amountRuns, checkCaseFacts, checkResultPeriod, failIfProblems, yuan, type CaseFacts } from './caseFacts';
import { assertRowsMatchTotals, digestFindings } from './findingsDigest';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type Inline } from './model';
import { headingLabel } from './numbering';

export interface PenaltyReferralParams {
  facts: CaseFacts;
  number: string;
  result: ComputeResult;
  /** The administrative department asked to act, e.g. 示例市医疗保障局行政执法科. */
  addressee: string;
  opinion: { number: string; date: IsoDate };
  rectification: { number: string; date: IsoDate; deadline: IsoDate };
  /** The follow-up check (复查) that found the employer had not complied. */
  checkedOn: IsoDate;
  /** What remains undone, in the auditors' words; default derived from the findings. */
  nonCompliance?: string[];
  issueDate: IsoDate;
  /**
   * The attachments that exist (issued documents of the case, by name); without it only the two
   * documents the referral rests on, which must exist. Nothing is listed that was not made.
   */
  attachments?: string[];
}

export function buildPenaltyReferral(p: PenaltyReferralParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems, 0);
  checkResultPeriod(p.facts, p.result, problems);
  if (p.number.trim() === '') problems.push('文号不能为空');
  if (p.addressee.trim() === '') problems.push('受理的行政部门不能为空');
  for (const [label, d] of [['稽核意见书日期', p.opinion.date], ['整改通知书日期', p.rectification.date], ['整改期限', p.rectification.deadline], ['复查日期', p.checkedOn], ['发文日期', p.issueDate]] as const) {
    if (!isIsoDate(d)) problems.push(`${label}无效：${d}`);
  }
  if (isIsoDate(p.checkedOn) && isIsoDate(p.rectification.deadline) && p.checkedOn <= p.rectification.deadline) {
    problems.push(`复查日期（${p.checkedOn}）应在整改期限（${p.rectification.deadline}）之后：期限届满前不能认定逾期未整改`);
  }
  const d = digestFindings(p.result);
  if (d.clean) problems.push('本案没有需要整改的事项，不能提请行政处罚');
  failIfProblems('提请行政处罚建议书', problems);
  assertRowsMatchTotals(p.result);

  const f = p.facts;
  const r = p.result;
  const agency = f.agency;
  const undone = p.nonCompliance && p.nonCompliance.length > 0
    ? p.nonCompliance.map((x) => x.trim())
    : [
        ...(r.rows.length > 0 ? [`未补缴社会保险费${yuan(r.totals.backPayFen)}及滞纳金`] : []),
        ...(d.notEnrolled.length > 0 ? [`未为${d.notEnrolled.length}名职工办理社会保险参保登记`] : []),
      ];
  let n = 0;
  const h1 = (text: string): Block => ({ kind: 'heading', level: 1, label: headingLabel(1, ++n), text });
  const measures: Inline[][] = [];
  if (r.rows.length > 0) {
    measures.push([
      '依照《中华人民共和国社会保险法》第八十六条的规定，对该单位处欠缴数额',
      ...amountRuns(r.totals.backPayFen),
      '一倍以上三倍以下的罚款；',
    ]);
  }
  if (d.notEnrolled.length > 0) {
    measures.push(['依照《中华人民共和国社会保险法》第八十四条的规定，对该单位未办理社会保险登记的行为处应缴社会保险费数额一倍以上三倍以下的罚款，对其直接负责的主管人员和其他直接责任人员处五百元以上三千元以下的罚款；']);
  }
  measures.push(['责令该单位继续履行补缴义务；逾期仍不缴纳的，依法申请人民法院强制执行。']);
  // The basis cites what the measures are proposed under, and the duties the conduct breaches.
  const breached = [...(d.notEnrolled.length > 0 ? ['第五十八条第一款'] : []), ...(r.rows.length > 0 ? ['第六十条第一款'] : [])];
  const under = [...(r.rows.length > 0 ? ['第八十六条'] : []), ...(d.notEnrolled.length > 0 ? ['第八十四条'] : [])];

  const blocks: Block[] = [
    { kind: 'addressee', text: `${p.addressee.trim()}：` },
    {
      kind: 'paragraph',
      content: [`${f.employer.name.trim()}（统一社会信用代码：${f.employer.creditCode.trim()}${f.employer.address ? `，地址：${f.employer.address.trim()}` : ''}${f.employer.legalRepresentative ? `，法定代表人：${f.employer.legalRepresentative.trim()}` : ''}）经我局稽核，逾期未按要求整改，现提请依法予以行政处罚。具体情况如下：`],
    },
    h1('违法事实'),
    {
      kind: 'paragraph',
      content: [
        `我局对该单位${formatPeriod(f.periodFrom, f.periodTo)}参加社会保险和缴纳社会保险费的情况进行了稽核（案件编号：${f.caseNumber.trim()}），查明该单位${d.notEnrolled.length > 0 ? `未为${d.notEnrolled.length}名职工参保（${d.notEnrolledPersonMonths}人次）` : ''}${d.notEnrolled.length > 0 && d.underDeclared.length > 0 ? '，' : ''}${d.underDeclared.length > 0 ? `少报${d.underDeclared.length}名职工的缴费基数（${d.underDeclaredPersonMonths}人次）` : ''}，应补缴社会保险费`,
        ...amountRuns(r.totals.backPayFen),
        `，滞纳金计至${formatChineseDate(r.asOf)}为${yuan(r.totals.lateFeeFen)}。`,
        `我局于${formatChineseDate(p.opinion.date)}作出《稽核意见书》（${p.opinion.number.trim()}），于${formatChineseDate(p.rectification.date)}送达《限期整改通知书》（${p.rectification.number.trim()}），责令其于${formatChineseDate(p.rectification.deadline)}前完成整改。`,
        `经${formatChineseDate(p.checkedOn)}复查，该单位逾期仍${undone.join('，')}。`,
      ],
    },
    h1('法律依据'),
    {
      kind: 'paragraph',
      content: [
        `该单位的行为违反了《中华人民共和国社会保险法》${breached.join('、')}的规定。依照《中华人民共和国社会保险法》${under.join('、')}的规定，建议依法予以行政处罚。`,
      ],
    },
    h1('处罚建议'),
    { kind: 'list', style: 'decimal', items: measures },
    { kind: 'paragraph', content: ['请依法处理，并将处理结果函告我局。'] },
    { kind: 'attachments', items: p.attachments && p.attachments.length > 0 ? p.attachments : [`稽核意见书（${p.opinion.number.trim()}）`, `限期整改通知书（${p.rectification.number.trim()}）`] },
    { kind: 'spacer', lines: 1 },
    { kind: 'signature', agency: agency.name, date: formatChineseDate(p.issueDate), sealText: agency.sealText },
  ];

  return {
    kind: 'penalty-referral',
    issuer: agency.name,
    title: DOCUMENT_KIND_NAMES['penalty-referral'],
    number: p.number.trim(),
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${f.employer.name.trim()}提请行政处罚建议书`, keywords: [p.number.trim(), f.caseNumber.trim()] },
  };
}
