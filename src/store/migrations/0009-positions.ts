import { sql } from "kysely";
import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

/**
 * The positions tables of the workspace (issue 7): positions (current state), their versions (every edit a new row,
 * never overwritten), their clearance steps, and the evidence figures they cite. A position may be tied to a forum
 * session and one of its agenda items (0008-fora); deleting those unties it (set null) rather than losing our text.
 */
export function positionsMigration(dialect: StoreDialect): Migration {
  const autoId = autoIdColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("positions")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('position-paper', 'talking-points')`))
        .addColumn("forum_session_id", "integer", (c) => c.references("forum_sessions.id").onDelete("set null"))
        .addColumn("agenda_item_id", "integer", (c) => c.references("agenda_items.id").onDelete("set null"))
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'under-review', 'cleared', 'delivered')`))
        .addColumn("current_version", "integer", (c) => c.notNull())
        .addColumn("last_edited_by", "integer", (c) => c.references("users.id"))
        .addColumn("last_edited_by_label", "text", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_by_label", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("positions_agenda_item").on("positions").column("agenda_item_id").execute();
      await db.schema.createIndex("positions_forum_session").on("positions").column("forum_session_id").execute();
      await db.schema.createIndex("positions_status").on("positions").column("status").execute();

      await db.schema
        .createTable("position_versions")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("position_id", "integer", (c) => c.notNull().references("positions.id"))
        .addColumn("version_number", "integer", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("body_markdown", "text", (c) => c.notNull())
        .addColumn("changed_by", "integer", (c) => c.references("users.id"))
        .addColumn("changed_by_label", "text", (c) => c.notNull())
        .addColumn("changed_at", "text", (c) => c.notNull())
        .addColumn("change_note", "text")
        .addColumn("status_reset_from", "text")
        .addUniqueConstraint("position_versions_number", ["position_id", "version_number"])
        .execute();

      await db.schema
        .createTable("position_status_changes")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("position_id", "integer", (c) => c.notNull().references("positions.id"))
        .addColumn("from_status", "text", (c) => c.notNull())
        .addColumn("to_status", "text", (c) => c.notNull())
        .addColumn("version_number", "integer", (c) => c.notNull())
        .addColumn("changed_by", "integer", (c) => c.references("users.id"))
        .addColumn("changed_by_label", "text", (c) => c.notNull())
        .addColumn("changed_at", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("position_status_changes_position").on("position_status_changes").column("position_id").execute();

      await db.schema
        .createTable("position_citations")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("position_id", "integer", (c) => c.notNull().references("positions.id"))
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("api_path", "text", (c) => c.notNull())
        .addColumn("pointer", "text", (c) => c.notNull())
        .addColumn("value_json", "text", (c) => c.notNull())
        .addColumn("value_text", "text", (c) => c.notNull())
        .addColumn("value_number", "double precision")
        .addColumn("as_of", "text")
        .addColumn("source", "text")
        .addColumn("as_of_pointer", "text")
        .addColumn("as_of_json", "text")
        .addColumn("cited_by", "integer", (c) => c.references("users.id"))
        .addColumn("cited_by_label", "text", (c) => c.notNull())
        .addColumn("cited_at", "text", (c) => c.notNull())
        .addColumn("cited_in_version", "integer", (c) => c.notNull())
        .addColumn("removed_at", "text")
        .addColumn("removed_by", "integer", (c) => c.references("users.id"))
        .addColumn("removed_by_label", "text")
        .addColumn("removed_in_version", "integer")
        .execute();
      await db.schema.createIndex("position_citations_position").on("position_citations").column("position_id").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("position_citations").execute();
      await db.schema.dropTable("position_status_changes").execute();
      await db.schema.dropTable("position_versions").execute();
      await db.schema.dropTable("positions").execute();
    },
  };
}
