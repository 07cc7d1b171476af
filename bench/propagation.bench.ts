/**
 * Bulk propagation benchmark phase: the 2023-10-09 full catalog × 1,440 one-minute times from 2023-10-09T00:00Z.
 *   npx tsx bench/propagation.bench.ts --mode js [--every N]   # baseline: satellite.js plain-JS propagate, 1 thread
 *   npx tsx bench/propagation.bench.ts --mode wasm             # satellite.js WASM BulkPropagator, 1 thread, in-process
 *   npx tsx bench/propagation.bench.ts --mode pool --threads 2 # src/jobs worker pool, WASM in each worker
 * Every mode times the same work: element sets → satrecs (toSatrec) → states, chunk by chunk into reused or
 * transferred buffers (the whole result, ~1.8 GB, is never held). `--every N` propagates every N-th object only and
 * scales the time to the whole catalog; `--every auto` (js) picks N so that the run takes about --budget-s seconds.
 * Prints one JSON line (bench/phase-result.ts PropagationPhaseResult); progress goes to stderr.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { propagateCatalog } from "../src/jobs/bulk-propagation-pool.ts";
import { bulkPropagateJs, createBulkStates, createWasmBulkPropagator } from "../src/orbit/bulk-propagate.ts";
import type { BulkStates } from "../src/orbit/bulk-propagate.ts";
import type { MeanElements } from "../src/orbit/mean-elements.ts";
import { toSatrec } from "../src/orbit/satrec.ts";
import { parseTle } from "../src/orbit/tle-parse.ts";
import { printPhaseResult } from "./phase-result.ts";
import type { PropagationMode } from "./phase-result.ts";

const CATALOG = resolve(import.meta.dirname, "../../shared/data/gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const START_MS = Date.UTC(2023, 9, 9);
const TIMES_MS = Float64Array.from({ length: 1440 }, (_, i) => START_MS + i * 60_000);
const CHUNK_SATELLITES = 256;
/** Objects of the probe that sizes an `--every auto` subset (every PROBE_EVERY-th object). */
const PROBE_EVERY = 50;

const { values } = parseArgs({
  options: {
    mode: { type: "string", default: "pool" },
    threads: { type: "string", default: "2" },
    every: { type: "string", default: "1" },
    "budget-s": { type: "string", default: "60" },
  },
});
const mode: PropagationMode = values.mode === "js" || values.mode === "wasm" ? values.mode : "pool";
const threads = mode === "pool" ? Math.max(1, Number.parseInt(values.threads, 10) || 2) : 1;

function countFailures(errorCode: Int8Array, count: number): number {
  let failed = 0;
  for (let i = 0; i < count; i++) if (errorCode[i] !== 0) failed++;
  return failed;
}

/** Element sets → states, in-process, chunk by chunk into one reused buffer; returns failed states. */
async function propagateInProcess(elements: readonly MeanElements[], engine: "js" | "wasm"): Promise<number> {
  const out: BulkStates = createBulkStates(CHUNK_SATELLITES, TIMES_MS.length);
  const wasm = engine === "wasm" ? await createWasmBulkPropagator({ threads: 1 }) : null;
  let failed = 0;
  try {
    for (let start = 0; start < elements.length; start += CHUNK_SATELLITES) {
      const satrecs = elements.slice(start, start + CHUNK_SATELLITES).map(toSatrec);
      if (wasm === null) bulkPropagateJs(satrecs, TIMES_MS, out);
      else await wasm.propagate(satrecs, TIMES_MS, out);
      failed += countFailures(out.errorCode, satrecs.length * TIMES_MS.length);
    }
  } finally {
    wasm?.dispose();
  }
  return failed;
}

async function propagate(elements: readonly MeanElements[]): Promise<number> {
  if (mode !== "pool") return propagateInProcess(elements, mode);
  let lastReport = 0;
  const { failedStates } = await propagateCatalog(elements, TIMES_MS, {
    threads,
    chunkSatellites: CHUNK_SATELLITES,
    onChunk: () => undefined,
    onProgress: (done, total) => {
      if (done - lastReport >= total / 4 || done === total) process.stderr.write(`  pool: ${(lastReport = done)}/${total}\n`);
    },
  });
  return failedStates;
}

const parseStart = performance.now();
const catalog = parseTle(readFileSync(CATALOG, "utf8"), CATALOG).records;
const parseMs = performance.now() - parseStart;

let every = Math.max(1, Number.parseInt(values.every, 10) || 1);
if (values.every === "auto") {
  const probe = catalog.filter((_, i) => i % PROBE_EVERY === 0);
  const probeStart = performance.now();
  await propagate(probe);
  const estimatedWholeMs = ((performance.now() - probeStart) * catalog.length) / probe.length;
  every = Math.max(1, Math.ceil(estimatedWholeMs / (Number(values["budget-s"]) * 1000)));
  process.stderr.write(`  ${mode}: whole catalog estimated at ${(estimatedWholeMs / 1000).toFixed(1)} s from ${probe.length} objects: every ${every}\n`);
}
const elements = every === 1 ? catalog : catalog.filter((_, i) => i % every === 0);

const started = performance.now();
const failedStates = await propagate(elements);
const measuredMs = performance.now() - started;
const wholeCatalogMs = (measuredMs * catalog.length) / elements.length;
printPhaseResult({
  phase: "propagation",
  mode,
  threads,
  catalogObjects: catalog.length,
  objectsPropagated: elements.length,
  subsetEvery: every,
  timeCount: TIMES_MS.length,
  chunkSatellites: CHUNK_SATELLITES,
  parseMs,
  measuredMs,
  wholeCatalogMs,
  propagationsPerS: (elements.length * TIMES_MS.length) / (measuredMs / 1000),
  failedStates,
  maxRssKb: process.resourceUsage().maxRSS,
});
