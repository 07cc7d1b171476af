import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { StoreSchema } from "./schema.ts";

/**
 * A token that changes whenever anything an API answer is computed from changes: every ingest (catalog, element
 * sets, active sets, space weather), every screening run, every act version and every change of the curated reference
 * tables adds a row with a larger id, and nothing is updated in place without one. Cheap: maxima of primary keys.
 */
export async function storeGeneration(db: Kysely<StoreSchema>): Promise<string> {
  const row = await db
    .selectNoFrom([
      sql<number | null>`(select max(id) from ingests)`.as("ingests"),
      sql<number | null>`(select max(id) from screening_runs)`.as("runs"),
      sql<number | null>`(select max(id) from diplomacy_acts)`.as("acts"),
      sql<number | null>`(select max(id) from diplomacy_reference_history)`.as("reference"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.ingests ?? 0}.${row.runs ?? 0}.${row.acts ?? 0}.${row.reference ?? 0}`;
}
