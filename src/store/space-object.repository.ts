import { sql } from "kysely";
import type { Kysely, Selectable } from "kysely";
import type { ObjectType, RcsSize, SatcatRecord } from "../catalog/satcat-record.ts";
import { insertInChunks } from "./chunked-insert.ts";
import type { Page, PageOf } from "./page.ts";
import type { RecordOrigin, SpaceObjectTable, StoreSchema } from "./schema.ts";
import { objectFilterCondition } from "./space-object-filter.ts";
import type { ObjectFilter } from "./space-object-filter.ts";

/** A SATCAT record with the two derived columns the caller computed (attribution and orbit regime). */
export type SatcatObjectInput = SatcatRecord & { readonly actorCode: string; readonly orbitRegime: string };

/** An object known only from an element set: what the set and its orbit tell about it. */
export interface ElementSetObjectInput {
  readonly catalogNumber: number;
  readonly name: string | null;
  readonly internationalDesignator: string | null;
  readonly objectType: ObjectType;
  readonly perigeeKm: number | null;
  readonly apogeeKm: number | null;
  readonly inclinationDeg: number | null;
  readonly periodMin: number | null;
  readonly actorCode: string;
  readonly orbitRegime: string;
}

/** A stored space object: its SATCAT fields, derived attribution and regime, and provenance. */
export interface SpaceObjectRecord extends SatcatRecord {
  readonly actorCode: string;
  readonly orbitRegime: string;
  readonly recordOrigin: RecordOrigin;
  readonly firstIngestId: number;
  readonly lastIngestId: number;
}

export type ObjectGrouping = "actor" | "owner" | "regime" | "type" | "launch-year";

/** Objects per group: `key` is the actor, owner code, regime, type or launch year (null where unknown). */
export interface ObjectGroupCount {
  readonly key: string | null;
  readonly count: number;
  readonly onOrbit: number;
  readonly decayed: number;
}

/**
 * Inserts or overwrites SATCAT objects (origin `satcat`); an object first known from an element set becomes a SATCAT
 * object. Keeps `first_ingest_id`, sets `last_ingest_id`. A catalog number repeated in `rows` counts once (last wins).
 */
export async function upsertSatcatObjects(
  trx: Kysely<StoreSchema>,
  rows: readonly SatcatObjectInput[],
  ingestId: number,
): Promise<{ inserted: number; updated: number }> {
  const byNumber = new Map<number, SpaceObjectTable>();
  for (const row of rows) {
    byNumber.set(row.catalogNumber, {
      catalog_number: row.catalogNumber,
      international_designator: row.internationalDesignator,
      name: row.name,
      object_type: row.objectType,
      owner_code: row.ownerCode,
      launch_date: row.launchDate,
      launch_site: row.launchSite,
      decay_date: row.decayDate,
      period_min: row.periodMin,
      inclination_deg: row.inclinationDeg,
      apogee_km: row.apogeeKm,
      perigee_km: row.perigeeKm,
      rcs_size: row.rcsSize,
      operational_status: row.operationalStatus,
      actor_code: row.actorCode,
      orbit_regime: row.orbitRegime,
      record_origin: "satcat",
      first_ingest_id: ingestId,
      last_ingest_id: ingestId,
    });
  }
  const unique = [...byNumber.values()];
  const before = await countAllObjects(trx);
  await insertInChunks(trx, "space_objects", unique, (insert) =>
    insert
      .onConflict((oc) =>
        oc.column("catalog_number").doUpdateSet((eb) => ({
          international_designator: eb.ref("excluded.international_designator"),
          name: eb.ref("excluded.name"),
          object_type: eb.ref("excluded.object_type"),
          owner_code: eb.ref("excluded.owner_code"),
          launch_date: eb.ref("excluded.launch_date"),
          launch_site: eb.ref("excluded.launch_site"),
          decay_date: eb.ref("excluded.decay_date"),
          period_min: eb.ref("excluded.period_min"),
          inclination_deg: eb.ref("excluded.inclination_deg"),
          apogee_km: eb.ref("excluded.apogee_km"),
          perigee_km: eb.ref("excluded.perigee_km"),
          rcs_size: eb.ref("excluded.rcs_size"),
          operational_status: eb.ref("excluded.operational_status"),
          actor_code: eb.ref("excluded.actor_code"),
          orbit_regime: eb.ref("excluded.orbit_regime"),
          record_origin: eb.ref("excluded.record_origin"),
          last_ingest_id: eb.ref("excluded.last_ingest_id"),
        })),
      ),
  );
  const inserted = (await countAllObjects(trx)) - before;
  return { inserted, updated: unique.length - inserted };
}

/**
 * Inserts objects known only from element sets (origin `element-set`) where no row exists yet; an existing object,
 * SATCAT or not, is left as it is. Returns how many were inserted.
 */
export async function insertElementSetObjects(
  trx: Kysely<StoreSchema>,
  rows: readonly ElementSetObjectInput[],
  ingestId: number,
): Promise<number> {
  const values: SpaceObjectTable[] = rows.map((row) => ({
    catalog_number: row.catalogNumber,
    international_designator: row.internationalDesignator,
    name: row.name,
    object_type: row.objectType,
    owner_code: null,
    launch_date: null,
    launch_site: null,
    decay_date: null,
    period_min: row.periodMin,
    inclination_deg: row.inclinationDeg,
    apogee_km: row.apogeeKm,
    perigee_km: row.perigeeKm,
    rcs_size: null,
    operational_status: null,
    actor_code: row.actorCode,
    orbit_regime: row.orbitRegime,
    record_origin: "element-set",
    first_ingest_id: ingestId,
    last_ingest_id: ingestId,
  }));
  return insertInChunks(trx, "space_objects", values, (insert) =>
    insert
      .onConflict((oc) => oc.column("catalog_number").doNothing()),
  );
}

/** Objects matching `filter`, by catalog number, one page of them, with the total number of matches. */
export async function listObjects(db: Kysely<StoreSchema>, filter: ObjectFilter, page: Page): Promise<PageOf<SpaceObjectRecord>> {
  const totalRow = await db
    .selectFrom("space_objects")
    .where((eb) => objectFilterCondition(eb, filter))
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("space_objects")
    .where((eb) => objectFilterCondition(eb, filter))
    .selectAll()
    .orderBy("catalog_number")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(totalRow.total), items: rows.map(toSpaceObjectRecord) };
}

/** One object by catalog number, or null when the store has none. */
export async function getObject(db: Kysely<StoreSchema>, catalogNumber: number): Promise<SpaceObjectRecord | null> {
  const row = await db.selectFrom("space_objects").selectAll().where("catalog_number", "=", catalogNumber).executeTakeFirst();
  return row === undefined ? null : toSpaceObjectRecord(row);
}

/** How many objects there are in all (0 on an empty store). */
export async function countAllObjects(db: Kysely<StoreSchema>): Promise<number> {
  const row = await db
    .selectFrom("space_objects")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

const GROUP_KEYS: Record<ObjectGrouping, ReturnType<typeof sql<string | null>>> = {
  actor: sql<string | null>`actor_code`,
  owner: sql<string | null>`owner_code`,
  regime: sql<string | null>`orbit_regime`,
  type: sql<string | null>`object_type`,
  "launch-year": sql<string | null>`substr(launch_date, 1, 4)`,
};

/** Objects matching `filter` per group, with on-orbit and decayed counts; largest groups first, then by key, null key last. */
export async function countObjects(
  db: Kysely<StoreSchema>,
  groupBy: ObjectGrouping,
  filter: ObjectFilter = {},
): Promise<ObjectGroupCount[]> {
  const key = GROUP_KEYS[groupBy];
  const rows = await db
    .selectFrom("space_objects")
    .where((eb) => objectFilterCondition(eb, filter))
    .select((eb) => [
      key.as("key"),
      eb.fn.countAll<number>().as("count"),
      sql<number>`sum(case when decay_date is null then 1 else 0 end)`.as("on_orbit"),
    ])
    .groupBy(key)
    .orderBy("count", "desc")
    // Unknown keys last on both dialects (SQLite sorts NULL first, PostgreSQL last).
    .orderBy(sql`case when ${key} is null then 1 else 0 end`)
    .orderBy("key")
    .execute();
  return rows.map((row) => {
    const count = Number(row.count);
    const onOrbit = Number(row.on_orbit);
    return { key: row.key, count, onOrbit, decayed: count - onOrbit };
  });
}

function toSpaceObjectRecord(row: Selectable<SpaceObjectTable>): SpaceObjectRecord {
  return {
    catalogNumber: row.catalog_number,
    internationalDesignator: row.international_designator,
    name: row.name,
    objectType: row.object_type as ObjectType,
    ownerCode: row.owner_code,
    launchDate: row.launch_date,
    launchSite: row.launch_site,
    decayDate: row.decay_date,
    periodMin: row.period_min,
    inclinationDeg: row.inclination_deg,
    apogeeKm: row.apogee_km,
    perigeeKm: row.perigee_km,
    rcsSize: row.rcs_size as RcsSize | null,
    operationalStatus: row.operational_status,
    actorCode: row.actor_code,
    orbitRegime: row.orbit_regime,
    recordOrigin: row.record_origin,
    firstIngestId: row.first_ingest_id,
    lastIngestId: row.last_ingest_id,
  };
}
