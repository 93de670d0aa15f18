// workflow.*: the case's state machine (shared/rules/workflow.ts) against the database. The
// backend gathers the facts a transition needs (issued documents, proof of service, imports,
// the result, the approval, rectification), refuses with every missing item in Chinese, and
// stores each transition in case_transitions and the audit log in one transaction. Other areas
// (archiving) move a case through transitionCase, so the rules live in one place.
import { localIsoDate } from './computeCase';
import { computeCase } from './computeCase';
import { approvalStatus } from './reviewState';
import { ApiFailure } from './errors';
import { requireCase, requireOpenCase } from './cases';
import { rectificationStatus } from './rectification';
import type { BackendContext } from './context';
import type { Handlers } from './types';
import { appendAudit, listAudit } from '../audit/auditLog';
import { listCases, setCaseState } from '../db/repos/cases';
import { countUsers } from '../db/repos/users';
import { AGENCY_PROFILE_KEY, getSetting } from '../db/repos/settings';
import { listSourceFiles } from '../db/repos/sourceFiles';
import type { Db } from '../db/open';
import { CASE_STATES, type Case, type CaseState } from '../../../shared/api/dto';
import type { NoticeService, TransitionRecord, WorkflowStatus } from '../../../shared/api/dto/workflow';
import { AgencyProfileSchema } from '../../../shared/domain/agency';
import type { UserRole } from '../../../shared/domain/roles';
import { USER_ROLE_NAMES } from '../../../shared/domain/roles';
import { checkRole, findTransition, missingFor, transitionLabel, transitionsFrom, type CaseFacts, type TransitionRule } from '../../../shared/rules/workflow';
import { latestJudgments, latestRun, runHits } from '../db/repos/screening';
import { caseDeadlines, nextDeadline, type Deadline } from '../../../shared/rules/deadlines';
import { formatChineseDate, isIsoDate } from '../../../shared/rules/month';

/** Who makes a transition, and when. */
export interface TransitionActor {
  actor: string;
  /** ISO timestamp of the change. */
  at: string;
  /** The local date the change happens on (notice period, deadlines). */
  today: string;
  /** The logged-in user's role, or null (allowed only while there are no accounts). */
  role: UserRole | null;
  usersExist: boolean;
}

export function transitionActorOf(ctx: BackendContext): TransitionActor {
  const meta = ctx.meta();
  return { ...meta, today: localIsoDate(ctx.now()), role: ctx.currentUser()?.role ?? null, usersExist: countUsers(ctx.db) > 0 };
}

// ---- stored facts ----

interface TransitionRow {
  id: number;
  from_state: CaseState;
  to_state: CaseState;
  reopen: number;
  reason: string | null;
  detail: string;
  at: string;
  by: string;
}

export function listTransitions(db: Db, caseId: number): (TransitionRecord & { detail: Record<string, unknown> })[] {
  const rows = db.prepare('SELECT id, from_state, to_state, reopen, reason, detail, at, by FROM case_transitions WHERE case_id = ? ORDER BY id').all(caseId) as TransitionRow[];
  return rows.map((r) => ({ id: r.id, from: r.from_state, to: r.to_state, reopen: r.reopen === 1, reason: r.reason, at: r.at, by: r.by, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

type FactKey = 'notice-service' | 'tipoff-received' | 'rectification-deadline';

export function latestFact<T>(db: Db, caseId: number, key: FactKey): { value: T; at: string; by: string } | null {
  const r = db.prepare('SELECT value, at, by FROM case_dates WHERE case_id = ? AND key = ? ORDER BY id DESC LIMIT 1').get(caseId, key) as { value: string; at: string; by: string } | undefined;
  return r ? { value: JSON.parse(r.value) as T, at: r.at, by: r.by } : null;
}

function insertFact(db: Db, caseId: number, key: FactKey, value: unknown, meta: { actor: string; at: string }): void {
  db.prepare('INSERT INTO case_dates (case_id, key, value, at, by) VALUES (?, ?, ?, ?, ?)').run(caseId, key, JSON.stringify(value), meta.at, meta.actor);
}

export function issuedDocumentTypes(db: Db, caseId: number): string[] {
  return (db.prepare("SELECT DISTINCT type FROM documents WHERE case_id = ? AND status = 'issued'").all(caseId) as { type: string }[]).map((r) => r.type);
}

/** The documents area's case facts (migration 003: on-site dates, place …), or {} when none. */
function documentCaseFacts(db: Db, caseId: number): { onsiteFrom?: string; onsiteTo?: string } {
  const r = db.prepare('SELECT facts FROM case_facts WHERE case_id = ?').get(caseId) as { facts: string } | undefined;
  return r ? (JSON.parse(r.facts) as { onsiteFrom?: string; onsiteTo?: string }) : {};
}

interface IssuedWithFields {
  id: number;
  type: string;
  number: string;
  fields: Record<string, unknown>;
  issuedAt: string;
  issuedBy: string;
}

function issuedWithFields(db: Db, caseId: number, type: string): IssuedWithFields[] {
  const rows = db
    .prepare("SELECT id, type, number, fields, coalesce(issued_at, created_at) AS issued_at, coalesce(issued_by, created_by) AS issued_by FROM documents WHERE case_id = ? AND type = ? AND status = 'issued' ORDER BY id")
    .all(caseId, type) as { id: number; type: string; number: string | null; fields: string | null; issued_at: string; issued_by: string }[];
  return rows.map((r) => ({ id: r.id, type: r.type, number: r.number ?? '', fields: r.fields ? (JSON.parse(r.fields) as Record<string, unknown>) : {}, issuedAt: r.issued_at, issuedBy: r.issued_by }));
}

/**
 * The audit notice's proof of service: recorded here (workflow.recordService), or an issued
 * 送达回证 of the documents area naming an issued audit notice; the latest of either counts.
 */
export function noticeService(db: Db, caseId: number): NoticeService | null {
  const f = latestFact<Omit<NoticeService, 'at' | 'by'>>(db, caseId, 'notice-service');
  const recorded = f ? { ...f.value, at: f.at, by: f.by } : null;
  const notices = new Map(issuedWithFields(db, caseId, 'audit-notice').map((d) => [d.id, d]));
  let fromProof: NoticeService | null = null;
  for (const proof of issuedWithFields(db, caseId, 'service-proof')) {
    const served = Array.isArray(proof.fields.servedDocumentIds) ? (proof.fields.servedDocumentIds as unknown[]) : [];
    const notice = served.map((id) => notices.get(Number(id))).find((d) => d !== undefined);
    const date = proof.fields.serviceDate;
    if (!notice || typeof date !== 'string' || !isIsoDate(date)) continue;
    fromProof = {
      documentId: notice.id,
      documentNumber: notice.number,
      servedOn: date,
      manner: typeof proof.fields.manner === 'string' ? proof.fields.manner : '',
      recipient: `送达回证 ${proof.number}`,
      at: proof.issuedAt,
      by: proof.issuedBy,
    };
  }
  if (recorded && fromProof) return recorded.at >= fromProof.at ? recorded : fromProof;
  return recorded ?? fromProof;
}

/** The on-site date the audit notice announces (its issue record), else the case's on-site start. */
export function noticeOnsiteDate(db: Db, caseId: number, documentId: number | null): string | null {
  const issues = listAudit(db, caseId).filter((e) => e.action === 'document.issue' && e.detail.type === 'audit-notice');
  const chosen = (documentId !== null ? issues.find((e) => e.detail.documentId === documentId) : undefined) ?? issues[issues.length - 1];
  const d = chosen?.detail.onsiteDate ?? documentCaseFacts(db, caseId).onsiteFrom;
  return typeof d === 'string' && isIsoDate(d) ? d : null;
}

/** The rectification deadline: recorded here, else the latest issued 限期整改通知书's deadline. */
export function rectificationDeadline(db: Db, caseId: number): string | null {
  const f = latestFact<{ date: string }>(db, caseId, 'rectification-deadline');
  if (f) return f.value.date;
  const notices = issuedWithFields(db, caseId, 'rectification-notice');
  const d = notices[notices.length - 1]?.fields.deadline;
  return typeof d === 'string' && isIsoDate(d) ? d : null;
}

function noticeDays(db: Db): number {
  const parsed = AgencyProfileSchema.safeParse(getSetting(db, AGENCY_PROFILE_KEY));
  return parsed.success ? parsed.data.noticeDays : 3;
}

/** Gathers what the checks for `targets` need; the costly ones (compute, approval) only when asked. */
function caseFacts(db: Db, c: Case, today: string, targets: readonly CaseState[]): CaseFacts {
  const files = listSourceFiles(db, c.id);
  const hasPayroll = files.some((f) => f.kind === 'payroll');
  const hasDeclarations = files.some((f) => f.kind === 'declaration');
  let computeProblem: string | null = null;
  if (targets.includes('summarised') && hasPayroll && hasDeclarations) {
    try {
      computeCase(db, c.id, today);
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      computeProblem = e.message;
    }
  }
  let approval = { approved: false, stale: false };
  const employerAudit = c.kind === 'employer-audit';
  if (employerAudit && targets.includes('concluded')) {
    const s = approvalStatus(db, c.id);
    approval = { approved: s.approved, stale: s.changedAfterReview };
  }
  let rectification: CaseFacts['rectification'] = { settled: false, problems: [] };
  if (employerAudit && targets.includes('archived') && c.state === 'rectifying') {
    const r = rectificationStatus(db, c.id);
    rectification = { settled: r.settled, problems: r.problems };
  }
  const service = noticeService(db, c.id);
  return {
    kind: c.kind,
    ...(c.kind === 'institution-check' ? { screening: screeningFacts(db, c.id) } : {}),
    today,
    noticeDays: noticeDays(db),
    issuedTypes: issuedDocumentTypes(db, c.id),
    noticeServedOn: service?.servedOn ?? null,
    onsiteDate: noticeOnsiteDate(db, c.id, service?.documentId ?? null),
    hasPayroll,
    hasDeclarations,
    computeProblem,
    approval,
    rectification,
  };
}

/** What the claims screening of an institution check says for its procedure. */
function screeningFacts(db: Db, caseId: number): NonNullable<CaseFacts['screening']> {
  const run = latestRun(db, caseId);
  if (!run) return { ran: false, unjudged: 0, pending: 0, confirmed: 0 };
  const judgments = latestJudgments(db, caseId);
  let unjudged = 0;
  let pending = 0;
  let confirmed = 0;
  for (const h of runHits(db, run.id)) {
    const v = judgments.get(h.key)?.verdict;
    if (v === undefined) unjudged++;
    else if (v === 'pending') pending++;
    else if (v === 'confirmed') confirmed++;
  }
  return { ran: true, unjudged, pending, confirmed };
}

function whoText(rule: TransitionRule): string {
  return rule.roles.map((r) => USER_ROLE_NAMES[r]).join('、');
}

// ---- the transition ----

/**
 * Moves a case to `to` if the state machine, the actor's role and the preconditions allow it;
 * otherwise throws ApiFailure ('conflict' for a transition that does not exist, 'forbidden' for
 * the role, 'not-ready' listing every missing item). A re-opening needs a reason.
 */
export function transitionCase(db: Db, caseId: number, to: CaseState, actor: TransitionActor, reason?: string): TransitionRecord {
  const c = requireCase(db, caseId);
  const found = findTransition(c.state, to);
  if (!found.ok) throw new ApiFailure('conflict', `案件 ${c.number}：${found.reason}`);
  const rule = found.rule;
  const role = checkRole(rule, actor.role, actor.usersExist);
  if (!role.ok) throw new ApiFailure('forbidden', role.reason);
  const why = reason?.trim() || null;
  if (rule.reopen && !why) throw new ApiFailure('invalid-input', '重新打开案件须填写原因', [{ path: 'reason', message: '请填写重新打开的原因' }]);
  const missing = missingFor(rule, caseFacts(db, c, actor.today, [to]));
  if (missing.length > 0) throw new ApiFailure('not-ready', `案件 ${c.number} 不能${transitionLabel(rule, c.kind)}：${missing.join('；')}`);
  // The summarised figures decide which deadline applies next (opinion or no-violation notice).
  const detail: Record<string, unknown> = {};
  if (to === 'summarised' && c.kind === 'employer-audit') {
    const r = computeCase(db, c.id, actor.today);
    detail.total = r.totals.total;
    detail.rows = r.rows.length;
  }
  return db.transaction(() => {
    const info = db
      .prepare('INSERT INTO case_transitions (case_id, from_state, to_state, reopen, reason, detail, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(c.id, c.state, to, rule.reopen ? 1 : 0, why, JSON.stringify(detail), actor.at, actor.actor);
    setCaseState(db, c.id, to);
    appendAudit(db, {
      actor: actor.actor,
      at: actor.at,
      caseId: c.id,
      action: 'case.transition',
      detail: { transitionId: Number(info.lastInsertRowid), from: c.state, to, reopen: rule.reopen, reason: why, ...detail },
    });
    return { id: Number(info.lastInsertRowid), from: c.state, to, reopen: rule.reopen, reason: why, at: actor.at, by: actor.actor };
  })();
}

// ---- status and deadlines ----

function localDateOf(iso: string): string {
  return localIsoDate(new Date(iso));
}

export function deadlinesOf(db: Db, c: Case, today: string): Deadline[] {
  const history = listTransitions(db, c.id);
  const ended = [...history].reverse().find((t) => t.to === 'summarised' && !t.reopen);
  const total = ended?.detail.total;
  const service = noticeService(db, c.id);
  const tip = latestFact<{ date: string }>(db, c.id, 'tipoff-received');
  const rect = rectificationDeadline(db, c.id);
  let rectificationDone = false;
  if (rect && c.state === 'rectifying') rectificationDone = rectificationStatus(db, c.id).settled;
  // The on-site audit ended on the day the documents' case facts say, else when the case entered 汇总.
  const onsiteTo = documentCaseFacts(db, c.id).onsiteTo;
  const onsiteEnded = ended ? (typeof onsiteTo === 'string' && isIsoDate(onsiteTo) ? onsiteTo : localDateOf(ended.at)) : null;
  return caseDeadlines({
    state: c.state,
    today,
    isTipOff: c.source === 'tip-off',
    tipOffReceived: tip?.value.date ?? null,
    noticeServedOn: service?.servedOn ?? null,
    noticeDays: noticeDays(db),
    onsiteDate: noticeOnsiteDate(db, c.id, service?.documentId ?? null),
    onsiteEnded,
    foundViolation: typeof total === 'string' ? total !== '0.00' : null,
    rectificationDeadline: rect,
    rectificationDone,
  });
}

export function workflowStatus(ctx: BackendContext, caseId: number): WorkflowStatus {
  const c = requireCase(ctx.db, caseId);
  const actor = transitionActorOf(ctx);
  const rules = transitionsFrom(c.state);
  const facts = caseFacts(
    ctx.db,
    c,
    actor.today,
    rules.filter((r) => !r.reopen).map((r) => r.to),
  );
  const options = rules.map((rule) => {
    const role = checkRole(rule, actor.role, actor.usersExist);
    const missing = [...(role.ok ? [] : [role.reason]), ...missingFor(rule, facts)];
    return { to: rule.to, label: transitionLabel(rule, c.kind), reopen: rule.reopen, who: whoText(rule), allowed: missing.length === 0, missing };
  });
  const service = noticeService(ctx.db, c.id);
  return {
    caseId: c.id,
    state: c.state,
    options,
    history: listTransitions(ctx.db, c.id).map(({ detail: _detail, ...t }) => t),
    service,
    onsiteDate: facts.onsiteDate,
    tipOffReceived: latestFact<{ date: string }>(ctx.db, c.id, 'tipoff-received')?.value.date ?? null,
    rectificationDeadline: rectificationDeadline(ctx.db, c.id),
    deadlines: deadlinesOf(ctx.db, c, actor.today),
  };
}

export const workflowHandlers: Handlers<'workflow.status' | 'workflow.transition' | 'workflow.recordService' | 'workflow.setDates' | 'workflow.dashboard'> = {
  'workflow.status': (ctx, input) => workflowStatus(ctx, input.caseId),

  'workflow.transition': (ctx, input) => {
    // 'archived' is registered again by the archive area (backend/archive.ts): it stores the dossier first.
    transitionCase(ctx.db, input.caseId, input.to, transitionActorOf(ctx), input.reason);
    return workflowStatus(ctx, input.caseId);
  },

  'workflow.recordService': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    const doc = ctx.db.prepare('SELECT id, type, status, number FROM documents WHERE id = ? AND case_id = ?').get(input.documentId, c.id) as
      | { id: number; type: string; status: string; number: string | null }
      | undefined;
    if (!doc) throw new ApiFailure('not-found', `案件 ${c.number} 中找不到该文书（编号 ${input.documentId}）`);
    if (doc.type !== 'audit-notice' || doc.status !== 'issued') throw new ApiFailure('invalid-input', '只能为已签发的稽核通知书登记送达', [{ path: 'documentId', message: '不是已签发的稽核通知书' }]);
    const today = localIsoDate(ctx.now());
    if (input.servedOn > today) throw new ApiFailure('invalid-input', `送达日期（${formatChineseDate(input.servedOn)}）不能晚于今天`, [{ path: 'servedOn', message: '不能晚于今天' }]);
    const created = ctx.db.prepare('SELECT created_at FROM documents WHERE id = ?').get(doc.id) as { created_at: string };
    const issueDate = noticeIssueDate(ctx.db, c.id, doc.id) ?? localDateOf(created.created_at);
    if (input.servedOn < issueDate) {
      throw new ApiFailure('invalid-input', `送达日期（${formatChineseDate(input.servedOn)}）早于通知书的发文日期（${formatChineseDate(issueDate)}）`, [{ path: 'servedOn', message: '早于发文日期' }]);
    }
    const meta = ctx.meta();
    const value = { documentId: doc.id, documentNumber: doc.number ?? '', servedOn: input.servedOn, manner: input.manner, recipient: input.recipient };
    ctx.db.transaction(() => {
      insertFact(ctx.db, c.id, 'notice-service', value, meta);
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'case.notice-served', detail: value });
    })();
    return workflowStatus(ctx, c.id);
  },

  'workflow.setDates': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    if (input.tipOffReceived && c.source !== 'tip-off') {
      throw new ApiFailure('invalid-input', `案件 ${c.number} 的来源不是举报，无需登记收到举报日期`, [{ path: 'tipOffReceived', message: '案件来源不是举报' }]);
    }
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      if (input.tipOffReceived) insertFact(ctx.db, c.id, 'tipoff-received', { date: input.tipOffReceived }, meta);
      if (input.rectificationDeadline) insertFact(ctx.db, c.id, 'rectification-deadline', { date: input.rectificationDeadline }, meta);
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'case.fact', detail: { tipOffReceived: input.tipOffReceived ?? null, rectificationDeadline: input.rectificationDeadline ?? null } });
    })();
    return workflowStatus(ctx, c.id);
  },

  'workflow.dashboard': (ctx) => {
    const today = localIsoDate(ctx.now());
    const cases = listCases(ctx.db);
    const counts = CASE_STATES.map((state) => ({ state, count: cases.filter((c) => c.state === state).length }));
    return {
      today,
      counts,
      cases: cases.map((c) => {
        const deadlines = c.state === 'archived' ? [] : deadlinesOf(ctx.db, c, today);
        return { case: c, next: nextDeadline(deadlines), overdue: deadlines.filter((d) => d.overdue) };
      }),
    };
  },
};

/** The issue date the audit notice carries (its audit record), if known. */
function noticeIssueDate(db: Db, caseId: number, documentId: number): string | null {
  const e = listAudit(db, caseId).find((x) => x.action === 'document.issue' && x.detail.documentId === documentId);
  const d = e?.detail.issueDate;
  return typeof d === 'string' && isIsoDate(d) ? d : null;
}
