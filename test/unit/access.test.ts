// Deny by default (ARCHITECTURE.md §8): once accounts exist, every method of the contract except
// the handful the login screen needs refuses a caller who is not logged in, and the administrator
// may call none of the methods that read or prepare a case.
import { describe, expect, it } from 'vitest';
import { authorize } from '../../electron/services/auth/access';
import { METHOD_NAMES } from '../../shared/api/contract';
import type { User } from '../../shared/api/dto';
import type { UserRole } from '../../shared/domain/roles';

const OPEN = ['app.info', 'auth.login', 'auth.logout', 'auth.current', 'auth.unlock', 'users.create'];
const user = (role: UserRole): User => ({ id: 1, username: role, displayName: role, role, active: true, createdAt: '2026-07-01T00:00:00Z', mustChangePassword: false });
const allowed = (method: (typeof METHOD_NAMES)[number], u: User | null, usersExist = true) => {
  try {
    authorize(method, u, usersExist);
    return true;
  } catch {
    return false;
  }
};

describe('access once accounts exist', () => {
  it('answers nobody who is not logged in, except what the login screen needs', () => {
    expect(METHOD_NAMES.filter((m) => allowed(m, null)).sort()).toEqual([...OPEN].sort());
  });

  it('gives the administrator accounts and settings, and no case', () => {
    const admin = METHOD_NAMES.filter((m) => allowed(m, user('admin')) && !OPEN.includes(m));
    expect(admin.filter((m) => /^(cases|results|roster|trail|findings|exemptions|imports|approvals|archive|evidence|workflow|rectification|employers|ledger|jobs|documents|caseFacts|transfer)\./.test(m))).toEqual([]);
    expect(admin).toEqual(expect.arrayContaining(['users.list', 'users.setActive', 'users.setRole', 'users.resetPassword', 'security.update', 'agency.update']));
  });

  it('lets the archivist read cases but not prepare them, and keeps the bootstrap open except approval', () => {
    expect(allowed('results.compute', user('archivist'))).toBe(true);
    expect(allowed('findings.judge', user('archivist'))).toBe(false);
    expect(METHOD_NAMES.filter((m) => !allowed(m, null, false))).toEqual(expect.arrayContaining(['approvals.approve', 'users.setActive', 'security.update']));
    expect(allowed('results.compute', null, false)).toBe(true);
  });
});
