// Does this file belong to this case? (issue 10) Checks made before a payroll or declaration
// file is taken, with what the case already knows: rows of months outside the audit period, few
// persons in common with the other side already imported, a title naming another company. Each
// failed check is a file-level verification error, so the import is refused until the auditor
// confirms it with a reason (electron/services/import/verifyOverride.ts), like the file's own
// verification (verify.ts). Pure: the caller reads the case and the other side's persons.
import type { ImportIssue, ImportKind } from '../domain/importReport';

export interface ImportFitInput {
  fileName: string;
  kind: 'payroll' | 'declaration';
  periodFrom: string;
  periodTo: string;
  employerName: string;
  /** Month and person of every line the file would bring. */
  lines: readonly { month: string; personId: string }[];
  /** Persons of the other side already in the case (declarations for a payroll, and back). */
  otherSidePersons: ReadonlySet<string>;
  /** Text above the header of each sheet (title, unit line). */
  titles: readonly { sheet: string; title: string }[];
}

/** More than this share of rows outside the audit period refuses (a file of a longer span is normal). */
const OUTSIDE_SHARE = 0.1;
/** Fewer persons in common than this share of the smaller side refuses, once both sides have MIN_PERSONS. */
const OVERLAP_SHARE = 0.3;
const MIN_PERSONS = 5;

const OTHER_SIDE: Record<ImportFitInput['kind'], ImportKind> = { payroll: 'declaration', declaration: 'payroll' };
const SIDE_NAMES: Partial<Record<ImportKind, string>> = { payroll: '工资表', declaration: '缴费申报明细', roster: '花名册' };

function fileIssue(code: string, fileName: string, sheet: string, message: string): ImportIssue {
  return { severity: 'error', code, file: fileName, sheet, row: 0, column: '', message };
}

/** Company names written in a text ("华信科技有限公司2024年3月工资表" → 华信科技有限公司). */
export function companyNames(text: string): string[] {
  const names: string[] = [];
  const re = /[\u4e00-\u9fa5A-Za-z0-9（）()·]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|分公司|公司|集团|工厂|厂)/g;
  for (const m of text.replace(/[\s\u3000]/g, '').matchAll(re)) names.push(m[0].replace(/^(单位名称|单位|名称|公司名称)/, ''));
  return names.filter((n) => n.length >= 4);
}

const SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团公司|分公司|公司|集团|工厂|厂)$/;
const core = (s: string) => s.replace(/[\s\u3000（）()·]/g, '').replace(SUFFIX, '');

/**
 * True when `named` can be the employer `employerName`: at least half of the characters of the
 * employer's name (without 有限公司 …) appear in it. A title written with the city in front
 * (示例市某某机械制造有限公司 for 示例机械制造有限公司) or a branch passes; another company's
 * trade name (宏达商贸 for 瑞丰制造) does not.
 */
export function mayBeEmployer(named: string, employerName: string): boolean {
  const want = [...core(employerName)];
  if (want.length === 0) return true;
  const have = new Set(core(named));
  return want.filter((ch) => have.has(ch)).length * 2 >= want.length;
}

export function importFitIssues(input: ImportFitInput): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const { fileName, lines } = input;
  if (lines.length === 0) return issues;

  const outside = lines.filter((l) => l.month < input.periodFrom || l.month > input.periodTo);
  if (outside.length > lines.length * OUTSIDE_SHARE) {
    const months = [...new Set(outside.map((l) => l.month))].sort();
    const span = months.length === 1 ? months[0] : `${months[0]}～${months[months.length - 1]}，共 ${months.length} 个月`;
    const none = outside.length === lines.length;
    issues.push(
      fileIssue(
        'verify-period',
        fileName,
        '',
        `${none ? '全部' : ''} ${outside.length} 行（共 ${lines.length} 行）的月份（${span}）不在稽核期间 ${input.periodFrom}～${input.periodTo} 内${none ? '，这个文件可能不属于本案' : '，这些行不参与计算'}`.trim(),
      ),
    );
  }

  const persons = new Set(lines.map((l) => l.personId));
  const other = input.otherSidePersons;
  if (persons.size >= MIN_PERSONS && other.size >= MIN_PERSONS) {
    let shared = 0;
    for (const p of persons) if (other.has(p)) shared++;
    if (shared < Math.min(persons.size, other.size) * OVERLAP_SHARE) {
      issues.push(
        fileIssue(
          'verify-overlap',
          fileName,
          '',
          `本文件 ${persons.size} 人中只有 ${shared} 人见于已导入的${SIDE_NAMES[OTHER_SIDE[input.kind]]}（${other.size} 人），可能是其他单位或其他期间的文件`,
        ),
      );
    }
  }

  for (const t of input.titles) {
    const foreign = companyNames(t.title).find((n) => !mayBeEmployer(n, input.employerName));
    if (foreign) {
      issues.push(fileIssue('verify-employer', fileName, t.sheet, `表头上方写的单位是“${foreign}”，本案单位是“${input.employerName}”`));
      break;
    }
  }
  return issues;
}
