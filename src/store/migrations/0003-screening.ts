import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

const VECTOR_COLUMNS = [
  "miss_r_km",
  "miss_t_km",
  "miss_n_km",
  "relative_velocity_r_km_s",
  "relative_velocity_t_km_s",
  "relative_velocity_n_km_s",
  "primary_x_km",
  "primary_y_km",
  "primary_z_km",
  "primary_vx_km_s",
  "primary_vy_km_s",
  "primary_vz_km_s",
  "secondary_x_km",
  "secondary_y_km",
  "secondary_z_km",
  "secondary_vx_km_s",
  "secondary_vy_km_s",
  "secondary_vz_km_s",
  "primary_element_age_days",
  "secondary_element_age_days",
] as const;

/**
 * Screening: finished runs and their conjunction events (a run is written in one transaction when it ends, so a
 * cancelled or crashed run leaves nothing), and active-set ingests (CelesTrak's `active` group, the practical
 * evidence of which payloads operate) with the catalog numbers each listed.
 */
export function screeningMigration(dialect: StoreDialect): Migration {
  const autoId = autoIdColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("ingests").addColumn("active_set", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable("active_set_members")
        .addColumn("ingest_id", "integer", (c) => c.notNull().references("ingests.id").onDelete("cascade"))
        .addColumn("catalog_number", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("active_set_members_pk", ["ingest_id", "catalog_number"])
        .execute();

      await db.schema
        .createTable("screening_runs")
        .addColumn("id", "integer", autoId)
        .addColumn("from_time", "text", (c) => c.notNull())
        .addColumn("to_time", "text", (c) => c.notNull())
        .addColumn("from_ms", "double precision", (c) => c.notNull())
        .addColumn("to_ms", "double precision", (c) => c.notNull())
        .addColumn("threshold_km", "double precision", (c) => c.notNull())
        .addColumn("primaries_selector", "text", (c) => c.notNull())
        .addColumn("primaries", "text")
        .addColumn("primaries_count", "integer", (c) => c.notNull())
        .addColumn("object_count", "integer", (c) => c.notNull())
        .addColumn("epoch_min", "text")
        .addColumn("epoch_median", "text")
        .addColumn("epoch_max", "text")
        .addColumn("max_age_days", "double precision")
        .addColumn("stale_count", "integer", (c) => c.notNull())
        .addColumn("element_ingest_ids", "text", (c) => c.notNull())
        .addColumn("active_set_ingest_id", "integer")
        .addColumn("active_set_as_of", "text")
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text", (c) => c.notNull())
        .addColumn("duration_ms", "double precision", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("events_count", "integer", (c) => c.notNull())
        .addColumn("threads", "integer", (c) => c.notNull())
        .addColumn("algorithm", "text", (c) => c.notNull())
        .addColumn("guarantee", "text", (c) => c.notNull())
        .addColumn("software_version", "text", (c) => c.notNull())
        .addColumn("pc_note", "text")
        .execute();

      let events = db.schema
        .createTable("conjunction_events")
        .addColumn("id", "integer", autoId)
        .addColumn("run_id", "integer", (c) => c.notNull().references("screening_runs.id").onDelete("cascade"))
        .addColumn("primary_catalog_number", "integer", (c) => c.notNull())
        .addColumn("secondary_catalog_number", "integer", (c) => c.notNull())
        .addColumn("tca", "text", (c) => c.notNull())
        .addColumn("tca_ms", "double precision", (c) => c.notNull())
        .addColumn("miss_distance_km", "double precision", (c) => c.notNull())
        .addColumn("relative_speed_km_s", "double precision", (c) => c.notNull());
      for (const column of VECTOR_COLUMNS) events = events.addColumn(column, "double precision", (c) => c.notNull());
      await events
        .addColumn("primary_element_set_id", "integer")
        .addColumn("secondary_element_set_id", "integer")
        .addColumn("pc", "double precision")
        .addColumn("pc_method", "text")
        .addColumn("hbr_m", "double precision")
        .addColumn("covariance_source", "text")
        .execute();
      await db.schema.createIndex("conjunction_events_run_miss").on("conjunction_events").columns(["run_id", "miss_distance_km"]).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("conjunction_events").execute();
      await db.schema.dropTable("screening_runs").execute();
      await db.schema.dropTable("active_set_members").execute();
      await db.schema.alterTable("ingests").dropColumn("active_set").execute();
    },
  };
}
