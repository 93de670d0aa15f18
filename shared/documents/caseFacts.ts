// What every document after the audit notice says about the case — the agency, the employer,
// the audit period, the auditors, the case number — and the few ways of writing case facts that
// several documents share (amounts in figures and capitals, month lists, source rows). Builders
// take these facts and read amounts only from the ComputeResult; nothing here computes money.
import type { AgencyProfile } from '../domain/agency';
import type { SourceRef } from '../domain/lines';
import type { ComputeResult } from '../domain/result';
import { formatFenGrouped, type Fen } from '../rules/money';
import { isMonth, type Month } from '../rules/month';
import { describeMonths } from '../rules/planRates';
import type { Auditor } from './auditNotice';
import { toChineseCapitals } from './chineseAmount';
import type { InlineRun, TableCell } from './model';

export interface EmployerFacts {
  name: string;
  creditCode: string;
  address?: string;
  /** 法定代表人（负责人）. */
  legalRepresentative?: string;
}

export interface CaseFacts {
  agency: AgencyProfile;
  /** The case number, e.g. 稽〔2026〕1号, printed on forms that have no number of their own. */
  caseNumber: string;
  employer: EmployerFacts;
  periodFrom: Month;
  periodTo: Month;
  auditors: Auditor[];
}

/** Checks the facts every document needs; problems are pushed as Chinese sentences. */
export function checkCaseFacts(f: CaseFacts, problems: string[], minAuditors = 2): void {
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (blank(f.caseNumber)) problems.push('案件编号不能为空');
  if (blank(f.employer.name)) problems.push('被稽核单位名称不能为空');
  if (blank(f.employer.creditCode)) problems.push('被稽核单位统一社会信用代码不能为空');
  if (!isMonth(f.periodFrom)) problems.push(`稽核期间起始月无效：${f.periodFrom}`);
  if (!isMonth(f.periodTo)) problems.push(`稽核期间截止月无效：${f.periodTo}`);
  if (isMonth(f.periodFrom) && isMonth(f.periodTo) && f.periodTo < f.periodFrom) problems.push('稽核期间截止月早于起始月');
  if (f.auditors.length < minAuditors) problems.push(`稽核人员至少需要${minAuditors}名，当前只有${f.auditors.length}名`);
}

/** Throws one Chinese error naming the document and every problem. */
export function failIfProblems(documentName: string, problems: string[]): void {
  if (problems.length > 0) throw new Error(`${documentName}无法生成：${problems.join('；')}`);
}

/** Checks that the result belongs to the case's period, so a document never mixes two cases. */
export function checkResultPeriod(f: CaseFacts, r: ComputeResult, problems: string[]): void {
  if (r.from !== f.periodFrom || r.to !== f.periodTo) {
    problems.push(`计算结果的期间（${r.from}～${r.to}）与案件的稽核期间（${f.periodFrom}～${f.periodTo}）不一致，请重新计算`);
  }
}

/** 3,575.74元 */
export function yuan(fen: Fen): string {
  return `${formatFenGrouped(fen)}元`;
}

/** 3,575.74元（大写：叁仟伍佰柒拾伍元柒角肆分）, the way findings print every total. */
export function yuanWithCapitals(fen: Fen): string {
  return `${yuan(fen)}（大写：${toChineseCapitals(fen)}）`;
}

/** A total as a strong run followed by its capitals. */
export function amountRuns(fen: Fen): InlineRun[] {
  return [{ text: yuan(fen), strong: true }, { text: `（大写：${toChineseCapitals(fen)}）` }];
}

/** 2024年1月～2024年12月、2025年2月 */
export function monthList(months: readonly Month[]): string {
  return describeMonths([...new Set(months)]);
}

/**
 * Source rows written compactly and exactly, per file: 申报明细.csv 第3–7、12行 for a single
 * sheet; 工资表.xlsx 1月第5行、2月第6行… for a workbook with a sheet per month (the year is left
 * out when every sheet is of one year), other sheets by name: 工资表.xlsx “奖金”第3行.
 */
export function describeSources(refs: readonly SourceRef[]): string {
  const files = new Map<string, Map<string, Set<number>>>();
  for (const r of refs) {
    let sheets = files.get(r.fileName);
    if (!sheets) files.set(r.fileName, (sheets = new Map()));
    let rows = sheets.get(r.sheet);
    if (!rows) sheets.set(r.sheet, (rows = new Set()));
    rows.add(r.row);
  }
  const out: string[] = [];
  for (const [file, sheets] of files) {
    if (sheets.size === 1) {
      out.push(`${file} 第${rowRanges([...[...sheets.values()][0]!])}行`);
      continue;
    }
    const monthOf = (s: string) => SHEET_MONTH_RE.exec(s.trim());
    const years = new Set([...sheets.keys()].map((s) => monthOf(s)?.[1]).filter((y) => y !== undefined));
    const entries = [...sheets.entries()].map(([sheet, rows]) => {
      const m = monthOf(sheet);
      const key = m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : `~${sheet}`;
      const label = m ? (years.size === 1 ? `${Number(m[2])}月` : `${m[1]}年${Number(m[2])}月`) : `“${sheet}”`;
      return { key, text: `${label}第${rowRanges([...rows])}行` };
    });
    entries.sort((a, b) => a.key.localeCompare(b.key));
    out.push(`${file} ${entries.map((e) => e.text).join('、')}`);
  }
  return out.join('；');
}

const SHEET_MONTH_RE = /^(\d{4})年(\d{1,2})月$/;

/** [5, 6, 7, 12] → 5–7、12 */
export function rowRanges(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join('、');
}

export const cell = (text: string, align: TableCell['align'] = 'center', extra: Partial<TableCell> = {}): TableCell => ({
  content: [text],
  align,
  ...extra,
});

/** Auditors as 王建国（执法证号：示医保稽字第000123号）、李晓梅（…）. */
export function auditorList(auditors: readonly Auditor[], withCredentials = true): string {
  return auditors.map((a) => (withCredentials ? `${a.name.trim()}（执法证号：${a.credentialNo.trim()}）` : a.name.trim())).join('、');
}
