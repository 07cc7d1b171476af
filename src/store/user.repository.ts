import type { Kysely, Selectable, Transaction } from "kysely";
import type { Role } from "../accounts/role.ts";
import { isRole } from "../accounts/role.ts";
import type { StoreSchema } from "./schema.ts";
import type { UserTable } from "./schema-accounts.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** A user as the rest of the code sees it: never the password hash, only whether there is one. */
export interface UserRecord {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisation: string | null;
  readonly sector: string | null;
  readonly disabled: boolean;
  readonly hasPassword: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewUserRow {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisation: string | null;
  readonly sector: string | null;
  readonly passwordHash: string | null;
  readonly createdAt: string;
}

export interface UserChanges {
  readonly displayName?: string;
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly organisation?: string | null;
  readonly sector?: string | null;
}

function toUserRecord(row: Selectable<UserTable>): UserRecord {
  // A role the code does not know (a store written by a newer version) is read as the least privileged one.
  const role: Role = isRole(row.role) ? row.role : "viewer";
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role,
    organisation: row.organisation,
    sector: row.sector,
    disabled: row.disabled !== 0,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The user with this e-mail (compared lower-case), or null. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  return row === undefined ? null : toUserRecord(row);
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | null> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toUserRecord(row);
}

/** The user and its password hash, for sign-in only (the hash never leaves the accounts services). */
export async function findUserCredentials(db: Db, email: string): Promise<{ user: UserRecord; passwordHash: string | null } | null> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  return row === undefined ? null : { user: toUserRecord(row), passwordHash: row.password_hash };
}

/** Inserts a user (e-mail stored lower-case) and returns it. */
export async function insertUser(db: Db, user: NewUserRow): Promise<UserRecord> {
  const row = await db
    .insertInto("users")
    .values({
      email: user.email.trim().toLowerCase(),
      display_name: user.displayName,
      role: user.role,
      organisation: user.organisation,
      sector: user.sector,
      password_hash: user.passwordHash,
      disabled: 0,
      created_at: user.createdAt,
      updated_at: user.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUserRecord(row);
}

/** Applies changes to a user and returns it (null when there is no such user). */
export async function updateUserRow(db: Db, id: number, changes: UserChanges, updatedAt: string): Promise<UserRecord | null> {
  const row = await db
    .updateTable("users")
    .set({
      updated_at: updatedAt,
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
      ...(changes.organisation === undefined ? {} : { organisation: changes.organisation }),
      ...(changes.sector === undefined ? {} : { sector: changes.sector }),
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? null : toUserRecord(row);
}

export async function setUserPasswordHash(db: Db, id: number, passwordHash: string, updatedAt: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash, updated_at: updatedAt }).where("id", "=", id).execute();
}

export interface UserListQuery {
  readonly role?: Role;
  readonly disabled?: boolean;
}

/** Users ordered by e-mail. */
export async function listUsers(db: Db, query: UserListQuery = {}): Promise<UserRecord[]> {
  let select = db.selectFrom("users").selectAll().orderBy("email", "asc");
  if (query.role !== undefined) select = select.where("role", "=", query.role);
  if (query.disabled !== undefined) select = select.where("disabled", "=", query.disabled ? 1 : 0);
  return (await select.execute()).map(toUserRecord);
}

/** How many admins there are, disabled ones included (the first-start setup link works only while this is 0). */
export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The display name and e-mail of each of these users that exists, by id (one query; unknown ids are left out). */
export async function findUserNames(db: Db, ids: readonly number[]): Promise<Map<number, { readonly displayName: string; readonly email: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "display_name", "email"]).where("id", "in", unique).execute();
  return new Map(rows.map((row) => [row.id, { displayName: row.display_name, email: row.email }]));
}
