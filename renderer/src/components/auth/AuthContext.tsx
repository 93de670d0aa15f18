// Who is logged in, for every screen: the session from auth.current, reloaded after login,
// logout and account changes, and whether it is locked after inactivity (the backend keeps the
// timer; a refused call or the periodic check here tells the screens). Screens read it to label the
// user and explain disabled actions; the backend enforces the rules itself
// (electron/services/auth/access.ts, session.ts).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Session } from '../../../../shared/api/dto';
import { call, endSessionLock, errorText, noteSessionLocked, onSessionLock } from '../../api/client';

export interface Auth {
  session: Session | null;
  error: string | null;
  /** The session locked after inactivity: the lock screen covers the page. */
  locked: boolean;
  reload: () => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth>({ session: null, error: null, locked: false, reload: async () => undefined, logout: async () => undefined });

/** How often the screens ask whether the session locked while nobody clicked anything. */
const LOCK_CHECK_MS = 15_000;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const reload = useCallback(async () => {
    try {
      const s = await call('auth.current', {});
      setSession(s);
      setError(null);
      if (s.user && s.locked) void noteSessionLocked();
      else if (!s.user) endSessionLock(false);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  const logout = useCallback(async () => {
    await call('auth.logout', {});
    endSessionLock(false);
    await reload();
  }, [reload]);
  useEffect(() => onSessionLock(setLocked), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const loggedIn = !!session?.user;
  useEffect(() => {
    if (!loggedIn) return;
    const timer = window.setInterval(() => void reload(), LOCK_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [loggedIn, reload]);
  return <AuthContext.Provider value={{ session, error, locked: locked && loggedIn, reload, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}
