import type { Kysely, Migration } from "kysely";

/**
 * Space weather: each ingest of a CelesTrak space-weather file (its provenance row is in `ingests`, format
 * `space-weather-csv`) with its coverage in space_weather_ingests and every day it gave in space_weather_days.
 * Rows go with their ingest (ON DELETE CASCADE).
 */
export function spaceWeatherMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("space_weather_ingests")
        .addColumn("ingest_id", "integer", (c) => c.primaryKey().references("ingests.id").onDelete("cascade"))
        .addColumn("first_date", "text")
        .addColumn("last_date", "text")
        .addColumn("first_observed", "text")
        .addColumn("last_observed", "text")
        .addColumn("observed_rows", "integer", (c) => c.notNull())
        .addColumn("interpolated_rows", "integer", (c) => c.notNull())
        .addColumn("daily_predicted_rows", "integer", (c) => c.notNull())
        .addColumn("monthly_predicted_rows", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("space_weather_days")
        .addColumn("ingest_id", "integer", (c) => c.notNull().references("ingests.id").onDelete("cascade"))
        .addColumn("date", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("f107_obs", "double precision", (c) => c.notNull())
        .addColumn("f107_adj", "double precision", (c) => c.notNull())
        .addColumn("f107_obs_center81", "double precision")
        .addColumn("f107_obs_last81", "double precision")
        .addColumn("f107_adj_center81", "double precision")
        .addColumn("f107_adj_last81", "double precision")
        .addColumn("ap_daily", "double precision")
        .addColumn("ap_3hourly", "text")
        .addColumn("kp_3hourly", "text")
        .addColumn("kp_sum", "double precision")
        .addColumn("cp", "double precision")
        .addColumn("c9", "double precision")
        .addColumn("sunspot_number", "double precision")
        .addColumn("bartels_rotation", "integer")
        .addColumn("day_in_rotation", "integer")
        .addPrimaryKeyConstraint("space_weather_days_pk", ["ingest_id", "date"])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("space_weather_days").execute();
      await db.schema.dropTable("space_weather_ingests").execute();
    },
  };
}
