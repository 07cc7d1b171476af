import type { Kysely, Transaction } from "kysely";
import type { StoreSchema } from "./schema.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export async function recordFailedLogin(db: Db, email: string, clientAddress: string, attemptedAt: string): Promise<void> {
  await db.insertInto("login_attempts").values({ email: email.trim().toLowerCase(), client_address: clientAddress, attempted_at: attemptedAt }).execute();
}

/** The times (ISO, oldest first) of the failed sign-ins since `sinceIso` for this e-mail and from this address. */
export async function recentFailedLogins(db: Db, email: string, clientAddress: string, sinceIso: string): Promise<{ byEmail: string[]; byAddress: string[] }> {
  const byEmail = await db
    .selectFrom("login_attempts")
    .select("attempted_at")
    .where("email", "=", email.trim().toLowerCase())
    .where("attempted_at", ">", sinceIso)
    .orderBy("attempted_at", "asc")
    .execute();
  const byAddress = await db
    .selectFrom("login_attempts")
    .select("attempted_at")
    .where("client_address", "=", clientAddress)
    .where("attempted_at", ">", sinceIso)
    .orderBy("attempted_at", "asc")
    .execute();
  return { byEmail: byEmail.map((r) => r.attempted_at), byAddress: byAddress.map((r) => r.attempted_at) };
}

/** Forgets an e-mail's failures (after a successful sign-in). */
export async function clearFailedLogins(db: Db, email: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("email", "=", email.trim().toLowerCase()).execute();
}

/** Forgets failures older than the window (housekeeping). */
export async function pruneFailedLogins(db: Db, beforeIso: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("attempted_at", "<=", beforeIso).execute();
}
