import type { Kysely } from "kysely";
import { ConflictError, InvalidInputError, UnauthenticatedError } from "../core/concord-error.ts";
import { consumeSetupToken, deleteUnusedSetupTokens, insertSetupToken } from "../store/account-setup-token.repository.ts";
import type { SetupTokenPurpose } from "../store/account-setup-token.repository.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { deleteSessionsOfUser } from "../store/session.repository.ts";
import { countAdmins, findUserByEmail, findUserById, insertUser, setUserPasswordHash } from "../store/user.repository.ts";
import type { AuditActor } from "./audit-actor.ts";
import type { SignedIn } from "./login.service.ts";
import { checkPasswordPolicy, hashPassword } from "./password-hash.ts";
import { randomSecretToken, secretTokenHash } from "./secret-token.ts";
import { replaceSession } from "./session.service.ts";
import { normaliseEmail } from "./user.service.ts";

/** How long a setup link works: the first-admin link a day, a user's password link three days. */
export const FIRST_ADMIN_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60 * 1000;

export interface SetupLink {
  /** `<publicBaseUrl>/setup#token=…`: the token rides in the fragment, so it never reaches a server log or a Referer. */
  readonly url: string;
  readonly expiresAt: Date;
}

async function issueLink(db: Kysely<StoreSchema>, purpose: SetupTokenPurpose, userId: number | null, publicBaseUrl: string, ttlMs: number, actor: AuditActor, now: Date): Promise<SetupLink> {
  const token = randomSecretToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.transaction().execute(async (trx) => {
    await deleteUnusedSetupTokens(trx, purpose, userId);
    await insertSetupToken(trx, { tokenHash: secretTokenHash(token), purpose, userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
    await appendAuditEntry(trx, {
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "setup_link.create",
      entityType: userId === null ? "workspace" : "user",
      entityId: userId === null ? "first-admin" : String(userId),
      before: null,
      after: { purpose, expiresAt: expiresAt.toISOString() },
      atIso: now.toISOString(),
    });
  });
  return { url: `${publicBaseUrl.replace(/\/+$/, "")}/setup#token=${token}`, expiresAt };
}

/**
 * The first start: while the store has no admin, issues ONE single-use link (replacing any earlier unused one) with
 * which the person at the console creates the first admin. Null when an admin exists.
 */
export async function issueFirstAdminSetupLink(db: Kysely<StoreSchema>, publicBaseUrl: string, actor: AuditActor, now: Date): Promise<SetupLink | null> {
  if ((await countAdmins(db)) > 0) return null;
  return issueLink(db, "first-admin", null, publicBaseUrl, FIRST_ADMIN_LINK_TTL_MS, actor, now);
}

/** A single-use link with which an existing user sets its password (replaces its earlier unused links). */
export async function issuePasswordSetupLink(db: Kysely<StoreSchema>, userId: number, publicBaseUrl: string, actor: AuditActor, now: Date): Promise<SetupLink> {
  return issueLink(db, "password", userId, publicBaseUrl, PASSWORD_LINK_TTL_MS, actor, now);
}

export interface SetupCompletion {
  readonly token: string;
  readonly password: string;
  /** The first admin's e-mail and name (first-admin links only). */
  readonly email?: string | undefined;
  readonly displayName?: string | undefined;
  readonly presentedSessionId: string | null;
}

const LINK_INVALID = "this setup link is not valid: unknown, already used or expired";

/**
 * Uses a setup link: a first-admin link creates the admin (only while none exists), a password link sets that user's
 * password (ending its other sessions). Either way the user is then signed in with a new session. Audited
 * (`user.create` or `user.password_set`, then `user.sign_in`); the password and token never enter the log.
 */
export async function completeAccountSetup(db: Kysely<StoreSchema>, input: SetupCompletion, now: Date): Promise<SignedIn> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const link = await consumeSetupToken(trx, secretTokenHash(input.token), atIso);
    if (link === null) throw new UnauthenticatedError(LINK_INVALID);
    const linkActor = { actorUserId: null, actorLabel: "setup-link" };
    let userId: number;
    if (link.purpose === "first-admin") {
      if ((await countAdmins(trx)) > 0) throw new ConflictError("an admin already exists: ask an admin for an account");
      if (input.email === undefined) throw new InvalidInputError("email", "the first admin's e-mail is required");
      if (input.displayName === undefined || input.displayName.trim() === "") throw new InvalidInputError("displayName", "the first admin's name is required");
      const email = normaliseEmail(input.email);
      if ((await findUserByEmail(trx, email)) !== null) throw new ConflictError(`a user with the e-mail ${email} already exists`);
      const user = await insertUser(trx, { email, displayName: input.displayName.trim(), role: "admin", organisation: null, sector: null, passwordHash, createdAt: atIso });
      await appendAuditEntry(trx, { ...linkActor, action: "user.create", entityType: "user", entityId: String(user.id), before: null, after: { ...user }, atIso });
      userId = user.id;
    } else {
      const user = link.userId === null ? null : await findUserById(trx, link.userId);
      if (user === null || user.disabled) throw new UnauthenticatedError(LINK_INVALID);
      await setUserPasswordHash(trx, user.id, passwordHash, atIso);
      await deleteSessionsOfUser(trx, user.id);
      await appendAuditEntry(trx, { ...linkActor, action: "user.password_set", entityType: "user", entityId: String(user.id), before: { hasPassword: user.hasPassword }, after: { hasPassword: true }, atIso });
      userId = user.id;
    }
    const user = await findUserById(trx, userId);
    if (user === null) throw new UnauthenticatedError(LINK_INVALID);
    const session = await replaceSession(trx, user.id, input.presentedSessionId, now);
    await appendAuditEntry(trx, { actorUserId: user.id, actorLabel: user.email, action: "user.sign_in", entityType: "user", entityId: String(user.id), before: null, after: { method: "setup-link" }, atIso });
    return { user, session };
  });
}
