// The section head's sign-off through backend.invoke: only a section head, never the preparer of
// the findings; the approval's hash makes any later judgment, exemption, ledger total or import
// show as "changed after review", and issuing needs a current approval (assertApprovedForIssue).
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/services/audit/auditLog';
import { assertApprovedForIssue } from '../../electron/services/backend/reviewState';
import type { ApprovalStatus, ComputeResultDto } from '../../shared/api/dto';
import { createTeam, fail, importedCase, login, ok, useBackend } from './judgments-helpers';

describe('approvals', () => {
  const env = useBackend('jihe-approval-');

  async function preparedCase() {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    const c = await importedCase(env.backend);
    const result = ok<ComputeResultDto>(await env.backend.invoke('results.compute', { caseId: c.id, asOf: '2026-07-01' }));
    return { caseId: c.id, result };
  }
  const status = async (caseId: number) => ok<ApprovalStatus>(await env.backend.invoke('approvals.status', { caseId }));

  it('an auditor cannot approve at all; a section head who did not prepare can', async () => {
    const { caseId } = await preparedCase();
    expect(await status(caseId)).toEqual({ approved: false, approvedBy: null, approvedAt: null, asOf: null, changedAfterReview: false });
    const byAuditor = fail(await env.backend.invoke('approvals.approve', { caseId }));
    expect(byAuditor).toMatchObject({ code: 'forbidden', message: '当前用户（张明）无权审核稽核结论，需要科室负责人' });
    expect(() => assertApprovedForIssue(env.backend.db, caseId)).toThrow(/尚未经科室负责人审核/);

    await login(env.backend, 'chenda');
    expect(fail(await env.backend.invoke('approvals.approve', { caseId })).code).toBe('forbidden');

    await login(env.backend, 'wangke');
    const s = ok<ApprovalStatus>(await env.backend.invoke('approvals.approve', { caseId, note: '同意' }));
    expect(s).toEqual({ approved: true, approvedBy: 'wangke', approvedAt: '2026-07-01T02:00:00.000Z', asOf: '2026-07-01', changedAfterReview: false });
    expect(assertApprovedForIssue(env.backend.db, caseId)).toEqual(s);
    expect(fail(await env.backend.invoke('approvals.approve', { caseId })).code).toBe('conflict');
    const entry = listAudit(env.backend.db, caseId).find((e) => e.action === 'approval.approve')!;
    expect(entry).toMatchObject({ actor: 'wangke', detail: { preparer: 'zhangming', asOf: '2026-07-01' } });

    // Days pass: the late fee grows, but the approved figures (as of the approval date) did not change.
    env.clock = new Date('2026-08-15T02:00:00Z');
    expect((await status(caseId)).changedAfterReview).toBe(false);
  });

  it('the preparer cannot approve their own findings, even as a section head', async () => {
    const { caseId, result } = await preparedCase();
    await login(env.backend, 'wangke');
    const row = result.rows[0]!;
    ok(await env.backend.invoke('findings.judge', { caseId, key: `${row.payrollOnly ? 'payroll-only' : 'under-declared'}:${row.personId}:${row.month}`, decision: 'accepted' }));
    const own = fail(await env.backend.invoke('approvals.approve', { caseId }));
    expect(own).toMatchObject({ code: 'forbidden', message: '不能审核本人参与办理的案件：您在本案中认定问题，按职责分离须由未参与办理的其他科室负责人审核' });
    expect(await status(caseId)).toMatchObject({ approved: false });
    // Nor in SQL (migration 010): an approval by anyone the trail shows preparing the case is
    // refused by the table, even when the latest preparer written down is someone else.
    expect(() =>
      env.backend.db
        .prepare("INSERT INTO approvals (case_id, kind, as_of, review_sha256, preparer, approved_at, approved_by) VALUES (?, 'findings', '2026-07-01', ?, 'zhangming', 'x', 'wangke')")
        .run(caseId, 'a'.repeat(64)),
    ).toThrow('审核人不能审核本人参与办理的案件（职责分离）');

    await login(env.backend, 'liuke');
    expect(ok<ApprovalStatus>(await env.backend.invoke('approvals.approve', { caseId }))).toMatchObject({ approved: true, approvedBy: 'liuke', changedAfterReview: false });
  });

  it('a judgment, exemption or ledger total after approval makes changedAfterReview true until approved again', async () => {
    const { caseId, result } = await preparedCase();
    await login(env.backend, 'wangke');
    ok(await env.backend.invoke('approvals.approve', { caseId }));

    await login(env.backend, 'zhangming');
    const row = result.rows.find((r) => !r.payrollOnly)!;
    ok(await env.backend.invoke('findings.judge', { caseId, key: `under-declared:${row.personId}:${row.month}`, decision: 'accepted', note: '复核确认' }));
    const changed = await status(caseId);
    expect(changed).toMatchObject({ approved: true, approvedBy: 'wangke', changedAfterReview: true });
    expect(() => assertApprovedForIssue(env.backend.db, caseId)).toThrow(/审核（wangke，2026-07-01）后已有变更，需重新审核/);

    await login(env.backend, 'wangke');
    // The preparer is now zhangming again, so wangke may approve the new state.
    ok(await env.backend.invoke('approvals.approve', { caseId }));
    expect((await status(caseId)).changedAfterReview).toBe(false);

    await login(env.backend, 'zhangming');
    ok(await env.backend.invoke('ledger.set', { caseId, month: '2024-02', amount: '500000.00' }));
    expect((await status(caseId)).changedAfterReview).toBe(true);
    await login(env.backend, 'liuke');
    ok(await env.backend.invoke('approvals.approve', { caseId }));
    await login(env.backend, 'zhangming');
    const ex = ok<{ id: number }>(await env.backend.invoke('exemptions.add', { caseId, personId: row.personId, months: [row.month], reason: 'student-intern' }));
    expect((await status(caseId)).changedAfterReview).toBe(true);
    // Revoking brings the figures back, but the revocation itself is a change that needs review.
    ok(await env.backend.invoke('exemptions.revoke', { exemptionId: ex.id }));
    expect((await status(caseId)).changedAfterReview).toBe(true);
  }, 120_000);

  it('approval needs a logged-in section head also while the workstation has no accounts', async () => {
    const c = await importedCase(env.backend);
    const e = fail(await env.backend.invoke('approvals.approve', { caseId: c.id }));
    expect(e).toMatchObject({ code: 'forbidden', message: expect.stringContaining('本机尚未建立用户') });
  });
});
