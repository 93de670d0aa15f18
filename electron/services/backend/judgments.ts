// The auditor's judgments (DOMAIN.md §6.4, issue 4): exemptions of a person or some of their
// months, a decision on each finding, and the ledger totals for the completeness check. Each is
// stored with the audit-log entry that records it, in one transaction; amounts follow at once
// because results.compute reads the exemptions in force.
import { appendAudit } from '../audit/auditLog';
import { activeExemptions, getExemption, insertExemption, listExemptions, revokeExemption } from '../db/repos/exemptions';
import { insertJudgment, listJudgments } from '../db/repos/judgments';
import { currentLedger, insertLedgerEntry, payrollGrossByMonth } from '../db/repos/ledger';
import type { Db } from '../db/open';
import type { Case, ComputeResultDto, FindingJudgeInput, LedgerMonth } from '../../../shared/api/dto';
import { EXEMPTIBLE_FINDING_KINDS, JUDGED_FINDING_KIND_NAMES, parseFindingKey, type FindingKey } from '../../../shared/domain/findings';
import { EXEMPTION_REASON_NAMES, type ExemptionReason } from '../../../shared/domain/lines';
import { formatFen, parseAmount } from '../../../shared/rules/money';
import { formatChineseMonth, monthRange, type Month } from '../../../shared/rules/month';
import { normalizePersonId } from '../../../shared/rules/personId';
import { ApiFailure } from './errors';
import { requireCase, requireOpenCase } from './cases';
import { computeCase, localIsoDate } from './computeCase';
import type { BackendContext } from './context';
import type { Handlers } from './types';

export function casePersonIds(db: Db, caseId: number): Set<string> {
  const rows = db
    .prepare(
      `SELECT DISTINCT l.person_id AS id FROM payroll_lines l JOIN source_files f ON f.id = l.file_id WHERE f.case_id = ?
       UNION SELECT DISTINCT l.person_id FROM declaration_lines l JOIN source_files f ON f.id = l.file_id WHERE f.case_id = ?`,
    )
    .all(caseId, caseId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** The person's ID as the importer stores it, and known to the case; otherwise a Chinese error. */
function checkedPersonId(db: Db, c: Case, raw: string): string {
  const n = normalizePersonId(raw);
  if (!n.ok) throw new ApiFailure('invalid-input', `身份证号码“${raw}”无效：${n.reason}`, [{ path: '身份证号码', message: n.reason }]);
  if (!casePersonIds(db, c.id).has(n.id)) {
    throw new ApiFailure('invalid-input', `身份证号码 ${n.id} 不在案件 ${c.number} 已导入的工资表或申报明细中`, [{ path: '身份证号码', message: '本案数据中没有此人' }]);
  }
  return n.id;
}

/** Sorted, unique months inside the audit period, or null for the whole period. */
export function checkedMonths(c: Case, months: readonly Month[] | null | undefined): Month[] | null {
  if (months === null || months === undefined) return null;
  const period = new Set(monthRange(c.periodFrom, c.periodTo));
  const outside = months.filter((m) => !period.has(m));
  if (outside.length > 0) {
    const msg = `${outside.map(formatChineseMonth).join('、')}不在稽核期间（${formatChineseMonth(c.periodFrom)}至${formatChineseMonth(c.periodTo)}）内`;
    throw new ApiFailure('invalid-input', `豁免月份有误：${msg}`, [{ path: '月份', message: msg }]);
  }
  return [...new Set(months)].sort();
}

/** The person's name when the finding exists in the case's result now (its existence does not depend on the as-of date), else null. */
function findingName(result: ComputeResultDto, k: FindingKey): string | null {
  const same = (x: { personId: string; month: string }) => x.personId === k.personId && x.month === k.month;
  switch (k.kind) {
    case 'payroll-only':
      return result.payrollOnly.find(same)?.name ?? null;
    case 'under-declared':
      return [...result.rows, ...result.exempted].find((r) => !r.payrollOnly && same(r))?.name ?? null;
    case 'declared-only':
      return result.declaredOnly.find(same)?.name ?? null;
    case 'over-declared':
      return result.overDeclared.find(same)?.name ?? null;
  }
}

export function addExemption(ctx: BackendContext, c: Case, e: { personId: string; months: Month[] | null; reason: ExemptionReason; note: string | null }, via: string, name?: string) {
  const meta = ctx.meta();
  const record = insertExemption(ctx.db, { caseId: c.id, ...e }, meta);
  appendAudit(ctx.db, {
    ...meta,
    caseId: c.id,
    action: 'exemption.add',
    detail: { exemptionId: record.id, personId: e.personId, ...(name ? { name } : {}), months: e.months, reason: e.reason, reasonName: EXEMPTION_REASON_NAMES[e.reason], note: e.note, via },
  });
  return record;
}

/** The finding of a judgment, checked against the case's result now; a Chinese error otherwise. */
export interface CheckedJudgment {
  key: FindingKey;
  kindName: string;
  /** The person's name as the result shows it (for the trail). */
  name: string;
}

export function checkJudgment(c: Case, result: ComputeResultDto, input: Pick<FindingJudgeInput, 'key' | 'decision'>): CheckedJudgment {
  const parsed = parseFindingKey(input.key);
  if (!parsed.ok) throw new ApiFailure('invalid-input', parsed.reason, [{ path: '问题', message: parsed.reason }]);
  const k = parsed.key;
  const kindName = JUDGED_FINDING_KIND_NAMES[k.kind];
  const name = findingName(result, k);
  if (name === null) {
    throw new ApiFailure('not-found', `案件 ${c.number} 中没有此问题：${kindName}，${k.personId}，${formatChineseMonth(k.month)}`);
  }
  if (input.decision === 'exempted' && !EXEMPTIBLE_FINDING_KINDS.includes(k.kind)) {
    throw new ApiFailure('invalid-input', `“${kindName}”不涉及补缴，不能豁免，只能认定`, [{ path: '处理意见', message: '不能豁免' }]);
  }
  return { key: k, kindName, name };
}

/** Records one checked judgment (and its exemption) with its trail entry; call inside a transaction. */
export function recordJudgment(
  ctx: BackendContext,
  c: Case,
  checked: CheckedJudgment,
  input: Pick<FindingJudgeInput, 'key' | 'decision' | 'reason' | 'note'>,
  via = 'findings.judge',
) {
  const k = checked.key;
  const note = input.note || null;
  let exemptionId: number | null = null;
  if (input.decision === 'exempted') {
    const covered = activeExemptions(ctx.db, c.id).some((e) => e.personId === k.personId && (e.months == null || e.months.includes(k.month)));
    if (!covered) exemptionId = addExemption(ctx, c, { personId: k.personId, months: [k.month], reason: input.reason!, note }, via, checked.name).id;
  }
  const meta = ctx.meta();
  const judgment = insertJudgment(ctx.db, { caseId: c.id, key: input.key, decision: input.decision, note, exemptionId }, meta);
  appendAudit(ctx.db, {
    ...meta,
    caseId: c.id,
    action: 'finding.judge',
    detail: {
      judgmentId: judgment.id,
      key: input.key,
      kindName: checked.kindName,
      personId: k.personId,
      name: checked.name,
      month: k.month,
      decision: input.decision,
      reason: input.reason ?? null,
      note,
      exemptionId,
      ...(via !== 'findings.judge' ? { via } : {}),
    },
  });
  return judgment;
}

export const judgmentHandlers: Handlers<
  'exemptions.add' | 'exemptions.revoke' | 'exemptions.list' | 'findings.judge' | 'findings.judgments' | 'ledger.set' | 'ledger.list'
> = {
  'exemptions.add': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    const personId = checkedPersonId(ctx.db, c, input.personId);
    const months = checkedMonths(c, input.months);
    return ctx.db.transaction(() => addExemption(ctx, c, { personId, months, reason: input.reason, note: input.note || null }, 'exemptions.add'))();
  },

  'exemptions.revoke': (ctx, input) => {
    const e = getExemption(ctx.db, input.exemptionId);
    if (!e) throw new ApiFailure('not-found', `找不到豁免记录（编号 ${input.exemptionId}）`);
    const c = requireOpenCase(ctx.db, e.caseId);
    if (e.revokedAt !== null) throw new ApiFailure('conflict', `该豁免已于 ${e.revokedAt.slice(0, 10)} 由 ${e.revokedBy} 撤销`);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const revoked = revokeExemption(ctx.db, e.id, meta);
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'exemption.revoke', detail: { exemptionId: e.id, personId: e.personId, months: e.months, note: input.note ?? null } });
      return revoked;
    })();
  },

  'exemptions.list': (ctx, input) => listExemptions(ctx.db, input.caseId, input.includeRevoked),

  'findings.judge': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    const result = computeCase(ctx.db, c.id, localIsoDate(ctx.now()));
    const checked = checkJudgment(c, result, input);
    return ctx.db.transaction(() => recordJudgment(ctx, c, checked, input))();
  },

  'findings.judgments': (ctx, input) => listJudgments(ctx.db, input.caseId),

  'ledger.set': (ctx, input) => {
    const c = requireOpenCase(ctx.db, input.caseId);
    if (input.month < c.periodFrom || input.month > c.periodTo) {
      throw new ApiFailure('invalid-input', `${formatChineseMonth(input.month)}不在稽核期间（${formatChineseMonth(c.periodFrom)}至${formatChineseMonth(c.periodTo)}）内`, [
        { path: '月份', message: '不在稽核期间内' },
      ]);
    }
    let fen: number | null = null;
    if (input.amount !== null) {
      const a = parseAmount(input.amount);
      const problem = !a.ok ? a.reason : a.rounded ? '金额最多两位小数' : a.fen < 0 ? '金额不能为负' : null;
      if (problem || !a.ok) throw new ApiFailure('invalid-input', `应付职工薪酬金额有误：${problem}`, [{ path: '金额', message: problem ?? '' }]);
      fen = a.fen;
    }
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      const entry = insertLedgerEntry(ctx.db, c.id, input.month, fen, input.note || null, meta);
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'ledger.set', detail: { ledgerId: entry.id, month: input.month, amount: fen === null ? null : formatFen(fen), note: input.note || null } });
    })();
    return ledgerMonths(ctx.db, c.id, c.periodFrom, c.periodTo).find((m) => m.month === input.month)!;
  },

  'ledger.list': (ctx, input) => {
    const c = requireCase(ctx.db, input.caseId);
    return ledgerMonths(ctx.db, c.id, c.periodFrom, c.periodTo);
  },
};

/** Every month of the audit period with its ledger total (if typed in) against the payroll's gross. */
export function ledgerMonths(db: Db, caseId: number, from: Month, to: Month): LedgerMonth[] {
  const ledger = currentLedger(db, caseId);
  const gross = payrollGrossByMonth(db, caseId);
  return monthRange(from, to).map((month) => {
    const e = ledger.get(month);
    const payrollFen = gross.get(month) ?? 0;
    const amount = e?.amountFen ?? null;
    return {
      month,
      ledger: amount === null ? null : formatFen(amount),
      payrollGross: formatFen(payrollFen),
      difference: amount === null ? null : formatFen(amount - payrollFen),
      note: e?.note ?? null,
      setBy: e?.setBy ?? null,
      setAt: e?.setAt ?? null,
    };
  });
}
