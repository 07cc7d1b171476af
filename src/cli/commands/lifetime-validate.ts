import { resolve } from "node:path";
import { parseSpacetrackSatcatJson } from "../../catalog/satcat-spacetrack-json-parse.ts";
import type { SatcatRecord } from "../../catalog/satcat-record.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import { estimateCatalogLifetimes } from "../../environment/catalog-lifetime.ts";
import { summariseLifetimeValidation } from "../../environment/lifetime-validation.ts";
import type { LifetimeValidationReport, ValidationFigures } from "../../environment/lifetime-validation.ts";
import { parseSpaceWeatherCsv } from "../../environment/space-weather-csv-parse.ts";
import { LIFETIME_MODEL_NAME } from "../../orbit/lifetime/estimate-lifetime.ts";
import { CALIBRATIONS, calibrationForAnalysis } from "../../orbit/lifetime/lifetime-calibration.ts";
import type { LifetimeCalibration } from "../../orbit/lifetime/lifetime-calibration.ts";
import { buildLifetimeScenarios } from "../../orbit/lifetime/lifetime-scenarios.ts";
import type { SolarActivityMode, SolarActivityProvenance } from "../../orbit/lifetime/solar-activity-timeline.ts";
import type { SolarIndexDay } from "../../orbit/lifetime/solar-indices.ts";
import type { MeanElements } from "../../orbit/mean-elements.ts";
import { parseTle } from "../../orbit/tle-parse.ts";
import { readFileSource } from "../../sources/read-file-source.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { parseChoiceFlag, parseCommandArgs, parseDateFlag, parseInstantFlag, parseIntegerFlag } from "../global-flags.ts";

/** The natural experiment of issue 4: the 2023-10-09 full catalog against the 2026-01-20 SATCAT's decay dates. */
export const VALIDATION_DEFAULT_FILES = {
  catalog: "gp/spacetrack_full_catalog_3le_2023-10-09.txt",
  satcat: "satcat/spacetrack_satcat_2026-01-20.json.gz",
  spaceWeather: "space-weather/SW-All.csv",
  ucs: "ucs/UCS-Satellite-Database_5-1-2023.tsv",
  /** The UCS Satellite Database's date (its file name): satellites operating on 2023-05-01. */
  ucsAsOf: "2023-05-01",
} as const;

/** Outcomes after this date are also scored apart (the out-of-time check of lifetime-calibration-search.ts). */
export const DEFAULT_LATER_OUTCOMES_AFTER = "2024-12-31";

export interface ValidationFiles {
  readonly catalog: string;
  readonly satcat: string;
  readonly spaceWeather: string;
  /** Payloads operating at its date: the UCS Satellite Database (TSV), or null = none. */
  readonly ucs: string | null;
  /** The UCS file's date (`YYYY-MM-DD`). */
  readonly ucsAsOf?: string;
}

export interface ValidationInputs {
  readonly elements: MeanElements[];
  readonly satcat: Map<number, SatcatRecord>;
  readonly spaceWeather: SolarIndexDay[];
  /** Payloads operating at `operationalAsOf` (UCS), or null without a UCS file. */
  readonly operational: Set<number> | null;
  readonly operationalAsOf: string | null;
  /** The truth date: the SATCAT's latest launch or decay date. */
  readonly truthDate: string;
  /** The day after the catalog's median epoch day (the snapshot's "as of"). */
  readonly defaultAnalysisMs: number;
  readonly sources: Record<string, { readonly path: string; readonly sha256: string; readonly records: number }>;
}

/** Reads and parses the validation's files (gzip handled); the newest element set per object is kept. */
export async function loadValidationInputs(files: ValidationFiles): Promise<ValidationInputs> {
  const catalogPayload = await readFileSource(files.catalog);
  const newest = new Map<number, MeanElements>();
  for (const el of parseTle(catalogPayload.text, files.catalog).records) {
    const seen = newest.get(el.catalogNumber);
    if (seen === undefined || el.epochMs > seen.epochMs) newest.set(el.catalogNumber, el);
  }
  const elements = [...newest.values()];
  const satcatPayload = await readFileSource(files.satcat);
  const satcatRecords = parseSpacetrackSatcatJson(satcatPayload.text, files.satcat).records;
  const swPayload = await readFileSource(files.spaceWeather);
  const spaceWeather = parseSpaceWeatherCsv(swPayload.text, files.spaceWeather).records;
  let operational: Set<number> | null = null;
  const sources: Record<string, { path: string; sha256: string; records: number }> = {
    catalog: { path: files.catalog, sha256: catalogPayload.sha256, records: elements.length },
    satcat: { path: files.satcat, sha256: satcatPayload.sha256, records: satcatRecords.length },
    spaceWeather: { path: files.spaceWeather, sha256: swPayload.sha256, records: spaceWeather.length },
  };
  if (files.ucs !== null) {
    const ucsPayload = await readFileSource(files.ucs);
    const numbers = ucsNoradNumbers(ucsPayload.text);
    operational = new Set(numbers);
    sources["ucs"] = { path: files.ucs, sha256: ucsPayload.sha256, records: numbers.length };
  }
  let truthDate = "";
  for (const r of satcatRecords) {
    if (r.launchDate !== null && r.launchDate > truthDate) truthDate = r.launchDate;
    if (r.decayDate !== null && r.decayDate > truthDate) truthDate = r.decayDate;
  }
  const epochs = elements.map((el) => el.epochMs).sort((a, b) => a - b);
  const medianEpoch = epochs[Math.floor((epochs.length - 1) / 2)] ?? 0;
  const defaultAnalysisMs = (Math.floor(medianEpoch / 86_400_000) + 1) * 86_400_000;
  const operationalAsOf = files.ucs === null ? null : (files.ucsAsOf ?? VALIDATION_DEFAULT_FILES.ucsAsOf);
  return { elements, satcat: new Map(satcatRecords.map((r) => [r.catalogNumber, r])), spaceWeather, operational, operationalAsOf, truthDate, defaultAnalysisMs, sources };
}

/** The maintained set and how it was formed, as the validation states it. */
export interface MaintainedAtAnalysis {
  readonly members: Set<number>;
  readonly basis: string;
}

/**
 * Payloads maintained at the analysis date, from what was known then: those operating at the UCS database's date
 * (when it is not after the analysis date), plus every payload launched after that date and on or before the
 * analysis date (newly launched satellites operate). Null without a usable UCS file: then nothing is treated as
 * maintained. No later source (such as a newer active set) may be used: it would reveal which objects survived.
 */
export function maintainedAtAnalysis(inputs: ValidationInputs, analysisMs: number): MaintainedAtAnalysis | null {
  if (inputs.operational === null || inputs.operationalAsOf === null) return null;
  const ucsMs = Date.parse(`${inputs.operationalAsOf}T00:00:00Z`);
  if (!(ucsMs <= analysisMs)) return null;
  const members = new Set(inputs.operational);
  let launchedSince = 0;
  for (const record of inputs.satcat.values()) {
    if (record.objectType !== "PAYLOAD" || record.launchDate === null) continue;
    const launchMs = Date.parse(`${record.launchDate}T00:00:00Z`);
    if (launchMs > ucsMs && launchMs <= analysisMs && !members.has(record.catalogNumber)) {
      members.add(record.catalogNumber);
      launchedSince++;
    }
  }
  return {
    members,
    basis: `${inputs.operational.size} payloads operating per the UCS Satellite Database of ${inputs.operationalAsOf}, and ${launchedSince} payloads launched after it up to the analysis date`,
  };
}

/** The `NORAD Number` column of the UCS Satellite Database exported as TSV (satellites operating at its date). */
export function ucsNoradNumbers(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const column = (lines[0] ?? "").split("\t").findIndex((name) => name.trim() === "NORAD Number");
  if (column < 0) throw new InvalidInputError("--ucs", "not a UCS Satellite Database TSV: no `NORAD Number` column");
  const numbers: number[] = [];
  for (const line of lines.slice(1)) {
    const cell = (line.split("\t")[column] ?? "").trim();
    if (/^\d{1,9}$/.test(cell)) numbers.push(Number(cell));
  }
  return numbers;
}

export interface ValidationRun {
  readonly mode: SolarActivityMode;
  readonly calibration: string;
  /** How the maintained payloads were identified, or null when none were. */
  readonly maintainedBasis: string | null;
  readonly spaceWeather: SolarActivityProvenance;
  readonly report: LifetimeValidationReport;
  readonly objects: number;
  readonly scenarioMs: number;
  readonly lifetimeMs: number;
}

/** Runs one mode: the atmosphere scenarios, every object's lifetime, the scores. */
export function runValidationMode(
  inputs: ValidationInputs,
  mode: SolarActivityMode,
  options: {
    readonly analysisMs: number;
    readonly horizonYears: number;
    /** A calibration's name, a calibration, or null for the analysis date's default. */
    readonly calibration: string | LifetimeCalibration | null;
    readonly laterOutcomesAfter?: string;
    readonly onProgress?: (done: number, total: number) => void;
  },
): ValidationRun {
  const calibration =
    options.calibration === null ? calibrationForAnalysis(options.analysisMs) : typeof options.calibration === "string" ? CALIBRATIONS[options.calibration] : options.calibration;
  if (calibration === undefined) throw new InvalidInputError("--calibration", `must be one of ${Object.keys(CALIBRATIONS).join(", ")}`);
  const scenarioStart = performance.now();
  const earliestEpochMs = inputs.elements.reduce((min, el) => Math.min(min, el.epochMs), options.analysisMs);
  const scenarios = buildLifetimeScenarios(inputs.spaceWeather, { mode, analysisMs: options.analysisMs, earliestEpochMs, horizonYears: options.horizonYears, calibration });
  const lifetimeStart = performance.now();
  const estimates = estimateCatalogLifetimes(inputs.elements, scenarios, {
    analysisMs: options.analysisMs,
    horizonYears: options.horizonYears,
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  const lifetimeMs = performance.now() - lifetimeStart;
  const maintained = maintainedAtAnalysis(inputs, options.analysisMs);
  const report = summariseLifetimeValidation({
    estimates,
    satcat: inputs.satcat,
    analysisMs: options.analysisMs,
    truthDate: inputs.truthDate,
    ...(maintained !== null ? { maintainedAtAnalysis: maintained.members } : {}),
    laterOutcomesAfter: options.laterOutcomesAfter ?? DEFAULT_LATER_OUTCOMES_AFTER,
  });
  return {
    mode,
    calibration: calibration.name,
    maintainedBasis: maintained?.basis ?? null,
    spaceWeather: scenarios.nominal.provenance,
    report,
    objects: estimates.length,
    scenarioMs: lifetimeStart - scenarioStart,
    lifetimeMs,
  };
}

/**
 * `concord lifetime-validate [--catalog F] [--satcat F] [--space-weather F] [--ucs F|none] [--ucs-as-of DATE] [--shared-data DIR]
 *  [--at ISO] [--mode hindcast|forecast|both] [--calibration none|cycle-25] [--later-than DATE] [--horizon-years N] [--json]`
 * Pure computation from files (no store): predicts every object's re-entry from the catalog snapshot and scores the
 * predictions against the SATCAT's decay dates, by object type and perigee band. Progress on stderr.
 */
export async function runLifetimeValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "lifetime-validate",
    args,
    {
      catalog: { type: "string" },
      satcat: { type: "string" },
      "space-weather": { type: "string" },
      ucs: { type: "string" },
      "ucs-as-of": { type: "string" },
      "later-than": { type: "string" },
      "shared-data": { type: "string" },
      at: { type: "string" },
      mode: { type: "string" },
      calibration: { type: "string" },
      "horizon-years": { type: "string" },
      json: { type: "boolean" },
    },
    false,
  );
  const root = resolve(values["shared-data"] ?? "../shared/data");
  const inRoot = (path: string) => resolve(root, path);
  const files: ValidationFiles = {
    catalog: values.catalog ?? inRoot(VALIDATION_DEFAULT_FILES.catalog),
    satcat: values.satcat ?? inRoot(VALIDATION_DEFAULT_FILES.satcat),
    spaceWeather: values["space-weather"] ?? inRoot(VALIDATION_DEFAULT_FILES.spaceWeather),
    ucs: values.ucs === "none" ? null : (values.ucs ?? inRoot(VALIDATION_DEFAULT_FILES.ucs)),
    ucsAsOf: parseDateFlag("ucs-as-of", values["ucs-as-of"]) ?? VALIDATION_DEFAULT_FILES.ucsAsOf,
  };
  const laterOutcomesAfter = parseDateFlag("later-than", values["later-than"]) ?? DEFAULT_LATER_OUTCOMES_AFTER;
  const modeChoice = parseChoiceFlag("mode", values.mode, ["hindcast", "forecast", "both"] as const) ?? "both";
  const calibration = parseChoiceFlag("calibration", values.calibration, Object.keys(CALIBRATIONS)) ?? null;
  const horizonYears = parseIntegerFlag("horizon-years", values["horizon-years"], 200, 1, 1000);
  io.stderr.write(`reading ${[files.catalog, files.satcat, files.spaceWeather, files.ucs].filter((f) => f !== null).join(", ")}\n`);
  const inputs = await loadValidationInputs(files);
  const analysisMs = values.at === undefined ? inputs.defaultAnalysisMs : parseInstantFlag("at", values.at);
  const modes: SolarActivityMode[] = modeChoice === "both" ? ["hindcast", "forecast"] : [modeChoice];
  const runs = modes.map((mode) => {
    io.stderr.write(`${mode}: ${inputs.elements.length} objects from ${new Date(analysisMs).toISOString()}\n`);
    const run = runValidationMode(inputs, mode, {
      analysisMs,
      horizonYears,
      calibration,
      laterOutcomesAfter,
      onProgress: (done, total) => io.stderr.write(`progress ${mode} ${done}/${total}\n`),
    });
    io.stderr.write(`${mode}: ${(run.lifetimeMs / 1000).toFixed(2)} s for ${run.objects} lifetimes\n`);
    return run;
  });
  if (values.json) {
    writeJson(io, { model: LIFETIME_MODEL_NAME, analysisDate: new Date(analysisMs).toISOString(), truthDate: inputs.truthDate, horizonYears, sources: inputs.sources, runs });
    return EXIT.ok;
  }
  writeLine(io, `Lifetime validation: predictions from ${new Date(analysisMs).toISOString()} scored against decays to ${inputs.truthDate}.`);
  writeLine(io, `Model: ${LIFETIME_MODEL_NAME}.`);
  for (const run of runs) {
    writeLine(io);
    writeLine(io, `${run.mode} (calibration ${run.calibration}; space weather observed to ${run.spaceWeather.observedThrough ?? "—"}, ${run.spaceWeather.meanCycle.name} from ${run.spaceWeather.meanCycle.from}):`);
    writeLine(io, `Maintained at the analysis date: ${run.maintainedBasis ?? "none identified (no UCS file dated on or before the analysis date)"}.`);
    writeLine(io, "Headline: the objects not maintained at the analysis date; below it all objects, the maintained payloads and the later outcomes.");
    writeLine(
      io,
      formatFigures([
        run.report.unmaintained,
        run.report.overall,
        ...(run.report.maintained ? [run.report.maintained] : []),
        ...(run.report.laterOutcomes ? [run.report.laterOutcomes] : []),
        ...run.report.byCatalogParity,
        ...run.report.byObjectType,
        ...run.report.byPerigeeBand,
        ...run.report.byBallisticSource,
      ]),
    );
  }
  return EXIT.ok;
}

function percent(value: number | null): string | null {
  return value === null ? null : `${(value * 100).toFixed(1)} %`;
}

function formatFigures(rows: readonly ValidationFigures[]): string {
  return formatTable(
    ["group", "decayed", "median |err|", "p90 |err|", "median err", "in band", "survivors", "wrongly re-entered", "share"],
    rows.map((f) => [
      f.group,
      f.decayed,
      percent(f.medianRelativeError),
      percent(f.p90RelativeError),
      percent(f.medianSignedError),
      percent(f.withinBand),
      f.survivors,
      f.survivorsWronglyReentered,
      percent(f.survivorsWronglyReenteredShare),
    ]),
  );
}
