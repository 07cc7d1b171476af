import type { Context } from "hono";
import type { AuditActor } from "../../accounts/audit-actor.ts";
import type { Role } from "../../accounts/role.ts";
import { UnauthenticatedError } from "../../core/concord-error.ts";

/** Who is making a request: the signed-in user of a valid session. */
export interface Principal {
  readonly userId: number;
  readonly role: Role;
  readonly email: string;
  readonly displayName: string;
  /** The session's id hash (for sign-out and audit), never the cookie value itself. */
  readonly sessionIdHash: string;
}

declare module "hono" {
  interface ContextVariableMap {
    /** Set by the session middleware on every request: the signed-in user, or null when signed out. */
    principal: Principal | null;
  }
}

/** The request's principal, or null when signed out (or before the session middleware ran). */
export function principalOf(c: Context): Principal | null {
  return c.get("principal") ?? null;
}

/** The request's principal; throws UnauthenticatedError (401) when signed out. */
export function requirePrincipal(c: Context): Principal {
  const principal = principalOf(c);
  if (principal === null) throw new UnauthenticatedError();
  return principal;
}

/** The audit-log actor of a request's principal. */
export function auditActorOf(principal: Principal): AuditActor {
  return { userId: principal.userId, label: principal.email };
}
