// The signed-in user: restored from GET /api/auth/session at start (which also
// returns the CSRF token), set by sign-in, cleared by sign-out or a 401.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import { authApi } from "../api/endpoints.ts";
import type { Me, MfaStep, SecondFactor } from "../api/types.ts";
import { FullPageSpin } from "../components/FullPageSpin.tsx";

interface SessionValue {
  me: Me | null;
  /** Why the session ended, shown on the sign-in page. */
  endReason: "expired" | "signedOut" | "passwordChanged" | null;
  /** The password step: signed in, or the second factor is asked next (MFA on). */
  signIn: (username: string, password: string) => Promise<Me | MfaStep>;
  /** The second step of a sign-in with MFA on. */
  completeMfa: (challenge: string, factor: SecondFactor) => Promise<Me>;
  signOut: () => Promise<void>;
  end: (reason: SessionValue["endReason"]) => void;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const [endReason, setEndReason] = useState<SessionValue["endReason"]>(null);

  const refresh = useCallback(async () => {
    const s = await authApi.session();
    setCsrfToken(s.csrfToken);
    setMe(s.me);
  }, []);

  const end = useCallback((reason: SessionValue["endReason"]) => {
    setCsrfToken(null);
    setMe(null);
    setEndReason(reason);
  }, []);

  useEffect(() => {
    refresh()
      .catch(() => setMe(null))
      .finally(() => setReady(true));
    setUnauthenticatedHandler(() => end("expired"));
    return () => setUnauthenticatedHandler(null);
  }, [refresh, end]);

  const signIn = useCallback(async (username: string, password: string): Promise<Me | MfaStep> => {
    const r = await authApi.login(username, password);
    if ("mfaRequired" in r) return r;
    setCsrfToken(r.csrfToken);
    setEndReason(null);
    setMe(r.me);
    return r.me;
  }, []);

  const completeMfa = useCallback(async (challenge: string, factor: SecondFactor) => {
    const r = await authApi.loginMfa(challenge, factor);
    setCsrfToken(r.csrfToken);
    setEndReason(null);
    setMe(r.me);
    return r.me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      end("signedOut");
    }
  }, [end]);

  const value = useMemo(
    () => ({ me, endReason, signIn, completeMfa, signOut, end, refresh }),
    [me, endReason, signIn, completeMfa, signOut, end, refresh],
  );
  if (!ready) return <FullPageSpin />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error("useSession outside SessionProvider");
  return v;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error("useMe without a session");
  return me;
}
