// users.* and auth.*: local accounts and the session of this backend (one user at a time, as on
// a desktop). Passwords are checked with scrypt; a failed login says the same thing whether the
// name or the password was wrong, and takes as long.
import { appendAudit } from '../audit/auditLog';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import { countUsers, findCredentials, findUserByUsername, insertUser, listUsers } from '../db/repos/users';
import { USER_ROLE_NAMES } from '../../../shared/domain/roles';
import { ApiFailure } from './errors';
import type { Handlers } from './types';

const LOGIN_FAILED = '用户名或密码不正确';

export const authHandlers: Handlers<'users.create' | 'users.list' | 'auth.login' | 'auth.logout' | 'auth.current'> = {
  'users.create': async (ctx, input) => {
    const first = countUsers(ctx.db) === 0;
    const me = ctx.currentUser();
    if (!first && me?.role !== 'admin') throw new ApiFailure('forbidden', `只有${USER_ROLE_NAMES.admin}可以创建用户`);
    if (findUserByUsername(ctx.db, input.username)) {
      throw new ApiFailure('conflict', `用户名“${input.username}”已存在`, [{ path: '用户名', message: '已存在' }]);
    }
    const role = first ? 'admin' : (input.role ?? 'auditor');
    const password = await hashPassword(input.password);
    // The first account creates itself: it is the actor of its own creation.
    const meta = first ? { ...ctx.meta(), actor: input.username } : ctx.meta();
    return ctx.db.transaction(() => {
      if (first && countUsers(ctx.db) > 0) throw new ApiFailure('conflict', '本机已有用户，请由系统管理员创建');
      if (findUserByUsername(ctx.db, input.username)) throw new ApiFailure('conflict', `用户名“${input.username}”已存在`);
      const user = insertUser(ctx.db, { username: input.username, displayName: input.displayName, role, passwordHash: password.hash, passwordSalt: password.salt }, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'user.create', detail: { userId: user.id, username: user.username, displayName: user.displayName, role, first } });
      return user;
    })();
  },

  'users.list': (ctx) => listUsers(ctx.db),

  'auth.login': async (ctx, input) => {
    const found = findCredentials(ctx.db, input.username);
    const ok = found
      ? await verifyPassword(input.password, { hash: found.passwordHash, salt: found.passwordSalt })
      : (await verifyPassword(input.password, await dummyHash()), false);
    if (!found || !ok || !found.user.active) {
      appendAudit(ctx.db, { actor: input.username, at: ctx.meta().at, caseId: null, action: 'auth.login-failed', detail: { username: input.username } });
      throw new ApiFailure('forbidden', LOGIN_FAILED);
    }
    ctx.setCurrentUser(found.user);
    const meta = ctx.meta();
    appendAudit(ctx.db, { ...meta, caseId: null, action: 'auth.login', detail: { userId: found.user.id } });
    return { user: found.user };
  },

  'auth.logout': (ctx) => {
    const me = ctx.currentUser();
    if (!me) return { loggedOut: false };
    appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'auth.logout', detail: { userId: me.id } });
    ctx.setCurrentUser(null);
    return { loggedOut: true };
  },

  'auth.current': (ctx) => ({ user: ctx.currentUser(), bootstrap: countUsers(ctx.db) === 0 }),
};
