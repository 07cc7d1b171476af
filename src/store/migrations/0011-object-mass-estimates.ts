import type { Kysely, Migration } from "kysely";

/**
 * Object mass estimates (issue 4, compliance by mass): each ingest of NASA CARA's HBR and mass estimates file (its
 * provenance row is in `ingests`, format `cara-hbr-mass-csv`) with every object it lists: mass and hard-body radius,
 * each with its 1-sigma and source; a blank value is null. Rows go with their ingest (ON DELETE CASCADE); a new
 * ingest adds rows and replaces none.
 */
export function objectMassEstimatesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("object_mass_estimates")
        .addColumn("ingest_id", "integer", (c) => c.notNull().references("ingests.id").onDelete("cascade"))
        .addColumn("catalog_number", "integer", (c) => c.notNull())
        .addColumn("mass_kg", "double precision")
        .addColumn("mass_sigma_kg", "double precision")
        .addColumn("mass_source", "text", (c) => c.notNull())
        .addColumn("hbr_m", "double precision")
        .addColumn("hbr_sigma_m", "double precision")
        .addColumn("hbr_source", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("object_mass_estimates_pk", ["ingest_id", "catalog_number"])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable("object_mass_estimates").execute();
    },
  };
}
