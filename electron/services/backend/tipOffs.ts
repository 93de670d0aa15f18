// tipOffs.*: the tip-off register (举报, DOMAIN.md §10.5): received with its channel, the reporter
// kept in separate columns (confidential: never printed on public or employer-facing outputs),
// assignment, verification by a linked case or a desk check, the answer and its 30-day clock
// (shared/rules/tipOffClock.ts), the result and the reward. Every change is in the audit trail
// without the reporter's identity.
import type { TipOff, TipOffInput } from '../../../shared/api/dto/office';
import { formatFen, parseAmount } from '../../../shared/rules/money';
import { tipOffClock } from '../../../shared/rules/tipOffClock';
import { appendAudit } from '../audit/auditLog';
import { getCase } from '../db/repos/cases';
import type { Db } from '../db/open';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

interface TipOffRow {
  id: number;
  received_on: string;
  channel: TipOff['channel'];
  reporter_name: string | null;
  reporter_contact: string | null;
  subject_kind: TipOff['subjectKind'];
  subject_credit_code: string | null;
  subject_name: string;
  allegation: string;
  evidence: string | null;
  assigned_to: string | null;
  assigned_on: string | null;
  verification: 'case' | 'desk' | null;
  case_id: number | null;
  desk_note: string | null;
  answered_on: string | null;
  answer: string | null;
  result: string | null;
  confirmed_fen: number | null;
  reward_fen: number | null;
  reward_note: string | null;
  created_at: string;
}

function toTipOff(r: TipOffRow, today: string): TipOff {
  const clock = tipOffClock(r.received_on, r.answered_on, today);
  const t: TipOff = {
    id: r.id,
    receivedOn: r.received_on,
    channel: r.channel,
    subjectKind: r.subject_kind,
    subjectName: r.subject_name,
    allegation: r.allegation,
    assignedTo: r.assigned_to,
    assignedOn: r.assigned_on,
    verification: r.verification,
    caseId: r.case_id,
    deskNote: r.desk_note,
    answeredOn: r.answered_on,
    answer: r.answer,
    result: r.result,
    confirmedAmount: r.confirmed_fen === null ? null : formatFen(r.confirmed_fen),
    reward: r.reward_fen === null ? null : formatFen(r.reward_fen),
    rewardNote: r.reward_note,
    answerDue: clock.answerDue,
    daysLeft: clock.daysLeft,
    overdue: clock.overdue,
    createdAt: r.created_at,
  };
  if (r.reporter_name !== null) t.reporterName = r.reporter_name;
  if (r.reporter_contact !== null) t.reporterContact = r.reporter_contact;
  if (r.subject_credit_code !== null) t.subjectCreditCode = r.subject_credit_code;
  if (r.evidence !== null) t.evidence = r.evidence;
  return t;
}

const today = (d: Date) => d.toISOString().slice(0, 10);

export function listTipOffs(db: Db, now: Date): TipOff[] {
  return (db.prepare('SELECT * FROM tip_offs ORDER BY received_on DESC, id DESC').all() as TipOffRow[]).map((r) => toTipOff(r, today(now)));
}

function getTipOff(db: Db, id: number, now: Date): TipOff {
  const r = db.prepare('SELECT * FROM tip_offs WHERE id = ?').get(id) as TipOffRow | undefined;
  if (!r) throw new ApiFailure('not-found', `找不到举报记录（编号 ${id}）`);
  return toTipOff(r, today(now));
}

function fen(text: string | undefined, field: string, label: string): number | null {
  if (text === undefined || text.trim() === '') return null;
  const a = parseAmount(text);
  if (!a.ok || a.rounded || a.fen < 0) throw new ApiFailure('invalid-input', `${label}应为不超过两位小数的非负金额`, [{ path: field, message: '金额无效' }]);
  return a.fen;
}

/** Seed 004: a reward is at most 100,000 yuan. */
const MAX_REWARD_FEN = 100_000_00;

export const tipOffHandlers: Handlers<'tipOffs.list' | 'tipOffs.create' | 'tipOffs.update'> = {
  'tipOffs.list': (ctx) => listTipOffs(ctx.db, ctx.now()),

  'tipOffs.create': (ctx, input: TipOffInput) => {
    if (input.receivedOn > today(ctx.now())) throw new ApiFailure('invalid-input', '收到日期不能晚于今天', [{ path: 'receivedOn', message: '日期在将来' }]);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const id = Number(
        ctx.db
          .prepare(
            `INSERT INTO tip_offs (received_on, channel, reporter_name, reporter_contact, subject_kind, subject_credit_code, subject_name, allegation, evidence, created_at, created_by, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.receivedOn, input.channel, input.reporterName || null, input.reporterContact || null, input.subjectKind, input.subjectCreditCode || null, input.subjectName, input.allegation, input.evidence || null, meta.at, meta.actor, meta.at)
          .lastInsertRowid,
      );
      // The reporter stays out of the trail (it is printed in the dossier).
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'tip-off.create', detail: { tipOffId: id, receivedOn: input.receivedOn, channel: input.channel, subject: input.subjectName, allegation: input.allegation } });
      return getTipOff(ctx.db, id, ctx.now());
    })();
  },

  'tipOffs.update': (ctx, input) => {
    const before = getTipOff(ctx.db, input.id, ctx.now());
    if (input.caseId !== undefined && !getCase(ctx.db, input.caseId)) throw new ApiFailure('invalid-input', `找不到稽核案件（编号 ${input.caseId}）`, [{ path: 'caseId', message: '案件不存在' }]);
    const verification = input.verification ?? before.verification;
    const caseId = input.caseId ?? before.caseId;
    if (verification === 'case' && caseId === null) throw new ApiFailure('invalid-input', '立案核查须关联稽核案件', [{ path: 'caseId', message: '请选择案件' }]);
    const answeredOn = input.answeredOn ?? before.answeredOn;
    const answer = input.answer ?? before.answer;
    if (answeredOn !== null && (answer === null || answer === '')) throw new ApiFailure('invalid-input', '登记答复日期时须填写答复内容', [{ path: 'answer', message: '请填写答复内容' }]);
    if (answeredOn !== null && answeredOn < before.receivedOn) throw new ApiFailure('invalid-input', '答复日期不能早于收到日期', [{ path: 'answeredOn', message: '早于收到日期' }]);
    const confirmed = input.confirmedAmount !== undefined ? fen(input.confirmedAmount, 'confirmedAmount', '查实金额') : before.confirmedAmount === null ? null : fen(before.confirmedAmount, 'confirmedAmount', '查实金额');
    const reward = input.reward !== undefined ? fen(input.reward, 'reward', '奖励金额') : before.reward === null ? null : fen(before.reward, 'reward', '奖励金额');
    if (reward !== null && reward > MAX_REWARD_FEN) throw new ApiFailure('invalid-input', '举报奖励最高不超过 10 万元', [{ path: 'reward', message: '超过 10 万元' }]);
    const meta = ctx.meta();
    const assignedTo = input.assignedTo ?? before.assignedTo;
    const assignedOn = input.assignedTo !== undefined && input.assignedTo !== before.assignedTo ? meta.at.slice(0, 10) : before.assignedOn;
    return ctx.db.transaction(() => {
      ctx.db
        .prepare(
          `UPDATE tip_offs SET assigned_to = ?, assigned_on = ?, verification = ?, case_id = ?, desk_note = ?, answered_on = ?, answer = ?, result = ?, confirmed_fen = ?, reward_fen = ?, reward_note = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          assignedTo,
          assignedOn,
          verification,
          caseId,
          input.deskNote ?? before.deskNote,
          answeredOn,
          answer,
          input.result ?? before.result,
          confirmed,
          reward,
          input.rewardNote ?? before.rewardNote,
          meta.at,
          input.id,
        );
      const { id: _id, ...changes } = input;
      appendAudit(ctx.db, { ...meta, caseId: caseId ?? null, action: 'tip-off.update', detail: { tipOffId: input.id, ...changes } });
      return getTipOff(ctx.db, input.id, ctx.now());
    })();
  },
};
