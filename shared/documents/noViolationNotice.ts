// The no-violation notice (无违规结论通知, DOMAIN.md §8, step 4 when nothing is found): the audit's
// scope — the period, what was checked, from which materials — and that nothing was found;
// notified within 5 working days of the audit's end (社会保险稽核办法). It refuses to say so for a
// result with findings: then the case needs an audit opinion.
import type { ComputeResult } from '../domain/result';
import { formatChineseDate, isIsoDate, type IsoDate } from '../rules/month';
import { formatPeriod } from './auditNotice';
import { checkCaseFacts, checkResultPeriod, failIfProblems, type CaseFacts } from './caseFacts';
import { digestFindings } from './findingsDigest';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { joinCitations, legalBasisFor } from './legalBasis';
import { OFFICIAL_PAGE, type Block, type DocumentModel } from './model';
import { addWorkingDays, WORKING_DAY_RULES, type WorkingDayCalendar } from './workingDays';
import { DEFAULT_CHECKS } from './workRecord';

/** The checks of the work record that found nothing, ending each with its own punctuation. */
const NO_VIOLATION_CHECKS: readonly string[] = DEFAULT_CHECKS.filter((c) => !c.includes('计算应补缴')).map((c, i, all) => (i === all.length - 1 ? c.replace(/；$/, '。') : c));

export interface NoViolationNoticeParams {
  facts: CaseFacts;
  number: string;
  result: ComputeResult;
  onsiteFrom: IsoDate;
  onsiteTo: IsoDate;
  issueDate: IsoDate;
  /** The materials examined, as listed to the employer (工资表、缴费申报明细…). */
  materials: string[];
}

/** The last day to notify a finding of no violation: 5 working days after the audit's end. */
export function noViolationDueDate(auditEnd: IsoDate, calendar?: WorkingDayCalendar): IsoDate {
  return addWorkingDays(auditEnd, WORKING_DAY_RULES.noViolationNotice, calendar);
}

export function buildNoViolationNotice(p: NoViolationNoticeParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems);
  checkResultPeriod(p.facts, p.result, problems);
  if (p.number.trim() === '') problems.push('文号不能为空');
  if (!isIsoDate(p.onsiteFrom) || !isIsoDate(p.onsiteTo) || !isIsoDate(p.issueDate)) problems.push('日期无效');
  if (p.materials.length === 0) problems.push('应列明稽核查阅的资料');
  const d = digestFindings(p.result);
  if (!d.clean) {
    problems.push(
      `计算结果中有应补缴或需说明的事项（补缴${d.rowCount}人次、在保不在册${d.declaredOnlyPersonMonths}人次、金额不符${p.result.discrepancies.length}项），不能出具无违规结论通知，应出具稽核意见书`,
    );
  }
  failIfProblems('无违规结论通知', problems);

  const f = p.facts;
  const r = p.result;
  const agency = f.agency;
  const onsite = p.onsiteFrom === p.onsiteTo ? formatChineseDate(p.onsiteFrom) : `${formatChineseDate(p.onsiteFrom)}至${formatChineseDate(p.onsiteTo)}`;
  const heads = r.months.map((m) => m.payrollHeadcount);
  const blocks: Block[] = [
    { kind: 'addressee', text: `${f.employer.name.trim()}：` },
    {
      kind: 'paragraph',
      content: [
        `根据${joinCitations(legalBasisFor(agency, 'no-violation-notice'))}的规定，我局稽核人员于${onsite}对你单位（统一社会信用代码：${f.employer.creditCode.trim()}）${formatPeriod(f.periodFrom, f.periodTo)}参加社会保险和缴纳社会保险费的情况进行了稽核（案件编号：${f.caseNumber.trim()}）。`,
      ],
    },
    { kind: 'paragraph', content: [`稽核查阅了你单位提供的${p.materials.map((m) => m.trim()).join('、')}，主要核查了以下内容：`] },
    // What was checked; not the back-pay computation, which had nothing to compute.
    { kind: 'list', style: 'decimal', items: NO_VIOLATION_CHECKS.map((c) => [c]) },
    {
      kind: 'paragraph',
      content: [
        `稽核期间你单位各月工资表发放工资${Math.min(...heads)}${Math.min(...heads) === Math.max(...heads) ? '' : `～${Math.max(...heads)}`}人，均已申报缴费。经稽核，`,
        { text: '未发现你单位存在少报、漏报缴费人数和缴费基数等违反社会保险法律法规的问题', strong: true },
        '。',
      ],
    },
  ];
  if (d.exempted.length > 0) {
    blocks.push({ kind: 'paragraph', content: [`其中${d.exempted.map((x) => `${x.name}（${x.note ?? '经核实'}）`).join('、')}经核实不属于应参保缴费的情形。`] });
  }
  if (r.overDeclared.length > 0) {
    blocks.push({ kind: 'paragraph', content: [`另有${r.overDeclared.length}项申报缴费基数高于按工资收入核定的基数，请你单位今后按规定如实申报。`] });
  }
  blocks.push({ kind: 'paragraph', content: ['请你单位继续依法按时足额申报缴纳社会保险费。特此通知。'] });
  blocks.push({ kind: 'spacer', lines: 2 });
  blocks.push({ kind: 'signature', agency: agency.name, date: formatChineseDate(p.issueDate), sealText: agency.sealText });

  return {
    kind: 'no-violation-notice',
    issuer: agency.name,
    title: DOCUMENT_KIND_NAMES['no-violation-notice'],
    number: p.number.trim(),
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${f.employer.name.trim()}社会保险稽核无违规结论通知`, keywords: [p.number.trim(), f.caseNumber.trim()] },
  };
}
