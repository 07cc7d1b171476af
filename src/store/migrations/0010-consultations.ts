import { sql } from "kysely";
import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

/**
 * The consultations tables of the workspace (issue 7): a consultation on a draft frozen at opening, its numbered
 * paragraphs, the e-mail invitations (only the SHA-256 of each single-use token is stored) and the stakeholders'
 * comments per paragraph. References users (0007) and positions (0009).
 */
export function consultationsMigration(dialect: StoreDialect): Migration {
  const autoId = autoIdColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("consultations")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('position', 'standard', 'best-practice')`))
        .addColumn("position_id", "integer", (c) => c.references("positions.id").onDelete("set null"))
        .addColumn("draft_markdown", "text", (c) => c.notNull())
        .addColumn("internal_note", "text")
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'closed')`))
        .addColumn("deadline", "text", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("closed_by", "integer", (c) => c.references("users.id"))
        .addColumn("closed_at", "text")
        .execute();
      await db.schema
        .createTable("consultation_paragraphs")
        .addColumn("consultation_id", "integer", (c) => c.notNull().references("consultations.id").onDelete("cascade"))
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("markdown", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("consultation_paragraphs_pk", ["consultation_id", "number"])
        .execute();
      await db.schema
        .createTable("consultation_invitations")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("consultation_id", "integer", (c) => c.notNull().references("consultations.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("sector", "text", (c) => c.notNull().check(sql`sector in ('commercial', 'academic', 'non-profit', 'government')`))
        .addColumn("organisation", "text", (c) => c.notNull())
        .addColumn("invitee_user_id", "integer", (c) => c.references("users.id"))
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("accepted_at", "text")
        .addColumn("invited_by", "integer", (c) => c.references("users.id"))
        .addColumn("invited_at", "text", (c) => c.notNull())
        .addColumn("sent_at", "text")
        .addColumn("send_error", "text")
        .addUniqueConstraint("consultation_invitations_email", ["consultation_id", "email"])
        .execute();
      await db.schema.createIndex("consultation_invitations_invitee").on("consultation_invitations").columns(["invitee_user_id", "consultation_id"]).execute();
      await db.schema.createIndex("consultation_invitations_by_email").on("consultation_invitations").column("email").execute();
      await db.schema
        .createTable("consultation_comments")
        .addColumn("id", "integer", (c) => autoId(c))
        .addColumn("consultation_id", "integer", (c) => c.notNull())
        .addColumn("paragraph_number", "integer", (c) => c.notNull())
        .addColumn("author_user_id", "integer", (c) => c.notNull().references("users.id"))
        .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('public', 'confidential')`))
        .addColumn("body_markdown", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addForeignKeyConstraint("consultation_comments_paragraph", ["consultation_id", "paragraph_number"], "consultation_paragraphs", ["consultation_id", "number"], (fk) =>
          fk.onDelete("cascade"),
        )
        .execute();
      await db.schema.createIndex("consultation_comments_consultation").on("consultation_comments").columns(["consultation_id", "paragraph_number"]).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ["consultation_comments", "consultation_invitations", "consultation_paragraphs", "consultations"]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
