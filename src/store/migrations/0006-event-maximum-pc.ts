import type { Kysely, Migration } from "kysely";

/**
 * Conjunction events gain CelesTrak SOCRATES's maximum Pc and its dilution threshold (src/screening/socrates-maximum-pc.ts),
 * the figure SOCRATES publishes for element-set conjunctions; events of earlier runs keep null there.
 */
export function eventMaximumPcMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("conjunction_events").addColumn("pc_max", "double precision").execute();
      await db.schema.alterTable("conjunction_events").addColumn("dilution_threshold_km", "double precision").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("conjunction_events").dropColumn("dilution_threshold_km").execute();
      await db.schema.alterTable("conjunction_events").dropColumn("pc_max").execute();
    },
  };
}
