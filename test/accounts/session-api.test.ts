import { describe, expect, it } from "vitest";
import { apiRequest, createTestUser, sessionCookieOf, signIn } from "../support/workspace-users.ts";
import { testDatabases } from "../support/test-databases.ts";
import { openAccountsApp } from "./accounts-app.ts";

const databases = testDatabases();

interface SessionBody {
  user: { id: number; email: string; role: string } | null;
  csrfToken: string | null;
}

describe.each(databases)("sign-in, session and sign-out on %s", (target) => {
  it("signs in with the right password, shows the session with its CSRF token, and signs out", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const alice = await createTestUser(database.db, { role: "analyst", email: "Alice@Example.org" });
      expect(alice.email).toBe("alice@example.org");
      const session = await signIn(app, "ALICE@example.org", alice.password);
      const shown = (await (await apiRequest(app, "GET", "/api/auth/session", { session })).json()) as SessionBody;
      expect(shown.user?.email).toBe("alice@example.org");
      expect(shown.user?.role).toBe("analyst");
      expect(shown.csrfToken).toBe(session.csrfToken);

      const out = await apiRequest(app, "POST", "/api/auth/logout", { session });
      expect(out.status).toBe(200);
      expect(out.headers.getSetCookie().join("\n")).toMatch(/concord_session=;.*Max-Age=0/);
      const after = (await (await apiRequest(app, "GET", "/api/auth/session", { session })).json()) as SessionBody;
      expect(after).toMatchObject({ user: null, csrfToken: null });
    } finally {
      await close();
    }
  });

  it("refuses a wrong password and an unknown e-mail alike with 401, and sets no cookie", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const bob = await createTestUser(database.db, { role: "viewer" });
      for (const [email, password] of [[bob.email, "not the password at all"], ["nobody@example.org", bob.password]] as const) {
        const response = await apiRequest(app, "POST", "/api/auth/login", { body: { email, password } });
        expect(response.status).toBe(401);
        expect(sessionCookieOf(response)).toBeNull();
        expect(((await response.json()) as { error: { message: string } }).error.message).toBe("wrong e-mail or password (or the account is disabled)");
      }
    } finally {
      await close();
    }
  });
});
