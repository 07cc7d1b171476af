import { sql } from "kysely";
import type { ExpressionBuilder, Kysely } from "kysely";
import type { StoreSchema } from "./schema.ts";

/**
 * Counts of the catalog behind a state's conduct in orbit: objects by attributed actor, type and regime; launches per
 * year; debris per parent launch; active payloads. Portable SQL (SQLite and PostgreSQL); each figure split into on
 * orbit (no decay date) and decayed. `actorCodes` absent: every actor.
 */

/** Objects of one actor, type and regime. */
export interface ObjectTypeRegimeCount {
  readonly actorCode: string;
  readonly objectType: string;
  readonly orbitRegime: string;
  readonly total: number;
  readonly onOrbit: number;
}

/** Launches in one year with at least one object attributed to the actor (year and launch from the designator). */
export interface LaunchYearCount {
  readonly actorCode: string;
  readonly year: number;
  /** Distinct launch designators (`YYYY-NNN`). */
  readonly launches: number;
  /** Payloads of the actor launched that year. */
  readonly payloads: number;
}

/** Debris pieces of one actor from one parent launch. */
export interface DebrisLaunchCount {
  readonly actorCode: string;
  readonly launchDesignator: string;
  readonly total: number;
  readonly onOrbit: number;
}

export interface ActorCount {
  readonly actorCode: string;
  readonly count: number;
}

const IN_LIST_CHUNK = 500;
/** A full international designator `YYYY-NNN…` (objects known only from a TLE may have none or the short form). */
const FULL_DESIGNATOR = "____-___%";
const LAUNCH = sql<string>`substr(international_designator, 1, 8)`;
const YEAR = sql<string>`substr(international_designator, 1, 4)`;
const ON_ORBIT = sql<number>`sum(case when decay_date is null then 1 else 0 end)`;

function forActors(eb: ExpressionBuilder<StoreSchema, "space_objects">, actorCodes: readonly string[] | undefined) {
  return actorCodes === undefined ? eb.lit(true) : eb("actor_code", "in", actorCodes.length === 0 ? [""] : [...actorCodes]);
}

export async function countObjectsByTypeAndRegime(db: Kysely<StoreSchema>, actorCodes?: readonly string[]): Promise<ObjectTypeRegimeCount[]> {
  const rows = await db
    .selectFrom("space_objects")
    .where((eb) => forActors(eb, actorCodes))
    .select((eb) => ["actor_code", "object_type", "orbit_regime", eb.fn.countAll<number>().as("total"), ON_ORBIT.as("on_orbit")])
    .groupBy(["actor_code", "object_type", "orbit_regime"])
    .orderBy("actor_code")
    .orderBy("object_type")
    .orderBy("orbit_regime")
    .execute();
  return rows.map((r) => ({ actorCode: r.actor_code, objectType: r.object_type, orbitRegime: r.orbit_regime, total: Number(r.total), onOrbit: Number(r.on_orbit) }));
}

export async function countLaunchesByYear(db: Kysely<StoreSchema>, actorCodes?: readonly string[]): Promise<LaunchYearCount[]> {
  const rows = await db
    .selectFrom("space_objects")
    .where((eb) => eb.and([forActors(eb, actorCodes), eb("international_designator", "like", FULL_DESIGNATOR)]))
    .select([
      "actor_code",
      YEAR.as("year"),
      sql<number>`count(distinct ${LAUNCH})`.as("launches"),
      sql<number>`sum(case when object_type = 'PAYLOAD' then 1 else 0 end)`.as("payloads"),
    ])
    .groupBy(["actor_code", YEAR])
    .orderBy("actor_code")
    .orderBy(YEAR)
    .execute();
  return rows.map((r) => ({ actorCode: r.actor_code, year: Number(r.year), launches: Number(r.launches), payloads: Number(r.payloads) }));
}

/** Debris per actor and parent launch: of the given actors, or (with `launches`) from the given launches whoever they are attributed to. */
export async function countDebrisByLaunch(
  db: Kysely<StoreSchema>,
  filter: { readonly actorCodes?: readonly string[]; readonly launches?: readonly string[] },
): Promise<DebrisLaunchCount[]> {
  const launchLists =
    filter.launches === undefined ? [undefined] : chunks([...new Set(filter.launches)], IN_LIST_CHUNK);
  const result: DebrisLaunchCount[] = [];
  for (const launches of launchLists) {
    if (launches !== undefined && launches.length === 0) continue;
    const rows = await db
      .selectFrom("space_objects")
      .where((eb) =>
        eb.and([
          forActors(eb, filter.actorCodes),
          eb("object_type", "=", "DEBRIS"),
          eb("international_designator", "like", FULL_DESIGNATOR),
          launches === undefined ? eb.lit(true) : eb(LAUNCH, "in", launches),
        ]),
      )
      .select((eb) => ["actor_code", LAUNCH.as("launch"), eb.fn.countAll<number>().as("total"), ON_ORBIT.as("on_orbit")])
      .groupBy(["actor_code", LAUNCH])
      .orderBy("actor_code")
      .orderBy(LAUNCH)
      .execute();
    for (const r of rows) result.push({ actorCode: r.actor_code, launchDesignator: r.launch, total: Number(r.total), onOrbit: Number(r.on_orbit) });
  }
  return result;
}

/**
 * Active payloads per actor (see catalog/active-payload.ts): a PAYLOAD whose operational status is one of
 * `activeStatusCodes`, or any object the active-set ingest lists.
 */
export async function countActiveByActor(
  db: Kysely<StoreSchema>,
  options: { readonly activeStatusCodes: readonly string[]; readonly activeSetIngestId: number | null; readonly actorCodes?: readonly string[] },
): Promise<ActorCount[]> {
  const rows = await db
    .selectFrom("space_objects")
    .where((eb) =>
      eb.and([
        forActors(eb, options.actorCodes),
        eb.or([
          eb.and([eb("object_type", "=", "PAYLOAD"), eb(sql<string>`trim(operational_status)`, "in", [...options.activeStatusCodes])]),
          options.activeSetIngestId === null
            ? eb.lit(false)
            : eb("catalog_number", "in", eb.selectFrom("active_set_members").select("catalog_number").where("ingest_id", "=", options.activeSetIngestId)),
        ]),
      ]),
    )
    .select((eb) => ["actor_code", eb.fn.countAll<number>().as("count")])
    .groupBy("actor_code")
    .orderBy("actor_code")
    .execute();
  return rows.map((r) => ({ actorCode: r.actor_code, count: Number(r.count) }));
}

/** How many payloads carry an operational status (a Space-Track SATCAT carries none; CelesTrak's does). */
export async function countPayloadsWithOperationalStatus(db: Kysely<StoreSchema>): Promise<number> {
  const row = await db
    .selectFrom("space_objects")
    .where("object_type", "=", "PAYLOAD")
    .where("operational_status", "is not", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
