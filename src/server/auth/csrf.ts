import type { Context, MiddlewareHandler } from "hono";
import { secretsEqual } from "../../accounts/secret-token.ts";
import { ForbiddenError } from "../../core/concord-error.ts";

export const CSRF_HEADER = "X-CSRF-Token";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function isJsonRequest(c: Context): boolean {
  const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

function carriesSessionCsrfToken(c: Context): boolean {
  const expected = c.get("liveSession")?.csrfToken;
  const given = c.req.header(CSRF_HEADER);
  return expected !== undefined && given !== undefined && secretsEqual(given, expected);
}

/**
 * CSRF protection for every state-changing API request (POST, PUT, PATCH, DELETE); runs after the route-access check.
 * - Routes for signed-in roles need the header `X-CSRF-Token` equal to the session's token (synchronizer token: a
 *   cross-site page can neither read it nor set custom headers without a CORS preflight, which this API never grants).
 * - Public routes (sign-in, first-admin setup, invitation acceptance, sign-out) need `Content-Type: application/json`
 *   (a cross-site form cannot send it) or the session's token.
 * Anything else is a 403 FORBIDDEN. Together with SameSite=Lax cookies this is defence in depth.
 */
export function csrfMiddleware(): MiddlewareHandler {
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    const access = c.get("routeAccess");
    if (access === "public") {
      if (isJsonRequest(c) || carriesSessionCsrfToken(c)) return next();
      throw new ForbiddenError("sign-in requests must be sent as Content-Type: application/json");
    }
    if (!carriesSessionCsrfToken(c)) throw new ForbiddenError(`missing or wrong ${CSRF_HEADER} header: GET /api/auth/session gives the session's token`);
    return next();
  };
}
