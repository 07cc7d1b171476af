import type { Kysely } from "kysely";
import { sql } from "kysely";
import { insertInChunks } from "./chunked-insert.ts";
import type { StoreSchema } from "./schema.ts";

/** An active-set ingest as figures cite it. */
export interface ActiveSetRef {
  readonly ingestId: number;
  readonly source: string;
  readonly retrievedAt: string;
  /** The date the set describes (its median epoch day). */
  readonly dataAsOf: string | null;
  readonly members: number;
}

/** Marks an ingest (in its transaction) as an active set and records the catalog numbers it listed. */
export async function markActiveSetIngest(trx: Kysely<StoreSchema>, ingestId: number, catalogNumbers: readonly number[]): Promise<void> {
  await trx.updateTable("ingests").set({ active_set: 1 }).where("id", "=", ingestId).execute();
  const unique = [...new Set(catalogNumbers)].sort((a, b) => a - b);
  await insertInChunks(
    trx,
    "active_set_members",
    unique.map((catalogNumber) => ({ ingest_id: ingestId, catalog_number: catalogNumber })),
  );
}

/** The succeeded active-set ingest whose data is newest (latest data_as_of, then latest id), or null. */
export async function newestActiveSetIngest(db: Kysely<StoreSchema>): Promise<ActiveSetRef | null> {
  const row = await db
    .selectFrom("ingests")
    .select(["id", "source", "retrieved_at", "data_as_of"])
    .where("active_set", "=", 1)
    .where("status", "=", "succeeded")
    .orderBy(sql`coalesce(data_as_of, '')`, "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return null;
  const count = await db
    .selectFrom("active_set_members")
    .where("ingest_id", "=", row.id)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { ingestId: Number(row.id), source: row.source, retrievedAt: row.retrieved_at, dataAsOf: row.data_as_of, members: Number(count.n) };
}

/** The catalog numbers an active-set ingest listed. */
export async function activeSetMembers(db: Kysely<StoreSchema>, ingestId: number): Promise<Set<number>> {
  const rows = await db.selectFrom("active_set_members").select("catalog_number").where("ingest_id", "=", ingestId).execute();
  return new Set(rows.map((r) => r.catalog_number));
}

/** Whether an active-set ingest listed one catalog number. */
export async function isActiveSetMember(db: Kysely<StoreSchema>, ingestId: number, catalogNumber: number): Promise<boolean> {
  const row = await db
    .selectFrom("active_set_members")
    .select("catalog_number")
    .where("ingest_id", "=", ingestId)
    .where("catalog_number", "=", catalogNumber)
    .executeTakeFirst();
  return row !== undefined;
}
