import type { Kysely } from "kysely";
import { ConflictError, InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { deleteSessionsOfUser } from "../store/session.repository.ts";
import type { UserChanges, UserRecord } from "../store/user.repository.ts";
import { countAdmins, findUserByEmail, findUserById, insertUser, listUsers, updateUserRow } from "../store/user.repository.ts";
import type { AuditActor } from "./audit-actor.ts";
import { checkPasswordPolicy, hashPassword } from "./password-hash.ts";
import type { Role } from "./role.ts";
import { isRole } from "./role.ts";

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** The initial password (hashed with argon2id, never stored or logged as given), or null: set it through a setup link. */
  readonly password: string | null;
  readonly organisation?: string | null;
  readonly sector?: string | null;
}

/** A plausible e-mail address: one `@`, something on both sides, a dot in the domain, no spaces; at most 254 characters. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The e-mail as stored: trimmed and lower-cased. Throws InvalidInputError naming `email` when it is not plausible. */
export function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (normalised.length > 254 || !EMAIL_PATTERN.test(normalised)) throw new InvalidInputError("email", `not an e-mail address: ${JSON.stringify(email)}`);
  return normalised;
}

function checkDisplayName(displayName: string): string {
  const trimmed = displayName.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw new InvalidInputError("displayName", "must have 1 to 200 characters");
  return trimmed;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new InvalidInputError("role", `must be one of admin, analyst, stakeholder, viewer; got ${JSON.stringify(role)}`);
  return role;
}

/** What the audit log records of a user: everything but secrets (the hash is never part of a UserRecord). */
function auditSnapshot(user: UserRecord): Record<string, unknown> {
  return { ...user };
}

/**
 * Creates a user, with its password hashed with argon2id (or none: the user then sets it through a setup link, or signs
 * in with OpenID Connect). Audited as `user.create` (the snapshot holds no hash). A taken e-mail is a ConflictError.
 */
export async function createUser(db: Kysely<StoreSchema>, input: NewUser, actor: AuditActor, now: Date): Promise<UserRecord> {
  const email = normaliseEmail(input.email);
  const displayName = checkDisplayName(input.displayName);
  const role = checkRole(input.role);
  if (input.password !== null) checkPasswordPolicy(input.password);
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if ((await findUserByEmail(trx, email)) !== null) throw new ConflictError(`a user with the e-mail ${email} already exists`);
    const user = await insertUser(trx, {
      email,
      displayName,
      role,
      organisation: input.organisation?.trim() || null,
      sector: input.sector?.trim() || null,
      passwordHash,
      createdAt: atIso,
    });
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "user.create", entityType: "user", entityId: String(user.id), before: null, after: auditSnapshot(user), atIso });
    return user;
  });
}

export interface UserUpdate {
  readonly displayName?: string | undefined;
  readonly role?: Role | undefined;
  readonly disabled?: boolean | undefined;
  readonly organisation?: string | null | undefined;
  readonly sector?: string | null | undefined;
}

/**
 * Changes a user's display name, role, organisation, sector or disabled flag. Disabling ends all its sessions at once.
 * The last enabled admin cannot be disabled or demoted (ConflictError): the workspace would have no one to run it.
 * Audited as `user.disable`, `user.enable` or `user.update` with before and after.
 */
export async function updateUser(db: Kysely<StoreSchema>, userId: number, update: UserUpdate, actor: AuditActor, now: Date): Promise<UserRecord> {
  const changes: UserChanges = {
    ...(update.displayName === undefined ? {} : { displayName: checkDisplayName(update.displayName) }),
    ...(update.role === undefined ? {} : { role: checkRole(update.role) }),
    ...(update.disabled === undefined ? {} : { disabled: update.disabled }),
    ...(update.organisation === undefined ? {} : { organisation: update.organisation?.trim() || null }),
    ...(update.sector === undefined ? {} : { sector: update.sector?.trim() || null }),
  };
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId);
    if (before === null) throw new NotFoundError("user", `no user #${userId}`);
    const losesAdmin = before.role === "admin" && !before.disabled && ((changes.role !== undefined && changes.role !== "admin") || changes.disabled === true);
    if (losesAdmin && (await countEnabledAdmins(trx)) <= 1) {
      throw new ConflictError(`${before.email} is the last enabled admin: make another user admin first`);
    }
    const after = await updateUserRow(trx, userId, changes, atIso);
    if (after === null) throw new NotFoundError("user", `no user #${userId}`);
    if (after.disabled) await deleteSessionsOfUser(trx, userId);
    const action = !before.disabled && after.disabled ? "user.disable" : before.disabled && !after.disabled ? "user.enable" : "user.update";
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action, entityType: "user", entityId: String(userId), before: auditSnapshot(before), after: auditSnapshot(after), atIso });
    return after;
  });
}

async function countEnabledAdmins(db: Parameters<typeof listUsers>[0]): Promise<number> {
  return (await listUsers(db, { role: "admin", disabled: false })).length;
}

/** Whether the store has any admin yet (the first-start setup link is offered only while it has none). */
export async function hasAnyAdmin(db: Kysely<StoreSchema>): Promise<boolean> {
  return (await countAdmins(db)) > 0;
}
