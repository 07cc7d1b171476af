import type { MeanElements } from "../src/orbit/mean-elements.ts";
import { EARTH_EQUATORIAL_RADIUS_KM, summariseOrbit } from "../src/orbit/orbit-summary.ts";
import { toSatrec } from "../src/orbit/satrec.ts";
import { wasmGroupPropagator } from "../src/screening/screen-wasm.ts";

const STEP_S = 60;
const CHUNK = 2000;
/** Primaries of the measured sample: every n-th element set (the pair loop is scaled from them to all pairs). */
const PRIMARY_EVERY = 520;

/**
 * The naive baseline of issue 3: SGP4 (satellite.js WASM, one thread) of every object every 60 s, and for every pair
 * whose apogee–perigee shells (mean elements, widened by the threshold) overlap, the distance at every step; a sampled
 * local minimum under the threshold is its "event" (it misses most real approaches, which last seconds). Measured on
 * one day: propagation of the whole catalog, and the pair loop for every PRIMARY_EVERY-th object against all others;
 * scaled to 7 days × all filtered pairs: propagation × 7, pair loop × (all filtered pairs / measured pairs) × 7.
 */
export async function runNaiveBaseline(
  catalog: readonly MeanElements[],
  fromMs: number,
  thresholdKm: number,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  const n = catalog.length;
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  catalog.forEach((el, i) => {
    const orbit = summariseOrbit(el);
    low[i] = orbit.perigeeKm + EARTH_EQUATORIAL_RADIUS_KM - thresholdKm;
    high[i] = orbit.apogeeKm + EARTH_EQUATORIAL_RADIUS_KM + thresholdKm;
  });
  const overlaps = (i: number, j: number) => low[i]! <= high[j]! && low[j]! <= high[i]!;
  const filterStarted = performance.now();
  let allPairs = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (overlaps(i, j)) allPairs++;
  const filterS = (performance.now() - filterStarted) / 1000;
  log(`  naive: ${allPairs} pairs pass the apogee–perigee filter (of ${(n * (n - 1)) / 2})`);

  const steps = 86_400 / STEP_S + 1;
  const times = Float64Array.from({ length: steps }, (_, k) => fromMs + k * STEP_S * 1000);
  const primaries = [...catalog.keys()].filter((i) => i % PRIMARY_EVERY === 0);
  let propagationMs = 0;
  let started = performance.now();
  const primaryStates = await (await wasmGroupPropagator(primaries.map((i) => toSatrec(catalog[i]!))))(times);
  propagationMs += performance.now() - started;
  let pairLoopMs = 0;
  let measuredPairs = 0;
  let sampledEvents = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, n - start) }, (_, j) => start + j);
    started = performance.now();
    const states = await (await wasmGroupPropagator(chunk.map((i) => toSatrec(catalog[i]!))))(times);
    propagationMs += performance.now() - started;
    started = performance.now();
    for (let pl = 0; pl < primaries.length; pl++) {
      const p = primaries[pl]!;
      for (let sl = 0; sl < chunk.length; sl++) {
        const s = chunk[sl]!;
        if (s === p || !overlaps(p, s)) continue;
        measuredPairs++;
        let before = Infinity;
        let current = Infinity;
        for (let k = 0; k < steps; k++) {
          const a = (pl * steps + k) * 3;
          const b = (sl * steps + k) * 3;
          const dx = states.positionKm[b]! - primaryStates.positionKm[a]!;
          const dy = states.positionKm[b + 1]! - primaryStates.positionKm[a + 1]!;
          const dz = states.positionKm[b + 2]! - primaryStates.positionKm[a + 2]!;
          const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
          if (current <= thresholdKm && current <= before && current < d) sampledEvents++;
          before = current;
          current = d;
        }
      }
    }
    pairLoopMs += performance.now() - started;
  }
  const pairScale = allPairs / Math.max(1, measuredPairs);
  const scaledS = (propagationMs * 7 + pairLoopMs * pairScale * 7) / 1000 + filterS;
  log(`  naive: measured ${(propagationMs / 1000).toFixed(1)} s propagation + ${(pairLoopMs / 1000).toFixed(1)} s for ${measuredPairs} pairs; scaled ${scaledS.toFixed(0)} s`);
  return {
    objects: n,
    stepS: STEP_S,
    primariesMeasured: primaries.length,
    allFilteredPairs: allPairs,
    measuredPairs,
    measuredDays: 1,
    measuredPropagationS: propagationMs / 1000,
    measuredPairLoopS: pairLoopMs / 1000,
    filterS,
    scaledWallS: scaledS,
    sampledEventsMeasured: sampledEvents,
    sampledEventsScaled: Math.round(sampledEvents * pairScale * 7),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    threads: 1,
  };
}
