/**
 * The lifetime calibration's grid search, and its checks (issue 4): every (λ, κ) of the grid is scored in hindcast
 * mode on the 2023-10-09 catalog against the 2026-01-20 SATCAT, over the objects not maintained at the analysis
 * date, and two choices are made with src/environment/lifetime-calibration-search.ts:
 *  - in window: chosen on odd catalog numbers, checked on even ones (this is how the shipped cycle-25 values were
 *    chosen);
 *  - out of time: chosen on the outcomes known by 2024-12-31 only, checked on the outcomes after it.
 *   npx tsx bench/lifetime-calibration.ts [--lambda 0.3,0.4,…] [--kappa 1.1,1.2,…] [--split 2024-12-31]
 * Prints the grid as a table on stderr and one JSON line on stdout. About 5 s per grid point on one core (a 10-year
 * horizon: beyond it nothing changes the medians or the survivors).
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { VALIDATION_DEFAULT_FILES, loadValidationInputs, maintainedAtAnalysis } from "../src/cli/commands/lifetime-validate.ts";
import { estimateCatalogLifetimes } from "../src/environment/catalog-lifetime.ts";
import { chooseCalibration, targetScore } from "../src/environment/lifetime-calibration-search.ts";
import type { ScoredPoint } from "../src/environment/lifetime-calibration-search.ts";
import { summariseLifetimeValidation } from "../src/environment/lifetime-validation.ts";
import type { ValidationFigures } from "../src/environment/lifetime-validation.ts";
import { buildLifetimeScenarios } from "../src/orbit/lifetime/lifetime-scenarios.ts";

const SHARED = resolve(import.meta.dirname, "../../shared/data");
const { values } = parseArgs({
  options: {
    lambda: { type: "string", default: "0.3,0.4,0.5,0.6,0.7,0.8" },
    kappa: { type: "string", default: "1.1,1.2,1.3,1.4,1.5,1.6" },
    split: { type: "string", default: "2024-12-31" },
  },
});
const lambdas = values.lambda.split(",").map(Number);
const kappas = values.kappa.split(",").map(Number);
const split = values.split;

const inputs = await loadValidationInputs({
  catalog: resolve(SHARED, VALIDATION_DEFAULT_FILES.catalog),
  satcat: resolve(SHARED, VALIDATION_DEFAULT_FILES.satcat),
  spaceWeather: resolve(SHARED, VALIDATION_DEFAULT_FILES.spaceWeather),
  ucs: resolve(SHARED, VALIDATION_DEFAULT_FILES.ucs),
});
const analysisMs = inputs.defaultAnalysisMs;
const maintained = maintainedAtAnalysis(inputs, analysisMs);
const elements = inputs.elements.filter((el) => !(maintained?.members.has(el.catalogNumber) ?? false));
const earliestEpochMs = elements.reduce((min, el) => Math.min(min, el.epochMs), analysisMs);
const horizonYears = 10;

interface GridRow {
  readonly solarResponseFactor: number;
  readonly singleSetDecayBias: number;
  readonly all: ValidationFigures;
  readonly odd: ValidationFigures;
  readonly even: ValidationFigures;
  readonly toSplit: ValidationFigures;
  readonly afterSplit: ValidationFigures;
}

const pct = (v: number | null) => (v === null ? "  —  " : `${(v * 100).toFixed(1)}%`);
const cell = (f: ValidationFigures) => `${pct(f.medianRelativeError)} / ${pct(f.survivorsWronglyReenteredShare)}`;
process.stderr.write(`${elements.length} objects not maintained at ${new Date(analysisMs).toISOString()} (${maintained?.basis ?? "none maintained"})\n`);
process.stderr.write("λ    κ    | all: median / survivors wrong | odd | even | outcomes to split | after split\n");
const grid: GridRow[] = [];
for (const solarResponseFactor of lambdas) {
  for (const singleSetDecayBias of kappas) {
    const calibration = { name: "grid", solarResponseFactor, singleSetDecayBias, source: "grid search" };
    const scenarios = buildLifetimeScenarios(inputs.spaceWeather, { mode: "hindcast", analysisMs, earliestEpochMs, horizonYears, calibration });
    const estimates = estimateCatalogLifetimes(elements, scenarios, { analysisMs, horizonYears });
    const whole = summariseLifetimeValidation({ estimates, satcat: inputs.satcat, analysisMs, truthDate: inputs.truthDate, laterOutcomesAfter: split });
    const toSplit = summariseLifetimeValidation({ estimates, satcat: inputs.satcat, analysisMs, truthDate: split });
    const row: GridRow = {
      solarResponseFactor,
      singleSetDecayBias,
      all: whole.unmaintained,
      odd: whole.byCatalogParity[0]!,
      even: whole.byCatalogParity[1]!,
      toSplit: toSplit.unmaintained,
      afterSplit: whole.laterOutcomes!,
    };
    grid.push(row);
    process.stderr.write(`${solarResponseFactor.toFixed(1)}  ${singleSetDecayBias.toFixed(1)}  | ${cell(row.all)} | ${cell(row.odd)} | ${cell(row.even)} | ${cell(row.toSplit)} | ${cell(row.afterSplit)}\n`);
  }
}
const point = (r: GridRow) => ({ solarResponseFactor: r.solarResponseFactor, singleSetDecayBias: r.singleSetDecayBias });
const inWindow = chooseCalibration(grid.map((r): ScoredPoint => ({ point: point(r), fit: r.odd, check: r.even })));
const outOfTime = chooseCalibration(grid.map((r): ScoredPoint => ({ point: point(r), fit: r.toSplit, check: r.afterSplit })));
const describe = (name: string, choice: typeof inWindow) =>
  `${name}: λ ${choice.chosen.point.solarResponseFactor}, κ ${choice.chosen.point.singleSetDecayBias}; fit ${cell(choice.chosen.fit)} (score ${choice.fitScore.toFixed(2)}), ` +
  `check ${cell(choice.chosen.check)} (score ${choice.checkScore.toFixed(2)}, ${choice.checkMeetsTargets ? "meets" : "misses"} the targets)\n`;
process.stderr.write(describe("in window (odd → even)", inWindow));
process.stderr.write(describe(`out of time (outcomes to ${split} → after)`, outOfTime));
process.stdout.write(
  `${JSON.stringify({
    analysisDate: new Date(analysisMs).toISOString(),
    truthDate: inputs.truthDate,
    split,
    maintainedBasis: maintained?.basis ?? null,
    objects: elements.length,
    grid: grid.map((r) => ({ ...point(r), score: targetScore(r.all), all: r.all, odd: r.odd, even: r.even, toSplit: r.toSplit, afterSplit: r.afterSplit })),
    inWindow,
    outOfTime,
  })}\n`,
);
