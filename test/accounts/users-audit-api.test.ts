import { describe, expect, it } from "vitest";
import { apiRequest, createTestUser, sessionCookieOf, signIn } from "../support/workspace-users.ts";
import { testDatabases } from "../support/test-databases.ts";
import { openAccountsApp } from "./accounts-app.ts";

const databases = testDatabases();

interface UserJson {
  id: number;
  email: string;
  role: string;
  disabled: boolean;
  hasPassword: boolean;
}
interface AuditJson {
  id: number;
  action: string;
  actorLabel: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

describe.each(databases)("users, setup links and the audit log over the API on %s", (target) => {
  it("creates the first admin with the single-use setup link, only while no admin exists", async () => {
    const { app, database, close } = await openAccountsApp(target, { CONCORD_PUBLIC_URL: "http://concord.test" });
    try {
      const session = (await (await app.request("/api/auth/session")).json()) as { setupRequired: boolean; oidcEnabled: boolean };
      expect(session).toMatchObject({ setupRequired: true, oidcEnabled: false });
      const { issueFirstAdminSetupLink } = await import("../../src/accounts/account-setup.service.ts");
      const { SYSTEM_ACTOR } = await import("../../src/accounts/audit-actor.ts");
      const link = await issueFirstAdminSetupLink(database.db, "http://concord.test", SYSTEM_ACTOR, new Date());
      const token = link?.url.split("#token=")[1] ?? "";
      const body = { token, email: "Chief@Example.org", displayName: "Chief", password: "the first admin's passphrase" };
      expect((await apiRequest(app, "POST", "/api/auth/setup", { body: { ...body, password: "short" } })).status).toBe(400);
      const created = await apiRequest(app, "POST", "/api/auth/setup", { body });
      expect(created.status).toBe(200);
      const signedIn = (await created.json()) as { user: UserJson; csrfToken: string };
      expect(signedIn.user).toMatchObject({ email: "chief@example.org", role: "admin", hasPassword: true });
      const cookie = sessionCookieOf(created) ?? "";
      expect(((await (await app.request("/api/auth/session", { headers: { Cookie: cookie } })).json()) as { user: UserJson }).user.email).toBe("chief@example.org");
      expect((await apiRequest(app, "POST", "/api/auth/setup", { body })).status).toBe(401);
      expect(((await (await app.request("/api/auth/session")).json()) as { setupRequired: boolean }).setupRequired).toBe(false);
      expect(await issueFirstAdminSetupLink(database.db, "http://concord.test", SYSTEM_ACTOR, new Date())).toBeNull();
    } finally {
      await close();
    }
  });

  it("lets an admin add users (with a password, or with a setup link the user then uses), list and change them", async () => {
    const { app, database, close } = await openAccountsApp(target, { CONCORD_PUBLIC_URL: "http://concord.test" });
    try {
      const admin = await createTestUser(database.db, { role: "admin" });
      const session = await signIn(app, admin.email, admin.password);
      const withPassword = await apiRequest(app, "POST", "/api/users", { session, body: { email: "ana@example.org", displayName: "Ana", role: "analyst", password: "analyst passphrase 1" } });
      expect(withPassword.status).toBe(201);
      expect(await withPassword.json()).toMatchObject({ user: { email: "ana@example.org", role: "analyst", hasPassword: true }, setupLink: null });
      const invited = await apiRequest(app, "POST", "/api/users", { session, body: { email: "sh@uni.example.edu", displayName: "Stake Holder", role: "stakeholder", organisation: "Example University", sector: "academic" } });
      const invitedBody = (await invited.json()) as { user: UserJson; setupLink: string };
      expect(invitedBody.user).toMatchObject({ role: "stakeholder", hasPassword: false });
      expect(invitedBody.setupLink).toMatch(/^http:\/\/concord\.test\/setup#token=[A-Za-z0-9_-]{43}$/);
      expect((await apiRequest(app, "POST", "/api/users", { session, body: { email: "ANA@example.org", displayName: "Twin", role: "viewer" } })).status).toBe(409);

      const setup = await apiRequest(app, "POST", "/api/auth/setup", { body: { token: invitedBody.setupLink.split("#token=")[1], password: "stakeholder passphrase" } });
      expect(setup.status).toBe(200);
      expect(((await setup.json()) as { user: UserJson }).user).toMatchObject({ email: "sh@uni.example.edu", hasPassword: true });

      const list = (await (await apiRequest(app, "GET", "/api/users?role=stakeholder", { session })).json()) as { items: UserJson[] };
      expect(list.items.map((u) => u.email)).toEqual(["sh@uni.example.edu"]);
      const patched = await apiRequest(app, "PATCH", `/api/users/${invitedBody.user.id}`, { session, body: { role: "viewer", disabled: true } });
      expect(((await patched.json()) as { user: UserJson }).user).toMatchObject({ role: "viewer", disabled: true });
      expect((await apiRequest(app, "PATCH", `/api/users/${invitedBody.user.id}`, { session, body: { role: "superuser" } })).status).toBe(400);
      expect((await apiRequest(app, "PATCH", `/api/users/${invitedBody.user.id}`, { session, body: { passwordHash: "x" } })).status).toBe(400);
      // The admin cannot demote itself while it is the only one.
      expect((await apiRequest(app, "PATCH", `/api/users/${admin.id}`, { session, body: { role: "viewer" } })).status).toBe(409);
      expect((await apiRequest(app, "GET", "/api/users/999999", { session })).status).toBe(404);
    } finally {
      await close();
    }
  });

  it("shows admins the audit log filtered and paged, and exports it as CSV and JSON", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      // The audit log is append-only, so earlier tests' entries stay: this test reads only its own, by time.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const since = `since=${encodeURIComponent(new Date().toISOString())}`;
      const admin = await createTestUser(database.db, { role: "admin" });
      const session = await signIn(app, admin.email, admin.password);
      for (const name of ["u1", "u2", "u3"]) {
        await apiRequest(app, "POST", "/api/users", { session, body: { email: `${name}@example.org`, displayName: `=HYPERLINK("http://evil.example/${name}")`, role: "viewer", password: "viewer passphrase 1" } });
      }
      const page1 = (await (await apiRequest(app, "GET", `/api/audit?action=user.create&actorUserId=${admin.id}&limit=2&${since}`, { session })).json()) as { items: AuditJson[]; nextCursor: number | null; total: number; preceding: number };
      expect(page1.items.map((e) => (e.after as { email: string }).email)).toEqual(["u3@example.org", "u2@example.org"]);
      expect([page1.total, page1.preceding]).toEqual([3, 0]);
      expect(page1.items.every((e) => e.actorLabel === admin.email && e.before === null)).toBe(true);
      const page2 = (await (await apiRequest(app, "GET", `/api/audit?action=user.create&actorUserId=${admin.id}&limit=2&cursor=${page1.nextCursor}&${since}`, { session })).json()) as { items: AuditJson[]; nextCursor: number | null; total: number; preceding: number };
      expect(page2.items.map((e) => (e.after as { email: string }).email)).toEqual(["u1@example.org"]);
      expect(page2.nextCursor).toBeNull();
      expect([page2.total, page2.preceding]).toEqual([3, 2]);
      const prefixed = (await (await apiRequest(app, "GET", `/api/audit?action=user.&order=asc&${since}`, { session })).json()) as { items: AuditJson[] };
      expect(prefixed.items.map((e) => e.action)).toEqual(["user.create", "user.sign_in", "user.create", "user.create", "user.create"]);
      const future = (await (await apiRequest(app, "GET", "/api/audit?since=2999-01-01T00:00:00Z", { session })).json()) as { items: AuditJson[]; total: number };
      expect(future.items).toEqual([]);
      expect(future.total).toBe(0);

      const csv = await apiRequest(app, "GET", `/api/audit/export?format=csv&entityType=user&${since}`, { session });
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="concord-audit-\d{8}T\d{6}\.csv"$/);
      const lines = (await csv.text()).trimEnd().split("\r\n");
      expect(lines[0]).toBe("id,at,actor_user_id,actor_label,action,entity_type,entity_id,before_json,after_json");
      expect(lines).toHaveLength(1 + 5);
      // A formula in a cell is neutralised for spreadsheets; the JSON snapshot is one quoted cell.
      expect(lines[3]).toMatch(/,"'?\{""id"":\d+,""email"":""u1@example.org"",""displayName"":""=HYPERLINK/);
      const json = (await (await apiRequest(app, "GET", `/api/audit/export?format=json&action=user.create&${since}`, { session })).json()) as { count: number; entries: AuditJson[] };
      expect(json.count).toBe(4);
      expect(json.entries.map((e) => e.entityType)).toEqual(["user", "user", "user", "user"]);
    } finally {
      await close();
    }
  });

  it("serves public answers from the cache to signed-in users too, and never caches the session route", async () => {
    const { app, database, close } = await openAccountsApp(target);
    try {
      const viewer = await createTestUser(database.db, { role: "viewer" });
      const session = await signIn(app, viewer.email, viewer.password);
      await app.request("/api/stats?by=type");
      expect((await app.request("/api/stats?by=type")).headers.get("x-concord-cache")).toBe("hit");
      // Public evidence answers the same to everyone: a signed-in viewer gets the cached one.
      expect((await apiRequest(app, "GET", "/api/stats?by=type", { session })).headers.get("x-concord-cache")).toBe("hit");
      for (let i = 0; i < 2; i += 1) expect((await app.request("/api/auth/session")).headers.get("x-concord-cache")).toBeNull();
      expect((await apiRequest(app, "GET", "/api/auth/session", { session })).headers.get("cache-control")).toBe("no-store");
    } finally {
      await close();
    }
  });
});
