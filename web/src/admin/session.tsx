/**
 * The signed-in session (GET /api/auth/me): who the user is, their grants and permissions.
 * The CSRF token lives in the API wrapper's memory, refreshed by every /me or login answer.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeDto, Permission } from '@xj/contracts';
import { api, setCsrfToken } from '../shared/api';
import { invalidateScopeTree } from '../shared/useScopeTree';

interface SessionValue {
  me: MeDto | null;
  loading: boolean;
  /** Holds the permission, or any one of several. */
  can: (permission: Permission | readonly Permission[]) => boolean;
  login: (username: string, password: string) => Promise<MeDto>;
  logout: () => Promise<void>;
  refresh: () => Promise<MeDto | null>;
  /** Drop the session locally (after the server said it is gone). */
  clear: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeDto | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<MeDto>('/api/auth/me', { silent: true, noRedirect: true });
      setMe(next);
      return next;
    } catch {
      setMe(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh().finally(() => setLoading(false));
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const next = await api.post<MeDto>('/api/auth/login', { username, password }, { silent: true, noRedirect: true });
    invalidateScopeTree();
    setMe(next);
    return next;
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    invalidateScopeTree();
    setMe(null);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { silent: true, noRedirect: true });
    } finally {
      clear();
    }
  }, [clear]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      loading,
      can: (p) => (typeof p === 'string' ? [p] : p).some((x) => !!me?.permissions.includes(x)),
      login,
      logout,
      refresh,
      clear,
    }),
    [me, loading, login, logout, refresh, clear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
