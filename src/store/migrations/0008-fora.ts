import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

/**
 * The fora tables of the workspace (issue 7): sessions of the registry's fora, their agenda items and documents,
 * statements made at them, proposals under negotiation, and what each statement said about a proposal.
 * `forum_sessions.forum_id` and `proposals.forum_id` name a `diplomacy_fora` row; they are checked by the services,
 * not by a foreign key, because the diplomacy seeding rewrites that table from the curated files.
 */
export function foraMigration(dialect: StoreDialect): Migration {
  const autoId = autoIdColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("forum_sessions")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("forum_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("session_number", "integer")
        .addColumn("start_date", "text", (c) => c.notNull())
        .addColumn("end_date", "text", (c) => c.notNull())
        .addColumn("venue", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("source_url", "text")
        .addColumn("as_of", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("curated_key", "text", (c) => c.unique())
        .addColumn("created_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("forum_sessions_forum").on("forum_sessions").columns(["forum_id", "start_date"]).execute();
      await db.schema.createIndex("forum_sessions_start").on("forum_sessions").column("start_date").execute();

      await db.schema
        .createTable("agenda_items")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("session_id", "integer", (c) => c.notNull().references("forum_sessions.id").onDelete("cascade"))
        .addColumn("item_number", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("source", "text")
        .addColumn("as_of", "text")
        .addColumn("note", "text")
        .addColumn("curated", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("agenda_items_session_number", ["session_id", "item_number"])
        .execute();

      await db.schema
        .createTable("session_documents")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("session_id", "integer", (c) => c.notNull().references("forum_sessions.id").onDelete("cascade"))
        .addColumn("agenda_item_id", "integer", (c) => c.references("agenda_items.id"))
        .addColumn("symbol", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("document_date", "text")
        .addColumn("url", "text")
        .addColumn("note", "text")
        .addColumn("curated", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("session_documents_session_symbol", ["session_id", "symbol"])
        .execute();

      await db.schema
        .createTable("statements")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("session_id", "integer", (c) => c.notNull().references("forum_sessions.id"))
        .addColumn("agenda_item_id", "integer", (c) => c.references("agenda_items.id"))
        .addColumn("speaker_kind", "text", (c) => c.notNull())
        .addColumn("speaker_code", "text", (c) => c.notNull())
        .addColumn("delivered_on", "text", (c) => c.notNull())
        .addColumn("summary_markdown", "text", (c) => c.notNull())
        .addColumn("source_url", "text")
        .addColumn("source_reference", "text")
        .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("statements_session").on("statements").columns(["session_id", "agenda_item_id"]).execute();
      await db.schema.createIndex("statements_speaker").on("statements").columns(["speaker_kind", "speaker_code"]).execute();

      await db.schema
        .createTable("proposals")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("forum_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("document_symbol", "text")
        .addColumn("description_markdown", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("statement_stances")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("statement_id", "integer", (c) => c.notNull().references("statements.id"))
        .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id"))
        .addColumn("stance", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .addUniqueConstraint("statement_stances_statement_proposal", ["statement_id", "proposal_id"])
        .execute();
      await db.schema.createIndex("statement_stances_proposal").on("statement_stances").column("proposal_id").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ["statement_stances", "proposals", "statements", "session_documents", "agenda_items", "forum_sessions"]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
