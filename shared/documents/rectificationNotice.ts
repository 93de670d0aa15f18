// The rectification notice (限期整改通知书, DOMAIN.md §8, steps 5–6): the items the employer
// must correct — enrol the persons not enrolled, declare true bases, pay the back-contributions
// and late fees — by a deadline, and what follows if it does not (社会保险法 §84 and §86: a fine
// of one to three times the amount). Amounts come from the ComputeResult, in figures and capitals.
import type { ComputeResult } from '../domain/result';
import { formatChineseDate, formatChineseMonth, isIsoDate, type IsoDate } from '../rules/month';
import { formatPeriod } from './auditNotice';
import { paymentDeadline, rightsParagraph } from './auditOpinion';
import { amountRuns, checkCaseFacts, checkResultPeriod, failIfProblems, yuan, type CaseFacts } from './caseFacts';
import { assertRowsMatchTotals, digestFindings } from './findingsDigest';
import { personTable } from './findingTables';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { joinCitations, legalBasisFor } from './legalBasis';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type Inline } from './model';
import type { WorkingDayCalendar } from './workingDays';

export interface RectificationNoticeParams {
  facts: CaseFacts;
  number: string;
  result: ComputeResult;
  /** The audit opinion this notice enforces. */
  opinion: { number: string; date: IsoDate };
  issueDate: IsoDate;
  /** Default: 5 working days after the issue date (人社部令第20号 §16). */
  deadline?: IsoDate;
  calendar?: WorkingDayCalendar;
  reconsiderationBody?: string;
}

export function buildRectificationNotice(p: RectificationNoticeParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems, 0);
  checkResultPeriod(p.facts, p.result, problems);
  if (p.number.trim() === '') problems.push('文号不能为空');
  if (p.opinion.number.trim() === '') problems.push('所依据的稽核意见书文号不能为空');
  if (!isIsoDate(p.issueDate)) problems.push(`发文日期无效：${p.issueDate}`);
  if (!isIsoDate(p.opinion.date)) problems.push(`稽核意见书日期无效：${p.opinion.date}`);
  if (p.deadline !== undefined && !isIsoDate(p.deadline)) problems.push(`整改期限无效：${p.deadline}`);
  if (p.deadline !== undefined && isIsoDate(p.deadline) && isIsoDate(p.issueDate) && p.deadline <= p.issueDate) problems.push('整改期限应晚于发文日期');
  const d = digestFindings(p.result);
  if (d.clean) problems.push('本案没有需要整改的事项');
  failIfProblems('限期整改通知书', problems);
  assertRowsMatchTotals(p.result);

  const f = p.facts;
  const r = p.result;
  const agency = f.agency;
  const deadline = p.deadline ?? paymentDeadline(p.issueDate, undefined, p.calendar);
  const items: Inline[][] = [];
  if (d.notEnrolled.length > 0) items.push([`为下列${d.notEnrolled.length}名未参保职工办理社会保险参保登记，并按核定的缴费基数补缴稽核期间的社会保险费；`]);
  if (d.underDeclared.length > 0) items.push([`更正${d.underDeclared.length}名职工的缴费基数，自${formatChineseMonth(p.issueDate.slice(0, 7))}起按职工工资收入如实申报；`]);
  if (r.rows.length > 0) {
    items.push([
      `补缴${formatPeriod(f.periodFrom, f.periodTo)}的社会保险费`,
      ...amountRuns(r.totals.backPayFen),
      `（单位部分${yuan(r.totals.employerFen)}、个人部分${yuan(r.totals.employeeFen)}）和滞纳金`,
      ...amountRuns(r.totals.lateFeeFen),
      `，合计`,
      ...amountRuns(r.totals.totalFen),
      `。滞纳金计至${formatChineseDate(r.asOf)}，实际缴纳时按日加收万分之五计至缴清之日；`,
    ]);
  }
  if (d.declaredOnly.length > 0) items.push([`就在保不在册人员${d.declaredOnly.map((x) => x.name).join('、')}的劳动关系作出书面说明并提供证明材料；`]);
  items.push(['将整改情况及缴费凭证复印件书面报告我局。']);

  const blocks: Block[] = [
    { kind: 'addressee', text: `${f.employer.name.trim()}：` },
    {
      kind: 'paragraph',
      content: [
        `我局于${formatChineseDate(p.opinion.date)}向你单位送达了《稽核意见书》（${p.opinion.number.trim()}）。根据${joinCitations(legalBasisFor(agency, 'rectification-notice'))}的规定，现责令你单位于`,
        { text: `${formatChineseDate(deadline)}前`, strong: true },
        '完成下列整改：',
      ],
    },
    { kind: 'list', style: 'decimal', items },
  ];
  if (d.notEnrolled.length > 0) {
    blocks.push({ kind: 'paragraph', content: ['应办理参保登记的职工名单：'], indent: false });
    blocks.push(personTable(d.notEnrolled));
  }
  blocks.push({
    kind: 'paragraph',
    content: [
      '逾期不整改的，我局将依法处理：未按时足额缴纳社会保险费的，依照《中华人民共和国社会保险法》第八十六条的规定，自欠缴之日起按日加收万分之五的滞纳金，逾期仍不缴纳的，由有关行政部门处欠缴数额一倍以上三倍以下的罚款；未为职工办理社会保险登记、逾期不改正的，依照该法第八十四条的规定，处应缴社会保险费数额一倍以上三倍以下的罚款，对其直接负责的主管人员和其他直接责任人员处五百元以上三千元以下的罚款；并可依照该法第六十三条的规定申请人民法院强制执行。',
    ],
  });
  blocks.push(rightsParagraph('通知书', p.reconsiderationBody));
  blocks.push({ kind: 'attachments', items: ['补缴明细表'] });
  blocks.push({ kind: 'spacer', lines: 2 });
  blocks.push({ kind: 'signature', agency: agency.name, date: formatChineseDate(p.issueDate), sealText: agency.sealText });

  return {
    kind: 'rectification-notice',
    issuer: agency.name,
    title: DOCUMENT_KIND_NAMES['rectification-notice'],
    number: p.number.trim(),
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${f.employer.name.trim()}限期整改通知书`, keywords: [p.number.trim(), f.caseNumber.trim(), p.opinion.number.trim()] },
  };
}
