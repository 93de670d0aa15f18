// Issue 8's access scenarios replayed through backend.invoke (ARCHITECTURE.md §8): with accounts in
// place nothing about a case is answered without a login; the administrator holds no case role; a
// section head who imported the files himself cannot approve his case; failed logins are throttled
// on the backend's clock; an idle session locks and unlocks with the password; the administrator
// deactivates, re-roles and resets accounts (one-time passwords), all in the workstation's trail.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/services/audit/auditLog';
import { createBackend, type Backend } from '../../electron/services/backend';
import type { Session, User } from '../../shared/api/dto';
import { createTeam, createUser, fail, importedCase, login, ok, ONE_TIME_PASSWORD, PASSWORD, useBackend } from './judgments-helpers';
import { tempDir } from './db-helpers';

const trailOf = (b: Backend) => listAudit(b.db, null);

describe('access once accounts exist', () => {
  const env = useBackend('jihe-sec-access-');

  it('refuses every read of a case without a login, and the administrator reads and prepares nothing', async () => {
    // Prepared during the bootstrap (no accounts yet), as the OS user.
    const c = await importedCase(env.backend);
    await createTeam(env.backend);
    const reads: [string, unknown][] = [
      ['results.compute', { caseId: c.id, asOf: '2026-07-01' }],
      ['trail.list', { caseId: c.id }],
      ['roster.files', { caseId: c.id }],
      ['cases.list', {}],
      ['cases.get', { caseId: c.id }],
      ['employers.list', {}],
      ['findings.derivation', { caseId: c.id, asOf: '2026-07-01', key: 'under-declared:x:2024-01' }],
    ];
    for (const [method, input] of reads) {
      const e = fail(await env.backend.invoke(method, input));
      expect(e.code, method).toBe('forbidden');
      expect(e.message, method).toBe('请先登录（查看稽核案件和参保人员信息需要登录）');
    }
    // A method nobody listed is denied by default too.
    expect(fail(await env.backend.invoke('backups.create', {})).code).toBe('forbidden');
    // What the login screen needs stays open.
    expect(ok<Session>(await env.backend.invoke('auth.current', {}))).toMatchObject({ user: null, bootstrap: false });
    ok(await env.backend.invoke('app.info', {}));

    await login(env.backend, 'admin');
    for (const [method, input] of reads) {
      expect(fail(await env.backend.invoke(method, input)).message, method).toBe('当前用户（管理员）无权查看稽核案件和参保人员信息，需要稽核员、科室负责人、档案管理员');
    }
    const employer = { name: '示例市某某商贸有限公司', creditCode: '91110000600037341L' };
    expect(fail(await env.backend.invoke('employers.create', employer)).message).toMatch(/^当前用户（管理员）无权办理稽核案件/);
    expect(fail(await env.backend.invoke('findings.judge', { caseId: c.id, key: 'x:y:2024-01', decision: 'accepted' })).code).toBe('forbidden');
    expect(fail(await env.backend.invoke('approvals.approve', { caseId: c.id })).message).toMatch(/^当前用户（管理员）无权审核稽核结论/);
    expect(fail(await env.backend.invoke('archive.archive', { caseId: c.id })).message).toMatch(/^当前用户（管理员）无权归档/);
    // Settings and accounts are his.
    ok(await env.backend.invoke('users.list', {}));
    ok(await env.backend.invoke('security.update', { inactivityMinutes: 15 }));

    // The auditor, the section head and the archivist read the case.
    for (const who of ['zhangming', 'wangke', 'chenda']) {
      await login(env.backend, who);
      ok(await env.backend.invoke('trail.list', { caseId: c.id }));
      ok(await env.backend.invoke('results.compute', { caseId: c.id, asOf: '2026-07-01', rowsLimit: 5 }));
    }
  }, 180_000);

  it('a section head who imported the files himself cannot approve his own case', async () => {
    await createTeam(env.backend);
    await login(env.backend, 'wangke');
    const c = await importedCase(env.backend);
    const own = fail(await env.backend.invoke('approvals.approve', { caseId: c.id }));
    expect(own).toEqual({ code: 'forbidden', message: '不能审核本人参与办理的案件：您在本案中导入数据文件，按职责分离须由未参与办理的其他科室负责人审核' });
    // Someone else judging afterwards (the latest preparer then) does not clear him.
    await login(env.backend, 'zhangming');
    ok(await env.backend.invoke('ledger.set', { caseId: c.id, month: '2024-02', amount: '500000.00' }));
    await login(env.backend, 'wangke');
    expect(fail(await env.backend.invoke('approvals.approve', { caseId: c.id })).message).toBe('不能审核本人参与办理的案件：您在本案中导入数据文件，按职责分离须由未参与办理的其他科室负责人审核');
    const signOff = ok<{ canApprove: boolean; reason: string }>(await env.backend.invoke('findings.signOff', { caseId: c.id }));
    expect(signOff).toMatchObject({ canApprove: false, reason: expect.stringContaining('导入数据文件') });
    await login(env.backend, 'liuke');
    ok(await env.backend.invoke('approvals.approve', { caseId: c.id }));
  }, 180_000);
});

describe('failed logins and the idle lock', () => {
  it('throttles a username after 5 failures on the backend clock, with the wait in Chinese, in the trail', async () => {
    const tmp = tempDir('jihe-sec-throttle-');
    let clock = new Date('2026-07-01T02:00:00Z');
    const b = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'os-user', now: () => clock, autoBackup: false });
    try {
      await createUser(b, 'admin', 'admin', '管理员');
      for (let i = 0; i < 4; i++) expect(fail(await b.invoke('auth.login', { username: 'admin', password: `wrong-${i}-pass` }))).toEqual({ code: 'forbidden', message: '用户名或密码不正确' });
      expect(fail(await b.invoke('auth.login', { username: 'admin', password: 'wrong-5-pass' }))).toEqual({
        code: 'throttled',
        message: '用户名或密码不正确。该用户名已连续 5 次密码错误，为防止猜测密码，请于 30 秒后再试',
      });
      // Even the right password is not checked inside the window.
      clock = new Date(clock.getTime() + 20_000);
      expect(fail(await b.invoke('auth.login', { username: 'admin', password: PASSWORD }))).toEqual({ code: 'throttled', message: '该用户名已连续 5 次密码错误，为防止猜测密码，请于 10 秒后再试' });
      // Another failure after the window doubles it.
      clock = new Date(clock.getTime() + 11_000);
      expect(fail(await b.invoke('auth.login', { username: 'ADMIN', password: 'wrong-6-pass' })).message).toContain('请于 1 分钟后再试');
      clock = new Date(clock.getTime() + 61_000);
      ok(await b.invoke('auth.login', { username: 'admin', password: PASSWORD }));
      // A success ends the series.
      await b.invoke('auth.logout', {});
      expect(fail(await b.invoke('auth.login', { username: 'admin', password: 'wrong-7-pass' })).code).toBe('forbidden');
      const actions = trailOf(b).map((e) => e.action);
      expect(actions.filter((a) => a === 'auth.login-failed')).toHaveLength(7);
      expect(trailOf(b).find((e) => e.action === 'auth.login-throttled')!.detail).toEqual({ username: 'admin', failures: 5, waitSeconds: 10 });
      // A restart does not reset the count: it is read from the trail.
      for (let i = 0; i < 4; i++) await b.invoke('auth.login', { username: 'admin', password: `again-${i}-pass` });
      b.close();
      const again = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'os-user', now: () => clock, autoBackup: false });
      try {
        expect(fail(await again.invoke('auth.login', { username: 'admin', password: PASSWORD })).code).toBe('throttled');
      } finally {
        again.close();
      }
    } finally {
      b.close();
      tmp.cleanup();
    }
  }, 120_000);

  it('locks the session after the configured minutes without a call; the same password unlocks it', async () => {
    const tmp = tempDir('jihe-sec-lock-');
    let clock = new Date('2026-07-01T02:00:00Z');
    const b = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'os-user', now: () => clock, autoBackup: false });
    const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
    try {
      const c = await importedCase(b);
      await createUser(b, 'admin', 'admin', '管理员');
      await login(b, 'admin');
      expect(ok(await b.invoke('security.get', {}))).toEqual({ inactivityMinutes: 10 });
      await createUser(b, 'zhangming', 'auditor', '张明');
      ok(await b.invoke('security.update', { inactivityMinutes: 5 }));
      await login(b, 'zhangming');
      later(4 * 60_000);
      ok(await b.invoke('cases.get', { caseId: c.id }));
      // Polling the session is not activity.
      later(4 * 60_000);
      ok(await b.invoke('auth.current', {}));
      later(61_000 + 60_000);
      expect(ok<Session>(await b.invoke('auth.current', {}))).toMatchObject({ locked: true, user: { username: 'zhangming' }, inactivityMinutes: 5 });
      expect(fail(await b.invoke('results.compute', { caseId: c.id, asOf: '2026-07-01' }))).toEqual({ code: 'session-locked', message: '会话已锁定，请重新登录' });
      expect(fail(await b.invoke('auth.unlock', { password: 'not-my-password' }))).toEqual({ code: 'forbidden', message: '密码不正确' });
      expect(fail(await b.invoke('trail.list', { caseId: c.id })).code).toBe('session-locked');
      expect(ok<Session>(await b.invoke('auth.unlock', { password: PASSWORD }))).toMatchObject({ locked: false, user: { username: 'zhangming' } });
      ok(await b.invoke('trail.list', { caseId: c.id }));
      const actions = trailOf(b).map((e) => e.action);
      expect(actions.slice(-3)).toEqual(['auth.session-locked', 'auth.unlock-failed', 'auth.unlock']);
      expect(trailOf(b).find((e) => e.action === 'settings.security')!.detail).toEqual({ from: { inactivityMinutes: 10 }, to: { inactivityMinutes: 5 } });
      // Only the administrator sets it, within 1…240 minutes.
      expect(fail(await b.invoke('security.update', { inactivityMinutes: 30 })).code).toBe('forbidden');
      await login(b, 'admin');
      expect(fail(await b.invoke('security.update', { inactivityMinutes: 0 })).message).toBe('输入有误：自动锁定时间（分钟）：至少1分钟');
    } finally {
      b.close();
      tmp.cleanup();
    }
  }, 120_000);
});

describe('account lifecycle', () => {
  const env = useBackend('jihe-sec-lifecycle-');

  it('one-time passwords, one account per person, deactivate / re-role / reset by the administrator, all in the trail', async () => {
    const b = env.backend;
    await createUser(b, 'admin', 'admin', '管理员');
    await login(b, 'admin');
    const zm = await createUser(b, 'zhangming', 'auditor', '张明');
    expect(zm.mustChangePassword).toBe(true);
    // The administrator cannot give himself a second account (a section head's, to approve with).
    expect(fail(await b.invoke('users.create', { username: 'admin2', displayName: ' 管 理员', role: 'section-head', password: ONE_TIME_PASSWORD }))).toMatchObject({
      code: 'conflict',
      message: '“管 理员”已有账户（用户名 admin，系统管理员）：每人只能有一个账户，需要变更角色请修改原账户的角色',
    });
    const me = ok<Session>(await b.invoke('auth.current', {})).user!;
    expect(fail(await b.invoke('users.setRole', { userId: me.id, role: 'section-head' })).message).toBe('不能修改自己的角色，请由另一位系统管理员办理');
    expect(fail(await b.invoke('users.setActive', { userId: me.id, active: false })).code).toBe('forbidden');

    // The one-time password opens nothing until replaced.
    await b.invoke('auth.logout', {});
    expect(fail(await b.invoke('auth.login', { username: 'zhangming', password: ONE_TIME_PASSWORD }))).toMatchObject({ code: 'password-change-required' });
    expect(ok<Session>(await b.invoke('auth.current', {})).user).toBeNull();
    expect(fail(await b.invoke('auth.login', { username: 'zhangming', password: ONE_TIME_PASSWORD, newPassword: ONE_TIME_PASSWORD })).message).toBe('新密码不能与一次性密码相同');
    await login(b, 'zhangming');
    // He changes his own password; his own role is not his to change.
    expect(fail(await b.invoke('auth.changePassword', { oldPassword: 'wrong-old-pass', newPassword: 'Brand#new-2026' })).message).toBe('原密码不正确');
    ok(await b.invoke('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'Brand#new-2026' }));
    expect(fail(await b.invoke('users.setRole', { userId: zm.id, role: 'section-head' })).code).toBe('forbidden');

    // Deactivated: the session ends at once (here: his session on a second window of the same data).
    const other = createBackend({ dataDir: env.dir, runtime: 'harness', actor: 'os-user', now: () => env.clock, autoBackup: false });
    try {
      await login(other, 'admin');
      ok<User>(await other.invoke('users.setActive', { userId: zm.id, active: false, reason: '调离' }));
      expect(fail(await b.invoke('cases.list', {})).message).toMatch(/^请先登录/);
      expect(fail(await b.invoke('auth.login', { username: 'zhangming', password: 'Brand#new-2026' })).message).toBe('该账户已停用，请联系系统管理员');
      ok(await other.invoke('users.setActive', { userId: zm.id, active: true }));
      ok(await other.invoke('users.setRole', { userId: zm.id, role: 'section-head', reason: '任科室负责人' }));
      // A reset gives a one-time password again: the old one no longer opens the account.
      const reset = ok<User>(await other.invoke('users.resetPassword', { userId: zm.id, password: 'Reset#once-2026' }));
      expect(reset).toMatchObject({ role: 'section-head', active: true, mustChangePassword: true });
      expect(fail(await b.invoke('auth.login', { username: 'zhangming', password: 'Brand#new-2026' })).message).toBe('用户名或密码不正确');
      expect(fail(await b.invoke('auth.login', { username: 'zhangming', password: 'Reset#once-2026' })).code).toBe('password-change-required');
      expect(ok<{ user: User }>(await b.invoke('auth.login', { username: 'zhangming', password: 'Reset#once-2026', newPassword: 'Mine#again-2026' })).user).toMatchObject({ role: 'section-head', mustChangePassword: false });
      // Never deleted; the last administrator is never deactivated or re-roled.
      expect(() => b.db.prepare("DELETE FROM users WHERE username = 'zhangming'").run()).toThrow('用户不能删除，请停用该用户');
    } finally {
      other.close();
    }
    const entries = trailOf(b).filter((e) => e.action.startsWith('user.'));
    expect(entries.map((e) => [e.actor, e.action, e.detail.username])).toEqual([
      ['admin', 'user.create', 'admin'],
      ['admin', 'user.create', 'zhangming'],
      ['zhangming', 'user.password-change', 'zhangming'],
      ['zhangming', 'user.password-change', 'zhangming'],
      ['admin', 'user.deactivate', 'zhangming'],
      ['admin', 'user.reactivate', 'zhangming'],
      ['admin', 'user.role-change', 'zhangming'],
      ['admin', 'user.password-reset', 'zhangming'],
      ['zhangming', 'user.password-change', 'zhangming'],
    ]);
    expect(entries.find((e) => e.action === 'user.role-change')!.detail).toMatchObject({ from: 'auditor', to: 'section-head', reason: '任科室负责人' });
    expect(JSON.stringify(entries)).not.toMatch(/Brand#|Reset#|Mine#|Once#/);
  }, 180_000);
});
