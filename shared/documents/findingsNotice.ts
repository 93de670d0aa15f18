// The notice of findings (稽核事实确认书 / 情况告知书, DOMAIN.md §8, step 4): the facts the audit
// found — headcount per month, persons not enrolled, under-declared bases, persons insured but
// not on the payroll, the amounts — each person with the source rows the fact comes from, and
// the employer's right to state its case within a deadline counted in working days. The
// employer confirms or disputes on the same sheet. Amounts are read from the ComputeResult.
import { estimationSentences } from './estimationNote';
import type { ComputeResult } from '../domain/result';
import { formatChineseDate, isIsoDate, type IsoDate } from '../rules/month';
import { formatPeriod } from './auditNotice';
import { amountRuns, checkCaseFacts, checkResultPeriod, failIfProblems, yuan, type CaseFacts } from './caseFacts';
import { assertRowsMatchTotals, digestFindings } from './findingsDigest';
import { byInsuranceTable, headcountTable, personTable } from './findingTables';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { joinCitations, legalBasisFor } from './legalBasis';
import { OFFICIAL_PAGE, type Block, type DocumentModel } from './model';
import { headingLabel } from './numbering';
import { addWorkingDays, WORKING_DAY_RULES, type WorkingDayCalendar } from './workingDays';

export interface FindingsNoticeParams {
  facts: CaseFacts;
  number: string;
  result: ComputeResult;
  onsiteFrom: IsoDate;
  onsiteTo: IsoDate;
  issueDate: IsoDate;
  /** Working days the employer has to state its case; default 5. */
  statementWorkingDays?: number;
  calendar?: WorkingDayCalendar;
  /** The number of the back-pay schedule annexed, when there is one. */
  scheduleAnnex?: boolean;
}

/** The last day the employer may state its case: `days` working days after the notice is served. */
export function statementDeadline(issueDate: IsoDate, days: number = WORKING_DAY_RULES.statement, calendar?: WorkingDayCalendar): IsoDate {
  return addWorkingDays(issueDate, days, calendar);
}

export function buildFindingsNotice(p: FindingsNoticeParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems);
  checkResultPeriod(p.facts, p.result, problems);
  if (p.number.trim() === '') problems.push('文号不能为空');
  for (const [label, d] of [['实地稽核开始日期', p.onsiteFrom], ['实地稽核结束日期', p.onsiteTo], ['发文日期', p.issueDate]] as const) {
    if (!isIsoDate(d)) problems.push(`${label}无效：${d}`);
  }
  if (isIsoDate(p.onsiteFrom) && isIsoDate(p.onsiteTo) && p.onsiteTo < p.onsiteFrom) problems.push('实地稽核结束日期早于开始日期');
  failIfProblems('稽核事实确认书', problems);
  assertRowsMatchTotals(p.result);

  const f = p.facts;
  const r = p.result;
  const agency = f.agency;
  const d = digestFindings(r);
  const period = formatPeriod(f.periodFrom, f.periodTo);
  const days = p.statementWorkingDays ?? WORKING_DAY_RULES.statement;
  const deadline = statementDeadline(p.issueDate, days, p.calendar);
  const onsite = p.onsiteFrom === p.onsiteTo ? formatChineseDate(p.onsiteFrom) : `${formatChineseDate(p.onsiteFrom)}至${formatChineseDate(p.onsiteTo)}`;
  let n = 0;
  const h1 = (text: string): Block => ({ kind: 'heading', level: 1, label: headingLabel(1, ++n), text });

  // The month table counts every payroll-only person-month; the text counts the same, exempted ones included.
  const exemptedNotEnrolled = r.exempted.filter((x) => x.payrollOnly).length;
  const blocks: Block[] = [
    { kind: 'addressee', text: `${f.employer.name.trim()}：` },
    {
      kind: 'paragraph',
      content: [
        `根据${joinCitations(legalBasisFor(agency, 'findings-notice'))}的规定，我局稽核人员于${onsite}对你单位（统一社会信用代码：${f.employer.creditCode.trim()}）${period}参加社会保险和缴纳社会保险费的情况进行了稽核（案件编号：${f.caseNumber.trim()}）。经核对你单位提供的工资表与社会保险缴费申报明细，查明以下事实：`,
      ],
    },
    h1('职工人数与参保人数'),
    {
      kind: 'paragraph',
      content: [
        `稽核期间各月工资表发放工资人数、申报缴费人数及其差异如下表。${period}共有${new Set(r.payrollOnly.map((p) => p.personId)).size}人${r.payrollOnly.length}人次在工资表上领取工资但未申报缴费${exemptedNotEnrolled > 0 ? `（其中${exemptedNotEnrolled}人次经核实认定不计算补缴，见下文）` : ''}；${d.declaredOnly.length}人${d.declaredOnlyPersonMonths}人次申报缴费但不在工资表上。`,
      ],
    },
    headcountTable(r),
  ];

  blocks.push(h1('未参保（漏报）人员'));
  if (d.notEnrolled.length === 0) blocks.push({ kind: 'paragraph', content: ['稽核期间未发现在工资表上领取工资而未参保的人员。'] });
  else {
    blocks.push({ kind: 'paragraph', content: [`下列${d.notEnrolled.length}名职工在工资表上领取工资，但你单位未为其申报缴纳社会保险费：`] });
    blocks.push(personTable(d.notEnrolled, { amounts: true, sources: true, sourcesLabel: '工资表中的行' }));
  }

  blocks.push(h1('少报缴费基数'));
  if (d.underDeclared.length === 0) blocks.push({ kind: 'paragraph', content: ['稽核期间未发现申报缴费基数低于应缴基数的情况。'] });
  else {
    blocks.push({
      kind: 'paragraph',
      content: [`下列${d.underDeclared.length}名职工共${d.underDeclaredPersonMonths}人次的申报缴费基数低于按其工资收入和缴费基数上下限核定的应缴基数：`],
    });
    blocks.push(personTable(d.underDeclared, { amounts: true, sources: true, sourcesLabel: '工资表中的行' }));
    blocks.push({ kind: 'paragraph', small: true, content: ['各人各月在缴费申报明细中的对应行号，见电子附件《补缴明细表》的“数据来源”工作表。'] });
  }

  blocks.push(h1('在保不在册人员'));
  if (d.declaredOnly.length === 0) blocks.push({ kind: 'paragraph', content: ['稽核期间未发现申报缴费但不在工资表上的人员。'] });
  else {
    blocks.push({
      kind: 'paragraph',
      content: [`下列${d.declaredOnly.length}人由你单位申报缴纳社会保险费，但不在你单位工资表上。请你单位说明其与你单位的劳动关系并提供劳动合同、工资发放记录等证明材料：`],
    });
    blocks.push(personTable(d.declaredOnly, { sources: true, sourcesLabel: '申报明细中的行' }));
  }

  if (d.exempted.length > 0) {
    blocks.push(h1('经认定不予补缴的人员'));
    blocks.push({ kind: 'paragraph', content: [`下列${d.exempted.length}人经稽核人员核实认定，相应月份不计算补缴：`] });
    blocks.push(personTable(d.exempted, { notes: true, sources: true, sourcesLabel: '工资表中的行' }));
  }

  blocks.push(h1('应补缴金额'));
  blocks.push({
    kind: 'paragraph',
    content: [
      `按照缴费政策“${r.planName}”核定，你单位${period}应补缴社会保险费`,
      ...amountRuns(r.totals.backPayFen),
      `，其中单位部分${yuan(r.totals.employerFen)}、个人部分${yuan(r.totals.employeeFen)}；自各月缴费期限届满次日起计至${formatChineseDate(r.asOf)}的滞纳金`,
      ...amountRuns(r.totals.lateFeeFen),
      '；合计',
      ...amountRuns(r.totals.totalFen),
      `。分险种金额如下表${p.scheduleAnnex === false ? '' : '，逐人逐月明细见附件《补缴明细表》'}。`,
    ],
  });
  blocks.push(byInsuranceTable(r));
  const estimation = estimationSentences(r);
  if (estimation.length > 0) blocks.push({ kind: 'paragraph', content: [`上述金额中，${estimation.join('')}`] });

  blocks.push(h1('陈述和申辩'));
  blocks.push({
    kind: 'paragraph',
    content: [
      `你单位对上述事实如有异议，可以自收到本确认书之日起${days}个工作日内（即`,
      { text: `${formatChineseDate(deadline)}前`, strong: true },
      '）向我局提出书面陈述、申辩，并提供相关证据；逾期未提出的，视为对上述事实无异议。',
    ],
  });
  if (p.scheduleAnnex !== false) blocks.push({ kind: 'attachments', items: ['补缴明细表'] });
  blocks.push({ kind: 'spacer', lines: 1 });
  blocks.push({ kind: 'signature', agency: agency.name, date: formatChineseDate(p.issueDate), sealText: agency.sealText });
  blocks.push({
    kind: 'received',
    cutLine: true,
    title: '被稽核单位确认意见',
    lines: [
      [{ label: '单位意见（□无异议　□有异议，理由另附）', blank: 5 }],
      [{ label: '法定代表人（负责人）签字', blank: 9 }],
      [{ label: '单位（盖章）', blank: 6 }, { label: '日期', blank: 7 }],
    ],
  });

  return {
    kind: 'findings-notice',
    issuer: agency.name,
    title: DOCUMENT_KIND_NAMES['findings-notice'],
    number: p.number.trim(),
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${f.employer.name.trim()}社会保险稽核事实确认书`, keywords: [p.number.trim(), f.caseNumber.trim()] },
  };
}
