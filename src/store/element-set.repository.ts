import type { Kysely, Selectable } from "kysely";
import type { ElementSetFormat, MeanElements } from "../orbit/mean-elements.ts";
import { insertInChunks } from "./chunked-insert.ts";
import type { ElementSetTable, StoreSchema } from "./schema.ts";

/** A stored element set: the mean elements plus the format it arrived in and the ingest that stored it. */
export interface StoredElementSet extends MeanElements {
  readonly id: number;
  readonly format: ElementSetFormat;
  readonly ingestId: number;
}

/** The row an element set is stored as (every OMM mean element, its format and its ingest). */
export function toElementSetRow(set: MeanElements, format: ElementSetFormat, ingestId: number): Omit<ElementSetTable, "id"> {
  return {
    catalog_number: set.catalogNumber,
    epoch: set.epoch,
    epoch_ms: set.epochMs,
    mean_motion_rev_per_day: set.meanMotionRevPerDay,
    eccentricity: set.eccentricity,
    inclination_deg: set.inclinationDeg,
    ra_of_asc_node_deg: set.raOfAscNodeDeg,
    arg_of_pericenter_deg: set.argOfPericenterDeg,
    mean_anomaly_deg: set.meanAnomalyDeg,
    bstar_per_earth_radii: set.bstarPerEarthRadii,
    mean_motion_dot_rev_per_day2: set.meanMotionDotRevPerDay2,
    mean_motion_ddot_rev_per_day3: set.meanMotionDdotRevPerDay3,
    ephemeris_type: set.ephemerisType,
    classification_type: set.classificationType,
    element_set_number: set.elementSetNumber,
    rev_at_epoch: set.revAtEpoch,
    object_name: set.objectName,
    object_id: set.objectId,
    format,
    ingest_id: ingestId,
  };
}

/**
 * Stores element sets as history. A set already stored (same catalog number and epoch) is skipped, in the store or
 * repeated within `sets`, and counted as a duplicate. Every set's object must already be stored (insert objects first).
 */
export async function insertElementSets(
  trx: Kysely<StoreSchema>,
  sets: readonly MeanElements[],
  format: ElementSetFormat,
  ingestId: number,
): Promise<{ inserted: number; duplicates: number }> {
  const rows = sets.map((set) => toElementSetRow(set, format, ingestId));
  const inserted = await insertInChunks(trx, "element_sets", rows, (insert) =>
    insert
      .onConflict((oc) => oc.columns(["catalog_number", "epoch"]).doNothing()),
  );
  return { inserted, duplicates: rows.length - inserted };
}

/** An object's element sets, newest epoch first (all of them, or the newest `limit`). */
export async function listElementHistory(
  db: Kysely<StoreSchema>,
  catalogNumber: number,
  limit?: number,
): Promise<StoredElementSet[]> {
  let query = db
    .selectFrom("element_sets")
    .selectAll()
    .where("catalog_number", "=", catalogNumber)
    .orderBy("epoch_ms", "desc");
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map(toStoredElementSet);
}

/** An object's newest element set, or its newest at or before `atOrBeforeMs`; null when there is none. */
export async function latestElementSet(
  db: Kysely<StoreSchema>,
  catalogNumber: number,
  atOrBeforeMs?: number,
): Promise<StoredElementSet | null> {
  let query = db.selectFrom("element_sets").selectAll().where("catalog_number", "=", catalogNumber);
  if (atOrBeforeMs !== undefined) query = query.where("epoch_ms", "<=", atOrBeforeMs);
  const row = await query.orderBy("epoch_ms", "desc").limit(1).executeTakeFirst();
  return row === undefined ? null : toStoredElementSet(row);
}

export interface LatestElementSetsOptions {
  /** Only sets with an epoch at or before this instant (the state of knowledge at that time). */
  readonly atOrBeforeMs?: number;
  /** Leave out objects with a decay date (default false). */
  readonly excludeDecayed?: boolean;
}

/**
 * The newest element set of every object that has one, by catalog number: the input of whole-catalog propagation.
 * One query; about 40,000 sets come back in well under a second.
 */
export async function latestElementSets(
  db: Kysely<StoreSchema>,
  options: LatestElementSetsOptions = {},
): Promise<StoredElementSet[]> {
  const { atOrBeforeMs, excludeDecayed = false } = options;
  let newest = db
    .selectFrom("element_sets")
    .select((eb) => ["catalog_number", eb.fn.max("epoch_ms").as("max_epoch_ms")])
    .groupBy("catalog_number");
  if (atOrBeforeMs !== undefined) newest = newest.where("epoch_ms", "<=", atOrBeforeMs);
  let query = db
    .selectFrom("element_sets as e")
    .innerJoin(newest.as("n"), (join) =>
      join.onRef("n.catalog_number", "=", "e.catalog_number").onRef("n.max_epoch_ms", "=", "e.epoch_ms"),
    )
    .selectAll("e");
  if (excludeDecayed) {
    query = query
      .innerJoin("space_objects as o", "o.catalog_number", "e.catalog_number")
      .where("o.decay_date", "is", null);
  }
  const rows = await query.orderBy("e.catalog_number").orderBy("e.id", "desc").execute();
  // Two epoch strings of one object can only share epoch_ms if written differently; keep one set per object.
  const sets: StoredElementSet[] = [];
  for (const row of rows) {
    if (sets.at(-1)?.catalogNumber !== row.catalog_number) sets.push(toStoredElementSet(row));
  }
  return sets;
}

function toStoredElementSet(row: Selectable<ElementSetTable>): StoredElementSet {
  return {
    id: row.id,
    catalogNumber: row.catalog_number,
    objectName: row.object_name,
    objectId: row.object_id,
    epoch: row.epoch,
    epochMs: row.epoch_ms,
    meanMotionRevPerDay: row.mean_motion_rev_per_day,
    eccentricity: row.eccentricity,
    inclinationDeg: row.inclination_deg,
    raOfAscNodeDeg: row.ra_of_asc_node_deg,
    argOfPericenterDeg: row.arg_of_pericenter_deg,
    meanAnomalyDeg: row.mean_anomaly_deg,
    bstarPerEarthRadii: row.bstar_per_earth_radii,
    meanMotionDotRevPerDay2: row.mean_motion_dot_rev_per_day2,
    meanMotionDdotRevPerDay3: row.mean_motion_ddot_rev_per_day3,
    ephemerisType: row.ephemeris_type,
    classificationType: row.classification_type,
    elementSetNumber: row.element_set_number,
    revAtEpoch: row.rev_at_epoch,
    format: row.format as ElementSetFormat,
    ingestId: row.ingest_id,
  };
}

/**
 * The oldest element set with an epoch after `afterMs` and at or before `untilMs` of every object that has one, by
 * catalog number: for objects first seen during an analysis window (with `latestElementSets(db, { atOrBeforeMs })`,
 * this gives each object the set nearest the window start).
 */
export async function earliestElementSetsAfter(db: Kysely<StoreSchema>, afterMs: number, untilMs: number): Promise<StoredElementSet[]> {
  const oldest = db
    .selectFrom("element_sets")
    .select((eb) => ["catalog_number", eb.fn.min("epoch_ms").as("min_epoch_ms")])
    .where("epoch_ms", ">", afterMs)
    .where("epoch_ms", "<=", untilMs)
    .groupBy("catalog_number");
  const rows = await db
    .selectFrom("element_sets as e")
    .innerJoin(oldest.as("o"), (join) => join.onRef("o.catalog_number", "=", "e.catalog_number").onRef("o.min_epoch_ms", "=", "e.epoch_ms"))
    .selectAll("e")
    .orderBy("e.catalog_number")
    .orderBy("e.id")
    .execute();
  const sets: StoredElementSet[] = [];
  for (const row of rows) {
    if (sets.at(-1)?.catalogNumber !== row.catalog_number) sets.push(toStoredElementSet(row));
  }
  return sets;
}
