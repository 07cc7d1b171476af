import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError, NotFoundError } from "../../core/concord-error.ts";
import { LIFETIME_MODEL_NAME, estimateLifetime } from "../../orbit/lifetime/estimate-lifetime.ts";
import type { LifetimeEstimate } from "../../orbit/lifetime/estimate-lifetime.ts";
import { CALIBRATIONS, calibrationForAnalysis } from "../../orbit/lifetime/lifetime-calibration.ts";
import { buildLifetimeScenarios } from "../../orbit/lifetime/lifetime-scenarios.ts";
import { listElementHistory } from "../../store/element-set.repository.ts";
import { getIngest } from "../../store/ingest.repository.ts";
import { getObject } from "../../store/space-object.repository.ts";
import { listSpaceWeatherDays, newestSpaceWeatherIngest } from "../../store/space-weather.repository.ts";
import { MAINTAINED_LIFETIME_NOTE, objectMaintenance } from "../../environment/object-maintenance.service.ts";
import type { CliIo } from "../cli-io.ts";
import { writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs, parseInstantFlag, parseIntegerFlag } from "../global-flags.ts";

const MS_PER_DAY = 86_400_000;
/** Element sets older than this at the analysis date are flagged stale. */
const STALE_DAYS = 14;

/**
 * `concord lifetime <catalog-number> [--at ISO] [--mode forecast|hindcast] [--calibration none|cycle-25]
 *  [--horizon-years N] [--json]`
 * Remaining orbital lifetime from the store: the object's latest element set at or before `--at` (default: now),
 * its earlier sets for the ballistic-coefficient fit, and the stored space-weather ingest whose observations reach
 * furthest. `forecast` (default) uses indices up to `--at` only; `hindcast` every stored row.
 */
export async function runLifetime(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "lifetime",
    args,
    { at: { type: "string" }, mode: { type: "string" }, calibration: { type: "string" }, "horizon-years": { type: "string" }, json: { type: "boolean" } },
    true,
  );
  const numberText = positionals[0];
  if (numberText === undefined || !/^\d{1,9}$/.test(numberText) || positionals.length > 1) {
    throw new InvalidInputError("catalog-number", "give one catalog number of up to 9 digits, e.g. `concord lifetime 25544 --at 2026-08-18T00:00:00Z`");
  }
  const catalogNumber = Number(numberText);
  const analysisMs = values.at === undefined ? Date.now() : parseInstantFlag("at", values.at);
  const mode = parseChoiceFlag("mode", values.mode, ["forecast", "hindcast"] as const) ?? "forecast";
  const calibrationName = parseChoiceFlag("calibration", values.calibration, Object.keys(CALIBRATIONS));
  const calibration = calibrationName === undefined ? calibrationForAnalysis(analysisMs) : CALIBRATIONS[calibrationName]!;
  const horizonYears = parseIntegerFlag("horizon-years", values["horizon-years"], 200, 1, 1000);

  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const db = context.database.db;
    const object = await getObject(db, catalogNumber);
    const history = await listElementHistory(db, catalogNumber);
    const usable = history.filter((set) => set.epochMs <= analysisMs);
    const latest = usable[0];
    if (latest === undefined) {
      throw new NotFoundError(
        "element set",
        history.length === 0
          ? `no element set stored for catalog number ${catalogNumber}${object === null ? " (and no such object)" : ""}`
          : `no element set of ${catalogNumber} at or before ${new Date(analysisMs).toISOString()} (the first is ${history[history.length - 1]!.epoch})`,
      );
    }
    const weather = await newestSpaceWeatherIngest(db);
    if (weather === null) throw new NotFoundError("space weather", "no space-weather ingest in the store: run `concord ingest path/to/SW-All.csv` first");
    const days = await listSpaceWeatherDays(db, weather.ingest.id);
    const earlier = usable.slice(1);
    const earliestEpochMs = earlier.reduce((min, set) => Math.min(min, set.epochMs), latest.epochMs);
    const scenarios = buildLifetimeScenarios(days, { mode, analysisMs, earliestEpochMs, horizonYears, calibration });
    const estimate = estimateLifetime({ elements: latest, history: earlier, analysisMs, horizonYears }, scenarios);
    const elementIngest = await getIngest(db, latest.ingestId);
    const maintenance = await objectMaintenance(db, object);
    const ageDays = (analysisMs - latest.epochMs) / MS_PER_DAY;
    const result = {
      catalogNumber,
      name: object?.name ?? latest.objectName,
      objectType: object?.objectType ?? null,
      analysisDate: new Date(analysisMs).toISOString(),
      model: LIFETIME_MODEL_NAME,
      calibration,
      elementSet: {
        epoch: latest.epoch,
        ageDays,
        stale: ageDays > STALE_DAYS,
        format: latest.format,
        ingestId: latest.ingestId,
        source: elementIngest?.source ?? null,
        setsInStore: history.length,
      },
      spaceWeather: {
        ingestId: weather.ingest.id,
        source: weather.ingest.source,
        sha256: weather.ingest.sha256,
        retrievedAt: weather.ingest.retrievedAt,
        observedFrom: weather.coverage.firstObserved,
        observedTo: weather.coverage.lastObserved,
        used: scenarios.nominal.provenance,
      },
      maintenance: { ...maintenance, note: maintenance.operating === true ? MAINTAINED_LIFETIME_NOTE : null },
      lifetime: lifetimeJson(estimate),
    };
    if (values.json) {
      writeJson(io, result);
      return EXIT.ok;
    }
    printLifetime(io, result.name ?? "", estimate, result);
    writeLine(io, maintenance.operating === true ? `Operating per ${maintenance.basis}: ${MAINTAINED_LIFETIME_NOTE}.` : `Not known to be operating (${maintenance.basis}).`);
    if (result.elementSet.stale) io.stderr.write(`warning: the element set is ${ageDays.toFixed(1)} days older than the analysis date\n`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function lifetimeJson(e: LifetimeEstimate) {
  return {
    status: e.status,
    reentry: iso(e.reentryMs),
    earliest: iso(e.earliestMs),
    latest: iso(e.latestMs),
    horizon: iso(e.horizonMs),
    remainingYears: e.remainingYears,
    perigeeKm: e.perigeeKm,
    apogeeKm: e.apogeeKm,
    ballisticCoefficient: e.ballistic,
  };
}

function printLifetime(
  io: CliIo,
  name: string,
  e: LifetimeEstimate,
  result: { analysisDate: string; calibration: { name: string }; elementSet: { epoch: string; ingestId: number; source: string | null }; spaceWeather: { ingestId: number; source: string; used: { mode: string; observedThrough: string | null; meanCycle: { name: string; from: string } } } },
): void {
  const day = (ms: number | null) => (ms === null ? "beyond the horizon" : new Date(ms).toISOString().slice(0, 10));
  writeLine(io, `${e.catalogNumber} ${name} — perigee ${e.perigeeKm.toFixed(0)} km, apogee ${e.apogeeKm.toFixed(0)} km`);
  if (e.status === "beyond-horizon") writeLine(io, `Re-entry: beyond the ${day(e.horizonMs)} horizon (earliest in the band: ${day(e.earliestMs)}).`);
  else {
    writeLine(io, `Re-entry: ${day(e.reentryMs)} (band ${day(e.earliestMs)} to ${day(e.latestMs)}), ${e.remainingYears?.toFixed(2)} years after the analysis date.`);
    if (e.status === "reentered-before-analysis") writeLine(io, "The prediction from this element set puts the re-entry before the analysis date.");
  }
  writeLine(io, `Ballistic coefficient C_D·A/m ${e.ballistic.valueM2Kg.toPrecision(3)} m²/kg from ${e.ballistic.source} (±${(e.ballistic.relativeUncertainty * 100).toFixed(0)} %).`);
  writeLine(io, `Analysis date ${result.analysisDate}; element set of ${result.elementSet.epoch} (ingest #${result.elementSet.ingestId}, ${result.elementSet.source ?? "?"}).`);
  writeLine(
    io,
    `Space weather: ingest #${result.spaceWeather.ingestId} (${result.spaceWeather.source}), ${result.spaceWeather.used.mode}, observed to ${result.spaceWeather.used.observedThrough ?? "—"}, ` +
      `then ${result.spaceWeather.used.meanCycle.name} from ${result.spaceWeather.used.meanCycle.from}; calibration ${result.calibration.name}.`,
  );
}
