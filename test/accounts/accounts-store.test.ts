import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/accounts/audit-actor.ts";
import { completeAccountSetup, issueFirstAdminSetupLink, issuePasswordSetupLink } from "../../src/accounts/account-setup.service.ts";
import { signInWithPassword } from "../../src/accounts/login.service.ts";
import { MAX_FAILURES_PER_EMAIL } from "../../src/accounts/login-rate-limit.ts";
import { secretTokenHash } from "../../src/accounts/secret-token.ts";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, replaceSession, resolveSession, startSession } from "../../src/accounts/session.service.ts";
import { createUser, updateUser } from "../../src/accounts/user.service.ts";
import { ConflictError, RateLimitedError, UnauthenticatedError } from "../../src/core/concord-error.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { findUserByEmail, findUserById } from "../../src/store/user.repository.ts";
import { testDatabases } from "../support/test-databases.ts";

const databases = testDatabases();
const NOW = new Date("2026-11-26T10:00:00.000Z");
const PASSWORD = "a long enough passphrase 42";

describe.each(databases)("accounts store and services on %s", (target) => {
  it("creates a user with an argon2id hash, finds it by e-mail in any case, and audits user.create without the hash", async () => {
    const store = await target.openEmpty();
    try {
      const user = await createUser(store.db, { email: " Carla@Example.ORG ", displayName: "Carla", role: "analyst", password: PASSWORD, sector: "government" }, SYSTEM_ACTOR, NOW);
      expect(user).toMatchObject({ email: "carla@example.org", role: "analyst", hasPassword: true, disabled: false, sector: "government", organisation: null });
      expect((await findUserByEmail(store.db, "CARLA@example.org"))?.id).toBe(user.id);
      expect((await findUserById(store.db, user.id))?.email).toBe("carla@example.org");
      const row = await store.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
      const [entry] = await searchAuditEntries(store.db, { order: "asc", entityType: "user", entityId: String(user.id) });
      expect(entry).toMatchObject({ action: "user.create", actorLabel: "system", before: null });
      const logged = JSON.stringify(entry);
      expect(logged).not.toContain(PASSWORD);
      expect(logged).not.toContain(row.password_hash ?? "?");
      expect(logged).not.toContain("argon2");
      await expect(createUser(store.db, { email: "carla@example.org", displayName: "Again", role: "viewer", password: null }, SYSTEM_ACTOR, NOW)).rejects.toBeInstanceOf(ConflictError);
      await expect(createUser(store.db, { email: "short@example.org", displayName: "Short", role: "viewer", password: "short" }, SYSTEM_ACTOR, NOW)).rejects.toThrow(/password: must have at least 12/);
    } finally {
      await store.close();
    }
  });

  it("stores only the SHA-256 of a session id, and ends a session after 2 h idle or 12 h in all", async () => {
    const store = await target.openEmpty();
    try {
      const user = await createUser(store.db, { email: "s@example.org", displayName: "S", role: "viewer", password: null }, SYSTEM_ACTOR, NOW);
      const session = await startSession(store.db, user.id, NOW);
      expect(Buffer.from(session.sessionId, "base64url")).toHaveLength(32);
      const rows = await store.db.selectFrom("sessions").selectAll().execute();
      expect(rows.map((r) => r.id_hash)).toEqual([secretTokenHash(session.sessionId)]);
      expect(JSON.stringify(rows)).not.toContain(session.sessionId);

      const justIdle = new Date(NOW.getTime() + SESSION_IDLE_MS - 1000);
      expect(await resolveSession(store.db, session.sessionId, justIdle)).not.toBeNull();
      // Kept alive by activity, it still ends at the absolute expiry.
      let t = justIdle.getTime();
      while (t + SESSION_IDLE_MS / 2 < NOW.getTime() + SESSION_ABSOLUTE_MS) {
        t += SESSION_IDLE_MS / 2;
        const alive = await resolveSession(store.db, session.sessionId, new Date(t));
        expect(alive === null).toBe(t >= NOW.getTime() + SESSION_ABSOLUTE_MS);
      }
      expect(await resolveSession(store.db, session.sessionId, new Date(NOW.getTime() + SESSION_ABSOLUTE_MS))).toBeNull();

      const idle = await startSession(store.db, user.id, NOW);
      expect(await resolveSession(store.db, idle.sessionId, new Date(NOW.getTime() + SESSION_IDLE_MS))).toBeNull();
      expect(await store.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("replaces a presented session id on sign-in, and disabling a user ends all its sessions", async () => {
    const store = await target.openEmpty();
    try {
      const admin = await createUser(store.db, { email: "admin@example.org", displayName: "Admin", role: "admin", password: null }, SYSTEM_ACTOR, NOW);
      const user = await createUser(store.db, { email: "d@example.org", displayName: "D", role: "analyst", password: PASSWORD }, SYSTEM_ACTOR, NOW);
      const planted = await startSession(store.db, user.id, NOW);
      const fresh = await replaceSession(store.db, user.id, planted.sessionId, NOW);
      expect(fresh.sessionId).not.toBe(planted.sessionId);
      expect(await resolveSession(store.db, planted.sessionId, NOW)).toBeNull();
      const other = await startSession(store.db, user.id, NOW);
      await updateUser(store.db, user.id, { disabled: true }, { userId: admin.id, label: admin.email }, NOW);
      expect(await resolveSession(store.db, fresh.sessionId, NOW)).toBeNull();
      expect(await resolveSession(store.db, other.sessionId, NOW)).toBeNull();
      await expect(signInWithPassword(store.db, { email: user.email, password: PASSWORD, clientAddress: "a", presentedSessionId: null }, NOW)).rejects.toBeInstanceOf(UnauthenticatedError);
      const entries = await searchAuditEntries(store.db, { order: "asc", entityType: "user", entityId: String(user.id) });
      expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([["user.create", "system"], ["user.disable", "admin@example.org"]]);
      expect(entries[1]?.before).toMatchObject({ disabled: false });
      expect(entries[1]?.after).toMatchObject({ disabled: true });
      // The last enabled admin cannot lock the workspace out.
      await expect(updateUser(store.db, admin.id, { role: "viewer" }, SYSTEM_ACTOR, NOW)).rejects.toBeInstanceOf(ConflictError);
    } finally {
      await store.close();
    }
  });

  it("rate-limits sign-in per e-mail after 5 failures in 15 minutes, until the oldest leaves the window", async () => {
    const store = await target.openEmpty();
    try {
      const user = await createUser(store.db, { email: "r@example.org", displayName: "R", role: "viewer", password: PASSWORD }, SYSTEM_ACTOR, NOW);
      const attempt = (password: string, at: Date) => signInWithPassword(store.db, { email: "R@example.org", password, clientAddress: "198.51.100.7", presentedSessionId: null }, at);
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) {
        await expect(attempt("wrong password here", new Date(NOW.getTime() + i * 60_000))).rejects.toBeInstanceOf(UnauthenticatedError);
      }
      const limited = await attempt(PASSWORD, new Date(NOW.getTime() + 5 * 60_000)).catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(RateLimitedError);
      // The first failure (at NOW) leaves the 15-minute window at NOW + 15 min: 10 minutes from the refused attempt.
      expect((limited as RateLimitedError).retryAfterS).toBe(600);
      const later = await attempt(PASSWORD, new Date(NOW.getTime() + 15 * 60_000 + 1000));
      expect(later.user.id).toBe(user.id);
      expect(await store.db.selectFrom("login_attempts").selectAll().where("email", "=", "r@example.org").execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("issues one single-use first-admin link while no admin exists, and password links for users", async () => {
    const store = await target.openEmpty();
    try {
      const first = await issueFirstAdminSetupLink(store.db, "http://concord.test:8080", SYSTEM_ACTOR, NOW);
      const second = await issueFirstAdminSetupLink(store.db, "http://concord.test:8080", SYSTEM_ACTOR, NOW);
      expect(second?.url).toMatch(/^http:\/\/concord\.test:8080\/setup#token=[A-Za-z0-9_-]{43}$/);
      const tokenOf = (url: string | undefined) => url?.split("#token=")[1] ?? "";
      const use = (token: string) => completeAccountSetup(store.db, { token, password: PASSWORD, email: "first@example.org", displayName: "First Admin", presentedSessionId: null }, NOW);
      // The earlier link was replaced by the later one.
      await expect(use(tokenOf(first?.url))).rejects.toBeInstanceOf(UnauthenticatedError);
      const signedIn = await use(tokenOf(second?.url));
      expect(signedIn.user).toMatchObject({ email: "first@example.org", role: "admin", hasPassword: true });
      await expect(use(tokenOf(second?.url))).rejects.toBeInstanceOf(UnauthenticatedError);
      expect(await issueFirstAdminSetupLink(store.db, "http://concord.test:8080", SYSTEM_ACTOR, NOW)).toBeNull();
      const tokens = await store.db.selectFrom("account_setup_tokens").select("token_hash").execute();
      expect(JSON.stringify(tokens)).not.toContain(tokenOf(second?.url));

      const invited = await createUser(store.db, { email: "inv@example.org", displayName: "Invited", role: "stakeholder", password: null }, SYSTEM_ACTOR, NOW);
      const link = await issuePasswordSetupLink(store.db, invited.id, "http://concord.test:8080", SYSTEM_ACTOR, NOW);
      const expired = completeAccountSetup(store.db, { token: tokenOf(link.url), password: PASSWORD, presentedSessionId: null }, new Date(link.expiresAt.getTime() + 1));
      await expect(expired).rejects.toBeInstanceOf(UnauthenticatedError);
      const set = await completeAccountSetup(store.db, { token: tokenOf(link.url), password: PASSWORD, presentedSessionId: null }, NOW);
      expect(set.user).toMatchObject({ id: invited.id, hasPassword: true });
      const again = await signInWithPassword(store.db, { email: "inv@example.org", password: PASSWORD, clientAddress: "x", presentedSessionId: null }, NOW);
      expect(again.user.id).toBe(invited.id);
    } finally {
      await store.close();
    }
  });
});
