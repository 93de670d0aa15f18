// Who is logged in, for every screen: the session from auth.current, reloaded after login,
// logout and account changes. Screens read it to label the user and explain disabled actions;
// the backend enforces the rules itself (electron/services/auth/access.ts).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Session } from '../../../../shared/api/dto';
import { call, errorText } from '../../api/client';

export interface Auth {
  session: Session | null;
  error: string | null;
  reload: () => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth>({ session: null, error: null, reload: async () => undefined, logout: async () => undefined });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setSession(await call('auth.current', {}));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  const logout = useCallback(async () => {
    await call('auth.logout', {});
    await reload();
  }, [reload]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return <AuthContext.Provider value={{ session, error, reload, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}
