import { sql } from "kysely";
import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

/**
 * Accounts (issue 7): the append-only audit log of every write. Triggers refuse UPDATE and DELETE on it in both
 * dialects, so even code that bypasses the repository cannot rewrite history.
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
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("audit_log").execute();
      if (dialect === "postgres") await sql.raw("drop function if exists audit_log_append_only()").execute(db);
    },
  };
}
