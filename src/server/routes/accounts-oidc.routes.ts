import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ConcordContext } from "../../app/concord-context.ts";
import type { OidcSettings } from "../../accounts/oidc-sign-in.service.ts";
import { OIDC_LOGIN_TTL_MS, completeOidcSignIn, startOidcSignIn } from "../../accounts/oidc-sign-in.service.ts";
import { ConcordError, NotFoundError } from "../../core/concord-error.ts";
import { ACCESS_KEY } from "../auth/route-access.ts";
import { readSessionCookie, setSessionCookie } from "../auth/session-cookie.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE } from "../schemas/responses.ts";

/** The cookie that binds a sign-in in progress to the browser that started it (its state; HttpOnly, 10 minutes). */
export const OIDC_STATE_COOKIE = "concord_oidc_state";
const OIDC_COOKIE_PATH = "/api/auth/oidc";
export const OIDC_CALLBACK_PATH = "/api/auth/oidc/callback";

const redirectResponse = (description: string) => ({ 302: { description, headers: z.object({ Location: z.string() }) } });

const startRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/auth/oidc/start",
  tags: ["accounts"],
  summary: "Start OpenID Connect sign-in (authorization code + PKCE + state + nonce): redirects to the provider",
  responses: { ...redirectResponse("To the provider's authorization endpoint"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const callbackRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: OIDC_CALLBACK_PATH,
  tags: ["accounts"],
  summary: "Where the provider sends the browser back: signs the linked user in (new session) and redirects to the app",
  request: { query: z.object({ code: z.string().optional(), state: z.string().optional(), iss: z.string().optional(), error: z.string().optional() }) },
  responses: { ...redirectResponse("To the app (signed in), or to /sign-in?error=… (refused)"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

/** The OpenID Connect settings, or null when sign-in with a provider is not configured. */
export function oidcSettingsOf(config: ConcordContext["config"]): OidcSettings | null {
  if (config.oidcIssuer === null || config.oidcClientId === null || config.oidcClientSecret === null) return null;
  return { issuer: config.oidcIssuer, clientId: config.oidcClientId, clientSecret: config.oidcClientSecret, redirectUri: `${config.publicBaseUrl}${OIDC_CALLBACK_PATH}` };
}

/** OpenID Connect sign-in (issue 7), offered when config.oidcIssuer/ClientId/ClientSecret are set. */
export function registerOidcRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  const { config } = context;
  const settings = oidcSettingsOf(config);
  const notConfigured = () => new NotFoundError("oidc", "OpenID Connect sign-in is not configured (CONCORD_OIDC_ISSUER, CONCORD_OIDC_CLIENT_ID, CONCORD_OIDC_CLIENT_SECRET)");

  app.openapi(startRoute, async (c) => {
    if (settings === null) throw notConfigured();
    const started = await startOidcSignIn(db, settings, new Date());
    setCookie(c, OIDC_STATE_COOKIE, started.state, { httpOnly: true, sameSite: "Lax", path: OIDC_COOKIE_PATH, secure: config.secureCookies, maxAge: OIDC_LOGIN_TTL_MS / 1000 });
    c.header("Cache-Control", "no-store");
    return c.redirect(started.authorizationUrl, 302);
  });

  app.openapi(callbackRoute, async (c) => {
    if (settings === null) throw notConfigured();
    const browserState = getCookie(c, OIDC_STATE_COOKIE) ?? null;
    deleteCookie(c, OIDC_STATE_COOKIE, { httpOnly: true, sameSite: "Lax", path: OIDC_COOKIE_PATH, secure: config.secureCookies });
    c.header("Cache-Control", "no-store");
    const query = c.req.valid("query");
    if (query.error !== undefined) return c.redirect(`${config.publicBaseUrl}/sign-in?error=${encodeURIComponent(`oidc_${query.error}`)}`, 302);
    try {
      const search = new URL(c.req.url).search;
      const signedIn = await completeOidcSignIn(db, settings, { search, browserState, presentedSessionId: readSessionCookie(c) }, new Date());
      setSessionCookie(c, signedIn.session.sessionId, config);
      return c.redirect(`${config.publicBaseUrl}/`, 302);
    } catch (error) {
      if (!(error instanceof ConcordError)) throw error;
      return c.redirect(`${config.publicBaseUrl}/sign-in?error=${encodeURIComponent(error.code.toLowerCase())}`, 302);
    }
  });
}
