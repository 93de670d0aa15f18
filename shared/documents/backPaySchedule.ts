// The back-pay schedule (补缴明细表, DOMAIN.md §8), the annex of the audit opinion and the
// rectification notice: one line per person-month with back-pay — base due, declared, shortfall,
// employer and employee amounts per insurance, row total, late-fee days and late fee — and totals
// equal to the opinion's to the fen (they are the result's totals; the rows are checked to add up
// to them). Landscape A4; long tables are cut into pages with the header repeated and a 本页小计
// row on each page (labelled 小计 to fit the 序号 column). Past MAX_PDF_ROWS the PDF prints a per-month summary and refers to the XLSX
// annex (electron/services/documents/scheduleXlsx.ts), which has every line and its source rows.
import { ESTIMATED_MARK, estimationSentences } from './estimationNote';
import { INSURANCE_NAMES, type InsuranceCode } from '../domain/insurance';
import type { BackPayRow, ComputeResult } from '../domain/result';
import { formatFenGrouped, sumFen } from '../rules/money';
import { formatChineseDate } from '../rules/month';
import { formatPeriod } from './auditNotice';
import { cell, checkCaseFacts, checkResultPeriod, failIfProblems, yuanWithCapitals, type CaseFacts } from './caseFacts';
import { assertRowsMatchTotals, basesDiffer, leadingInsurance } from './findingsDigest';
import { DOCUMENT_KIND_NAMES } from './kinds';
import { tablePages, type Block, type DocumentModel, type PageSettings, type TableBlock, type TableCell } from './model';

export const SCHEDULE_PAGE: PageSettings = {
  size: 'A4',
  orientation: 'landscape',
  // the binding margin (装订线) on the left, as on the documents it is annexed to
  marginsMm: { top: 16, right: 8, bottom: 14, left: 20 },
  pageNumbers: 'centered',
};

/**
 * Rows per page and on the first page (under the heading lines); each row is two lines high.
 * Measured on the rendered page: the last page also holds the 合计 row, so a full page of rows,
 * its subtotal and the totals row must fit (the renderer refuses a page that runs over).
 */
export const SCHEDULE_ROWS_PER_PAGE = 12;
export const SCHEDULE_FIRST_PAGE_ROWS = 7;
/** Past this many lines the PDF prints a summary and the XLSX carries the lines. */
export const MAX_PDF_ROWS = 3000;

/** Short names for the narrow insurance columns. */
export const INSURANCE_SHORT_NAMES: Record<InsuranceCode, string> = {
  pension: '养老保险',
  medical: '医疗保险',
  maternity: '生育保险',
  unemployment: '失业保险',
  injury: '工伤保险',
  'supplementary-medical': '大额医疗',
};

/** The insurances the schedule has columns for: those of the plan in the audit period, in plan order. */
export function scheduleInsurances(r: ComputeResult): InsuranceCode[] {
  return Object.keys(r.byInsurance) as InsuranceCode[];
}

/** One schedule line as the PDF and the XLSX both print it, in fen; read from the row, never recomputed. */
export interface ScheduleLine {
  seq: number;
  row: BackPayRow;
  dueBaseFen: number;
  declaredBaseFen: number;
  shortfallFen: number;
  /** Per insurance of scheduleInsurances(); null when the plan has no such insurance that month. */
  perInsurance: ({ employerFen: number; employeeFen: number } | null)[];
  /** The insurances were declared on different bases; the base columns show the largest shortfall's. */
  mixedBases: boolean;
}

export function scheduleLines(r: ComputeResult): ScheduleLine[] {
  const codes = scheduleInsurances(r);
  return r.rows.map((row, i) => {
    const lead = leadingInsurance(row);
    return {
      seq: i + 1,
      row,
      dueBaseFen: lead?.dueBaseFen ?? 0,
      declaredBaseFen: lead?.declaredBaseFen ?? 0,
      shortfallFen: lead?.shortfallFen ?? 0,
      perInsurance: codes.map((c) => {
        const l = row.insurances.find((x) => x.code === c);
        return l ? { employerFen: l.employerFen, employeeFen: l.employeeFen } : null;
      }),
      mixedBases: basesDiffer(row),
    };
  });
}

export interface BackPayScheduleParams {
  facts: CaseFacts;
  result: ComputeResult;
  /** The document this schedule is annexed to, e.g. the audit opinion and its number. */
  annexTo: { name: string; number: string };
  /** File name of the XLSX annex, named when the PDF prints only a summary. */
  xlsxName?: string;
  /** For tests of the summary form; default MAX_PDF_ROWS. */
  maxPdfRows?: number;
  /** Page cut; default SCHEDULE_ROWS_PER_PAGE and SCHEDULE_FIRST_PAGE_ROWS. */
  rowsPerPage?: number;
  firstPageRows?: number;
}

const money = (fen: number) => formatFenGrouped(fen);
const pair = (e: number, p: number) => `${money(e)}\n${money(p)}`;

export function buildBackPaySchedule(p: BackPayScheduleParams): DocumentModel {
  const problems: string[] = [];
  checkCaseFacts(p.facts, problems, 0);
  checkResultPeriod(p.facts, p.result, problems);
  if (p.annexTo.number.trim() === '') problems.push('所附文书的文号不能为空');
  failIfProblems('补缴明细表', problems);
  assertRowsMatchTotals(p.result);

  const f = p.facts;
  const r = p.result;
  const codes = scheduleInsurances(r);
  const lines = scheduleLines(r);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      indent: false,
      small: true,
      content: [
        `被稽核单位：${f.employer.name.trim()}（统一社会信用代码：${f.employer.creditCode.trim()}）　案件编号：${f.caseNumber.trim()}　稽核期间：${formatPeriod(f.periodFrom, f.periodTo)}　缴费政策：${r.planName}　滞纳金计至：${formatChineseDate(r.asOf)}　金额单位：元`,
      ],
    },
  ];

  const limit = p.maxPdfRows ?? MAX_PDF_ROWS;
  if (lines.length > limit) blocks.push(...summaryForm(r, codes, lines.length, p.xlsxName));
  else blocks.push(detailTable(r, codes, lines, p.rowsPerPage ?? SCHEDULE_ROWS_PER_PAGE, p.firstPageRows ?? SCHEDULE_FIRST_PAGE_ROWS), byInsuranceTotals(r, codes));

  const notes: string[] = [
    `补缴合计${yuanWithCapitals(r.totals.backPayFen)}，滞纳金${yuanWithCapitals(r.totals.lateFeeFen)}，总计${yuanWithCapitals(r.totals.totalFen)}。`,
    '各险种栏上行为单位应补缴金额，下行为个人应补缴金额；天数为自缴费期限届满次日起至滞纳金计算日的天数。',
  ];
  if (lines.some((l) => l.mixedBases)) notes.push('月份后标“*”的，各险种申报基数不同，基数栏列示差额最大险种的基数，分险种基数见电子附件。');
  if (r.exempted.length > 0) notes.push(`另有${r.exempted.length}人次经稽核人员认定不计算补缴，未列入本表。`);
  notes.push(...estimationSentences(r));
  blocks.push({ kind: 'notes', label: '说明', items: notes.map((n) => [n]) });

  return {
    kind: 'backpay-schedule',
    title: DOCUMENT_KIND_NAMES['backpay-schedule'],
    number: `${p.annexTo.number.trim()}附件`,
    blocks,
    page: SCHEDULE_PAGE,
    meta: { author: f.agency.name, subject: `${f.employer.name.trim()}社会保险补缴明细表（${p.annexTo.name}附件）`, keywords: [p.annexTo.number.trim(), f.caseNumber.trim()] },
  };
}

function detailTable(r: ComputeResult, codes: InsuranceCode[], lines: ScheduleLine[], rowsPerPage: number, firstPageRows: number): TableBlock {
  const k = codes.length;
  // widths fit an 18-digit ID and 20,000.00 at 10.5 pt on one line each
  const columns: TableBlock['columns'] = [
    { weight: 2.6, align: 'center' },
    { weight: 16, align: 'left' },
    { weight: 5.5, align: 'center' },
    { weight: 6.8, align: 'right' },
    { weight: 6.8, align: 'right' },
    { weight: 6.8, align: 'right' },
    ...codes.map(() => ({ weight: 7, align: 'right' as const })),
    { weight: 7.8, align: 'right' },
    { weight: 3, align: 'center' },
    { weight: 7, align: 'right' },
  ];
  const header: TableCell[] = [
    cell('序号'),
    cell('姓名\n身份证号码'),
    cell('所属\n月份'),
    cell('应缴\n基数'),
    cell('申报\n基数'),
    cell('基数\n差额'),
    ...codes.map((c) => cell(`${INSURANCE_SHORT_NAMES[c] ?? INSURANCE_NAMES[c]}\n单位／个人`)),
    cell('补缴\n合计'),
    cell('天数'),
    cell('滞纳金'),
  ];
  const rows: TableCell[][] = lines.map((l) => [
    cell(String(l.seq)),
    cell(`${l.row.name}\n${l.row.personId}`, 'left'),
    cell(`${l.row.month}${l.mixedBases ? '*' : ''}`),
    cell(l.row.estimated ? `${money(l.dueBaseFen)}\n${ESTIMATED_MARK}` : money(l.dueBaseFen), 'right'),
    cell(money(l.declaredBaseFen), 'right'),
    cell(money(l.shortfallFen), 'right'),
    ...l.perInsurance.map((x) => cell(x ? pair(x.employerFen, x.employeeFen) : '—', 'right')),
    cell(money(l.row.totalFen), 'right'),
    cell(String(l.row.lateFeeDays)),
    cell(money(l.row.lateFeeFen), 'right'),
  ]);
  const totalCol = 6 + k;
  const feeCol = 8 + k;
  const pages = tablePages(lines.length, rowsPerPage, firstPageRows);
  const sums = pages.map(([from, to]) => {
    const slice = lines.slice(from, to);
    const s: Record<number, string> = {};
    codes.forEach((_, j) => {
      const e = sumFen(slice.map((l) => l.perInsurance[j]?.employerFen ?? 0));
      const ee = sumFen(slice.map((l) => l.perInsurance[j]?.employeeFen ?? 0));
      s[6 + j] = pair(e, ee);
    });
    s[totalCol] = money(sumFen(slice.map((l) => l.row.totalFen)));
    s[feeCol] = money(sumFen(slice.map((l) => l.row.lateFeeFen)));
    return s;
  });
  // the totals row carries the two totals; the per-insurance totals, too wide for the narrow
  // columns, follow in their own table (byInsuranceTotals)
  const footer: TableCell[] = [
    cell('合　计', 'center', { colSpan: 6 + k }),
    cell(money(r.totals.backPayFen), 'right'),
    cell(''),
    cell(money(r.totals.lateFeeFen), 'right'),
  ];
  return {
    kind: 'table',
    columns,
    header: [header],
    rows,
    footer: [footer],
    size: 'tiny',
    pageTotals: { rowsPerPage, firstPageRows, label: '小计', sums },
  };
}

/** Per insurance, employer and employee totals: the result's byInsurance, with the result's totals. */
function byInsuranceTotals(r: ComputeResult, codes: InsuranceCode[]): TableBlock {
  return {
    kind: 'table',
    columns: [{ weight: 4 }, { weight: 4 }, { weight: 4 }, { weight: 4 }],
    header: [[cell('险种'), cell('单位应补缴'), cell('个人应补缴'), cell('小计')]],
    rows: codes.map((c) => {
      const v = r.byInsurance[c] ?? { employerFen: 0, employeeFen: 0 };
      return [cell(INSURANCE_NAMES[c]), cell(money(v.employerFen), 'right'), cell(money(v.employeeFen), 'right'), cell(money(sumFen([v.employerFen, v.employeeFen])), 'right')];
    }),
    footer: [[cell('合计'), cell(money(r.totals.employerFen), 'right'), cell(money(r.totals.employeeFen), 'right'), cell(money(r.totals.backPayFen), 'right')]],
    size: 'small',
  };
}

/** The bounded PDF of a very long schedule: totals per month, and where the lines are. */
function summaryForm(r: ComputeResult, codes: InsuranceCode[], count: number, xlsxName: string | undefined): Block[] {
  const byMonth = r.months.filter((m) => m.rows > 0);
  return [
    {
      kind: 'paragraph',
      indent: false,
      content: [
        `本表共${count}行，超过打印上限，以下按月汇总；逐人逐月明细（含数据来源行号）见电子附件${xlsxName ? `《${xlsxName}》` : '《补缴明细表》（XLSX）'}，其合计与本表一致。`,
      ],
    },
    {
      kind: 'table',
      columns: [{ weight: 4 }, { weight: 3 }, { weight: 5 }, { weight: 5 }, { weight: 5 }],
      header: [[cell('所属月份'), cell('人次'), cell('补缴金额'), cell('滞纳金'), cell('小计')]],
      rows: byMonth.map((m) => [
        cell(m.month),
        cell(String(m.rows)),
        cell(money(m.backPayFen), 'right'),
        cell(money(m.lateFeeFen), 'right'),
        cell(money(m.backPayFen + m.lateFeeFen), 'right'),
      ]),
      footer: [[cell('合计'), cell(String(count)), cell(money(r.totals.backPayFen), 'right'), cell(money(r.totals.lateFeeFen), 'right'), cell(money(r.totals.totalFen), 'right')]],
      size: 'small',
    },
    {
      kind: 'table',
      columns: [{ weight: 4 }, { weight: 4 }, { weight: 4 }],
      header: [[cell('险种'), cell('单位'), cell('个人')]],
      rows: codes.map((c) => {
        const v = r.byInsurance[c] ?? { employerFen: 0, employeeFen: 0 };
        return [cell(INSURANCE_NAMES[c]), cell(money(v.employerFen), 'right'), cell(money(v.employeeFen), 'right')];
      }),
      size: 'small',
    },
  ];
}
