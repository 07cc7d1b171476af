import { describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL } from "../../src/accounts/login-rate-limit.ts";
import { apiRequest, createTestUser, sessionCookieOf, signIn } from "../support/workspace-users.ts";
import { testDatabases } from "../support/test-databases.ts";
import { openAccountsApp } from "./accounts-app.ts";

const databases = testDatabases();

const sessionUser = async (response: Response) => ((await response.json()) as { user: { email: string } | null }).user;

describe.each(databases)("security of accounts and sessions on %s", (target) => {
  it("rejects a state-changing request without the session's CSRF token (403) and accepts it with the token", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const admin = await createTestUser(database.db, { role: "admin" });
      const other = await createTestUser(database.db, { role: "admin" });
      const viewer = await createTestUser(database.db, { role: "viewer" });
      const session = await signIn(app, admin.email, admin.password);
      const otherSession = await signIn(app, other.email, other.password);
      const patch = (headers: Record<string, string>) =>
        app.request(`/api/users/${viewer.id}`, { method: "PATCH", headers: { Cookie: session.cookie, "Content-Type": "application/json", ...headers }, body: JSON.stringify({ displayName: "Renamed" }) });
      const missing = await patch({});
      expect(missing.status).toBe(403);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      expect((await patch({ "X-CSRF-Token": "not-the-token" })).status).toBe(403);
      // Another session's token is no good either: a token belongs to its session.
      expect((await patch({ "X-CSRF-Token": otherSession.csrfToken })).status).toBe(403);
      expect((await database.db.selectFrom("users").select("display_name").where("id", "=", viewer.id).executeTakeFirstOrThrow()).display_name).not.toBe("Renamed");
      const right = await patch({ "X-CSRF-Token": session.csrfToken });
      expect(right.status).toBe(200);
      expect(((await right.json()) as { user: { displayName: string } }).user.displayName).toBe("Renamed");
      // Public sign-in routes take JSON only: a cross-site HTML form (urlencoded or text/plain) is refused.
      for (const contentType of ["application/x-www-form-urlencoded", "text/plain"]) {
        const form = await app.request("/api/auth/login", { method: "POST", headers: { "Content-Type": contentType }, body: `email=${admin.email}&password=${admin.password}` });
        expect(form.status).toBe(403);
        expect(sessionCookieOf(form)).toBeNull();
      }
      // Sign-out with a session needs JSON or the token too.
      expect((await app.request("/api/auth/logout", { method: "POST", headers: { Cookie: session.cookie } })).status).toBe(403);
      expect(await sessionUser(await apiRequest(app, "GET", "/api/auth/session", { session }))).not.toBeNull();
    } finally {
      await close();
    }
  });

  it("prevents session fixation: a session id presented at sign-in is replaced and dead afterwards", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const victim = await createTestUser(database.db, { role: "analyst" });
      const attacker = await createTestUser(database.db, { role: "viewer" });
      // 1. A session id the attacker made up and planted in the victim's browser.
      const planted = `concord_session=${"A".repeat(43)}`;
      const login = await app.request("/api/auth/login", { method: "POST", headers: { Cookie: planted, "Content-Type": "application/json" }, body: JSON.stringify({ email: victim.email, password: victim.password }) });
      expect(login.status).toBe(200);
      const issued = sessionCookieOf(login);
      expect(issued).not.toBeNull();
      expect(issued).not.toBe(planted);
      expect(issued).toMatch(/^concord_session=[A-Za-z0-9_-]{43}$/);
      const withPlanted = await app.request("/api/auth/session", { headers: { Cookie: planted } });
      expect(await sessionUser(withPlanted)).toBeNull();
      // A cookie that names no live session is cleared.
      expect(withPlanted.headers.getSetCookie().join("\n")).toMatch(/^concord_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
      // 2. A real session of the attacker's planted in the victim's browser: sign-in kills it and issues a new id.
      const attackerSession = await signIn(app, attacker.email, attacker.password);
      const second = await app.request("/api/auth/login", { method: "POST", headers: { Cookie: attackerSession.cookie, "Content-Type": "application/json" }, body: JSON.stringify({ email: victim.email, password: victim.password }) });
      const victimCookie = sessionCookieOf(second);
      expect(victimCookie).not.toBe(attackerSession.cookie);
      expect(await sessionUser(await app.request("/api/auth/session", { headers: { Cookie: attackerSession.cookie } }))).toBeNull();
      expect((await sessionUser(await app.request("/api/auth/session", { headers: { Cookie: victimCookie ?? "" } })))?.email).toBe(victim.email);
      // Only hashes of session ids are stored.
      const stored = JSON.stringify(await database.db.selectFrom("sessions").selectAll().execute());
      expect(stored).not.toContain((victimCookie ?? "x").split("=")[1]);
    } finally {
      await close();
    }
  });

  it(`limits sign-in: after ${MAX_FAILURES_PER_EMAIL} failures for an e-mail the next try is 429 with Retry-After, even with the right password`, async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const user = await createTestUser(database.db, { role: "viewer" });
      const statuses: number[] = [];
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) {
        statuses.push((await apiRequest(app, "POST", "/api/auth/login", { body: { email: user.email, password: `wrong password ${i}` } })).status);
      }
      const limited = await apiRequest(app, "POST", "/api/auth/login", { body: { email: user.email, password: user.password } });
      statuses.push(limited.status);
      console.log(`sign-in statuses for one e-mail: ${statuses.join(" ")}; Retry-After ${limited.headers.get("retry-after")} s`);
      expect(statuses).toEqual([...Array<number>(MAX_FAILURES_PER_EMAIL).fill(401), 429]);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(800);
      expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(900);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
      expect(sessionCookieOf(limited)).toBeNull();
    } finally {
      await close();
    }
  });

  it(`limits sign-in per client address after ${MAX_FAILURES_PER_ADDRESS} failures across e-mails`, async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const user = await createTestUser(database.db, { role: "viewer" });
      const from = (address: string, email: string, password: string) =>
        app.request("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) }, { incoming: { socket: { remoteAddress: address } } });
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
        expect((await from("203.0.113.9", `guess${i}@example.org`, "wrong password")).status).toBe(401);
      }
      const limited = await from("203.0.113.9", user.email, user.password);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another address is not limited, and its success signs in.
      expect((await from("198.51.100.1", user.email, user.password)).status).toBe(200);
    } finally {
      await close();
    }
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/, and Secure only when configured", async () => {
    for (const [env, secure] of [[{}, false], [{ CONCORD_SECURE_COOKIES: "true" }, true], [{ CONCORD_PUBLIC_URL: "https://concord.example.org" }, true]] as const) {
      const { app, database, close } = await openAccountsApp(target, env);
      try {
        const user = await createTestUser(database.db, { role: "viewer" });
        const response = await apiRequest(app, "POST", "/api/auth/login", { body: { email: user.email, password: user.password } });
        const header = response.headers.getSetCookie().find((h) => h.startsWith("concord_session=")) ?? "";
        console.log(`Set-Cookie with ${JSON.stringify(env)}: ${header.replace(/=[A-Za-z0-9_-]{43}/, "=<id>")}`);
        expect(header).toMatch(/; HttpOnly/);
        expect(header).toMatch(/; SameSite=Lax/);
        expect(header).toMatch(/; Path=\//);
        expect(header).toMatch(/; Max-Age=43200/);
        expect(/; Secure/.test(header)).toBe(secure);
        expect(response.headers.get("cache-control")).toBe("no-store");
      } finally {
        await close();
      }
    }
  });

  it("keeps disabled users out: their sessions end at once and they cannot sign in again", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const admin = await createTestUser(database.db, { role: "admin" });
      const analyst = await createTestUser(database.db, { role: "analyst" });
      const adminSession = await signIn(app, admin.email, admin.password);
      const analystSession = await signIn(app, analyst.email, analyst.password);
      const secondDevice = await signIn(app, analyst.email, analyst.password);
      expect((await apiRequest(app, "PATCH", `/api/users/${analyst.id}`, { session: adminSession, body: { disabled: true } })).status).toBe(200);
      for (const session of [analystSession, secondDevice]) {
        expect(await sessionUser(await apiRequest(app, "GET", "/api/auth/session", { session }))).toBeNull();
      }
      const again = await apiRequest(app, "POST", "/api/auth/login", { body: { email: analyst.email, password: analyst.password } });
      expect(again.status).toBe(401);
      expect(sessionCookieOf(again)).toBeNull();
      // Re-enabled, the user signs in again (the refused sign-in with the right password did not count as a failure).
      expect((await apiRequest(app, "PATCH", `/api/users/${analyst.id}`, { session: adminSession, body: { disabled: false } })).status).toBe(200);
      expect((await signIn(app, analyst.email, analyst.password)).csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      await close();
    }
  });

  it("lets only admins use the users and audit routes (401 signed out, 403 other roles)", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const sessions = new Map<string, Awaited<ReturnType<typeof signIn>> | null>([["signed out", null]]);
      const ids: number[] = [];
      for (const role of ["admin", "analyst", "stakeholder", "viewer"] as const) {
        const user = await createTestUser(database.db, { role });
        ids.push(user.id);
        sessions.set(role, await signIn(app, user.email, user.password));
      }
      const viewerId = ids[3] ?? 0;
      const requests: [string, string, unknown][] = [
        ["GET", "/api/users", undefined],
        ["GET", `/api/users/${viewerId}`, undefined],
        ["POST", "/api/users", { email: "new@example.org", displayName: "New", role: "viewer" }],
        ["PATCH", `/api/users/${viewerId}`, { displayName: "X" }],
        ["POST", `/api/users/${viewerId}/setup-link`, undefined],
        ["GET", "/api/audit", undefined],
        ["GET", "/api/audit/export?format=json", undefined],
      ];
      for (const [who, session] of sessions) {
        for (const [method, path, body] of requests) {
          const status = (await apiRequest(app, method, path, { session, body })).status;
          const expected = who === "signed out" ? [401] : who === "admin" ? [200, 201, 409] : [403];
          expect([who, method, path, expected.includes(status) ? "as expected" : status]).toEqual([who, method, path, "as expected"]);
        }
      }
    } finally {
      await close();
    }
  });
});
