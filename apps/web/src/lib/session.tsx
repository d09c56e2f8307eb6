// Who is signed in, from the gateway's session endpoint (the cookie itself is HttpOnly and never read here).
import { useApolloClient } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RoleCode } from '../i18n/labels';
import { onSessionLost } from './apollo';
import { restJson } from './errors';

export interface Account {
  id: string | null;
  username: string | null;
  displayName: string | null;
  roles: RoleCode[];
  orgUnitId: string | null;
  mustChangePassword: boolean;
}

export interface SessionState {
  mode: 'local' | 'oidc';
  authenticated: boolean;
  account: Account | null;
}

interface SessionContextValue {
  session: SessionState | null;
  loading: boolean;
  refresh(): Promise<SessionState>;
  signIn(username: string, password: string): Promise<SessionState>;
  signOut(): Promise<void>;
  hasRole(...roles: RoleCode[]): boolean;
  /** The session ended while the user was working (shown on the sign-in page). */
  expired: boolean;
}

const ANONYMOUS: SessionState = { mode: 'local', authenticated: false, account: null };

/** The session as the gateway sees it; when the gateway cannot say, the visitor is treated as anonymous. */
function loadSession(): Promise<SessionState> {
  return restJson<SessionState>('/auth/session').catch(() => ANONYMOUS);
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [session, setSession] = useState<SessionState | null>(null);
  const [expired, setExpired] = useState(false);
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = !!session?.authenticated;
  }, [session]);
  const loading = session === null;

  const refresh = useCallback(async () => {
    const s = await loadSession();
    setSession(s);
    return s;
  }, []);

  useEffect(() => {
    let live = true;
    void loadSession().then((s) => live && setSession(s));
    return () => {
      live = false;
    };
  }, []);

  // The graph refused a request for want of a session: if it has ended, the pages that need one send to sign-in.
  useEffect(
    () =>
      onSessionLost(() => {
        void loadSession().then((s) => {
          if (signedIn.current && !s.authenticated) setExpired(true);
          setSession(s);
        });
      }),
    [],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const s = await restJson<SessionState>('/auth/login', { body: { username, password } });
      setSession(s);
      setExpired(false);
      // What an anonymous visitor saw must not linger: refetch with the new identity.
      await client.resetStore();
      return s;
    },
    [client],
  );

  const signOut = useCallback(async () => {
    await restJson('/auth/logout', { body: {} }).catch(() => undefined);
    setSession({ mode: session?.mode ?? 'local', authenticated: false, account: null });
    await client.clearStore();
  }, [client, session?.mode]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      loading,
      refresh,
      signIn,
      signOut,
      hasRole: (...roles) => !!session?.account?.roles.some((r) => r === 'ADMIN' || roles.includes(r)),
      expired,
    }),
    [session, loading, refresh, signIn, signOut, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
