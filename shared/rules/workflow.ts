// The case's procedure as a state machine (DOMAIN.md §2): which state may follow which, who may
// move a case there, and what must exist first. Pure: the backend gathers the case's facts and
// asks here; the screens ask the same table which buttons to offer. Going back is never a
// silent edit: it is an explicit re-opening with a reason, recorded like any other transition.
import { CASE_STATE_NAMES, type CaseState } from '../api/dto';
import { USER_ROLE_NAMES, type UserRole } from '../domain/roles';
import { addDays, daysBetween, formatChineseDate, type IsoDate } from './month';

const STATE_NAMES = CASE_STATE_NAMES;

export interface TransitionRule {
  from: CaseState;
  to: CaseState;
  /** A step back (重新打开): needs a reason and a section head. */
  reopen: boolean;
  /** Who may make it once the workstation has accounts (the bootstrap rule applies before). */
  roles: readonly UserRole[];
  /** The button's words. */
  label: string;
}

const WORKERS: readonly UserRole[] = ['auditor', 'section-head'];
const HEAD: readonly UserRole[] = ['section-head'];
const ARCHIVERS: readonly UserRole[] = ['archivist', 'section-head'];

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'planned', to: 'notified', reopen: false, roles: WORKERS, label: '已送达稽核通知书' },
  { from: 'notified', to: 'onsite', reopen: false, roles: WORKERS, label: '开始实地稽核' },
  { from: 'onsite', to: 'summarised', reopen: false, roles: WORKERS, label: '实地稽核结束，进入汇总' },
  { from: 'summarised', to: 'concluded', reopen: false, roles: WORKERS, label: '出具稽核结论' },
  { from: 'summarised', to: 'closed-no-finding', reopen: false, roles: HEAD, label: '无问题结案' },
  { from: 'concluded', to: 'rectifying', reopen: false, roles: WORKERS, label: '进入整改' },
  { from: 'rectifying', to: 'archived', reopen: false, roles: ARCHIVERS, label: '归档' },
  { from: 'closed-no-finding', to: 'archived', reopen: false, roles: ARCHIVERS, label: '归档' },
  { from: 'notified', to: 'planned', reopen: true, roles: HEAD, label: '重新打开：退回立项' },
  { from: 'onsite', to: 'notified', reopen: true, roles: HEAD, label: '重新打开：退回已通知' },
  { from: 'summarised', to: 'onsite', reopen: true, roles: HEAD, label: '重新打开：退回实地稽核' },
  { from: 'concluded', to: 'summarised', reopen: true, roles: HEAD, label: '重新打开：退回汇总' },
  { from: 'closed-no-finding', to: 'summarised', reopen: true, roles: HEAD, label: '重新打开：退回汇总' },
  { from: 'rectifying', to: 'concluded', reopen: true, roles: HEAD, label: '重新打开：退回已出结论' },
];

export type RuleCheck = { ok: true; rule: TransitionRule } | { ok: false; reason: string };

/** Whether `to` may follow `from` at all (before roles and preconditions). */
export function findTransition(from: CaseState, to: CaseState): RuleCheck {
  if (from === to) return { ok: false, reason: `案件已处于“${STATE_NAMES[to]}”状态` };
  if (from === 'archived') return { ok: false, reason: '案件已归档，不能再变更状态' };
  const rule = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (rule) return { ok: true, rule };
  const next = TRANSITIONS.filter((t) => t.from === from).map((t) => `“${STATE_NAMES[t.to]}”`);
  return { ok: false, reason: `案件不能从“${STATE_NAMES[from]}”直接变为“${STATE_NAMES[to]}”${next.length ? `，只能变为${next.join('、')}` : ''}` };
}

export function transitionsFrom(from: CaseState): TransitionRule[] {
  return TRANSITIONS.filter((t) => t.from === from);
}

/**
 * Whether a user of `role` may make the transition; `role` null means nobody is logged in, which
 * is allowed only while the workstation has no accounts (bootstrap rule, auth/access.ts).
 */
export function checkRole(rule: TransitionRule, role: UserRole | null, usersExist: boolean): { ok: true } | { ok: false; reason: string } {
  const who = rule.roles.map((r) => USER_ROLE_NAMES[r]).join('、');
  if (role === null) return usersExist ? { ok: false, reason: `请先登录（${rule.label}需要${who}）` } : { ok: true };
  if (rule.roles.includes(role)) return { ok: true };
  return { ok: false, reason: `${USER_ROLE_NAMES[role]}无权${rule.reopen ? '重新打开案件' : `办理“${rule.label}”`}，需要${who}` };
}

/** What the backend knows about a case when it checks a transition. */
export interface CaseFacts {
  /** The kind of case decides the preconditions (one state machine, INSTITUTIONS.md §4). */
  kind?: 'employer-audit' | 'institution-check';
  /** An institution check's claims screening: whether it ran, hits without a verdict, 待核实 and 认定 ones. */
  screening?: { ran: boolean; unjudged: number; pending: number; confirmed: number };
  today: IsoDate;
  noticeDays: number;
  /** Issued documents' types (documents.type, status issued). */
  issuedTypes: readonly string[];
  /** Proof of service of the audit notice, if recorded. */
  noticeServedOn: IsoDate | null;
  /** The on-site date the issued audit notice announces, if known. */
  onsiteDate: IsoDate | null;
  hasPayroll: boolean;
  hasDeclarations: boolean;
  /** null when the result computes; otherwise why not. */
  computeProblem: string | null;
  approval: { approved: boolean; stale: boolean };
  /** Rectification: ordered amounts paid and ordered person-months declared again. */
  rectification: { settled: boolean; problems: readonly string[] };
}

const has = (f: CaseFacts, type: string) => f.issuedTypes.includes(type);

/** The first day the on-site audit may start: the notice served at least N calendar days before. */
export function earliestOnsite(servedOn: IsoDate, noticeDays: number): IsoDate {
  return addDays(servedOn, noticeDays);
}

/** What is missing before the case may enter `to` (empty: nothing). Re-openings need nothing. */
export function missingFor(rule: TransitionRule, f: CaseFacts): string[] {
  if (rule.reopen) return [];
  if (f.kind === 'institution-check') return missingForInstitutionCheck(rule, f);
  const missing: string[] = [];
  switch (rule.to) {
    case 'notified':
      if (!has(f, 'audit-notice')) missing.push('尚未签发稽核通知书');
      if (!f.noticeServedOn) missing.push('尚未登记稽核通知书的送达回证（送达日期、方式、受送达人）');
      break;
    case 'onsite': {
      if (!f.noticeServedOn) {
        missing.push('尚未登记稽核通知书的送达日期');
        break;
      }
      const earliest = earliestOnsite(f.noticeServedOn, f.noticeDays);
      if (f.today < f.noticeServedOn) {
        // A proof of service dated in the future is a typing slip, not "仅-598天" (issue 10).
        missing.push(`登记的送达日期（${formatChineseDate(f.noticeServedOn)}）晚于今天（${formatChineseDate(f.today)}），请核对送达回证上的日期`);
      } else if (f.today < earliest) {
        missing.push(
          `稽核通知书于${formatChineseDate(f.noticeServedOn)}送达，距今仅${daysBetween(f.noticeServedOn, f.today)}天，应至少提前${f.noticeDays}天送达，最早可于${formatChineseDate(earliest)}开始实地稽核`,
        );
      }
      if (f.onsiteDate && f.onsiteDate < earliest) {
        missing.push(`通知书载明的实地稽核日期（${formatChineseDate(f.onsiteDate)}）距送达日不足${f.noticeDays}天，请重新送达或另行通知`);
      }
      break;
    }
    case 'summarised':
      if (!f.hasPayroll) missing.push('尚未导入工资表');
      if (!f.hasDeclarations) missing.push('尚未导入缴费申报明细');
      if (f.hasPayroll && f.hasDeclarations && f.computeProblem) missing.push(`稽核结果无法计算：${f.computeProblem}`);
      break;
    case 'concluded':
      if (!f.approval.approved) missing.push('稽核结论尚未经科室负责人审核');
      else if (f.approval.stale) missing.push('稽核结论在审核后已有变更，需重新审核');
      if (!has(f, 'audit-opinion')) missing.push('尚未签发稽核意见书');
      break;
    case 'closed-no-finding':
      if (!has(f, 'no-violation-notice')) missing.push('尚未签发无违规结论通知');
      break;
    case 'rectifying':
      if (!has(f, 'rectification-notice')) missing.push('尚未签发限期整改通知书');
      break;
    case 'archived':
      if (rule.from === 'rectifying' && !f.rectification.settled && !has(f, 'penalty-referral')) {
        missing.push(...f.rectification.problems.map((p) => `整改未完成：${p}`));
        missing.push('（整改完成或已签发提请行政处罚建议书后方可归档）');
      }
      break;
    default:
      break;
  }
  return missing;
}

/**
 * An institution check (INSTITUTIONS.md §4): 立项 → (通知) → 现场检查 → 汇总 → 处理 → 整改 → 归档.
 * Its notice, on-site records and handling documents come with part 2; until then the steps to
 * 汇总 and beyond are held by the claims screening: 汇总 needs a run, the decision needs every hit
 * judged and none left 待核实, closing without a finding needs no hit 认定.
 */
function missingForInstitutionCheck(rule: TransitionRule, f: CaseFacts): string[] {
  const s = f.screening ?? { ran: false, unjudged: 0, pending: 0, confirmed: 0 };
  const missing: string[] = [];
  const judged = () => {
    if (!s.ran) missing.push('尚未进行智能监控筛查');
    if (s.unjudged > 0) missing.push(`还有 ${s.unjudged} 个疑点未认定或排除`);
    if (s.pending > 0) missing.push(`还有 ${s.pending} 个疑点待核实`);
  };
  switch (rule.to) {
    case 'summarised':
      if (!s.ran) missing.push('尚未进行智能监控筛查');
      break;
    case 'concluded':
      judged();
      break;
    case 'closed-no-finding':
      judged();
      if (s.confirmed > 0) missing.push(`已认定 ${s.confirmed} 个违规疑点，不能无问题结案`);
      break;
    default:
      break;
  }
  return missing;
}

/** The buttons' words for an institution check (the same transitions, its own names). */
export const INSTITUTION_CHECK_LABELS: Partial<Record<CaseState, string>> = {
  notified: '已送达监督检查通知书',
  onsite: '开始现场检查',
  summarised: '现场检查结束，进入汇总',
  concluded: '作出处理决定',
  'closed-no-finding': '无问题结案',
  rectifying: '进入整改',
  archived: '归档',
};

/** The label of a transition for a case of `kind`. */
export function transitionLabel(rule: TransitionRule, kind: CaseFacts['kind']): string {
  if (kind !== 'institution-check' || rule.reopen) return rule.label;
  return INSTITUTION_CHECK_LABELS[rule.to] ?? rule.label;
}
