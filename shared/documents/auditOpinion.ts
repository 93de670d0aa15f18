// The audit opinion (稽核意见书, DOMAIN.md §8, step 5): after the section head's approval, the
// bureau tells the employer the facts it found, the law each finding breaks, its conclusion, the
// amounts in figures and Chinese capitals, what must be done by when (payment within 5 working
// days of receipt, 人社部令第20号 §16), and the right to administrative reconsideration (60
// days) or suit (6 months). Issued within 10 working days of the audit's end (稽核办法).
// Every amount is read from the ComputeResult; the back-pay schedule is its annex.
import { estimationSentences } from './estimationNote';
import type { ComputeResult } from '../domain/result';
import { sumFen } from '../rules/money';
import { formatChineseDate, formatChineseMonth, isIsoDate, type IsoDate } from '../rules/month';
import { formatPeriod } from './auditNotice';
import { amountRuns, checkCaseFacts, checkResultPeriod, failIfProblems, yuan, type CaseFacts } from './caseFacts';
import { DEFAULT_FINDING_BASIS, type FindingBasis, type FindingKind } from './findingBasis';
import { assertRowsMatchTotals, digestFindings } from './findingsDigest';
import { byInsuranceTable } from './findingTables';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { joinCitations, legalBasisFor } from './legalBasis';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type Inline } from './model';
import { headingLabel } from './numbering';
import { addWorkingDays, WORKING_DAY_RULES, type WorkingDayCalendar } from './workingDays';

export interface AuditOpinionParams {
  facts: CaseFacts;
  number: string;
  result: ComputeResult;
  onsiteFrom: IsoDate;
  onsiteTo: IsoDate;
  issueDate: IsoDate;
  /** The notice of findings this opinion follows, and what the employer answered. */
  findingsNotice?: { number: string; date: IsoDate; response?: string };
  /** Working days to pay after receipt; default 5 (人社部令第20号 §16). */
  paymentWorkingDays?: number;
  calendar?: WorkingDayCalendar;
  /** Where reconsideration is applied for; default 有管辖权的行政复议机关. */
  reconsiderationBody?: string;
  /** The bureau's own citations per finding, replacing the national defaults. */
  findingBasis?: Partial<Record<FindingKind, FindingBasis>>;
}

/** The last day to issue the opinion: 10 working days after the on-site audit ended. */
export function auditOpinionDueDate(auditEnd: IsoDate, calendar?: WorkingDayCalendar): IsoDate {
  return addWorkingDays(auditEnd, WORKING_DAY_RULES.auditOpinion, calendar);
}

/** The payment deadline an opinion or rectification notice sets: working days after it is served. */
export function paymentDeadline(issueDate: IsoDate, days: number = WORKING_DAY_RULES.payment, calendar?: WorkingDayCalendar): IsoDate {
  return addWorkingDays(issueDate, days, calendar);
}

export function rightsParagraph(documentName: string, body?: string): Block {
  return {
    kind: 'paragraph',
    content: [
      `你单位如对本${documentName}不服，可以自收到本${documentName}之日起六十日内向${body?.trim() || '有管辖权的行政复议机关'}申请行政复议，也可以自收到本${documentName}之日起六个月内依法向人民法院提起行政诉讼。复议、诉讼期间，不停止本${documentName}的执行。`,
    ],
  };
}

export function basisSentence(kind: FindingKind, own?: Partial<Record<FindingKind, FindingBasis>>): Inline[] {
  const b = own?.[kind] ?? DEFAULT_FINDING_BASIS[kind];
  return [`上述行为违反了${joinCitations(b.violates)}的规定，依据${joinCitations(b.handling)}的规定处理。`];
}

export function buildAuditOpinion(p: AuditOpinionParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems);
  checkResultPeriod(p.facts, p.result, problems);
  if (p.number.trim() === '') problems.push('文号不能为空');
  for (const [label, d] of [['实地稽核开始日期', p.onsiteFrom], ['实地稽核结束日期', p.onsiteTo], ['发文日期', p.issueDate]] as const) {
    if (!isIsoDate(d)) problems.push(`${label}无效：${d}`);
  }
  if (isIsoDate(p.issueDate) && isIsoDate(p.onsiteTo) && p.issueDate < p.onsiteTo) problems.push('稽核意见书的发文日期早于实地稽核结束日期');
  const d = digestFindings(p.result);
  if (d.clean) problems.push('本案未发现应补缴或需整改的问题，应出具无违规结论通知，而不是稽核意见书');
  failIfProblems('稽核意见书', problems);
  assertRowsMatchTotals(p.result);

  const f = p.facts;
  const r = p.result;
  const agency = f.agency;
  const period = formatPeriod(f.periodFrom, f.periodTo);
  const payDays = p.paymentWorkingDays ?? WORKING_DAY_RULES.payment;
  const payBy = paymentDeadline(p.issueDate, payDays, p.calendar);
  const onsite = p.onsiteFrom === p.onsiteTo ? formatChineseDate(p.onsiteFrom) : `${formatChineseDate(p.onsiteFrom)}至${formatChineseDate(p.onsiteTo)}`;
  let n1 = 0;
  const h1 = (text: string): Block => ({ kind: 'heading', level: 1, label: headingLabel(1, ++n1), text });
  let n2 = 0;
  const h2 = (text: string, content: Inline[]): Block => ({ kind: 'heading', level: 2, label: headingLabel(2, ++n2), text, content });

  const intro: Inline[] = [
    `根据${joinCitations(legalBasisFor(agency, 'audit-opinion'))}的规定，我局稽核人员于${onsite}对你单位（统一社会信用代码：${f.employer.creditCode.trim()}）${period}参加社会保险和缴纳社会保险费的情况进行了稽核（案件编号：${f.caseNumber.trim()}）。`,
  ];
  if (p.findingsNotice) {
    intro.push(`我局于${formatChineseDate(p.findingsNotice.date)}向你单位送达了《稽核事实确认书》（${p.findingsNotice.number.trim()}）${p.findingsNotice.response ? `，${p.findingsNotice.response.trim()}` : ''}。`);
  }
  intro.push('现将稽核意见告知如下：');

  const blocks: Block[] = [{ kind: 'addressee', text: `${f.employer.name.trim()}：` }, { kind: 'paragraph', content: intro }, h1('稽核认定的事实')];
  if (d.notEnrolled.length > 0) {
    blocks.push(
      h2('未为职工参保。', [
        `你单位${d.notEnrolled.length}名职工（${d.notEnrolled.map((x) => x.name).join('、')}）共${d.notEnrolledPersonMonths}人次在工资表上领取工资，你单位未为其申报缴纳社会保险费，应补缴`,
        { text: yuan(sumOf(d.notEnrolled)), strong: true },
        '。',
        ...basisSentence('not-enrolled', p.findingBasis),
      ]),
    );
  }
  if (d.underDeclared.length > 0) {
    blocks.push(
      h2('少报缴费基数。', [
        `你单位${d.underDeclared.length}名职工共${d.underDeclaredPersonMonths}人次的申报缴费基数低于按其工资收入和缴费基数上下限核定的应缴基数，应补缴`,
        { text: yuan(sumOf(d.underDeclared)), strong: true },
        '。',
        ...basisSentence('under-declared', p.findingBasis),
      ]),
    );
  }
  if (r.totals.lateFeeFen > 0) {
    blocks.push(
      h2('未按时足额缴纳产生滞纳金。', [
        `上述应缴未缴的社会保险费自各月缴费期限届满次日起至${formatChineseDate(r.asOf)}产生滞纳金`,
        { text: yuan(r.totals.lateFeeFen), strong: true },
        '。',
        ...basisSentence('late-fee', p.findingBasis),
      ]),
    );
  }
  if (d.declaredOnly.length > 0) {
    blocks.push(
      h2('在保不在册。', [
        `${d.declaredOnly.length}人（${d.declaredOnly.map((x) => x.name).join('、')}）共${d.declaredOnlyPersonMonths}人次由你单位申报缴费，但不在你单位工资表上。此项属于需要核实的事项，本意见书不据此认定违法。`,
        `你单位应说明上述人员与你单位的劳动关系并提供劳动合同、工资发放记录等证明材料：确与你单位存在劳动关系、仅未列入工资表的，应补充提供其工资发放记录，我局据此核定其缴费基数，少报的依法补缴；与你单位不存在劳动关系、属挂靠参保的，你单位应停止为其申报缴费，我局将依法处理其参保关系；以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，依照《中华人民共和国社会保险法》第八十八条的规定处理。`,
      ]),
    );
  }
  if (d.exempted.length > 0) {
    blocks.push({
      kind: 'paragraph',
      content: [`经稽核人员核实，${d.exempted.map((x) => `${x.name}（${x.note ?? '经核实'}）`).join('、')}相应月份不计算补缴。`],
    });
  }

  const estimation = estimationSentences(r);
  if (estimation.length > 0) blocks.push(h2('核定缴费基数。', [`上述应补缴金额中，${estimation.join('')}`]));

  blocks.push(h1('稽核结论'));
  blocks.push({
    kind: 'paragraph',
    content: [
      `你单位${period}未按规定足额申报缴纳社会保险费，应补缴社会保险费`,
      ...amountRuns(r.totals.backPayFen),
      `，其中单位部分${yuan(r.totals.employerFen)}、个人部分${yuan(r.totals.employeeFen)}（个人部分由你单位从职工工资中代扣代缴）；滞纳金计至${formatChineseDate(r.asOf)}为`,
      ...amountRuns(r.totals.lateFeeFen),
      '；以上合计',
      ...amountRuns(r.totals.totalFen),
      '。分险种金额如下，逐人逐月明细见附件《补缴明细表》。',
    ],
  });
  blocks.push(byInsuranceTable(r));

  blocks.push(h1('处理意见及期限'));
  const items: Inline[][] = [
    [
      `自收到本意见书之日起${payDays}个工作日内（即`,
      { text: `${formatChineseDate(payBy)}前`, strong: true },
      `），补缴社会保险费${yuan(r.totals.backPayFen)}和滞纳金${yuan(r.totals.lateFeeFen)}。滞纳金计至${formatChineseDate(r.asOf)}，实际缴纳时按日加收万分之五计至缴清之日；`,
    ],
  ];
  if (d.notEnrolled.length > 0) items.push([`在上述期限内为${d.notEnrolled.length}名未参保职工办理社会保险参保登记（名单见附件）；`]);
  if (d.underDeclared.length > 0 || d.notEnrolled.length > 0) items.push([`自${formatChineseMonth(p.issueDate.slice(0, 7))}起按职工工资收入如实申报缴费基数；`]);
  if (d.declaredOnly.length > 0) items.push([`在上述期限内就${d.declaredOnly.map((x) => x.name).join('、')}的参保情况作出书面说明并提供证明材料；`]);
  items.push(['整改完成后将整改情况书面报告我局，我局将进行复查。']);
  blocks.push({ kind: 'list', style: 'decimal', items });
  blocks.push({
    kind: 'paragraph',
    content: ['逾期不补缴的，我局将依照《中华人民共和国社会保险法》第六十三条、第八十六条的规定依法处理。'],
  });

  blocks.push(h1('权利告知'));
  blocks.push(rightsParagraph('意见书', p.reconsiderationBody));
  blocks.push({ kind: 'attachments', items: ['补缴明细表'] });
  blocks.push({ kind: 'spacer', lines: 2 });
  blocks.push({ kind: 'signature', agency: agency.name, date: formatChineseDate(p.issueDate), sealText: agency.sealText });

  return {
    kind: 'audit-opinion',
    issuer: agency.name,
    title: DOCUMENT_KIND_NAMES['audit-opinion'],
    number: p.number.trim(),
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${f.employer.name.trim()}社会保险稽核意见书`, keywords: [p.number.trim(), f.caseNumber.trim()] },
  };
}

function sumOf(persons: readonly { backPayFen: number }[]): number {
  return sumFen(persons.map((x) => x.backPayFen));
}
