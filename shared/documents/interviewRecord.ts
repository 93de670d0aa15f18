// The interview record (询问笔录, DOMAIN.md §8, step 3): a blank form the auditors print before
// they interview someone at the employer — time, place, interviewer and recorder, the
// interviewee and their ID, the statement of who the auditors are and of the right to ask for
// their withdrawal (回避), then question and answer lines, with the interviewee's and the
// auditors' signatures at the foot of EVERY page (a page that is not signed can be swapped).
// The renderer knows nothing of per-page footers, so the form is laid out in whole pages here:
// each page holds at most LINES_PER_PAGE body lines and ends with the signature lines.
import { formatPeriod } from './auditNotice';
import { checkCaseFacts, failIfProblems, type CaseFacts } from './caseFacts';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { joinCitations, legalBasisFor } from './legalBasis';
import { OFFICIAL_PAGE, type Block, type DocumentModel, type Inline } from './model';

export interface InterviewRecordParams {
  facts: CaseFacts;
  /** Pre-filled header fields; any left out are blanks to write by hand. */
  interviewee?: { name?: string; idNumber?: string; position?: string; phone?: string };
  place?: string;
  /** Questions printed in advance, each followed by `answerLines` blank lines. */
  questions?: string[];
  answerLines?: number;
  /** At least this many pages (more blank question and answer lines at the end). */
  minPages?: number;
}

export const DEFAULT_INTERVIEW_QUESTIONS: readonly string[] = [
  '你在单位担任什么职务？负责哪些工作？',
  '单位目前有多少名职工？有无劳务派遣、非全日制、临时用工、退休返聘和实习人员？',
  '单位的工资如何发放？工资表是否包括全部职工以各种形式支付的全部工资收入？',
  '单位如何确定职工的社会保险缴费基数？由谁负责申报？',
  '工资表上有职工没有参加社会保险，原因是什么？',
  '申报的缴费基数低于职工实际工资，原因是什么？',
  '有没有在本单位参保但不在工资表上的人员？他们与单位是什么关系？',
  '你还有什么需要补充说明的吗？',
];

/**
 * Body lines a page holds under GB/T 9704 (22), minus two kept free: the underlined blanks and
 * the page break after the signatures must not spill onto a page of their own.
 */
const LINES_PER_PAGE = 20;
/** The title (22 pt, one line, with the space under it) takes about two body lines on page 1. */
const TITLE_LINES = 3;
/** Full-width characters per body line: 156 mm at 16 pt is 27.6. */
const CHARS_PER_LINE = 27;
const SIGNATURE_LINES = 2;

/** How many body lines a paragraph of `text` takes, without first-line indent. */
export function linesOf(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return Math.max(1, Math.ceil(ems / CHARS_PER_LINE));
}

const para = (content: Inline[]): Block => ({ kind: 'paragraph', content, indent: false, align: 'left' });
const blankLine = (label: string): Block => para([label, { text: '　'.repeat(CHARS_PER_LINE - 2), underline: true }]);

export function buildInterviewRecord(p: InterviewRecordParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems);
  const answerLines = p.answerLines ?? 3;
  if (!Number.isInteger(answerLines) || answerLines < 1 || answerLines > 15) problems.push(`每个问题的回答行数应在1到15之间：${answerLines}`);
  failIfProblems('询问笔录', problems);
  const f = p.facts;
  const agency = f.agency;
  const who = p.interviewee ?? {};
  const fill = (value: string | undefined, blank: number): Inline => ({ text: value?.trim() || '　'.repeat(blank), underline: true });
  const auditors = f.auditors.map((a) => a.name.trim());
  const basis = joinCitations(legalBasisFor(agency, 'interview-record'));

  const opening = [
    para(['时间：', fill(undefined, 4), '年', fill(undefined, 2), '月', fill(undefined, 2), '日', fill(undefined, 2), '时', fill(undefined, 2), '分至', fill(undefined, 2), '时', fill(undefined, 2), '分']),
    para(['地点：', fill(p.place, 22)]),
    para(['询问人：', fill(auditors[0], 7), '　记录人：', fill(auditors[1], 7)]),
    para(['被询问人：', fill(who.name, 6), '　性别：', fill(undefined, 2), '　年龄：', fill(undefined, 2)]),
    para(['身份证号码：', fill(who.idNumber, 13)]),
    para(['工作单位：', fill(f.employer.name, 20)]),
    para(['职务：', fill(who.position, 7), '　联系电话：', fill(who.phone, 8)]),
  ];
  const noticeText =
    `问：我们是${agency.name}的稽核人员${auditors.join('、')}（出示执法证件），根据${basis}的规定，依法对${f.employer.name.trim()}${formatPeriod(f.periodFrom, f.periodTo)}参加社会保险和缴纳社会保险费的情况进行稽核，现向你了解有关情况。你应当如实回答，不得作虚假陈述。你认为稽核人员与本案有利害关系的，有权申请回避。你是否申请回避？`;
  const notice = [para([noticeText]), blankLine('答：')];
  const noticeLines = linesOf(noticeText) + 1;

  // question blocks: the question and its answer lines stay on one page
  const questions = p.questions ?? [...DEFAULT_INTERVIEW_QUESTIONS];
  const units: { blocks: Block[]; lines: number }[] = questions.map((q) => {
    const text = `问：${q.trim()}`;
    return { blocks: [para([text]), ...Array.from({ length: answerLines }, (_, i) => blankLine(i === 0 ? '答：' : '　　'))], lines: linesOf(text) + answerLines };
  });
  const closing = {
    blocks: [
      para(['被询问人核对意见（由被询问人书写“以上笔录我已看过，与我说的相符”）：']),
      blankLine('　　'),
      blankLine('　　'),
    ],
    lines: linesOf('被询问人核对意见（由被询问人书写“以上笔录我已看过，与我说的相符”）：') + 2,
  };

  // lay the units out in pages; the header line (case number, page) opens every page
  type Page = { blocks: Block[]; used: number };
  const pages: Page[] = [];
  const newPage = (used: number): Page => {
    const pg = { blocks: [], used: 1 + used };
    pages.push(pg);
    return pg;
  };
  let page = newPage(TITLE_LINES + opening.length + noticeLines);
  page.blocks.push(...opening, ...notice);
  const room = () => LINES_PER_PAGE - SIGNATURE_LINES - page.used;
  const blankQa = (i: number) => blankLine(i % 3 === 0 ? '问：' : i % 3 === 1 ? '答：' : '　　');
  for (const u of units) {
    if (u.lines > room()) page = newPage(0);
    page.blocks.push(...u.blocks);
    page.used += u.lines;
  }
  while (pages.length < (p.minPages ?? 1) || closing.lines > room()) {
    for (let i = 0; room() > 0; i++, page.used++) page.blocks.push(blankQa(i));
    page = newPage(0);
  }
  // blank question and answer lines down to the closing statement and the signatures
  for (let i = 0; room() > closing.lines; i++, page.used++) page.blocks.push(blankQa(i));
  page.blocks.push(...closing.blocks);
  page.used += closing.lines;

  const total = pages.length;
  const blocks: Block[] = [];
  pages.forEach((pg, i) => {
    if (i > 0) blocks.push({ kind: 'page-break' });
    blocks.push({ kind: 'paragraph', content: [`案件编号：${f.caseNumber.trim()}　　　　第${i + 1}页　共${total}页`], indent: false, align: 'right' });
    blocks.push(...pg.blocks);
    blocks.push({
      kind: 'received',
      lines: [
        [{ label: '被询问人（签名）', blank: 6 }, { label: '日期', blank: 5 }],
        [{ label: '询问人（签名）', blank: 4 }, { label: '记录人（签名）', blank: 4 }],
      ],
    });
  });

  return {
    kind: 'interview-record',
    title: DOCUMENT_KIND_NAMES['interview-record'],
    blocks,
    page: OFFICIAL_PAGE,
    meta: { author: agency.name, subject: `${f.employer.name.trim()}社会保险稽核询问笔录`, keywords: [f.caseNumber.trim()] },
  };
}

/** The number of pages the form was laid out in (one signature block per page). */
export function interviewRecordPages(model: DocumentModel): number {
  return model.blocks.filter((b) => b.kind === 'received').length;
}
