import { useEffect, useState } from "react";
import { api } from "../../api/api-client.ts";

/** What GET /api/auth/session says about sign-in beyond the user: OpenID Connect offered, first admin still to create. */
export interface SessionFlags {
  readonly oidcEnabled: boolean;
  readonly setupRequired: boolean;
}

/** The session answer's flags (null until it arrives, or when the server does not answer). */
export function useSessionFlags(): SessionFlags | null {
  const [flags, setFlags] = useState<SessionFlags | null>(null);
  useEffect(() => {
    let current = true;
    api
      .GET("/api/auth/session", {})
      .then(({ data }) => {
        if (current && data !== undefined) setFlags({ oidcEnabled: data.oidcEnabled, setupRequired: data.setupRequired });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return flags;
}
