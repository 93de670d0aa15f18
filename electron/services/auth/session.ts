// The desktop session of one backend (one user at a time): who is logged in, and the inactivity
// lock (ARCHITECTURE.md §8). The timer runs on the backend's clock: a call arriving more than the
// configured minutes after the user's last call finds the session locked, and every method except
// the session's own answers SESSION_LOCKED_CODE until the same user's password unlocks it. Polls
// that are not the user's doing (auth.current, jobs.get) neither keep the session alive nor lock it.
import type { MethodName } from '../../../shared/api/contract';
import { INACTIVITY_DEFAULT_MINUTES, SESSION_LOCKED_CODE, SESSION_LOCKED_MESSAGE, type SecuritySettings } from '../../../shared/api/dto/accounts';
import type { User } from '../../../shared/api/dto';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../db/repos/settings';
import type { WriteMeta } from '../db/repos/meta';
import { ApiFailure } from '../backend/errors';
import { ANSWERED_WHILE_LOCKED } from './access';

export const SECURITY_SETTINGS_KEY = 'security.session';

export function securitySettings(db: Db): SecuritySettings {
  const s = getSetting<Partial<SecuritySettings>>(db, SECURITY_SETTINGS_KEY);
  return { inactivityMinutes: s?.inactivityMinutes ?? INACTIVITY_DEFAULT_MINUTES };
}

export function saveSecuritySettings(db: Db, s: SecuritySettings, meta: WriteMeta): void {
  setSetting(db, SECURITY_SETTINGS_KEY, s, meta);
}

/** Calls that are not the user's own doing. */
const NOT_ACTIVITY: ReadonlySet<MethodName> = new Set<MethodName>(['auth.current', 'jobs.get', 'app.info']);

export interface Session {
  user(): User | null;
  /** Logs `user` in (or out with null): unlocked, active now. */
  setUser(user: User | null): void;
  /** The same user as the database knows him now (re-roled, renamed): lock and timer unchanged. */
  refresh(user: User): void;
  locked(): boolean;
  unlock(): void;
  /**
   * Before a call: locks the session when the inactivity limit has passed (calling `onLock`),
   * refuses the call while locked, and counts it as activity.
   */
  enter(method: MethodName, inactivityMinutes: number, onLock: (user: User) => void): void;
}

export function createSession(now: () => Date): Session {
  let user: User | null = null;
  let lastActivity = 0;
  let locked = false;
  return {
    user: () => user,
    setUser(u) {
      user = u;
      locked = false;
      lastActivity = now().getTime();
    },
    refresh(u) {
      user = u;
    },
    locked: () => user !== null && locked,
    unlock() {
      locked = false;
      lastActivity = now().getTime();
    },
    enter(method, inactivityMinutes, onLock) {
      if (!user) return;
      const t = now().getTime();
      if (!locked && t - lastActivity > inactivityMinutes * 60_000) {
        locked = true;
        onLock(user);
      }
      if (locked && !ANSWERED_WHILE_LOCKED.has(method)) throw new ApiFailure(SESSION_LOCKED_CODE, SESSION_LOCKED_MESSAGE);
      if (!NOT_ACTIVITY.has(method)) lastActivity = t;
    },
  };
}
