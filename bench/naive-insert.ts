import type { Kysely } from "kysely";
import type { ActorTable } from "../src/catalog/actor-table.ts";
import { deriveElementSetObjects, deriveSatcatObject } from "../src/catalog/derive-object-rows.ts";
import type { ParsedPayload } from "../src/catalog/parse-payload.ts";
import type { SourcePayload } from "../src/sources/source-payload.ts";
import { toElementSetRow } from "../src/store/element-set.repository.ts";
import { createIngest } from "../src/store/ingest.repository.ts";
import type { SpaceObjectTable, StoreSchema } from "../src/store/schema.ts";

/**
 * The baseline of the ingest benchmark: the same rows the ingest service writes, written the naive way, one Kysely
 * `INSERT` per row (built and compiled per row), all in one transaction. `every` > 1 writes only the rows of catalog
 * numbers divisible by `every` (a deterministic subset that keeps every element set's object); `rowsOfAll` is
 * how many rows a full run writes, to scale a subset's time. Rejected records and ingest bookkeeping are left out: they are a few rows.
 */
export async function naiveInsert(
  db: Kysely<StoreSchema>,
  table: ActorTable,
  parsed: readonly { payload: SourcePayload; result: ParsedPayload }[],
  every: number,
): Promise<{ rowsWritten: number; rowsOfAll: number }> {
  let rowsWritten = 0;
  let rowsOfAll = 0;
  const pick = <T extends { readonly catalogNumber: number }>(rows: readonly T[]): T[] =>
    every === 1 ? [...rows] : rows.filter((row) => row.catalogNumber % every === 0);
  await db.transaction().execute(async (trx) => {
    for (const { payload, result } of parsed) {
      const ingestId = await createIngest(trx, {
        source: payload.source,
        sourceKind: payload.sourceKind,
        format: result.format,
        retrievedAt: payload.retrievedAt,
        sha256: payload.sha256,
        bytes: payload.bytes,
      });
      if (result.kind === "satcat") {
        rowsOfAll += result.records.length;
        for (const record of pick(result.records)) {
          const o = deriveSatcatObject(table, record);
          const row: SpaceObjectTable = {
            catalog_number: o.catalogNumber,
            international_designator: o.internationalDesignator,
            name: o.name,
            object_type: o.objectType,
            owner_code: o.ownerCode,
            launch_date: o.launchDate,
            launch_site: o.launchSite,
            decay_date: o.decayDate,
            period_min: o.periodMin,
            inclination_deg: o.inclinationDeg,
            apogee_km: o.apogeeKm,
            perigee_km: o.perigeeKm,
            rcs_size: o.rcsSize,
            operational_status: o.operationalStatus,
            actor_code: o.actorCode,
            orbit_regime: o.orbitRegime,
            record_origin: "satcat",
            first_ingest_id: ingestId,
            last_ingest_id: ingestId,
          };
          const { catalog_number: _key, first_ingest_id: _first, ...update } = row;
          await trx.insertInto("space_objects").values(row).onConflict((oc) => oc.column("catalog_number").doUpdateSet(update)).execute();
          rowsWritten++;
        }
        continue;
      }
      const objects = deriveElementSetObjects(table, result.records);
      rowsOfAll += objects.length + result.records.length;
      for (const o of pick(objects)) {
        const row: SpaceObjectTable = {
          catalog_number: o.catalogNumber,
          international_designator: o.internationalDesignator,
          name: o.name,
          object_type: o.objectType,
          owner_code: null,
          launch_date: null,
          launch_site: null,
          decay_date: null,
          period_min: o.periodMin,
          inclination_deg: o.inclinationDeg,
          apogee_km: o.apogeeKm,
          perigee_km: o.perigeeKm,
          rcs_size: null,
          operational_status: null,
          actor_code: o.actorCode,
          orbit_regime: o.orbitRegime,
          record_origin: "element-set",
          first_ingest_id: ingestId,
          last_ingest_id: ingestId,
        };
        await trx.insertInto("space_objects").values(row).onConflict((oc) => oc.column("catalog_number").doNothing()).execute();
        rowsWritten++;
      }
      for (const set of pick(result.records)) {
        await trx
          .insertInto("element_sets")
          .values(toElementSetRow(set, result.format, ingestId))
          .onConflict((oc) => oc.columns(["catalog_number", "epoch"]).doNothing())
          .execute();
        rowsWritten++;
      }
    }
  });
  return { rowsWritten, rowsOfAll };
}

