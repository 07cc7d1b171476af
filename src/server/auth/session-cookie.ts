import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_ABSOLUTE_MS } from "../../accounts/session.service.ts";
import type { Config } from "../../core/config.ts";

/** The session cookie's name. Its value is the session id (32 random bytes, base64url); the store holds its SHA-256. */
export const SESSION_COOKIE = "concord_session";

/** What a session id looks like (43 base64url characters): anything else is ignored without a store lookup. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Path=/, Secure
 * when `config.secureCookies` (HTTPS deployments), Max-Age = the session's absolute lifetime.
 */
export function setSessionCookie(c: Context, sessionId: string, config: Pick<Config, "secureCookies">): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: config.secureCookies,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(c: Context, config: Pick<Config, "secureCookies">): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: "Lax", path: "/", secure: config.secureCookies });
}

/** The session id the request's cookie carries, or null (absent or not shaped like a session id). */
export function readSessionCookie(c: Context): string | null {
  const value = getCookie(c, SESSION_COOKIE);
  return value !== undefined && SESSION_ID_PATTERN.test(value) ? value : null;
}

