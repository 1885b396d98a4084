import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { loadSession, saveSession, sessionFromToken, type OidcClaimNames, type Session } from './session';

interface Auth {
  session: Session | null;
  /**
   * Keeps a token the gateway accepted (demo sign-in or OpenID Connect); `claims`: where an
   * identity provider's token names the role and merchant id (see `sessionFromToken`).
   */
  signIn: (token: string, name?: string, claims?: OidcClaimNames) => Session | null;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const signIn = useCallback((token: string, name?: string, claims?: OidcClaimNames) => {
    const next = sessionFromToken(token, name, claims);
    saveSession(next);
    setSession(next);
    return next;
  }, []);
  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth outside AuthProvider');
  return context;
}

/** The signed-in session (screens behind the sign-in gate only). */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('no session');
  return session;
}
