import { sql } from "kysely";
import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

/**
 * Accounts (issue 7): the append-only audit log of every write (triggers refuse UPDATE and DELETE on it in both
 * dialects, so even code that bypasses the repository cannot rewrite history); users, sessions (only hashed ids),
 * failed sign-ins for the rate limit, OpenID Connect identities and sign-ins in progress, and single-use setup links.
 */
export function accountsMigration(dialect: StoreDialect): Migration {
  const autoId = autoIdColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_user_id", "integer")
        .addColumn("actor_label", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("entity_type", "text", (c) => c.notNull())
        .addColumn("entity_id", "text", (c) => c.notNull())
        .addColumn("before_json", "text")
        .addColumn("after_json", "text")
        .execute();
      await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity_type", "entity_id"]).execute();
      if (dialect === "sqlite") {
        for (const operation of ["update", "delete"]) {
          await sql
            .raw(`create trigger audit_log_no_${operation} before ${operation} on audit_log begin select raise(abort, 'audit_log is append-only'); end`)
            .execute(db);
        }
      } else {
        await sql
          .raw(
            "create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$",
          )
          .execute(db);
        await sql.raw("create trigger audit_log_append_only before update or delete on audit_log for each statement execute function audit_log_append_only()").execute(db);
      }
      await createAccountTables(db, autoId);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ["oidc_login_states", "account_setup_tokens", "oidc_identities", "login_attempts", "sessions", "users"]) {
        await db.schema.dropTable(table).execute();
      }
      await db.schema.dropTable("audit_log").execute();
      if (dialect === "postgres") await sql.raw("drop function if exists audit_log_append_only()").execute(db);
    },
  };
}

async function createAccountTables(db: Kysely<unknown>, autoId: ReturnType<typeof autoIdColumn>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => autoId(c))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organisation", "text")
    .addColumn("sector", "text")
    .addColumn("password_hash", "text")
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "integer", (c) => autoId(c))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("client_address", "text", (c) => c.notNull())
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_email").on("login_attempts").columns(["email", "attempted_at"]).execute();
  await db.schema.createIndex("login_attempts_address").on("login_attempts").columns(["client_address", "attempted_at"]).execute();
  await db.schema
    .createTable("oidc_identities")
    .addColumn("id", "integer", (c) => autoId(c))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("oidc_identities_issuer_subject", ["issuer", "subject"])
    .execute();
  await db.schema
    .createTable("account_setup_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createTable("oidc_login_states")
    .addColumn("state_hash", "text", (c) => c.primaryKey())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}
