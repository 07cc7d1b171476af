import { sql } from "kysely";
import type { Kysely, Selectable } from "kysely";
import type { ObjectMassEstimate } from "../environment/object-mass-estimate.ts";
import { insertInChunks } from "./chunked-insert.ts";
import { getIngest } from "./ingest.repository.ts";
import type { IngestRecord } from "./ingest.repository.ts";
import type { ObjectMassEstimateTable, StoreSchema } from "./schema.ts";

/** The ingests table's format for NASA CARA's HBR and mass estimates file. */
export const MASS_ESTIMATE_FORMAT = "cara-hbr-mass-csv";

/** Stores every estimate of one mass-estimate ingest (whose `ingests` row exists); returns how many. */
export async function insertObjectMassEstimates(trx: Kysely<StoreSchema>, ingestId: number, estimates: readonly ObjectMassEstimate[]): Promise<number> {
  const rows: ObjectMassEstimateTable[] = estimates.map((e) => ({
    ingest_id: ingestId,
    catalog_number: e.catalogNumber,
    mass_kg: e.massKg,
    mass_sigma_kg: e.massSigmaKg,
    mass_source: e.massSource,
    hbr_m: e.hbrM,
    hbr_sigma_m: e.hbrSigmaM,
    hbr_source: e.hbrSource,
  }));
  return insertInChunks(trx, "object_mass_estimates", rows);
}

/**
 * The succeeded mass-estimate ingest whose data is newest (latest `data_as_of`, then latest id), or null when none
 * was ingested. Older ingests stay stored; figures use this one.
 */
export async function newestMassEstimateIngest(db: Kysely<StoreSchema>): Promise<IngestRecord | null> {
  const row = await db
    .selectFrom("ingests")
    .select("id")
    .where("status", "=", "succeeded")
    .where("format", "=", MASS_ESTIMATE_FORMAT)
    .orderBy(sql`coalesce(data_as_of, '')`, "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : getIngest(db, Number(row.id));
}

/** Every estimate of one ingest, by catalog number (of some catalog numbers only, with `catalogNumbers`). */
export async function listObjectMassEstimates(db: Kysely<StoreSchema>, ingestId: number, catalogNumbers?: ReadonlySet<number>): Promise<ObjectMassEstimate[]> {
  const rows = await db.selectFrom("object_mass_estimates").selectAll().where("ingest_id", "=", ingestId).orderBy("catalog_number").execute();
  const wanted = catalogNumbers === undefined ? rows : rows.filter((r) => catalogNumbers.has(Number(r.catalog_number)));
  return wanted.map(toEstimate);
}

/** How many objects one ingest lists, and how many of them with a mass. */
export async function countObjectMassEstimates(db: Kysely<StoreSchema>, ingestId: number): Promise<{ listed: number; withMass: number }> {
  const row = await db
    .selectFrom("object_mass_estimates")
    .where("ingest_id", "=", ingestId)
    .select((eb) => [eb.fn.countAll<number>().as("listed"), eb.fn.count<number>("mass_kg").as("with_mass")])
    .executeTakeFirstOrThrow();
  return { listed: Number(row.listed), withMass: Number(row.with_mass) };
}

function toEstimate(row: Selectable<ObjectMassEstimateTable>): ObjectMassEstimate {
  return {
    catalogNumber: Number(row.catalog_number),
    massKg: row.mass_kg,
    massSigmaKg: row.mass_sigma_kg,
    massSource: row.mass_source,
    hbrM: row.hbr_m,
    hbrSigmaM: row.hbr_sigma_m,
    hbrSource: row.hbr_source,
  };
}
