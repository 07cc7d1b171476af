import { createContext, use, useCallback, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { api } from "../api/api-client.ts";
import type { Schemas } from "../api/api-client.ts";
import { setCsrfToken } from "./csrf-token.ts";

export type SessionUser = Schemas["User"];
export type Role = SessionUser["role"];

/** The signed-in user (null when signed out) as GET /api/auth/session reports it; `loading` until the first answer. */
export interface SessionState {
  readonly loading: boolean;
  readonly user: SessionUser | null;
  /** Re-reads the session (after signing in or out, or accepting an invitation). */
  refresh(): Promise<void>;
  /** Whether the signed-in user has one of these roles. */
  hasRole(...roles: readonly Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Provides the session to the app; keeps the API client's CSRF token in step with it. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [user, setUser] = useState<SessionUser | null>(null);
  const apply = useCallback((data: { readonly user: SessionUser | null; readonly csrfToken: string | null } | undefined) => {
    setCsrfToken(data?.csrfToken ?? null);
    setUser(data?.user ?? null);
    setLoading(false);
  }, []);
  const refresh = useCallback(async () => {
    const { data } = await api.GET("/api/auth/session", {});
    apply(data);
  }, [apply]);
  useEffect(() => {
    let current = true;
    void api.GET("/api/auth/session", {}).then(({ data }) => {
      if (current) apply(data);
    });
    return () => {
      current = false;
    };
  }, [apply]);
  const value = useMemo<SessionState>(
    () => ({ loading, user, refresh, hasRole: (...roles) => user !== null && roles.includes(user.role) }),
    [loading, user, refresh],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The session of the surrounding SessionProvider. */
export function useSession(): SessionState {
  const session = use(SessionContext);
  if (session === null) throw new Error("useSession outside SessionProvider");
  return session;
}
