// Account lifecycle and session security (issue 8, ARCHITECTURE.md §8). The administrator
// deactivates and re-activates accounts, changes roles and resets passwords — never deletes (the
// trail names users), never his own account, and never so that no active administrator is left.
// A reset password is one-time: the user replaces it at his next login. Every change is written
// to the workstation's audit trail. A locked session is unlocked by the same user's password.
import { appendAudit } from '../audit/auditLog';
import { hashPassword } from '../auth/password';
import { saveSecuritySettings, securitySettings } from '../auth/session';
import { countActiveAdmins, getUser, setUserActive, setUserPassword, setUserRole } from '../db/repos/users';
import { USER_ROLE_NAMES } from '../../../shared/domain/roles';
import type { User } from '../../../shared/api/dto';
import { ApiFailure } from './errors';
import { checkPassword, sessionOf } from './auth';
import type { BackendContext } from './context';
import type { Handlers } from './types';

/** The account an administrator changes: exists, and is not his own. */
function otherAccount(ctx: BackendContext, userId: number, what: string, own: string): { me: User; target: User } {
  const me = ctx.currentUser();
  if (!me || me.role !== 'admin') throw new ApiFailure('forbidden', `只有${USER_ROLE_NAMES.admin}可以${what}`);
  const target = getUser(ctx.db, userId);
  if (!target) throw new ApiFailure('not-found', `用户 ${userId} 不存在`);
  if (target.id === me.id) throw new ApiFailure('forbidden', `不能${own}，请由另一位${USER_ROLE_NAMES.admin}办理`);
  return { me, target };
}

/** Refuses a change that would leave the workstation without an active administrator. */
function keepAnAdmin(ctx: BackendContext, target: User, stillAdmin: boolean): void {
  if (target.role === 'admin' && target.active && !stillAdmin && countActiveAdmins(ctx.db) <= 1) {
    throw new ApiFailure('conflict', `“${target.displayName}”是本机唯一在用的${USER_ROLE_NAMES.admin}，不能停用或改为其他角色`);
  }
}

export const accountHandlers: Handlers<'users.setActive' | 'users.setRole' | 'users.resetPassword' | 'auth.changePassword' | 'auth.unlock' | 'security.get' | 'security.update'> = {
  'users.setActive': (ctx, input) => {
    const { target } = otherAccount(ctx, input.userId, input.active ? '启用用户' : '停用用户', input.active ? '启用自己的账户' : '停用自己的账户');
    if (target.active === input.active) return target;
    if (!input.active) keepAnAdmin(ctx, target, false);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const u = setUserActive(ctx.db, target.id, input.active);
      appendAudit(ctx.db, { ...meta, caseId: null, action: input.active ? 'user.reactivate' : 'user.deactivate', detail: { userId: u.id, username: u.username, reason: input.reason ?? null } });
      return u;
    })();
  },

  'users.setRole': (ctx, input) => {
    const { target } = otherAccount(ctx, input.userId, '修改用户角色', '修改自己的角色');
    if (target.role === input.role) return target;
    keepAnAdmin(ctx, target, input.role === 'admin');
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const u = setUserRole(ctx.db, target.id, input.role);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'user.role-change', detail: { userId: u.id, username: u.username, from: target.role, to: input.role, reason: input.reason ?? null } });
      return u;
    })();
  },

  'users.resetPassword': async (ctx, input) => {
    const { target } = otherAccount(ctx, input.userId, '重置密码', '重置自己的密码（请用“修改密码”）');
    const hash = await hashPassword(input.password);
    const meta = ctx.meta();
    return ctx.db.transaction(() => {
      const u = setUserPassword(ctx.db, target.id, hash, true);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'user.password-reset', detail: { userId: u.id, username: u.username, oneTimePassword: true } });
      return u;
    })();
  },

  'auth.changePassword': async (ctx, input) => {
    const me = ctx.currentUser();
    if (!me) throw new ApiFailure('forbidden', '请先登录');
    await checkPassword(ctx, me.username, input.oldPassword, 'auth.password-change-failed', '原密码不正确');
    if (input.newPassword === input.oldPassword) throw new ApiFailure('invalid-input', '新密码不能与原密码相同', [{ path: 'newPassword', message: '不能与原密码相同' }]);
    const hash = await hashPassword(input.newPassword);
    ctx.db.transaction(() => {
      const u = setUserPassword(ctx.db, me.id, hash, false);
      appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'user.password-change', detail: { userId: u.id, username: u.username, replacedOneTime: false } });
      ctx.session.refresh(u);
    })();
    return sessionOf(ctx);
  },

  'auth.unlock': async (ctx, input) => {
    const me = ctx.currentUser();
    if (!me) throw new ApiFailure('forbidden', '会话已结束，请重新登录');
    if (!ctx.session.locked()) return sessionOf(ctx);
    await checkPassword(ctx, me.username, input.password, 'auth.unlock-failed', '密码不正确');
    ctx.session.unlock();
    appendAudit(ctx.db, { ...ctx.meta(), caseId: null, action: 'auth.unlock', detail: { userId: me.id, username: me.username } });
    return sessionOf(ctx);
  },

  'security.get': (ctx) => securitySettings(ctx.db),

  'security.update': (ctx, input) => {
    const before = securitySettings(ctx.db);
    const meta = ctx.meta();
    ctx.db.transaction(() => {
      saveSecuritySettings(ctx.db, input, meta);
      appendAudit(ctx.db, { ...meta, caseId: null, action: 'settings.security', detail: { from: before, to: input } });
    })();
    return securitySettings(ctx.db);
  },
};
