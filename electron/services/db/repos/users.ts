// User accounts (稽核员, 科室负责人, 档案管理员, 系统管理员). The password is stored only as a
// scrypt hash with a per-user salt (electron/services/auth/password.ts); nothing here returns it
// except findCredentials, which login alone uses.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { User } from '../../../../shared/api/dto';
import type { UserRole } from '../../../../shared/domain/roles';
import type { WriteMeta } from './meta';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: UserRole;
  active: number;
  created_at: string;
  must_change_password: number;
}

const COLUMNS = 'id, username, display_name, role, active, created_at, must_change_password';

function toUser(r: UserRow): User {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1, createdAt: r.created_at, mustChangePassword: r.must_change_password === 1 };
}

export function countUsers(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function listUsers(db: Database.Database): User[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY id`).all() as UserRow[]).map(toUser);
}

export function getUser(db: Database.Database, id: number): User | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  return r ? toUser(r) : null;
}

/** Usernames compare without case (the column is COLLATE NOCASE). */
export function findUserByUsername(db: Database.Database, username: string): User | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`).get(username) as UserRow | undefined;
  return r ? toUser(r) : null;
}

export interface Credentials {
  user: User;
  passwordHash: string;
  passwordSalt: string;
}

export function findCredentials(db: Database.Database, username: string): Credentials | null {
  const r = db.prepare(`SELECT ${COLUMNS}, password_hash, password_salt FROM users WHERE username = ?`).get(username) as
    | (UserRow & { password_hash: string; password_salt: string })
    | undefined;
  return r ? { user: toUser(r), passwordHash: r.password_hash, passwordSalt: r.password_salt } : null;
}

/** Another account of the same person: display names compare without spaces (full-width too) or case. */
export function findUserByDisplayName(db: Database.Database, displayName: string): User | null {
  const key = (t: string) => t.replace(/[\s\u3000]+/g, '').toLowerCase();
  return listUsers(db).find((u) => key(u.displayName) === key(displayName)) ?? null;
}

export function countActiveAdmins(db: Database.Database): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: UserRole;
  passwordHash: string;
  passwordSalt: string;
  /** A one-time password set by the administrator, to be replaced at the first login. */
  mustChangePassword: boolean;
}

export function insertUser(db: Database.Database, u: NewUser, meta: WriteMeta): User {
  const info = db
    .prepare('INSERT INTO users (username, display_name, role, password_hash, password_salt, active, created_at, created_by, must_change_password) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)')
    .run(u.username, u.displayName, u.role, u.passwordHash, u.passwordSalt, meta.at, meta.actor, u.mustChangePassword ? 1 : 0);
  return getUser(db, Number(info.lastInsertRowid))!;
}

export function setUserActive(db: Database.Database, id: number, active: boolean): User {
  db.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  return getUser(db, id)!;
}

export function setUserRole(db: Database.Database, id: number, role: UserRole): User {
  db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
  return getUser(db, id)!;
}

export function setUserPassword(db: Database.Database, id: number, hash: { hash: string; salt: string }, mustChange: boolean): User {
  db.prepare('UPDATE users SET password_hash = ?, password_salt = ?, must_change_password = ? WHERE id = ?').run(hash.hash, hash.salt, mustChange ? 1 : 0, id);
  return getUser(db, id)!;
}
