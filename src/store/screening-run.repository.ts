import type { Kysely, Selectable } from "kysely";
import type { Vector3 } from "../orbit/propagate.ts";
import type { ConjunctionEvent } from "../screening/conjunction-event.ts";
import type { ElementSetSnapshot } from "../screening/element-set-snapshot.ts";
import { insertInChunks } from "./chunked-insert.ts";
import type { Page, PageOf } from "./page.ts";
import type { ConjunctionEventTable, ScreeningRunTable, StoreSchema } from "./schema.ts";

/** A finished screening run as the service hands it to the store. */
export interface ScreeningRunInput {
  readonly fromMs: number;
  readonly toMs: number;
  readonly thresholdKm: number;
  readonly primariesSelector: string;
  readonly primaries: readonly number[] | null;
  readonly snapshot: ElementSetSnapshot;
  readonly activeSet: { readonly ingestId: number; readonly asOf: string | null } | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly threads: number;
  readonly algorithm: string;
  readonly guarantee: string;
  readonly softwareVersion: string;
  readonly pcNote: string | null;
}

export interface ScreeningRunRecord extends Omit<ScreeningRunInput, "primaries"> {
  readonly id: number;
  readonly primaries: number[] | null;
  readonly status: string;
  readonly eventsCount: number;
}

/** What the run adds to an event: its collision probability and how it was obtained, and which sets were used. */
export interface EventAssessment {
  readonly pc: number | null;
  readonly pcMethod: string | null;
  readonly hbrM: number | null;
  readonly covarianceSource: string | null;
  /** CelesTrak SOCRATES's maximum Pc (100 / 300 / 100 m RTN shape sized for the largest Pc) and its dilution threshold, km. */
  readonly pcMax: number | null;
  readonly dilutionThresholdKm: number | null;
  readonly primaryElementSetId: number | null;
  readonly secondaryElementSetId: number | null;
}

export type AssessedEvent = ConjunctionEvent & EventAssessment;

/** The catalog facts of one object of an event (left-joined: null fields where the object is not stored). */
export interface EventObject {
  readonly catalogNumber: number;
  readonly name: string | null;
  readonly internationalDesignator: string | null;
  readonly objectType: string | null;
  readonly actorCode: string | null;
  readonly ownerCode: string | null;
  readonly rcsSize: string | null;
  readonly operationalStatus: string | null;
}

export interface StoredConjunctionEvent extends AssessedEvent {
  readonly id: number;
  readonly runId: number;
  readonly tca: string;
  readonly primaryObject: EventObject;
  readonly secondaryObject: EventObject;
}

export interface EventFilter {
  /** Either object attributed to this actor. */
  readonly actorCode?: string;
  readonly minPc?: number;
  readonly maxMissKm?: number;
}

/**
 * Stores a finished run and all its events in ONE transaction, so a run is in the store whole or not at all.
 * Returns the run's id.
 */
export async function insertScreeningRun(db: Kysely<StoreSchema>, run: ScreeningRunInput, events: readonly AssessedEvent[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto("screening_runs").values(toRunRow(run, events.length)).returning("id").executeTakeFirstOrThrow();
    const runId = Number(row.id);
    await insertInChunks(trx, "conjunction_events", events.map((event) => toEventRow(runId, event)));
    return runId;
  });
}

/** Every run, newest first. */
export async function listScreeningRuns(db: Kysely<StoreSchema>): Promise<ScreeningRunRecord[]> {
  return (await db.selectFrom("screening_runs").selectAll().orderBy("id", "desc").execute()).map(toRunRecord);
}

export async function getScreeningRun(db: Kysely<StoreSchema>, id: number): Promise<ScreeningRunRecord | null> {
  const row = await db.selectFrom("screening_runs").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toRunRecord(row);
}

/** The most recently stored run, or null when none. */
export async function newestScreeningRun(db: Kysely<StoreSchema>): Promise<ScreeningRunRecord | null> {
  const row = await db.selectFrom("screening_runs").selectAll().orderBy("id", "desc").limit(1).executeTakeFirst();
  return row === undefined ? null : toRunRecord(row);
}

function eventsQuery(db: Kysely<StoreSchema>) {
  return db
    .selectFrom("conjunction_events as e")
    .leftJoin("space_objects as p", "p.catalog_number", "e.primary_catalog_number")
    .leftJoin("space_objects as s", "s.catalog_number", "e.secondary_catalog_number");
}

/** A run's events matching the filter, closest first, one page of them, with the total. */
export async function listRunEvents(db: Kysely<StoreSchema>, runId: number, filter: EventFilter, page: Page): Promise<PageOf<StoredConjunctionEvent>> {
  let query = eventsQuery(db).where("e.run_id", "=", runId);
  if (filter.actorCode !== undefined) {
    const actor = filter.actorCode;
    query = query.where((eb) => eb.or([eb("p.actor_code", "=", actor), eb("s.actor_code", "=", actor)]));
  }
  if (filter.minPc !== undefined) query = query.where("e.pc", ">=", filter.minPc);
  if (filter.maxMissKm !== undefined) query = query.where("e.miss_distance_km", "<=", filter.maxMissKm);
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll("e")
    .select(OBJECT_COLUMNS)
    .orderBy("e.miss_distance_km")
    .orderBy("e.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toStoredEvent) };
}

/** Every event of a run with both objects' facts (for the exposure matrix). */
export async function allRunEvents(db: Kysely<StoreSchema>, runId: number): Promise<StoredConjunctionEvent[]> {
  const rows = await eventsQuery(db).where("e.run_id", "=", runId).selectAll("e").select(OBJECT_COLUMNS).orderBy("e.id").execute();
  return rows.map(toStoredEvent);
}

export async function getConjunctionEvent(db: Kysely<StoreSchema>, eventId: number): Promise<StoredConjunctionEvent | null> {
  const row = await eventsQuery(db).where("e.id", "=", eventId).selectAll("e").select(OBJECT_COLUMNS).executeTakeFirst();
  return row === undefined ? null : toStoredEvent(row);
}

const OBJECT_COLUMNS = [
  "p.name as p_name",
  "p.international_designator as p_designator",
  "p.object_type as p_type",
  "p.actor_code as p_actor",
  "p.owner_code as p_owner",
  "p.rcs_size as p_rcs",
  "p.operational_status as p_status",
  "s.name as s_name",
  "s.international_designator as s_designator",
  "s.object_type as s_type",
  "s.actor_code as s_actor",
  "s.owner_code as s_owner",
  "s.rcs_size as s_rcs",
  "s.operational_status as s_status",
] as const;

type ObjectColumns = {
  [K in "p" | "s" as `${K}_${"name" | "designator" | "type" | "actor" | "owner" | "rcs" | "status"}`]: string | null;
};

function toRunRow(run: ScreeningRunInput, eventsCount: number): Omit<ScreeningRunTable, "id"> {
  return {
    from_time: new Date(run.fromMs).toISOString(),
    to_time: new Date(run.toMs).toISOString(),
    from_ms: run.fromMs,
    to_ms: run.toMs,
    threshold_km: run.thresholdKm,
    primaries_selector: run.primariesSelector,
    primaries: run.primaries === null ? null : JSON.stringify(run.primaries),
    primaries_count: run.primaries?.length ?? run.snapshot.objectCount,
    object_count: run.snapshot.objectCount,
    epoch_min: run.snapshot.epochMin,
    epoch_median: run.snapshot.epochMedian,
    epoch_max: run.snapshot.epochMax,
    max_age_days: run.snapshot.maxAgeDays,
    stale_count: run.snapshot.staleCount,
    element_ingest_ids: JSON.stringify(run.snapshot.ingestIds),
    active_set_ingest_id: run.activeSet?.ingestId ?? null,
    active_set_as_of: run.activeSet?.asOf ?? null,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    duration_ms: run.durationMs,
    status: "succeeded",
    events_count: eventsCount,
    threads: run.threads,
    algorithm: run.algorithm,
    guarantee: run.guarantee,
    software_version: run.softwareVersion,
    pc_note: run.pcNote,
  };
}

function toRunRecord(row: Selectable<ScreeningRunTable>): ScreeningRunRecord {
  return {
    id: Number(row.id),
    fromMs: row.from_ms,
    toMs: row.to_ms,
    thresholdKm: row.threshold_km,
    primariesSelector: row.primaries_selector,
    primaries: row.primaries === null ? null : (JSON.parse(row.primaries) as number[]),
    snapshot: {
      objectCount: row.object_count,
      epochMin: row.epoch_min,
      epochMedian: row.epoch_median,
      epochMax: row.epoch_max,
      maxAgeDays: row.max_age_days,
      staleCount: row.stale_count,
      ingestIds: JSON.parse(row.element_ingest_ids) as number[],
    },
    activeSet: row.active_set_ingest_id === null ? null : { ingestId: row.active_set_ingest_id, asOf: row.active_set_as_of },
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    threads: row.threads,
    algorithm: row.algorithm,
    guarantee: row.guarantee,
    softwareVersion: row.software_version,
    pcNote: row.pc_note,
    status: row.status,
    eventsCount: row.events_count,
  };
}

function toEventRow(runId: number, e: AssessedEvent): Omit<ConjunctionEventTable, "id"> {
  const [pp, pv, sp, sv] = [e.primaryState.positionKm, e.primaryState.velocityKmS, e.secondaryState.positionKm, e.secondaryState.velocityKmS];
  return {
    run_id: runId,
    primary_catalog_number: e.primary,
    secondary_catalog_number: e.secondary,
    tca: new Date(Math.round(e.tcaMs)).toISOString(),
    tca_ms: e.tcaMs,
    miss_distance_km: e.missDistanceKm,
    relative_speed_km_s: e.relativeSpeedKmS,
    miss_r_km: e.missRtnKm[0],
    miss_t_km: e.missRtnKm[1],
    miss_n_km: e.missRtnKm[2],
    relative_velocity_r_km_s: e.relativeVelocityRtnKmS[0],
    relative_velocity_t_km_s: e.relativeVelocityRtnKmS[1],
    relative_velocity_n_km_s: e.relativeVelocityRtnKmS[2],
    primary_x_km: pp[0],
    primary_y_km: pp[1],
    primary_z_km: pp[2],
    primary_vx_km_s: pv[0],
    primary_vy_km_s: pv[1],
    primary_vz_km_s: pv[2],
    secondary_x_km: sp[0],
    secondary_y_km: sp[1],
    secondary_z_km: sp[2],
    secondary_vx_km_s: sv[0],
    secondary_vy_km_s: sv[1],
    secondary_vz_km_s: sv[2],
    primary_element_age_days: e.primaryElementAgeDays,
    secondary_element_age_days: e.secondaryElementAgeDays,
    primary_element_set_id: e.primaryElementSetId,
    secondary_element_set_id: e.secondaryElementSetId,
    pc: e.pc,
    pc_method: e.pcMethod,
    hbr_m: e.hbrM,
    covariance_source: e.covarianceSource,
    pc_max: e.pcMax,
    dilution_threshold_km: e.dilutionThresholdKm,
  };
}

function toStoredEvent(row: Selectable<ConjunctionEventTable> & ObjectColumns): StoredConjunctionEvent {
  const v = (x: number, y: number, z: number): Vector3 => [x, y, z];
  const object = (prefix: "p" | "s", catalogNumber: number): EventObject => ({
    catalogNumber,
    name: row[`${prefix}_name`],
    internationalDesignator: row[`${prefix}_designator`],
    objectType: row[`${prefix}_type`],
    actorCode: row[`${prefix}_actor`],
    ownerCode: row[`${prefix}_owner`],
    rcsSize: row[`${prefix}_rcs`],
    operationalStatus: row[`${prefix}_status`],
  });
  return {
    id: Number(row.id),
    runId: row.run_id,
    primary: row.primary_catalog_number,
    secondary: row.secondary_catalog_number,
    tca: row.tca,
    tcaMs: row.tca_ms,
    missDistanceKm: row.miss_distance_km,
    relativeSpeedKmS: row.relative_speed_km_s,
    missRtnKm: v(row.miss_r_km, row.miss_t_km, row.miss_n_km),
    relativeVelocityRtnKmS: v(row.relative_velocity_r_km_s, row.relative_velocity_t_km_s, row.relative_velocity_n_km_s),
    primaryState: { positionKm: v(row.primary_x_km, row.primary_y_km, row.primary_z_km), velocityKmS: v(row.primary_vx_km_s, row.primary_vy_km_s, row.primary_vz_km_s) },
    secondaryState: {
      positionKm: v(row.secondary_x_km, row.secondary_y_km, row.secondary_z_km),
      velocityKmS: v(row.secondary_vx_km_s, row.secondary_vy_km_s, row.secondary_vz_km_s),
    },
    primaryElementAgeDays: row.primary_element_age_days,
    secondaryElementAgeDays: row.secondary_element_age_days,
    primaryElementSetId: row.primary_element_set_id,
    secondaryElementSetId: row.secondary_element_set_id,
    pc: row.pc,
    pcMethod: row.pc_method,
    hbrM: row.hbr_m,
    covarianceSource: row.covariance_source,
    pcMax: row.pc_max,
    dilutionThresholdKm: row.dilution_threshold_km,
    primaryObject: object("p", row.primary_catalog_number),
    secondaryObject: object("s", row.secondary_catalog_number),
  };
}
