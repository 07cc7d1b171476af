/**
 * Lifetime benchmark phase (issue 4): the remaining lifetime of every object of the 2023-10-09 full catalog, in
 * hindcast and forecast mode, scored against the 2026-01-20 SATCAT's decay dates (the validation of
 * `concord lifetime-validate`), timed on one core.
 *   npx tsx bench/lifetime.bench.ts [--mode hindcast|forecast|both]
 * Prints one JSON line (LifetimePhaseResult below); progress goes to stderr.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { VALIDATION_DEFAULT_FILES, loadValidationInputs, runValidationMode } from "../src/cli/commands/lifetime-validate.ts";
import type { ValidationFigures } from "../src/environment/lifetime-validation.ts";
import { LIFETIME_MODEL_NAME } from "../src/orbit/lifetime/estimate-lifetime.ts";
import type { SolarActivityMode } from "../src/orbit/lifetime/solar-activity-timeline.ts";

const SHARED = resolve(import.meta.dirname, "../../shared/data");

export interface LifetimeModeFigures {
  readonly mode: SolarActivityMode;
  readonly calibration: string;
  readonly objects: number;
  /** Building the atmosphere scenarios (mean solar cycle, three daily timelines, the density table on first use). */
  readonly scenarioMs: number;
  /** Every object's lifetime with its band (three integrations each), one core. */
  readonly lifetimeMs: number;
  readonly objectsPerS: number;
  /** How the payloads maintained at the analysis date were identified. */
  readonly maintainedBasis: string | null;
  /** The headline: objects not maintained at the analysis date. */
  readonly unmaintained: ValidationFigures;
  readonly overall: ValidationFigures;
  readonly maintained: ValidationFigures | null;
  readonly laterOutcomes: ValidationFigures | null;
  readonly byCatalogParity: readonly ValidationFigures[];
  readonly byObjectType: readonly ValidationFigures[];
  readonly byPerigeeBand: readonly ValidationFigures[];
}

export interface LifetimePhaseResult {
  readonly phase: "lifetime";
  readonly model: string;
  readonly analysisDate: string;
  readonly truthDate: string;
  readonly readParseMs: number;
  readonly modes: readonly LifetimeModeFigures[];
  readonly maxRssKb: number;
}

const { values } = parseArgs({ options: { mode: { type: "string", default: "both" } } });
const modes: SolarActivityMode[] = values.mode === "hindcast" || values.mode === "forecast" ? [values.mode] : ["hindcast", "forecast"];

const readStart = performance.now();
const inputs = await loadValidationInputs({
  catalog: resolve(SHARED, VALIDATION_DEFAULT_FILES.catalog),
  satcat: resolve(SHARED, VALIDATION_DEFAULT_FILES.satcat),
  spaceWeather: resolve(SHARED, VALIDATION_DEFAULT_FILES.spaceWeather),
  ucs: resolve(SHARED, VALIDATION_DEFAULT_FILES.ucs),
});
const readParseMs = performance.now() - readStart;
const analysisMs = inputs.defaultAnalysisMs;

const results: LifetimeModeFigures[] = modes.map((mode) => {
  const run = runValidationMode(inputs, mode, {
    analysisMs,
    horizonYears: 200,
    calibration: null,
    onProgress: (done, total) => {
      if (done === total) process.stderr.write(`  ${mode}: ${done}/${total}\n`);
    },
  });
  process.stderr.write(`  ${mode}: ${(run.lifetimeMs / 1000).toFixed(2)} s for ${run.objects} objects\n`);
  return {
    mode,
    calibration: run.calibration,
    objects: run.objects,
    scenarioMs: run.scenarioMs,
    lifetimeMs: run.lifetimeMs,
    objectsPerS: run.objects / (run.lifetimeMs / 1000),
    maintainedBasis: run.maintainedBasis,
    unmaintained: run.report.unmaintained,
    overall: run.report.overall,
    maintained: run.report.maintained,
    laterOutcomes: run.report.laterOutcomes,
    byCatalogParity: run.report.byCatalogParity,
    byObjectType: run.report.byObjectType,
    byPerigeeBand: run.report.byPerigeeBand,
  };
});

const result: LifetimePhaseResult = {
  phase: "lifetime",
  model: LIFETIME_MODEL_NAME,
  analysisDate: new Date(analysisMs).toISOString(),
  truthDate: inputs.truthDate,
  readParseMs,
  modes: results,
  maxRssKb: process.resourceUsage().maxRSS,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
