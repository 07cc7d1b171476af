/**
 * Screening benchmark phases on the 2023-10-09 full catalog (issue 3):
 *   npx tsx bench/screening.bench.ts --mode engine [--days 7] [--threads 2]  # all vs all, 5 km: wall, events, peak RSS
 *   npx tsx bench/screening.bench.ts --mode naive                            # SGP4 every 60 s + apogee–perigee filter, scaled
 *   npx tsx bench/screening.bench.ts --mode recall [--primaries 200]         # engine vs the dense reference, 24 h
 *   npx tsx bench/screening.bench.ts --mode interpolation [--days 7]         # Hermite error vs the engine's bound
 * Each prints one JSON line (the last line of stdout); progress goes to stderr.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { MeanElements } from "../src/orbit/mean-elements.ts";
import { screenCatalog } from "../src/jobs/screen-catalog.ts";
import { checkInterpolationBound } from "../src/screening/screen-interpolation-check.ts";
import { DEFAULT_SCREENING_SETTINGS } from "../src/screening/screen-settings.ts";
import { readCatalog2023 } from "../test/screening/screen-subset.ts";
import { runNaiveBaseline } from "./screening-naive.ts";
import { runRecall } from "./screening-recall.ts";

const CATALOG = resolve(import.meta.dirname, "../../shared/data/gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const FROM_MS = Date.UTC(2023, 9, 9);
const THRESHOLD_KM = 5;

const { values } = parseArgs({
  options: {
    mode: { type: "string", default: "engine" },
    days: { type: "string" },
    threads: { type: "string", default: "2" },
    primaries: { type: "string", default: "200" },
  },
});
const threads = Math.max(1, Number.parseInt(values.threads, 10) || 2);

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function engine(catalog: readonly MeanElements[], days: number): Promise<Record<string, unknown>> {
  const params = { fromMs: FROM_MS, toMs: FROM_MS + days * 86_400_000, thresholdKm: THRESHOLD_KM, primaries: null };
  let reported = 0;
  const { events, stats } = await screenCatalog(catalog, params, {
    threads,
    onProgress: (p) => {
      if (p.fractionDone - reported >= 0.1 || p.fractionDone === 1) {
        reported = p.fractionDone;
        log(`  screening ${(100 * p.fractionDone).toFixed(0)}% after ${(p.elapsedMs / 1000).toFixed(1)} s, ${p.eventsSoFar} events`);
      }
    },
  });
  const under1Km = events.filter((e) => e.missDistanceKm < 1).length;
  const { algorithm, guarantee, failures, ...rest } = stats;
  return {
    phase: "screening",
    mode: "engine",
    objects: catalog.length,
    days,
    thresholdKm: THRESHOLD_KM,
    threads,
    wallS: stats.wallMs / 1000,
    events: events.length,
    eventsUnder1Km: under1Km,
    failedObjects: failures.length,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    stats: rest,
    algorithm,
    guarantee,
  };
}

const catalog = readCatalog2023(CATALOG);
let result: Record<string, unknown>;
if (values.mode === "naive") {
  result = { phase: "screening", mode: "naive", ...(await runNaiveBaseline(catalog, FROM_MS, THRESHOLD_KM, log)) };
} else if (values.mode === "recall") {
  const primaries = Math.max(1, Number.parseInt(values.primaries, 10) || 200);
  result = { phase: "screening", mode: "recall", ...(await runRecall(catalog, primaries, FROM_MS, THRESHOLD_KM, threads, log)) };
} else if (values.mode === "interpolation") {
  const days = Number(values.days ?? 7);
  const started = performance.now();
  const checks = await checkInterpolationBound(catalog, FROM_MS, FROM_MS + days * 86_400_000, DEFAULT_SCREENING_SETTINGS);
  const classes = Object.fromEntries(Object.entries(checks).map(([name, { exceedingObjects: _ignored, ...figures }]) => [name, figures]));
  result = { phase: "screening", mode: "interpolation", objects: catalog.length, days, settings: DEFAULT_SCREENING_SETTINGS, classes, wallS: (performance.now() - started) / 1000 };
} else {
  result = await engine(catalog, Number(values.days ?? 7));
}
process.stdout.write(`${JSON.stringify(result)}\n`);
