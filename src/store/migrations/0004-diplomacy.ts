import { sql } from "kysely";
import type { CreateTableBuilder, Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

/**
 * The diplomacy registry: reference tables synced from `data/diplomacy/` (states, organisations, instruments and their
 * items, fora) with the earlier versions of their rows in diplomacy_reference_history, and every version of every act
 * (signature, ratification, pledge, vote, membership …) in diplomacy_acts: a correction supersedes, never overwrites.
 */
export function diplomacyMigration(dialect: StoreDialect): Migration {
  const autoId = autoIdColumn(dialect);
  const sourced = <T extends string>(table: CreateTableBuilder<T>) =>
    table
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("as_of", "text", (c) => c.notNull())
      .addColumn("recorded_at", "text", (c) => c.notNull());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sourced(
        db.schema
          .createTable("diplomacy_states")
          .addColumn("iso3", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("un_status", "text", (c) => c.notNull())
          .addColumn("regional_group", "text", (c) => c.notNull())
          .addColumn("group_status", "text", (c) => c.notNull())
          .addColumn("note", "text"),
      ).execute();
      await sourced(
        db.schema
          .createTable("diplomacy_organisations")
          .addColumn("code", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("state_iso3", "text")
          .addColumn("member_states", "text", (c) => c.notNull())
          .addColumn("actor_code", "text")
          .addColumn("note", "text"),
      ).execute();
      await sourced(
        db.schema
          .createTable("diplomacy_instruments")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("short_name", "text", (c) => c.notNull())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("forum_id", "text")
          .addColumn("document", "text")
          .addColumn("adopted_date", "text")
          .addColumn("opened_date", "text")
          .addColumn("in_force_date", "text")
          .addColumn("scope", "text", (c) => c.notNull())
          .addColumn("coverage", "text", (c) => c.notNull())
          .addColumn("coverage_as_of", "text")
          .addColumn("recorded_yes", "integer")
          .addColumn("recorded_no", "integer")
          .addColumn("recorded_abstain", "integer")
          .addColumn("recorded_non_voting", "integer")
          .addColumn("note", "text"),
      ).execute();
      await sourced(
        db.schema
          .createTable("diplomacy_instrument_items")
          .addColumn("instrument_id", "text", (c) => c.notNull())
          .addColumn("item_id", "text", (c) => c.notNull())
          .addColumn("item_group", "text")
          .addColumn("group_title", "text")
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("title_verified", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("diplomacy_instrument_items_pk", ["instrument_id", "item_id"]),
      ).execute();
      await sourced(
        db.schema
          .createTable("diplomacy_fora")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("parent_body", "text", (c) => c.notNull())
          .addColumn("description", "text", (c) => c.notNull())
          .addColumn("meeting_season", "text", (c) => c.notNull())
          .addColumn("decision_rule", "text", (c) => c.notNull())
          .addColumn("membership_basis", "text", (c) => c.notNull())
          .addColumn("membership_of", "text")
          .addColumn("membership_note", "text")
          .addColumn("note", "text"),
      ).execute();
      await db.schema
        .createTable("diplomacy_reference_history")
        .addColumn("id", "integer", autoId)
        .addColumn("table_name", "text", (c) => c.notNull())
        .addColumn("row_key", "text", (c) => c.notNull())
        .addColumn("row_json", "text", (c) => c.notNull())
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .addColumn("superseded_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("diplomacy_reference_history_key").on("diplomacy_reference_history").columns(["table_name", "row_key"]).execute();
      await db.schema
        .createTable("diplomacy_acts")
        .addColumn("id", "integer", autoId)
        .addColumn("party_code", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("target_type", "text", (c) => c.notNull())
        .addColumn("slot", "text", (c) => c.notNull())
        .addColumn("act_kind", "text", (c) => c.notNull())
        .addColumn("act_date", "text")
        .addColumn("vote", "text")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("as_of", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("retracted", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("origin", "text", (c) => c.notNull())
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .addColumn("superseded_at", "text")
        .execute();
      // One current belief per fact: a second current version of the same target, party and slot is refused.
      await db.schema
        .createIndex("diplomacy_acts_current")
        .on("diplomacy_acts")
        .columns(["target_id", "party_code", "slot"])
        .unique()
        .where(sql.ref("superseded_at"), "is", null)
        .execute();
      await db.schema.createIndex("diplomacy_acts_party").on("diplomacy_acts").columns(["party_code", "target_id"]).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        "diplomacy_acts",
        "diplomacy_reference_history",
        "diplomacy_fora",
        "diplomacy_instrument_items",
        "diplomacy_instruments",
        "diplomacy_organisations",
        "diplomacy_states",
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
