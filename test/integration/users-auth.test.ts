// Accounts and sessions through backend.invoke: the first account becomes the administrator,
// passwords are stored only as salted scrypt hashes, a wrong password gets the same generic
// answer as an unknown name, the logged-in user is the actor of everything, and once accounts
// exist, changes need a login with the right role.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/services/audit/auditLog';
import { createBackend } from '../../electron/services/backend';
import type { Employer, Session, User } from '../../shared/api/dto';
import { createTeam, createUser, fail, login, ok, PASSWORD, useBackend } from './judgments-helpers';

describe('users and login', () => {
  const env = useBackend('jihe-users-');

  it('the first account becomes the administrator; afterwards only an administrator creates accounts', async () => {
    expect(ok<Session>(await env.backend.invoke('auth.current', {}))).toEqual({ user: null, bootstrap: true, locked: false, inactivityMinutes: 10 });
    const first = await createUser(env.backend, 'admin', 'auditor', '管理员');
    expect(first).toMatchObject({ username: 'admin', role: 'admin', active: true });
    expect(ok<Session>(await env.backend.invoke('auth.current', {}))).toMatchObject({ user: null, bootstrap: false });

    const anon = fail(await env.backend.invoke('users.create', { username: 'zhangming', displayName: '张明', role: 'auditor', password: PASSWORD }));
    expect(anon).toMatchObject({ code: 'forbidden', message: '只有系统管理员可以创建用户' });
    await login(env.backend, 'admin');
    const auditor = await createUser(env.backend, 'zhangming', 'auditor', '张明');
    expect(auditor.role).toBe('auditor');
    expect(fail(await env.backend.invoke('users.create', { username: 'ZhangMing', displayName: '张明2', role: 'auditor', password: PASSWORD })).code).toBe('conflict');
    const short = fail(await env.backend.invoke('users.create', { username: 'lihua', displayName: '李华', role: 'auditor', password: 'short' }));
    expect(short.message).toBe('输入有误：密码：密码至少8个字符');
    expect(short.message).not.toContain('short');

    await login(env.backend, 'zhangming');
    expect(fail(await env.backend.invoke('users.create', { username: 'lihua', displayName: '李华', role: 'section-head', password: PASSWORD })).code).toBe('forbidden');
    expect(fail(await env.backend.invoke('users.list', {})).code).toBe('forbidden');
  });

  it('stores no password in clear: a per-user salt and a scrypt hash, different for the same password', async () => {
    await createTeam(env.backend);
    const rows = env.backend.db.prepare('SELECT username, password_hash, password_salt FROM users').all() as { username: string; password_hash: string; password_salt: string }[];
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[0-9a-f]{128}$/);
      expect(r.password_salt).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(5);
    expect(new Set(rows.map((r) => r.password_salt)).size).toBe(5);
    // Not in any table, and not in the database file either.
    const dump = JSON.stringify(env.backend.db.prepare("SELECT group_concat(detail) AS d FROM audit_log").get());
    expect(dump).not.toContain(PASSWORD);
    env.backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(`${env.dir}/jihe.sqlite`);
    expect(bytes.includes(Buffer.from(PASSWORD, 'utf8'))).toBe(false);
  });

  it('refuses a wrong password and an unknown name with the same generic answer, and logs the attempt', async () => {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming'); // replaces the one-time password
    await env.backend.invoke('auth.logout', {});
    const wrong = fail(await env.backend.invoke('auth.login', { username: 'zhangming', password: `${PASSWORD}x` }));
    const unknown = fail(await env.backend.invoke('auth.login', { username: 'nobody', password: PASSWORD }));
    expect(wrong).toEqual({ code: 'forbidden', message: '用户名或密码不正确' });
    expect(unknown).toEqual(wrong);
    expect(ok<Session>(await env.backend.invoke('auth.current', {})).user).toBeNull();
    const failed = listAudit(env.backend.db, null).filter((e) => e.action === 'auth.login-failed');
    expect(failed.map((e) => e.detail)).toEqual([{ username: 'zhangming' }, { username: 'nobody' }]);
    expect(JSON.stringify(failed)).not.toContain(PASSWORD);

    const u = ok<{ user: User }>(await env.backend.invoke('auth.login', { username: 'ZHANGMING', password: PASSWORD })).user;
    expect(u).toMatchObject({ username: 'zhangming', displayName: '张明', role: 'auditor' });
    expect(ok<Session>(await env.backend.invoke('auth.current', {}))).toEqual({ user: u, bootstrap: false, locked: false, inactivityMinutes: 10 });
    expect(ok(await env.backend.invoke('auth.logout', {}))).toEqual({ loggedOut: true });
    expect(ok<Session>(await env.backend.invoke('auth.current', {})).user).toBeNull();
  });

  it('once accounts exist, changes need a login with the right role, and the user is the actor', async () => {
    await createTeam(env.backend);
    const employer = { name: '示例市某某商贸有限公司', creditCode: '91350100M000100Y43' };
    expect(fail(await env.backend.invoke('employers.create', employer))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^请先登录/) });
    // Reading needs a login too (ARCHITECTURE.md §8).
    expect(fail(await env.backend.invoke('ratePlans.list', {}))).toMatchObject({ code: 'forbidden', message: '请先登录' });

    await login(env.backend, 'chenda');
    expect(fail(await env.backend.invoke('employers.create', employer)).message).toBe('当前用户（陈档案）无权办理稽核案件（登记、导入、认定、出具文书），需要稽核员、科室负责人');
    await login(env.backend, 'zhangming');
    const e = ok<Employer>(await env.backend.invoke('employers.create', employer));
    const entry = listAudit(env.backend.db, null).find((x) => x.action === 'employer.create')!;
    expect(entry.actor).toBe('zhangming');
    expect(env.backend.db.prepare('SELECT created_by FROM employers WHERE id = ?').get(e.id)).toEqual({ created_by: 'zhangming' });

    // A deactivated account loses its session at the next call.
    env.backend.db.prepare("UPDATE users SET active = 0 WHERE username = 'zhangming'").run();
    expect(fail(await env.backend.invoke('employers.create', { ...employer, creditCode: '91110000600037341L' })).message).toMatch(/^请先登录/);
    expect(fail(await env.backend.invoke('auth.login', { username: 'zhangming', password: PASSWORD })).message).toBe('该账户已停用，请联系系统管理员');
    expect(() => env.backend.db.prepare("DELETE FROM users WHERE username = 'zhangming'").run()).toThrow('用户不能删除，请停用该用户');
  });

  it('without accounts (bootstrap) the existing methods work without login, as the OS user', async () => {
    ok(await env.backend.invoke('employers.create', { name: '示例市某某商贸有限公司', creditCode: '91350100M000100Y43' }));
    expect(listAudit(env.backend.db, null).find((x) => x.action === 'employer.create')!.actor).toBe('os-user');
  });

  it('a session belongs to one backend: a restarted backend starts logged out', async () => {
    await createTeam(env.backend);
    await login(env.backend, 'zhangming');
    env.backend.close();
    env.backend = createBackend({ dataDir: env.dir, runtime: 'harness', actor: 'os-user', now: () => env.clock });
    expect(ok<Session>(await env.backend.invoke('auth.current', {}))).toEqual({ user: null, bootstrap: false, locked: false, inactivityMinutes: 10 });
  });
});
