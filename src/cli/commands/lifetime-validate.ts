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
import { buildLifetimeScenarios } from "../../orbit/lifetime/lifetime-scenarios.ts";
import type { SolarActivityMode, SolarActivityProvenance } from "../../orbit/lifetime/solar-activity-timeline.ts";
import type { SolarIndexDay } from "../../orbit/lifetime/solar-indices.ts";
import type { MeanElements } from "../../orbit/mean-elements.ts";
import { parseOmmCsv } from "../../orbit/omm-csv-parse.ts";
import { parseTle } from "../../orbit/tle-parse.ts";
import { readFileSource } from "../../sources/read-file-source.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { parseChoiceFlag, parseCommandArgs, parseInstantFlag, parseIntegerFlag } from "../global-flags.ts";

/** The natural experiment of issue 4: the 2023-10-09 full catalog against the 2026-01-20 SATCAT's decay dates. */
export const VALIDATION_DEFAULT_FILES = {
  catalog: "gp/spacetrack_full_catalog_3le_2023-10-09.txt",
  satcat: "satcat/spacetrack_satcat_2026-01-20.json.gz",
  spaceWeather: "space-weather/SW-All.csv",
  activeSet: "gp/celestrak_active_gp_2026-08-18.csv",
  ucs: "ucs/UCS-Satellite-Database_5-1-2023.tsv",
} as const;

export interface ValidationFiles {
  readonly catalog: string;
  readonly satcat: string;
  readonly spaceWeather: string;
  /** Operational payloads: CelesTrak's active set (OMM CSV) and the UCS Satellite Database (TSV); null = none. */
  readonly activeSet: string | null;
  readonly ucs: string | null;
}

export interface ValidationInputs {
  readonly elements: MeanElements[];
  readonly satcat: Map<number, SatcatRecord>;
  readonly spaceWeather: SolarIndexDay[];
  readonly operational: Set<number> | null;
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
  if (files.activeSet !== null) {
    const activePayload = await readFileSource(files.activeSet);
    const active = parseOmmCsv(activePayload.text, files.activeSet).records;
    operational = new Set(active.map((el) => el.catalogNumber));
    sources["activeSet"] = { path: files.activeSet, sha256: activePayload.sha256, records: active.length };
  }
  if (files.ucs !== null) {
    const ucsPayload = await readFileSource(files.ucs);
    const numbers = ucsNoradNumbers(ucsPayload.text);
    operational ??= new Set();
    for (const n of numbers) operational.add(n);
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
  return { elements, satcat: new Map(satcatRecords.map((r) => [r.catalogNumber, r])), spaceWeather, operational, truthDate, defaultAnalysisMs, sources };
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
  options: { readonly analysisMs: number; readonly horizonYears: number; readonly calibration: string | null; readonly onProgress?: (done: number, total: number) => void },
): ValidationRun {
  const calibration = options.calibration === null ? calibrationForAnalysis(options.analysisMs) : CALIBRATIONS[options.calibration];
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
  const report = summariseLifetimeValidation({
    estimates,
    satcat: inputs.satcat,
    analysisMs: options.analysisMs,
    truthDate: inputs.truthDate,
    ...(inputs.operational !== null ? { operational: inputs.operational } : {}),
  });
  return { mode, calibration: calibration.name, spaceWeather: scenarios.nominal.provenance, report, objects: estimates.length, scenarioMs: lifetimeStart - scenarioStart, lifetimeMs };
}

/**
 * `concord lifetime-validate [--catalog F] [--satcat F] [--space-weather F] [--active-set F|none] [--ucs F|none] [--shared-data DIR]
 *  [--at ISO] [--mode hindcast|forecast|both] [--calibration none|cycle-25] [--horizon-years N] [--json]`
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
      "active-set": { type: "string" },
      ucs: { type: "string" },
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
    activeSet: values["active-set"] === "none" ? null : (values["active-set"] ?? inRoot(VALIDATION_DEFAULT_FILES.activeSet)),
    ucs: values.ucs === "none" ? null : (values.ucs ?? inRoot(VALIDATION_DEFAULT_FILES.ucs)),
  };
  const modeChoice = parseChoiceFlag("mode", values.mode, ["hindcast", "forecast", "both"] as const) ?? "both";
  const calibration = parseChoiceFlag("calibration", values.calibration, Object.keys(CALIBRATIONS)) ?? null;
  const horizonYears = parseIntegerFlag("horizon-years", values["horizon-years"], 200, 1, 1000);
  io.stderr.write(`reading ${[files.catalog, files.satcat, files.spaceWeather, files.activeSet, files.ucs].filter((f) => f !== null).join(", ")}\n`);
  const inputs = await loadValidationInputs(files);
  const analysisMs = values.at === undefined ? inputs.defaultAnalysisMs : parseInstantFlag("at", values.at);
  const modes: SolarActivityMode[] = modeChoice === "both" ? ["hindcast", "forecast"] : [modeChoice];
  const runs = modes.map((mode) => {
    io.stderr.write(`${mode}: ${inputs.elements.length} objects from ${new Date(analysisMs).toISOString()}\n`);
    const run = runValidationMode(inputs, mode, {
      analysisMs,
      horizonYears,
      calibration,
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
    writeLine(
      io,
      formatFigures([
        run.report.overall,
        ...(run.report.nonOperational ? [run.report.nonOperational] : []),
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
