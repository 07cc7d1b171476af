import type { Kysely, Transaction } from "kysely";
import type { StoreSchema } from "./schema.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export type SetupTokenPurpose = "first-admin" | "password";

export interface SetupTokenRow {
  readonly tokenHash: string;
  readonly purpose: SetupTokenPurpose;
  readonly userId: number | null;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export async function insertSetupToken(db: Db, token: SetupTokenRow): Promise<void> {
  await db
    .insertInto("account_setup_tokens")
    .values({ token_hash: token.tokenHash, purpose: token.purpose, user_id: token.userId, created_at: token.createdAt, expires_at: token.expiresAt, used_at: null })
    .execute();
}

/** Deletes the unused links of a purpose (and user, for password links): a new link replaces the old ones. */
export async function deleteUnusedSetupTokens(db: Db, purpose: SetupTokenPurpose, userId: number | null): Promise<void> {
  let query = db.deleteFrom("account_setup_tokens").where("purpose", "=", purpose).where("used_at", "is", null);
  query = userId === null ? query.where("user_id", "is", null) : query.where("user_id", "=", userId);
  await query.execute();
}

/**
 * Marks a link used, once: only an unused, unexpired link with this hash is consumed (one UPDATE, so two concurrent
 * uses cannot both succeed). Returns it, or null when it is unknown, used or expired.
 */
export async function consumeSetupToken(db: Db, tokenHash: string, nowIso: string): Promise<SetupTokenRow | null> {
  const row = await db
    .updateTable("account_setup_tokens")
    .set({ used_at: nowIso })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) return null;
  return { tokenHash: row.token_hash, purpose: row.purpose === "first-admin" ? "first-admin" : "password", userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at };
}
