// users.* and auth.*: local accounts and the session of this backend (one user at a time, as on
// a desktop). Passwords are checked with scrypt; a failed login says the same thing whether the
// name or the password was wrong, and takes as long. Failures are throttled per username
// (electron/services/auth/throttle.ts) and written to the workstation's trail; an account the
// administrator created or reset carries a one-time password that the login replaces.
import { appendAudit } from '../audit/auditLog';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import { throttledMessage, throttleOf } from '../auth/throttle';
import { securitySettings } from '../auth/session';
import { countUsers, findCredentials, findUserByDisplayName, findUserByUsername, insertUser, listUsers, setUserPassword, type Credentials } from '../db/repos/users';
import { USER_ROLE_NAMES } from '../../../shared/domain/roles';
import { PASSWORD_CHANGE_REQUIRED_CODE } from '../../../shared/api/dto/accounts';
import type { Session } from '../../../shared/api/dto';
import { ApiFailure } from './errors';
import type { BackendContext } from './context';
import type { Handlers } from './types';

const LOGIN_FAILED = '用户名或密码不正确';

export function sessionOf(ctx: BackendContext): Session {
  return { user: ctx.currentUser(), bootstrap: countUsers(ctx.db) === 0, locked: ctx.session.locked(), inactivityMinutes: securitySettings(ctx.db).inactivityMinutes };
}

/**
 * Checks `password` for `username` with the throttle in front: refused without checking while the
 * username's lockout window runs; a wrong password (or unknown name, or deactivated account) is
 * written to the trail as `failureAction` and answered with `failureMessage`.
 */
export async function checkPassword(ctx: BackendContext, username: string, password: string, failureAction: string, failureMessage: string): Promise<Credentials> {
  const throttle = throttleOf(ctx.db, username, ctx.now());
  if (throttle.waitMs > 0) {
    appendAudit(ctx.db, { ...ctx.meta(), actor: username, caseId: null, action: 'auth.login-throttled', detail: { username, failures: throttle.failures, waitSeconds: Math.ceil(throttle.waitMs / 1000) } });
    throw new ApiFailure('throttled', throttledMessage(throttle));
  }
  const found = findCredentials(ctx.db, username);
  const ok = found
    ? await verifyPassword(password, { hash: found.passwordHash, salt: found.passwordSalt })
    : (await verifyPassword(password, await dummyHash()), false);
  if (found && ok && !found.user.active) {
    // The right password of a deactivated account: say so (the name and password were known).
    appendAudit(ctx.db, { actor: username, at: ctx.meta().at, caseId: null, action: failureAction, detail: { username, inactive: true } });
    throw new ApiFailure('forbidden', '该账户已停用，请联系系统管理员');
  }
  if (!found || !ok) {
    appendAudit(ctx.db, { actor: username, at: ctx.meta().at, caseId: null, action: failureAction, detail: { username } });
    const after = throttleOf(ctx.db, username, ctx.now());
    throw new ApiFailure(after.waitMs > 0 ? 'throttled' : 'forbidden', after.waitMs > 0 ? `${failureMessage}。${throttledMessage(after)}` : failureMessage);
  }
  return found;
}

export const authHandlers: Handlers<'users.create' | 'users.list' | 'auth.login' | 'auth.logout' | 'auth.current'> = {
  'users.create': async (ctx, input) => {
    const first = countUsers(ctx.db) === 0;
    const me = ctx.currentUser();
    if (!first && me?.role !== 'admin') throw new ApiFailure('forbidden', `只有${USER_ROLE_NAMES.admin}可以创建用户`);
    if (findUserByUsername(ctx.db, input.username)) {
      throw new ApiFailure('conflict', `用户名“${input.username}”已存在`, [{ path: 'username', message: '已存在' }]);
    }
    // One account per person: the administrator cannot give himself (or anyone) a second account
    // under another role, e.g. a section head's to approve with.
    const same = findUserByDisplayName(ctx.db, input.displayName);
    if (same) {
      throw new ApiFailure('conflict', `“${input.displayName}”已有账户（用户名 ${same.username}，${USER_ROLE_NAMES[same.role]}）：每人只能有一个账户，需要变更角色请修改原账户的角色`, [
        { path: 'displayName', message: '此人已有账户' },
      ]);
    }
    const role = first ? 'admin' : (input.role ?? 'auditor');
    const password = await hashPassword(input.password);
    // The first account creates itself: it is the actor of its own creation and chose its password.
    // Every later account gets a one-time password from the administrator, replaced at first login.
    const meta = first ? { ...ctx.meta(), actor: input.username } : ctx.meta();
    return ctx.db.transaction(() => {
      if (first && countUsers(ctx.db) > 0) throw new ApiFailure('conflict', '本机已有用户，请由系统管理员创建');
      if (findUserByUsername(ctx.db, input.username)) throw new ApiFailure('conflict', `用户名“${input.username}”已存在`);
      const user = insertUser(
        ctx.db,
        { username: input.username, displayName: input.displayName, role, passwordHash: password.hash, passwordSalt: password.salt, mustChangePassword: !first },
        meta,
      );
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'user.create', detail: { userId: user.id, username: user.username, displayName: user.displayName, role, first, oneTimePassword: !first } });
      return user;
    })();
  },

  'users.list': (ctx) => listUsers(ctx.db),

  'auth.login': async (ctx, input) => {
    const found = await checkPassword(ctx, input.username, input.password, 'auth.login-failed', LOGIN_FAILED);
    let user = found.user;
    if (user.mustChangePassword) {
      if (!input.newPassword) throw new ApiFailure(PASSWORD_CHANGE_REQUIRED_CODE, '这是管理员设置的一次性密码，首次登录须设置您自己的新密码');
      if (input.newPassword === input.password) throw new ApiFailure('invalid-input', '新密码不能与一次性密码相同', [{ path: 'newPassword', message: '不能与原密码相同' }]);
      const hash = await hashPassword(input.newPassword);
      user = ctx.db.transaction(() => {
        const u = setUserPassword(ctx.db, user.id, hash, false);
        appendAudit(ctx.db, { actor: u.username, at: ctx.meta().at, caseId: null, action: 'user.password-change', detail: { userId: u.id, username: u.username, replacedOneTime: true } });
        return u;
      })();
    }
    ctx.setCurrentUser(user);
    appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'auth.login', detail: { userId: user.id, username: user.username } });
    return { user };
  },

  'auth.logout': (ctx) => {
    const me = ctx.currentUser();
    if (!me) return { loggedOut: false };
    appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'auth.logout', detail: { userId: me.id, username: me.username } });
    ctx.setCurrentUser(null);
    return { loggedOut: true };
  },

  'auth.current': (ctx) => sessionOf(ctx),
};
