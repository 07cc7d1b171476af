import type { Kysely } from "kysely";
import type { MiddlewareHandler } from "hono";
import { resolveSession } from "../../accounts/session.service.ts";
import type { Config } from "../../core/config.ts";
import type { StoreSchema } from "../../store/schema.ts";
import type { UserRecord } from "../../store/user.repository.ts";
import { clearSessionCookie, readSessionCookie } from "./session-cookie.ts";

/** The request's live session, as the session middleware found it (never the session id itself). */
export interface LiveSession {
  readonly user: UserRecord;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

declare module "hono" {
  interface ContextVariableMap {
    /** The request's live session (null when signed out), set by the session middleware. */
    liveSession: LiveSession | null;
  }
}

/**
 * Runs first on every API request: reads the `concord_session` cookie, looks the hashed id up and sets the principal
 * (`c.get("principal")`) and the session's CSRF token, or null for both when signed out, expired (idle or absolute)
 * or disabled. A cookie that names no live session is cleared in the response.
 */
export function sessionMiddleware(db: Kysely<StoreSchema>, config: Pick<Config, "secureCookies">, now: () => Date = () => new Date()): MiddlewareHandler {
  return async (c, next) => {
    c.set("principal", null);
    c.set("liveSession", null);
    const sessionId = readSessionCookie(c);
    const session = sessionId === null ? null : await resolveSession(db, sessionId, now());
    if (session !== null) {
      const { user } = session;
      c.set("principal", { userId: user.id, role: user.role, email: user.email, displayName: user.displayName, sessionIdHash: session.idHash });
      c.set("liveSession", { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
    }
    await next();
    if (sessionId !== null && session === null && !c.res.headers.has("set-cookie")) clearSessionCookie(c, config);
  };
}
