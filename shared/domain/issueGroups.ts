// The import report's issues grouped by kind, most important first (issue 10): errors, then
// warnings, then notes, and last the kinds about columns no computation reads (rounding of 实发
// 工资, say — hundreds of rows that change nothing), which the screen shows collapsed. Pure:
// grouping and ordering only; every issue keeps its file, sheet, row and column.
import type { ColumnRole, ImportIssue, ImportReport } from './importReport';
import { COLUMN_ROLE_NAMES } from './importReport';

/** Columns an employer audit's computation never reads: a problem in one changes no figure. */
const UNUSED_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['net', 'department', 'note', 'contractType', 'ignore']);

/** Short Chinese names of the common kinds; others are named by their first message. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  'bad-id': '身份证号无效',
  'id-check-digit': '身份证号校验位不符',
  'id-unvalidated': '证件号码未校验',
  'id-15-converted': '15位证件号码已转换为18位',
  'bad-amount': '金额无法识别',
  'negative-amount': '金额为负数',
  'amount-rounded': '金额超过两位小数（已四舍五入）',
  'bad-month': '月份无法识别',
  'bad-date': '日期无法识别',
  'date-month-only': '日期只有年月',
  'bad-paid-flag': '缴费状态无法识别',
  'duplicate-person-month': '同一人同月多行',
  'name-mismatch': '同一身份证号姓名不一致',
  'missing-column': '缺少必需的列',
  'total-row-skipped': '合计行未导入',
  'note-row-skipped': '说明行未导入',
  'blank-rows-skipped': '空行未导入',
  'repeated-header': '重复的表头行未导入',
  'non-data-row': '非数据行未导入',
  'sheet-skipped': '工作表未读取',
  'hidden-sheet-skipped': '隐藏工作表未读取',
  'refund-row': '退款（负数）行',
  'left-without-date': '离职未填日期',
  'verification-overridden': '核对未通过但确认仍然导入',
  'encoding': '文件编码',
};

export interface IssueGroup {
  /** Stable id: severity, code and column role. */
  id: string;
  severity: ImportIssue['severity'];
  code: string;
  /** The role of the column the issues are in, when they are about one column. */
  role: ColumnRole | null;
  title: string;
  issues: ImportIssue[];
  /** About a column no computation reads, or a note: shown last and collapsed. */
  minor: boolean;
}

const RANK: Record<ImportIssue['severity'], number> = { error: 0, warning: 1, info: 2 };

export function groupIssues(report: Pick<ImportReport, 'issues' | 'sheets'>): IssueGroup[] {
  const roleAt = new Map<string, ColumnRole>();
  for (const s of report.sheets) for (const c of s.columns) roleAt.set(`${s.sheet}|${c.letter}`, c.role);
  const groups = new Map<string, IssueGroup>();
  for (const issue of report.issues) {
    const role = issue.column ? (roleAt.get(`${issue.sheet}|${issue.column}`) ?? null) : null;
    const id = `${issue.severity}|${issue.code}|${role ?? ''}`;
    let g = groups.get(id);
    if (!g) {
      // An unnamed kind: its first message without the row's own particulars (quoted values, numbers in brackets).
      const name = KIND_NAMES[issue.code] ?? issue.message.replace(/（[^）]*）|“[^”]*”|[：:][^，。；]*$/g, '').slice(0, 40);
      const minor = issue.severity !== 'error' && role !== null && UNUSED_ROLES.has(role);
      g = { id, severity: issue.severity, code: issue.code, role, title: role && role !== 'ignore' ? `${name} · ${COLUMN_ROLE_NAMES[role]}列` : name, issues: [], minor };
      groups.set(id, g);
    }
    g.issues.push(issue);
  }
  return [...groups.values()].sort((a, b) => Number(a.minor) - Number(b.minor) || RANK[a.severity] - RANK[b.severity] || b.issues.length - a.issues.length || a.id.localeCompare(b.id));
}
