import type { Kysely, Migration } from "kysely";

/** The curated attribution tables (synced from `data/` by the caller): actors and owner codes. */
export function actorsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("actors")
        .addColumn("code", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("member_states", "text", (c) => c.notNull())
        .addColumn("membership_basis", "text")
        .addColumn("successor", "text")
        .addColumn("valid_to", "text")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("as_of", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .execute();
      await db.schema
        .createTable("owner_codes")
        .addColumn("owner_code", "text", (c) => c.primaryKey())
        .addColumn("owner_name", "text", (c) => c.notNull())
        .addColumn("actor_code", "text", (c) => c.notNull())
        .addColumn("historic_actor_code", "text")
        .addColumn("note", "text")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("as_of", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("owner_codes_actor_code").on("owner_codes").column("actor_code").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("owner_codes").execute();
      await db.schema.dropTable("actors").execute();
    },
  };
}
