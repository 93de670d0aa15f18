// rectification.*: what the employer was ordered to do and what it has done (DOMAIN.md §2 step
// 6). The order is the latest approved result, frozen at approval (its back-contribution and late-fee totals, its
// person-months); payments and back-enrolment are recorded against it, in fen; the follow-up
// check (复查) imports the employer's new declarations into a table of their own — never into
// the audit's declarations, which would change the approved result — and lists the ordered
// person-months still not declared at the due base. Settled: nothing outstanding, nothing missing.
import { createHash } from 'node:crypto';
import type { ComputeResultDto } from '../../../shared/api/dto';
import type { RectificationStatus } from '../../../shared/api/dto/workflow';
import { toComputeResultDto } from '../../../shared/rules/resultDto';
import { fenFromString, formatFen, formatFenGrouped, parseAmount, type Fen } from '../../../shared/rules/money';
import { normalizePersonId } from '../../../shared/rules/personId';
import { appendAudit } from '../audit/auditLog';
import type { Db } from '../db/open';
import { refusalReason } from '../jobs/importPolicy';
import { spreadsheetOffThread } from '../jobs/offThread';
import { ApiFailure } from './errors';
import { requireCase, requireOpenCase } from './cases';
import { approvedSnapshot } from './caseFigures';
import type { Handlers } from './types';

type MissingPersonMonth = NonNullable<RectificationStatus['followUp']>['missing'][number];

interface EntryRow {
  id: number;
  kind: 'enrolment' | 'payment';
  person_id: string | null;
  name: string | null;
  month_from: string | null;
  paid_on: string | null;
  amount_fen: number | null;
  purpose: 'back-pay' | 'late-fee' | null;
  note: string | null;
  at: string;
  by: string;
}

interface FollowUpLine {
  person_id: string;
  month: string;
  insurance: string | null;
  base_fen: number;
}

const RECTIFYING_STATES = new Set(['concluded', 'rectifying']);

/** What was ordered: the approved snapshot (caseFigures.ts), the figures the documents state. */
function orderedResult(db: Db, caseId: number): { asOf: string; result: ComputeResultDto } | null {
  const snap = approvedSnapshot(db, caseId);
  if (!snap) return null;
  return { asOf: snap.asOf, result: toComputeResultDto(snap.result) };
}

/** The ordered person-months still missing in the follow-up lines (none declared, or under the due base). */
export function missingPersonMonths(result: ComputeResultDto, lines: readonly FollowUpLine[]): MissingPersonMonth[] {
  const byKey = new Map<string, FollowUpLine[]>();
  for (const l of lines) {
    const k = `${l.person_id}\u0000${l.month}`;
    const list = byKey.get(k) ?? [];
    list.push(l);
    byKey.set(k, list);
  }
  const missing: MissingPersonMonth[] = [];
  for (const row of result.rows) {
    const found = byKey.get(`${row.personId}\u0000${row.month}`) ?? [];
    let worstDue: Fen | null = null;
    let worstDeclared: Fen | null = null;
    for (const ins of row.insurances) {
      const due = fenFromString(ins.dueBase);
      const candidates = found.filter((l) => l.insurance === null || l.insurance === ins.code).map((l) => l.base_fen);
      const declared = candidates.length ? Math.max(...candidates) : null;
      if (declared === null || declared < due) {
        if (worstDue === null || due > worstDue) {
          worstDue = due;
          worstDeclared = declared;
        }
      }
    }
    if (worstDue !== null) {
      missing.push({ personId: row.personId, name: row.name, month: row.month, dueBase: formatFen(worstDue), declaredBase: worstDeclared === null ? null : formatFen(worstDeclared) });
    }
  }
  return missing;
}

function money(backPay: Fen, lateFee: Fen) {
  return { backPay: formatFen(backPay), lateFee: formatFen(lateFee), total: formatFen(backPay + lateFee) };
}

export function rectificationStatus(db: Db, caseId: number): RectificationStatus {
  const c = requireCase(db, caseId);
  const order = orderedResult(db, c.id);
  const orderedBack = order ? fenFromString(order.result.totals.backPay) : 0;
  const orderedLate = order ? fenFromString(order.result.totals.lateFee) : 0;
  const entries = db.prepare('SELECT * FROM rectification_entries WHERE case_id = ? ORDER BY id').all(c.id) as EntryRow[];
  const payments = entries.filter((e) => e.kind === 'payment');
  const enrolments = entries.filter((e) => e.kind === 'enrolment');
  const paidBack = payments.filter((p) => p.purpose === 'back-pay').reduce((s, p) => s + p.amount_fen!, 0);
  const paidLate = payments.filter((p) => p.purpose === 'late-fee').reduce((s, p) => s + p.amount_fen!, 0);
  const outBack = Math.max(0, orderedBack - paidBack);
  const outLate = Math.max(0, orderedLate - paidLate);

  const toEnrol = new Map<string, { personId: string; name: string; monthFrom: string; enrolledFrom: string | null }>();
  for (const row of order?.result.rows ?? []) {
    if (!row.payrollOnly) continue;
    const had = toEnrol.get(row.personId);
    if (!had || row.month < had.monthFrom) toEnrol.set(row.personId, { personId: row.personId, name: row.name, monthFrom: row.month, enrolledFrom: null });
  }
  for (const e of enrolments) {
    const p = toEnrol.get(e.person_id!);
    if (p && (p.enrolledFrom === null || e.month_from! < p.enrolledFrom)) p.enrolledFrom = e.month_from;
  }

  const check = db.prepare('SELECT id, file_name, sha256, rows, checked_at, checked_by FROM followup_checks WHERE case_id = ? ORDER BY id DESC LIMIT 1').get(c.id) as
    | { id: number; file_name: string; sha256: string; rows: number; checked_at: string; checked_by: string }
    | undefined;
  let followUp: RectificationStatus['followUp'] = null;
  if (check && order) {
    const lines = db.prepare('SELECT person_id, month, insurance, base_fen FROM followup_lines WHERE check_id = ?').all(check.id) as FollowUpLine[];
    followUp = {
      id: check.id,
      fileName: check.file_name,
      sha256: check.sha256,
      rows: check.rows,
      checkedAt: check.checked_at,
      checkedBy: check.checked_by,
      orderedPersonMonths: order.result.rows.length,
      missing: missingPersonMonths(order.result, lines),
    };
  }

  const problems: string[] = [];
  if (!order) problems.push('本案尚无经审核的稽核结论，没有可核对的整改金额');
  if (outBack > 0) problems.push(`尚欠补缴社会保险费 ${formatFenGrouped(outBack)} 元`);
  if (outLate > 0) problems.push(`尚欠滞纳金 ${formatFenGrouped(outLate)} 元`);
  if (order && order.result.rows.length > 0 && !followUp) problems.push('尚未复查（导入单位整改后的缴费申报明细）');
  if (followUp && followUp.missing.length > 0) {
    const persons = new Set(followUp.missing.map((m) => m.personId)).size;
    problems.push(`复查发现 ${persons} 人共 ${followUp.missing.length} 个人月仍未按应缴基数申报`);
  }
  const referred = (db.prepare("SELECT 1 FROM documents WHERE case_id = ? AND type = 'penalty-referral' AND status = 'issued' LIMIT 1").get(c.id) ?? null) !== null;

  return {
    approvedAsOf: order?.asOf ?? null,
    ordered: money(orderedBack, orderedLate),
    paid: money(paidBack, paidLate),
    outstanding: money(outBack, outLate),
    toEnrol: [...toEnrol.values()].sort((a, b) => a.personId.localeCompare(b.personId)),
    payments: payments.map((p) => ({ id: p.id, paidOn: p.paid_on!, amount: formatFen(p.amount_fen!), purpose: p.purpose!, note: p.note, at: p.at, by: p.by })),
    enrolments: enrolments.map((e) => ({ id: e.id, personId: e.person_id!, name: e.name ?? '', monthFrom: e.month_from!, note: e.note, at: e.at, by: e.by })),
    followUp,
    settled: order !== null && problems.length === 0,
    referred,
    problems,
  };
}

function requireRectifying(db: Db, caseId: number) {
  const c = requireOpenCase(db, caseId);
  if (!RECTIFYING_STATES.has(c.state)) throw new ApiFailure('not-ready', `案件 ${c.number} 尚未出具稽核结论，不能登记整改情况`);
  return c;
}

export const rectificationHandlers: Handlers<'rectification.status' | 'rectification.recordPayment' | 'rectification.recordEnrolment' | 'rectification.followUp'> = {
  'rectification.status': (ctx, input) => rectificationStatus(ctx.db, input.caseId),

  'rectification.recordPayment': (ctx, input) => {
    const c = requireRectifying(ctx.db, input.caseId);
    const parsed = parseAmount(input.amount);
    if (!parsed.ok || parsed.rounded || parsed.fen <= 0) throw new ApiFailure('invalid-input', `缴款金额无效：${input.amount}`, [{ path: 'amount', message: '应为大于零的金额，最多两位小数' }]);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      const info = ctx.db
        .prepare("INSERT INTO rectification_entries (case_id, kind, paid_on, amount_fen, purpose, note, at, by) VALUES (?, 'payment', ?, ?, ?, ?, ?, ?)")
        .run(c.id, input.paidOn, parsed.fen, input.purpose, input.note || null, meta.at, meta.actor);
      appendAudit(ctx.db, {
        ...meta,
        caseId: c.id,
        action: 'rectification.payment',
        detail: { entryId: Number(info.lastInsertRowid), paidOn: input.paidOn, amount: formatFen(parsed.fen), purpose: input.purpose, note: input.note || null },
      });
    })();
    return rectificationStatus(ctx.db, c.id);
  },

  'rectification.recordEnrolment': (ctx, input) => {
    const c = requireRectifying(ctx.db, input.caseId);
    const norm = normalizePersonId(input.personId);
    if (!norm.ok) throw new ApiFailure('invalid-input', `身份证号码有误：${norm.reason}`, [{ path: 'personId', message: norm.reason }]);
    const personId = norm.id;
    const order = orderedResult(ctx.db, c.id);
    const row = order?.result.rows.find((r) => r.personId === personId);
    if (!row) throw new ApiFailure('invalid-input', `${input.personId} 不在本案责令补缴的人员中`, [{ path: 'personId', message: '不在责令补缴的人员中' }]);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      const info = ctx.db
        .prepare("INSERT INTO rectification_entries (case_id, kind, person_id, name, month_from, note, at, by) VALUES (?, 'enrolment', ?, ?, ?, ?, ?, ?)")
        .run(c.id, personId, row.name, input.monthFrom, input.note || null, meta.at, meta.actor);
      appendAudit(ctx.db, { ...meta, caseId: c.id, action: 'rectification.enrolment', detail: { entryId: Number(info.lastInsertRowid), personId, name: row.name, monthFrom: input.monthFrom } });
    })();
    return rectificationStatus(ctx.db, c.id);
  },

  'rectification.followUp': async (ctx, input) => {
    const c = requireRectifying(ctx.db, input.caseId);
    const bytes = new Uint8Array(input.data);
    // Parsed in the bounded import worker (jobs/offThread.ts).
    const parsed = await spreadsheetOffThread({ bytes, fileName: input.fileName, kind: 'declaration' });
    const refused = refusalReason(parsed.report, false, parsed.declarations.length);
    if (refused) throw new ApiFailure('bad-file', `复查：${refused}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const info = ctx.db
        .prepare('INSERT INTO followup_checks (case_id, file_name, size, sha256, bytes, report, rows, checked_at, checked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(c.id, input.fileName, bytes.byteLength, sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), JSON.stringify(parsed.report), parsed.declarations.length, meta.at, meta.actor);
      const checkId = Number(info.lastInsertRowid);
      const insert = ctx.db.prepare('INSERT INTO followup_lines (check_id, month, person_id, name, insurance, base_fen, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const l of parsed.declarations) insert.run(checkId, l.month, l.personId, l.name, l.insurance, l.baseFen, l.source.sheet, l.source.row);
      const status = rectificationStatus(ctx.db, c.id);
      appendAudit(ctx.db, {
        ...meta,
        caseId: c.id,
        action: 'rectification.followup',
        detail: { checkId, fileName: input.fileName, sha256, rows: parsed.declarations.length, missing: status.followUp?.missing.length ?? 0 },
      });
      return status;
    })();
  },
};
