import type { Kysely, Transaction } from "kysely";
import type { StoreSchema } from "./schema.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** The user an OpenID Connect identity (issuer + subject) is linked to, or null. */
export async function findOidcIdentityUserId(db: Db, issuer: string, subject: string): Promise<number | null> {
  const row = await db.selectFrom("oidc_identities").select("user_id").where("issuer", "=", issuer).where("subject", "=", subject).executeTakeFirst();
  return row?.user_id ?? null;
}

export async function insertOidcIdentity(db: Db, identity: { issuer: string; subject: string; userId: number; createdAt: string }): Promise<number> {
  const row = await db
    .insertInto("oidc_identities")
    .values({ issuer: identity.issuer, subject: identity.subject, user_id: identity.userId, created_at: identity.createdAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface OidcLoginStateRow {
  readonly stateHash: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export async function insertOidcLoginState(db: Db, state: OidcLoginStateRow): Promise<void> {
  await db
    .insertInto("oidc_login_states")
    .values({ state_hash: state.stateHash, nonce: state.nonce, code_verifier: state.codeVerifier, created_at: state.createdAt, expires_at: state.expiresAt })
    .execute();
}

/** Takes a sign-in in progress out of the store (single use); null when unknown or expired. Drops expired ones too. */
export async function takeOidcLoginState(db: Db, stateHash: string, nowIso: string): Promise<OidcLoginStateRow | null> {
  const row = await db.deleteFrom("oidc_login_states").where("state_hash", "=", stateHash).returningAll().executeTakeFirst();
  await db.deleteFrom("oidc_login_states").where("expires_at", "<=", nowIso).execute();
  if (row === undefined || row.expires_at <= nowIso) return null;
  return { stateHash: row.state_hash, nonce: row.nonce, codeVerifier: row.code_verifier, createdAt: row.created_at, expiresAt: row.expires_at };
}
