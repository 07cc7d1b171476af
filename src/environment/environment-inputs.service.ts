import type { Kysely } from "kysely";
import { toIngestRef } from "../catalog/data-as-of.ts";
import type { IngestRef } from "../catalog/data-as-of.ts";
import { activeSetMembers, newestActiveSetIngest } from "../store/active-set.repository.ts";
import type { ActiveSetRef } from "../store/active-set.repository.ts";
import { earliestElementSetsAfter, latestElementSets } from "../store/element-set.repository.ts";
import type { StoredElementSet } from "../store/element-set.repository.ts";
import { listEnvironmentObjects } from "../store/environment-objects.queries.ts";
import { getIngest } from "../store/ingest.repository.ts";
import { newestSucceededIngest } from "../store/latest-ingest.queries.ts";
import type { StoreSchema } from "../store/schema.ts";
import { listSpaceWeatherDays, newestSpaceWeatherIngest } from "../store/space-weather.repository.ts";
import type { SpaceWeatherRecord } from "./space-weather-record.ts";
import type { AssessedOrbit } from "./disposal-assessment.ts";
import { orbitOfElements } from "./element-orbit.ts";
import type { EnvironmentObject } from "./environment-object.ts";

const STALE_DAYS = 30;
const DAY_MS = 86_400_000;

/** The sources an environment result used, as it cites them. */
export interface EnvironmentSources {
  readonly analysisDate: string;
  readonly satcat: IngestRef | null;
  readonly elementSets: {
    readonly ingests: readonly (IngestRef & { readonly setsUsed: number })[];
    readonly objectsWithSets: number;
    readonly epochMin: string | null;
    readonly epochMax: string | null;
    /** Sets more than 30 days older than the analysis date. */
    readonly staleSets: number;
  };
  readonly spaceWeather: { readonly ingestId: number; readonly source: string; readonly sha256: string | null; readonly observedTo: string | null } | null;
  readonly activeSet: ActiveSetRef | null;
  /** How "mission ended" was decided (see compliance-analysis.ts), in words. */
  readonly endOfMission: string;
  readonly payloadsWithOperationalStatus: number;
}

export interface EnvironmentInputs {
  readonly analysisMs: number;
  readonly objects: EnvironmentObject[];
  readonly latest: Map<number, StoredElementSet>;
  readonly orbits: Map<number, AssessedOrbit>;
  readonly operationalOrbits: Map<number, AssessedOrbit>;
  readonly activeSet: Set<number> | null;
  readonly spaceWeatherDays: SpaceWeatherRecord[] | null;
  readonly sources: EnvironmentSources;
}

/** How end of mission is decided for the data at hand, in words. */
export function endOfMissionStatement(payloadsWithStatus: number, activeSet: ActiveSetRef | null): string {
  const status = payloadsWithStatus > 0 ? `the SATCAT's operational status for the ${payloadsWithStatus} payloads that carry one` : null;
  const active = activeSet !== null ? `absence from the active set of ingest #${activeSet.ingestId} (${activeSet.source}, as of ${activeSet.dataAsOf ?? "?"})` : null;
  if (status === null && active === null) return "no operational status and no active set: every payload is treated as ended (flagged assumed-no-status-no-active-set)";
  return `rocket bodies end at launch; a payload has ended by ${[status, active].filter((s) => s !== null).join(", else by ")}`;
}

/**
 * Everything the environment analytics read from the store, as of `analysisMs`: objects (optionally one set of actors),
 * the newest element set at or before it and the oldest (operational-orbit proxy), the newest active set, the
 * space-weather days, and the sources to cite.
 */
export async function loadEnvironmentInputs(db: Kysely<StoreSchema>, analysisMs: number, actorCodes?: readonly string[]): Promise<EnvironmentInputs> {
  const [objects, latestSets, earliestSets, satcat, activeRef, weather] = await Promise.all([
    listEnvironmentObjects(db, actorCodes),
    latestElementSets(db, { atOrBeforeMs: analysisMs }),
    earliestElementSetsAfter(db, Number.MIN_SAFE_INTEGER, analysisMs),
    newestSucceededIngest(db, "satcat"),
    newestActiveSetIngest(db),
    newestSpaceWeatherIngest(db),
  ]);
  const wanted = actorCodes === undefined ? null : new Set(objects.map((o) => o.catalogNumber));
  const latest = new Map(latestSets.filter((s) => wanted === null || wanted.has(s.catalogNumber)).map((s) => [s.catalogNumber, s]));
  const orbits = new Map([...latest].map(([n, s]) => [n, orbitOfElements(s)]));
  const operationalOrbits = new Map<number, AssessedOrbit>();
  for (const s of earliestSets) {
    const newest = latest.get(s.catalogNumber);
    if (newest !== undefined && newest.id !== s.id) operationalOrbits.set(s.catalogNumber, orbitOfElements(s));
  }
  const activeSet = activeRef === null ? null : await activeSetMembers(db, activeRef.ingestId);
  const spaceWeatherDays = weather === null ? null : await listSpaceWeatherDays(db, weather.ingest.id);
  const ingestCounts = new Map<number, number>();
  let epochMin: string | null = null;
  let epochMax: string | null = null;
  let staleSets = 0;
  for (const s of latest.values()) {
    ingestCounts.set(s.ingestId, (ingestCounts.get(s.ingestId) ?? 0) + 1);
    if (epochMin === null || s.epoch < epochMin) epochMin = s.epoch;
    if (epochMax === null || s.epoch > epochMax) epochMax = s.epoch;
    if (analysisMs - s.epochMs > STALE_DAYS * DAY_MS) staleSets++;
  }
  const ingests: (IngestRef & { setsUsed: number })[] = [];
  for (const [id, count] of [...ingestCounts].sort((a, b) => b[1] - a[1])) {
    const ingest = await getIngest(db, id);
    if (ingest !== null) ingests.push({ ...toIngestRef(ingest), setsUsed: count });
  }
  const payloadsWithOperationalStatus = objects.filter((o) => o.objectType === "PAYLOAD" && (o.operationalStatus?.trim() ?? "") !== "").length;
  return {
    analysisMs,
    objects,
    latest,
    orbits,
    operationalOrbits,
    activeSet,
    spaceWeatherDays,
    sources: {
      analysisDate: new Date(analysisMs).toISOString(),
      satcat: satcat === null ? null : toIngestRef(satcat),
      elementSets: { ingests, objectsWithSets: latest.size, epochMin, epochMax, staleSets },
      spaceWeather: weather === null ? null : { ingestId: weather.ingest.id, source: weather.ingest.source, sha256: weather.ingest.sha256, observedTo: weather.coverage.lastObserved },
      activeSet: activeRef,
      endOfMission: endOfMissionStatement(payloadsWithOperationalStatus, activeRef),
      payloadsWithOperationalStatus,
    },
  };
}
