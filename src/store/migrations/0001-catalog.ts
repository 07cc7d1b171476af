import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { autoIdColumn } from "./column-types.ts";

/**
 * The catalog evidence base: ingests (provenance) and their rejected records, space objects, element-set history.
 * Every element set belongs to a stored object (an ingest inserts objects known only from element sets first).
 */
export function catalogMigration(dialect: StoreDialect): Migration {
  const autoId = autoIdColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("ingests")
        .addColumn("id", "integer", autoId)
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("source_kind", "text", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("retrieved_at", "text", (c) => c.notNull())
        .addColumn("sha256", "text")
        .addColumn("bytes", "bigint")
        .addColumn("records_total", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("accepted", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("rejected", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("objects_inserted", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("objects_updated", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("element_sets_inserted", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("element_sets_duplicate", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("epoch_min", "text")
        .addColumn("epoch_max", "text")
        .addColumn("epoch_median", "text")
        .addColumn("data_as_of", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("note", "text")
        .execute();

      await db.schema
        .createTable("rejected_records")
        .addColumn("id", "integer", autoId)
        .addColumn("ingest_id", "integer", (c) => c.notNull().references("ingests.id").onDelete("cascade"))
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("line", "integer")
        .addColumn("record_index", "integer")
        .addColumn("field", "text")
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("raw", "text")
        .execute();
      await db.schema.createIndex("rejected_records_ingest").on("rejected_records").columns(["ingest_id", "id"]).execute();

      await db.schema
        .createTable("space_objects")
        .addColumn("catalog_number", "integer", (c) => c.primaryKey())
        .addColumn("international_designator", "text")
        .addColumn("name", "text")
        .addColumn("object_type", "text", (c) => c.notNull())
        .addColumn("owner_code", "text")
        .addColumn("launch_date", "text")
        .addColumn("launch_site", "text")
        .addColumn("decay_date", "text")
        .addColumn("period_min", "double precision")
        .addColumn("inclination_deg", "double precision")
        .addColumn("apogee_km", "double precision")
        .addColumn("perigee_km", "double precision")
        .addColumn("rcs_size", "text")
        .addColumn("operational_status", "text")
        .addColumn("actor_code", "text", (c) => c.notNull())
        .addColumn("orbit_regime", "text", (c) => c.notNull())
        .addColumn("record_origin", "text", (c) => c.notNull())
        .addColumn("first_ingest_id", "integer", (c) => c.notNull().references("ingests.id"))
        .addColumn("last_ingest_id", "integer", (c) => c.notNull().references("ingests.id"))
        .execute();
      // One index per equality filter of listObjects/countObjects. Name and designator search is a substring match
      // (no index helps); launch years are grouped over whole scans. Every index costs ~5% of bulk-ingest time.
      for (const column of ["owner_code", "actor_code", "object_type", "orbit_regime", "decay_date", "record_origin"]) {
        await db.schema.createIndex(`space_objects_${column}`).on("space_objects").column(column).execute();
      }

      await db.schema
        .createTable("element_sets")
        .addColumn("id", "integer", autoId)
        .addColumn("catalog_number", "integer", (c) => c.notNull().references("space_objects.catalog_number"))
        .addColumn("epoch", "text", (c) => c.notNull())
        .addColumn("epoch_ms", "double precision", (c) => c.notNull())
        .addColumn("mean_motion_rev_per_day", "double precision", (c) => c.notNull())
        .addColumn("eccentricity", "double precision", (c) => c.notNull())
        .addColumn("inclination_deg", "double precision", (c) => c.notNull())
        .addColumn("ra_of_asc_node_deg", "double precision", (c) => c.notNull())
        .addColumn("arg_of_pericenter_deg", "double precision", (c) => c.notNull())
        .addColumn("mean_anomaly_deg", "double precision", (c) => c.notNull())
        .addColumn("bstar_per_earth_radii", "double precision", (c) => c.notNull())
        .addColumn("mean_motion_dot_rev_per_day2", "double precision", (c) => c.notNull())
        .addColumn("mean_motion_ddot_rev_per_day3", "double precision", (c) => c.notNull())
        .addColumn("ephemeris_type", "integer", (c) => c.notNull())
        .addColumn("classification_type", "text", (c) => c.notNull())
        .addColumn("element_set_number", "integer", (c) => c.notNull())
        .addColumn("rev_at_epoch", "integer", (c) => c.notNull())
        .addColumn("object_name", "text")
        .addColumn("object_id", "text")
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("ingest_id", "integer", (c) => c.notNull().references("ingests.id"))
        .addUniqueConstraint("element_sets_catalog_number_epoch", ["catalog_number", "epoch"])
        .execute();
      // History newest first, latest set at or before a time, newest set of every object.
      await db.schema.createIndex("element_sets_catalog_number_epoch_ms").on("element_sets").columns(["catalog_number", "epoch_ms"]).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ["element_sets", "space_objects", "rejected_records", "ingests"]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
