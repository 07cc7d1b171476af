import type { Kysely, Transaction } from "kysely";
import type { StoreSchema } from "./schema.ts";
import type { UserRecord } from "./user.repository.ts";
import { findUserById } from "./user.repository.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export interface SessionRow {
  readonly idHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session with this id hash and its user, or null. */
export async function findSessionWithUser(db: Db, idHash: string): Promise<{ session: SessionRow; user: UserRecord } | null> {
  const row = await db.selectFrom("sessions").selectAll().where("id_hash", "=", idHash).executeTakeFirst();
  if (row === undefined) return null;
  const user = await findUserById(db, row.user_id);
  if (user === null) return null;
  return {
    session: { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at },
    user,
  };
}

export async function touchSession(db: Db, idHash: string, lastSeenAt: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: lastSeenAt }).where("id_hash", "=", idHash).execute();
}

/** Deletes one session; how many rows went (0 or 1). */
export async function deleteSession(db: Db, idHash: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("id_hash", "=", idHash).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes every session of a user (disabled, role changed, password set); how many went. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sessions past their absolute expiry or idle since before `idleSinceIso`. */
export async function deleteExpiredSessions(db: Db, nowIso: string, idleSinceIso: string): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", nowIso), eb("last_seen_at", "<", idleSinceIso)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countSessionsOfUser(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
