import { sql } from "kysely";
import type { Kysely } from "kysely";
import { getIngest } from "./ingest.repository.ts";
import type { IngestRecord } from "./ingest.repository.ts";
import type { StoreSchema } from "./schema.ts";

/** What an ingest brought: a SATCAT (format `satcat-…`) or element sets (every other format). */
export type IngestDataKind = "satcat" | "element-set";

/**
 * The succeeded ingest of a kind whose data is newest (latest `data_as_of`, then latest id), or null when none:
 * the source a figure is "as of". Same choice on SQLite and PostgreSQL (a null `data_as_of` sorts last on both).
 */
export async function newestSucceededIngest(db: Kysely<StoreSchema>, kind: IngestDataKind): Promise<IngestRecord | null> {
  const row = await db
    .selectFrom("ingests")
    .select("id")
    .where("status", "=", "succeeded")
    .where("format", kind === "satcat" ? "like" : "not like", "satcat%")
    // Space-weather ingests (space-weather.repository.ts) and mass estimates (object-mass-estimate.repository.ts)
    // are neither a SATCAT nor element sets.
    .where("format", "not like", "space-weather%")
    .where("format", "not like", "cara-hbr-mass%")
    .orderBy(sql`coalesce(data_as_of, '')`, "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : getIngest(db, Number(row.id));
}

/** The most recently started ingest, whatever its status, or null on an empty store. */
export async function mostRecentIngest(db: Kysely<StoreSchema>): Promise<IngestRecord | null> {
  const row = await db.selectFrom("ingests").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row === undefined ? null : getIngest(db, Number(row.id));
}
