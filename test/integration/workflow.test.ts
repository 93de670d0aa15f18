// The case workflow through backend.invoke on a real database: forbidden transitions refused with
// their reasons, each precondition (served notice, notice period, imports, approval and opinion,
// settled rectification), re-opening only with a reason and recorded, evidence kept byte-for-byte,
// the trail's chain broken visibly when a row is altered behind the triggers, payments settling.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/services/backend';
import { listAudit } from '../../electron/services/audit/auditLog';
import { transitionCase } from '../../electron/services/backend/workflow';
import { insertIssuedDocument, peekNextSeq } from '../../electron/services/db/repos/documents';
import type { ComputeResultDto, DocumentSummary, DocumentType } from '../../shared/api/dto';
import type { Dashboard, Evidence, RectificationStatus, WorkflowStatus } from '../../shared/api/dto/workflow';
import { fenFromString } from '../../shared/rules/money';
import { writeDeclarations } from '../fixtures/employerFiles';
import { createTeam, employerData, fail, importedCase, login, ok, useBackend } from './judgments-helpers';

const NOTICE = {
  onsiteTime: '上午9:00',
  place: '被稽核单位财务室',
  auditors: [
    { name: '张明', credentialNo: 'JH-2026-001' },
    { name: '李华', credentialNo: 'JH-2026-002' },
  ],
  contactName: '王芳',
  contactPhone: '0591-87654321',
};

/** An issued document of a kind the documents area makes (stands in for its issue step here). */
function issue(b: Backend, caseId: number, type: string, fields: Record<string, unknown> = {}): DocumentSummary {
  const year = 2026;
  const seq = peekNextSeq(b.db, type as DocumentType, year);
  const pdf = new TextEncoder().encode(`%PDF-1.4 ${type} ${seq}`);
  const doc = b.db.transaction(() =>
    insertIssuedDocument(
      b.db,
      {
        caseId,
        type: type as DocumentType,
        title: type,
        year,
        seq,
        number: `示医保${type}〔2026〕${seq}号`,
        model: {},
        pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        pages: 1,
        fonts: null,
      },
      { actor: 'zhangming', at: new Date().toISOString() },
    ),
  )();
  if (Object.keys(fields).length) {
    // Issued rows are frozen; fields are written while the trigger is absent, as the documents area stores them at issue.
    b.db.exec('DROP TRIGGER documents_issued_update');
    b.db.prepare('UPDATE documents SET fields = ?, issued_at = created_at, issued_by = created_by WHERE id = ?').run(JSON.stringify(fields), doc.id);
    b.db.exec(
      "CREATE TRIGGER documents_issued_update BEFORE UPDATE ON documents WHEN OLD.status = 'issued' BEGIN SELECT RAISE(ABORT, '已签发的文书不能修改，更正请另行出具新文书'); END;",
    );
  }
  return doc;
}

describe('case workflow', () => {
  const env = useBackend('jihe-workflow-');
  const status = async (caseId: number) => ok<WorkflowStatus>(await env.backend.invoke('workflow.status', { caseId }));
  const go = (caseId: number, to: string, reason?: string) => env.backend.invoke('workflow.transition', { caseId, to, ...(reason ? { reason } : {}) });
  const setDay = (day: string) => {
    env.clock = new Date(`${day}T02:00:00Z`);
  };

  async function notifiedCase() {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    const c = await importedCase(env.backend);
    const notice = ok<DocumentSummary>(await env.backend.invoke('documents.generateNotice', { caseId: c.id, issueDate: '2026-07-01', onsiteDate: '2026-07-06', ...NOTICE }));
    ok(await env.backend.invoke('workflow.recordService', { caseId: c.id, documentId: notice.id, servedOn: '2026-07-01', manner: '直接送达', recipient: '王芳（财务部）' }));
    ok(await go(c.id, 'notified'));
    return { caseId: c.id, notice };
  }

  it('refuses a transition the procedure does not have, and one whose documents are missing, naming them', async () => {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    const c = await importedCase(env.backend);
    expect(fail(await go(c.id, 'onsite'))).toEqual({ code: 'conflict', message: `案件 ${c.number}：案件不能从“立项”直接变为“实地稽核”，只能变为“已通知”` });
    expect(fail(await go(c.id, 'archived')).code).toBe('conflict');
    expect(fail(await go(c.id, 'notified'))).toEqual({
      code: 'not-ready',
      message: `案件 ${c.number} 不能已送达稽核通知书：尚未签发稽核通知书；尚未登记稽核通知书的送达回证（送达日期、方式、受送达人）`,
    });
    const s = await status(c.id);
    expect(s.options).toEqual([expect.objectContaining({ to: 'notified', allowed: false, missing: expect.arrayContaining(['尚未签发稽核通知书']) })]);
    // Nobody logged in, now that accounts exist: refused before anything else.
    await env.backend.invoke('auth.logout', {});
    expect(fail(await go(c.id, 'notified')).message).toMatch(/^请先登录/);
    // Reading the case needs a login as well.
    expect(fail(await env.backend.invoke('workflow.status', { caseId: c.id })).message).toMatch(/^请先登录/);
    await login(env.backend, 'zhangming');
    expect((await status(c.id)).state).toBe('planned');
    expect(env.backend.db.prepare('SELECT count(*) AS n FROM case_transitions').get()).toEqual({ n: 0 });
  });

  it('on-site only after the notice period; summarised with both imports; each transition stored and logged', async () => {
    const { caseId, notice } = await notifiedCase();
    const early = fail(await go(caseId, 'onsite'));
    expect(early.code).toBe('not-ready');
    expect(early.message).toContain('稽核通知书于2026年7月1日送达，距今仅0天，应至少提前3天送达，最早可于2026年7月4日开始实地稽核');
    setDay('2026-07-04');
    const s = ok<WorkflowStatus>(await go(caseId, 'onsite'));
    expect(s.state).toBe('onsite');
    expect(s.service).toMatchObject({ documentId: notice.id, servedOn: '2026-07-01', manner: '直接送达', recipient: '王芳（财务部）', by: 'zhangming' });
    expect(s.onsiteDate).toBe('2026-07-06');
    setDay('2026-07-08');
    const summarised = ok<WorkflowStatus>(await go(caseId, 'summarised'));
    expect(summarised.history.map((h) => [h.from, h.to, h.by, h.reopen])).toEqual([
      ['planned', 'notified', 'zhangming', false],
      ['notified', 'onsite', 'zhangming', false],
      ['onsite', 'summarised', 'zhangming', false],
    ]);
    // The opinion is due 10 working days after the on-site audit ended (Wed 8 July → Wed 22 July).
    expect(summarised.deadlines).toContainEqual(expect.objectContaining({ kind: 'opinion', due: '2026-07-22', done: false, overdue: false }));
    const logged = listAudit(env.backend.db, caseId).filter((e) => e.action === 'case.transition');
    expect(logged.map((e) => `${e.detail.from}→${e.detail.to}`)).toEqual(['planned→notified', 'notified→onsite', 'onsite→summarised']);
    // The transitions table is append-only.
    expect(() => env.backend.db.prepare('UPDATE case_transitions SET by = ? WHERE case_id = ?').run('x', caseId)).toThrow(/案件状态变更记录不能修改/);
    expect(() => env.backend.db.prepare('DELETE FROM case_transitions WHERE case_id = ?').run(caseId)).toThrow(/不能删除/);
    // Overdue on the dashboard once the opinion date has passed.
    setDay('2026-07-23');
    const dash = ok<Dashboard>(await env.backend.invoke('workflow.dashboard', {}));
    expect(dash.counts.find((x) => x.state === 'summarised')!.count).toBe(1);
    expect(dash.cases[0]!.next).toMatchObject({ kind: 'opinion', due: '2026-07-22', overdue: true });
  });

  it('re-opening needs a section head and a reason, and is recorded', async () => {
    const { caseId } = await notifiedCase();
    expect(fail(await go(caseId, 'planned', '送达地址有误'))).toMatchObject({ code: 'forbidden', message: '稽核员无权重新打开案件，需要科室负责人' });
    await login(env.backend, 'wangke');
    expect(fail(await go(caseId, 'planned'))).toMatchObject({ code: 'invalid-input', message: '重新打开案件须填写原因' });
    const s = ok<WorkflowStatus>(await go(caseId, 'planned', '送达地址有误，需重新送达'));
    expect(s.state).toBe('planned');
    expect(s.history.at(-1)).toMatchObject({ from: 'notified', to: 'planned', reopen: true, reason: '送达地址有误，需重新送达', by: 'wangke' });
    expect(listAudit(env.backend.db, caseId).at(-1)).toMatchObject({ action: 'case.transition', actor: 'wangke', detail: { reopen: true, reason: '送达地址有误，需重新送达' } });
  });

  it('concluded needs a current approval and an issued opinion; rectification settles only when paid and declared again', async () => {
    const { caseId } = await notifiedCase();
    setDay('2026-07-06');
    ok(await go(caseId, 'onsite'));
    ok(await go(caseId, 'summarised'));
    const missing = fail(await go(caseId, 'concluded'));
    expect(missing.message).toMatch(/稽核结论尚未经科室负责人审核；尚未签发稽核意见书$/);
    await login(env.backend, 'wangke');
    ok(await env.backend.invoke('approvals.approve', { caseId, asOf: '2026-07-06' }));
    await login(env.backend, 'zhangming');
    expect(fail(await go(caseId, 'concluded')).message).toMatch(/不能出具稽核结论：尚未签发稽核意见书$/);
    issue(env.backend, caseId, 'audit-opinion');
    ok(await go(caseId, 'concluded'));
    expect(fail(await go(caseId, 'rectifying')).message).toContain('尚未签发限期整改通知书');
    issue(env.backend, caseId, 'rectification-notice', { deadline: '2026-07-20' });
    const rect = ok<WorkflowStatus>(await go(caseId, 'rectifying'));
    expect(rect.rectificationDeadline).toBe('2026-07-20');
    expect(rect.deadlines).toContainEqual(expect.objectContaining({ kind: 'rectification', due: '2026-07-20', done: false }));

    // The order is the approved result's totals, to the fen.
    const result = ok<ComputeResultDto>(await env.backend.invoke('results.compute', { caseId, asOf: '2026-07-06' }));
    let r = ok<RectificationStatus>(await env.backend.invoke('rectification.status', { caseId }));
    expect(r.ordered).toEqual({ backPay: result.totals.backPay, lateFee: result.totals.lateFee, total: result.totals.total });
    expect(r.settled).toBe(false);
    expect(r.problems).toContain('尚未复查（导入单位整改后的缴费申报明细）');
    const back = fenFromString(result.totals.backPay);
    expect(back).toBeGreaterThan(10000);
    // Pay in two parts; the first leaves exactly one fen short.
    const firstPart = back - 1;
    const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    r = ok<RectificationStatus>(await env.backend.invoke('rectification.recordPayment', { caseId, paidOn: '2026-07-10', amount: yuan(firstPart), purpose: 'back-pay' }));
    expect(r.outstanding.backPay).toBe('0.01');
    expect(r.problems).toContain('尚欠补缴社会保险费 0.01 元');
    ok(await env.backend.invoke('rectification.recordPayment', { caseId, paidOn: '2026-07-11', amount: '0.01', purpose: 'back-pay' }));
    r = ok<RectificationStatus>(await env.backend.invoke('rectification.recordPayment', { caseId, paidOn: '2026-07-11', amount: result.totals.lateFee, purpose: 'late-fee' }));
    expect(r.outstanding).toEqual({ backPay: '0.00', lateFee: '0.00', total: '0.00' });
    expect(fail(await env.backend.invoke('rectification.recordPayment', { caseId, paidOn: '2026-07-11', amount: '-5', purpose: 'late-fee' })).code).toBe('invalid-input');

    // Back-enrolment of a person who was never declared.
    const unenrolled = r.toEnrol[0]!;
    r = ok<RectificationStatus>(await env.backend.invoke('rectification.recordEnrolment', { caseId, personId: unenrolled.personId, monthFrom: unenrolled.monthFrom }));
    expect(r.toEnrol.find((p) => p.personId === unenrolled.personId)!.enrolledFrom).toBe(unenrolled.monthFrom);

    // Follow-up: the employer's new declarations, at the due base for every ordered person-month but one.
    const rows = result.rows.map((row) => ({
      personId: row.personId,
      name: row.name,
      month: row.month,
      insurance: null,
      baseFen: Math.max(...row.insurances.map((i) => fenFromString(i.dueBase))),
      employerFen: 0,
      employeeFen: 0,
    }));
    const left = rows[rows.length - 1]!;
    const partial = writeDeclarations({ employerName: employerData().employerName, declarationRows: rows.slice(0, -1) }, { amounts: 'text' }, 'csv-gb18030');
    r = ok<RectificationStatus>(await env.backend.invoke('rectification.followUp', { caseId, fileName: '整改后申报明细.csv', data: partial }));
    expect(r.followUp).toMatchObject({ fileName: '整改后申报明细.csv', orderedPersonMonths: result.rows.length, rows: rows.length - 1 });
    expect(r.followUp!.missing).toEqual([expect.objectContaining({ personId: left.personId, month: left.month, declaredBase: null })]);
    expect(r.settled).toBe(false);
    // Archiving is refused while something is missing — and is the archivist's, not the auditor's.
    expect((await status(caseId)).options.find((o) => o.to === 'archived')!.missing[0]).toBe('稽核员无权办理“归档”，需要档案管理员、科室负责人');
    expect(() => transitionCase(env.backend.db, caseId, 'archived', { actor: 'zhangming', at: 'x', today: '2026-07-06', role: 'auditor', usersExist: true })).toThrow('稽核员无权办理“归档”');
    await login(env.backend, 'chenda');
    expect(fail(await env.backend.invoke('archive.archive', { caseId })).message).toContain('整改未完成：复查发现 1 人共 1 个人月仍未按应缴基数申报');
    const number = ok<{ case: { number: string } }>(await env.backend.invoke('cases.get', { caseId })).case.number;
    expect(fail(await go(caseId, 'archived')).message).toBe(`案件 ${number} 不能归档：整改未完成：复查发现 1 人共 1 个人月仍未按应缴基数申报；（整改完成或已签发提请行政处罚建议书后方可归档）`);
    // The follow-up never touched the audit's own declarations: the approval still holds.
    expect(ok<{ changedAfterReview: boolean }>(await env.backend.invoke('approvals.status', { caseId })).changedAfterReview).toBe(false);

    await login(env.backend, 'zhangming');
    const full = writeDeclarations({ employerName: employerData().employerName, declarationRows: rows }, { amounts: 'text' }, 'csv-gb18030');
    r = ok<RectificationStatus>(await env.backend.invoke('rectification.followUp', { caseId, fileName: '整改后申报明细（补充）.csv', data: full }));
    expect(r.followUp!.missing).toEqual([]);
    expect(r).toMatchObject({ settled: true, problems: [] });
    await login(env.backend, 'chenda');
    ok(await env.backend.invoke('archive.archive', { caseId }));
    expect((await status(caseId)).state).toBe('archived');
    expect((await status(caseId)).history.at(-1)).toMatchObject({ from: 'rectifying', to: 'archived', by: 'chenda' });
    // Archived: nothing more, neither through the API nor in SQL.
    await login(env.backend, 'zhangming');
    expect(fail(await env.backend.invoke('rectification.recordPayment', { caseId, paidOn: '2026-07-12', amount: '1.00', purpose: 'late-fee' })).code).toBe('forbidden');
    expect(() => env.backend.db.prepare("INSERT INTO rectification_entries (case_id, kind, paid_on, amount_fen, purpose, at, by) VALUES (?, 'payment', '2026-07-12', 1, 'late-fee', 'x', 'x')").run(caseId)).toThrow(
      /已归档的稽核案件不能修改/,
    );
    expect(fail(await go(caseId, 'rectifying', '重新整改')).message).toContain('案件已归档，不能再变更状态');
  });

  it('a referred case may be archived without settling', async () => {
    const { caseId } = await notifiedCase();
    setDay('2026-07-06');
    ok(await go(caseId, 'onsite'));
    ok(await go(caseId, 'summarised'));
    await login(env.backend, 'wangke');
    ok(await env.backend.invoke('approvals.approve', { caseId, asOf: '2026-07-06' }));
    issue(env.backend, caseId, 'audit-opinion');
    issue(env.backend, caseId, 'rectification-notice');
    ok(await go(caseId, 'concluded'));
    ok(await go(caseId, 'rectifying'));
    expect(fail(await env.backend.invoke('archive.archive', { caseId })).message).toContain('尚欠补缴社会保险费');
    issue(env.backend, caseId, 'penalty-referral');
    expect(ok<RectificationStatus>(await env.backend.invoke('rectification.status', { caseId })).referred).toBe(true);
    ok(await env.backend.invoke('archive.archive', { caseId }));
    expect((await status(caseId)).state).toBe('archived');
  });

  it('without accounts (bootstrap) the OS user may move a case, and a tip-off has its 30-day answer deadline', async () => {
    const b = env.backend;
    const employer = ok<{ id: number }>(await b.invoke('employers.create', { name: '示例举报单位有限公司', creditCode: '91350100M000100Y43' }));
    const plan = ok<{ id: number; name: string }[]>(await b.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const c = ok<{ id: number }>(await b.invoke('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: plan.id, source: 'tip-off' }));
    const s = ok<WorkflowStatus>(await b.invoke('workflow.setDates', { caseId: c.id, tipOffReceived: '2026-06-10' }));
    expect(s.deadlines).toEqual([expect.objectContaining({ kind: 'tip-off', due: '2026-07-10', done: false, overdue: false })]);
    setDay('2026-07-11');
    expect((await status(c.id)).deadlines[0]).toMatchObject({ kind: 'tip-off', overdue: true });
    const notice = ok<DocumentSummary>(await b.invoke('documents.generateNotice', { caseId: c.id, issueDate: '2026-07-11', onsiteDate: '2026-07-15', ...NOTICE }));
    expect(fail(await b.invoke('workflow.recordService', { caseId: c.id, documentId: notice.id, servedOn: '2026-07-10', manner: '直接送达', recipient: '王芳' })).message).toContain('早于通知书的发文日期');
    ok(await b.invoke('workflow.recordService', { caseId: c.id, documentId: notice.id, servedOn: '2026-07-11', manner: '直接送达', recipient: '王芳' }));
    expect(ok<WorkflowStatus>(await go(c.id, 'notified')).history[0]).toMatchObject({ by: 'os-user' });
  });
});

describe('evidence and the trail', () => {
  const env = useBackend('jihe-evidence-');

  it('stores evidence byte-for-byte with its SHA-256, refuses a duplicate, and lists it in the trail', async () => {
    const c = await importedCase(env.backend);
    // A real PNG header followed by bytes of every value, so any re-encoding would show.
    const bytes = new Uint8Array(4096);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const e = ok<Evidence>(
      await env.backend.invoke('evidence.add', { caseId: c.id, fileName: '工资发放签字表-2024年3月.png', data: bytes, description: '3月工资发放签字表照片', kind: 'photo', findingKey: 'payroll-only:x:2024-03' }),
    );
    expect(e).toMatchObject({ mime: 'image/png', size: 4096, sha256: createHash('sha256').update(bytes).digest('hex'), addedBy: 'os-user', findingKey: 'payroll-only:x:2024-03' });
    const back = ok<{ evidence: Evidence; data: Uint8Array }>(await env.backend.invoke('evidence.get', { evidenceId: e.id }));
    expect(Buffer.from(back.data).equals(Buffer.from(bytes))).toBe(true);
    expect(fail(await env.backend.invoke('evidence.add', { caseId: c.id, fileName: 'copy.png', data: bytes, description: '同一张照片', kind: 'photo' })).message).toMatch(/相同内容的证据已于/);
    expect(fail(await env.backend.invoke('evidence.add', { caseId: c.id, fileName: 'empty.pdf', data: new Uint8Array(0), description: '空', kind: 'scan' })).message).toContain('是空文件');
    expect(() => env.backend.db.prepare('UPDATE evidence SET description = ? WHERE id = ?').run('改', e.id)).toThrow(/证据材料不能修改/);
    expect(ok<Evidence[]>(await env.backend.invoke('evidence.list', { caseId: c.id }))).toHaveLength(1);

    const trail = ok<{ action: string; title: string; summary: string }[]>(await env.backend.invoke('trail.list', { caseId: c.id }));
    expect(trail.map((t) => t.title)).toEqual(['立项', '导入文件', '导入文件', '添加证据材料']);
    expect(trail[1]!.summary).toMatch(/^工资表《工资表2024上半年\.xlsx》，\d+ 行$/);
    expect(trail[3]!.summary).toContain('工资发放签字表-2024年3月.png');
  });

  it('verify finds the row altered behind the dropped triggers', async () => {
    const c = await importedCase(env.backend);
    const ok1 = ok<{ ok: boolean; entries: number; message: string }>(await env.backend.invoke('trail.verify', { caseId: c.id }));
    expect(ok1).toMatchObject({ ok: true, entries: 3 });
    expect(ok1.message).toMatch(/^完整/);
    const target = listAudit(env.backend.db, c.id)[1]!;
    env.backend.db.exec('DROP TRIGGER audit_log_no_update');
    env.backend.db.prepare('UPDATE audit_log SET detail = ? WHERE id = ?').run(JSON.stringify({ ...target.detail, rows: 1 }), target.id);
    const broken = ok<{ ok: boolean; brokenAt: number; message: string }>(await env.backend.invoke('trail.verify', { caseId: c.id }));
    expect(broken).toMatchObject({ ok: false, brokenAt: target.id });
    expect(broken.message).toBe(`已被篡改：第 ${target.id} 条审计记录的内容与其哈希不符（可能被篡改）`);
  });
});
