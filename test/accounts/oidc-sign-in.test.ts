import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { OidcTestAccount } from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { apiRequest, createTestUser, sessionCookieOf } from "../support/workspace-users.ts";
import { testDatabases } from "../support/test-databases.ts";
import { openAccountsApp } from "./accounts-app.ts";

const databases = testDatabases();
const PUBLIC_URL = "http://concord.test";
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT = { id: "concord", secret: "concord-test-client-secret" };

/** The provider's users: subject → claims. */
const PROVIDER_ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  "sub-alice": { email: "alice@example.org", email_verified: true },
  "sub-stranger": { email: "stranger@example.org", email_verified: true },
  "sub-unverified": { email: "bob@example.org", email_verified: false },
};

let issuer = "";
let server: Server;

/** A real OpenID provider (oidc-provider, with its development login and consent pages) on 127.0.0.1, random port. */
beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: (_ctx: unknown, id: string): OidcTestAccount | undefined => {
      const claims = PROVIDER_ACCOUNTS[id];
      return claims === undefined ? undefined : { accountId: id, claims: () => Promise.resolve({ sub: id, ...claims }) };
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["oidc-test-cookie-signing-key"] },
  });
  server.on("request", provider.callback());
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/**
 * A browser at the provider: follows its redirects with a cookie jar, signs in on its login page as `accountId`, grants
 * consent, and returns the URL it finally sends the browser to (Concord's callback with code and state).
 */
async function browseProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let form: string | undefined;
  const visited: string[] = [];
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      method: form === undefined ? "GET" : "POST",
      redirect: "manual",
      headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(form === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }) },
      ...(form === undefined ? {} : { body: form }),
    });
    visited.push(`${form === undefined ? "GET" : "POST"} ${new URL(url).pathname} → ${response.status}`);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    form = undefined;
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) {
        console.log(`provider dance for ${accountId}: ${visited.join(", ")} → back to Concord`);
        return next;
      }
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (response.status !== 200 || action === undefined || prompt === undefined) throw new Error(`unexpected provider page ${response.status}: ${html.slice(0, 500)}`);
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
    form = new URLSearchParams(prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt }).toString();
  }
  throw new Error(`the provider never sent the browser back: ${visited.join(", ")}`);
}

describe.each(databases)("OpenID Connect sign-in against a real provider on %s", (target) => {
  it("signs the user with the provider's verified e-mail in with a new session, links the identity, and refuses others", async () => {
    const { app, database, close } = await openAccountsApp(target, {
      CONCORD_PUBLIC_URL: PUBLIC_URL,
      CONCORD_OIDC_ISSUER: issuer,
      CONCORD_OIDC_CLIENT_ID: CLIENT.id,
      CONCORD_OIDC_CLIENT_SECRET: CLIENT.secret,
    });
    try {
      const alice = await createTestUser(database.db, { role: "analyst", email: "alice@example.org" });
      await createTestUser(database.db, { role: "viewer", email: "bob@example.org" });
      expect(((await (await app.request("/api/auth/session")).json()) as { oidcEnabled: boolean }).oidcEnabled).toBe(true);

      /** Concord's start → the provider → Concord's callback; returns the callback's answer. */
      const signInAs = async (accountId: string) => {
        const start = await app.request("/api/auth/oidc/start");
        expect(start.status).toBe(302);
        const authorizationUrl = new URL(start.headers.get("location") ?? "");
        expect(authorizationUrl.origin).toBe(issuer);
        expect(Object.fromEntries(["response_type", "code_challenge_method", "redirect_uri", "client_id"].map((k) => [k, authorizationUrl.searchParams.get(k)]))).toEqual({
          response_type: "code",
          code_challenge_method: "S256",
          redirect_uri: REDIRECT_URI,
          client_id: CLIENT.id,
        });
        for (const k of ["state", "nonce", "code_challenge"]) expect(authorizationUrl.searchParams.get(k)).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const stateCookie = start.headers.getSetCookie().find((c) => c.startsWith("concord_oidc_state=")) ?? "";
        expect(stateCookie).toMatch(/HttpOnly/);
        const back = await browseProvider(authorizationUrl.href, accountId);
        return { back, stateCookie: stateCookie.split(";")[0] ?? "" };
      };

      const { back, stateCookie } = await signInAs("sub-alice");
      // The callback from another browser (without the state cookie) is refused: login CSRF.
      const foreign = await app.request(`${back.pathname}${back.search}`);
      expect(foreign.headers.get("location")).toBe(`${PUBLIC_URL}/sign-in?error=unauthenticated`);
      expect(sessionCookieOf(foreign)).toBeNull();
      // That attempt consumed nothing: the state is checked against the cookie first. The right browser signs in.
      const callback = await app.request(`${back.pathname}${back.search}`, { headers: { Cookie: stateCookie } });
      expect(callback.status).toBe(302);
      expect(callback.headers.get("location")).toBe(`${PUBLIC_URL}/`);
      const cookie = sessionCookieOf(callback);
      expect(cookie).toMatch(/^concord_session=[A-Za-z0-9_-]{43}$/);
      const session = (await (await app.request("/api/auth/session", { headers: { Cookie: cookie ?? "" } })).json()) as { user: { id: number; email: string }; csrfToken: string };
      expect(session.user).toMatchObject({ id: alice.id, email: "alice@example.org" });
      const identities = await database.db.selectFrom("oidc_identities").selectAll().execute();
      expect(identities.map((i) => [i.issuer, i.subject, i.user_id])).toEqual([[issuer, "sub-alice", alice.id]]);
      // A replayed callback (same code and state) is refused.
      const replay = await app.request(`${back.pathname}${back.search}`, { headers: { Cookie: stateCookie } });
      expect(replay.headers.get("location")).toBe(`${PUBLIC_URL}/sign-in?error=unauthenticated`);
      // Signed in, the session works for the API like a password session.
      expect((await apiRequest(app, "POST", "/api/auth/logout", { session: { cookie: cookie ?? "", csrfToken: session.csrfToken } })).status).toBe(200);

      // An identity whose e-mail has no Concord account, and one whose e-mail the provider has not verified: refused.
      for (const accountId of ["sub-stranger", "sub-unverified"]) {
        const refused = await signInAs(accountId);
        const answer = await app.request(`${refused.back.pathname}${refused.back.search}`, { headers: { Cookie: refused.stateCookie } });
        expect([accountId, answer.headers.get("location")]).toEqual([accountId, `${PUBLIC_URL}/sign-in?error=forbidden`]);
        expect(sessionCookieOf(answer)).toBeNull();
      }
      expect((await database.db.selectFrom("oidc_identities").selectAll().execute()).map((i) => i.subject)).toEqual(["sub-alice"]);
      const audit = await searchAuditEntries(database.db, { order: "asc", entityType: "oidc_identity" });
      expect(audit.at(-1)).toMatchObject({ action: "oidc_identity.create", actorLabel: "alice@example.org" });
    } finally {
      await close();
    }
  });

  it("is off without configuration: start and callback are 404", async () => {
    const { app, close } = await openAccountsApp(target);
    try {
      expect((await app.request("/api/auth/oidc/start")).status).toBe(404);
      expect((await app.request("/api/auth/oidc/callback?code=x&state=y")).status).toBe(404);
    } finally {
      await close();
    }
  });
});
