import type { Kysely } from "kysely";
import { NotFoundError } from "../core/concord-error.ts";
import { LIFETIME_MODEL_NAME, estimateLifetime } from "../orbit/lifetime/estimate-lifetime.ts";
import type { LifetimeStatus } from "../orbit/lifetime/estimate-lifetime.ts";
import { calibrationForAnalysis } from "../orbit/lifetime/lifetime-calibration.ts";
import { buildLifetimeScenarios } from "../orbit/lifetime/lifetime-scenarios.ts";
import { listElementHistory } from "../store/element-set.repository.ts";
import { getIngest } from "../store/ingest.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { getObject } from "../store/space-object.repository.ts";
import { listSpaceWeatherDays, newestSpaceWeatherIngest } from "../store/space-weather.repository.ts";
import { NO_SPACE_WEATHER } from "./compliance.service.ts";
import { MAINTAINED_LIFETIME_NOTE, objectMaintenance } from "./object-maintenance.service.ts";
import type { ObjectMaintenance } from "./object-maintenance.service.ts";

const HORIZON_YEARS = 200;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface ObjectLifetime {
  readonly catalogNumber: number;
  readonly name: string | null;
  readonly analysisDate: string;
  readonly model: string;
  readonly calibration: string;
  readonly elementSet: { readonly epoch: string; readonly ageDays: number; readonly ingestId: number; readonly source: string | null };
  readonly spaceWeather: { readonly ingestId: number; readonly source: string; readonly observedThrough: string | null };
  readonly status: LifetimeStatus;
  readonly reentry: string | null;
  readonly earliest: string | null;
  readonly latest: string | null;
  readonly remainingYears: number | null;
  readonly perigeeKm: number;
  readonly apogeeKm: number;
  /** Whether the object is operating (maintained), on what basis, and the note its lifetime then carries. */
  readonly maintenance: ObjectMaintenance & { readonly note: string | null };
}

/** One object's remaining lifetime from the store (forecast mode; history fit from earlier sets), as `concord lifetime` computes it. */
export async function loadObjectLifetime(db: Kysely<StoreSchema>, catalogNumber: number, analysisMs: number): Promise<ObjectLifetime> {
  const history = (await listElementHistory(db, catalogNumber)).filter((s) => s.epochMs <= analysisMs);
  const latest = history[0];
  if (latest === undefined) throw new NotFoundError("element set", `no element set of ${catalogNumber} at or before ${new Date(analysisMs).toISOString()}`);
  const weather = await newestSpaceWeatherIngest(db);
  if (weather === null) throw new NotFoundError("space weather", NO_SPACE_WEATHER);
  const days = await listSpaceWeatherDays(db, weather.ingest.id);
  const earlier = history.slice(1);
  const earliestEpochMs = earlier.reduce((min, s) => Math.min(min, s.epochMs), latest.epochMs);
  const calibration = calibrationForAnalysis(analysisMs);
  const scenarios = buildLifetimeScenarios(days, { mode: "forecast", analysisMs, earliestEpochMs, horizonYears: HORIZON_YEARS, calibration });
  const e = estimateLifetime({ elements: latest, history: earlier, analysisMs, horizonYears: HORIZON_YEARS }, scenarios);
  const [object, ingest] = await Promise.all([getObject(db, catalogNumber), getIngest(db, latest.ingestId)]);
  const maintenance = await objectMaintenance(db, object);
  return {
    catalogNumber,
    name: object?.name ?? latest.objectName,
    analysisDate: new Date(analysisMs).toISOString(),
    model: LIFETIME_MODEL_NAME,
    calibration: calibration.name,
    elementSet: { epoch: latest.epoch, ageDays: (analysisMs - latest.epochMs) / 86_400_000, ingestId: latest.ingestId, source: ingest?.source ?? null },
    spaceWeather: { ingestId: weather.ingest.id, source: weather.ingest.source, observedThrough: scenarios.nominal.provenance.observedThrough },
    status: e.status,
    reentry: iso(e.reentryMs),
    earliest: iso(e.earliestMs),
    latest: iso(e.latestMs),
    remainingYears: e.remainingYears,
    perigeeKm: e.perigeeKm,
    apogeeKm: e.apogeeKm,
    maintenance: { ...maintenance, note: maintenance.operating === true ? MAINTAINED_LIFETIME_NOTE : null },
  };
}
