import { readFileSync } from "node:fs";
import type { SatRec } from "satellite.js";
import { afterAll, describe, expect, it } from "vitest";
import {
  type WasmBulkPropagator,
  bulkPropagateJs,
  bulkStatesByteLengths,
  createBulkStates,
  createWasmBulkPropagator,
} from "../../src/orbit/bulk-propagate.ts";
import { isPropagationFailure, propagateAt } from "../../src/orbit/propagate.ts";
import { toSatrec } from "../../src/orbit/satrec.ts";
import { parseTle } from "../../src/orbit/tle-parse.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { maxDifference, sameNaNs } from "../support/compare-states.ts";

const catalogPath = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const SATELLITES = 300;
const START_MS = Date.UTC(2023, 9, 9);
const TIMES_MS = Float64Array.from({ length: 1440 }, (_, i) => START_MS + i * 60_000);

describe.skipIf(!catalogPath)("bulk propagation of catalog objects × 1,440 one-minute steps", () => {
  const records = catalogPath ? parseTle(readFileSync(catalogPath, "utf8"), "catalog").records : [];
  // Every 87th object: a spread of LEO, deep space and decaying debris.
  const satrecs: SatRec[] = records.filter((_, i) => i % 87 === 0).slice(0, SATELLITES).map(toSatrec);
  const propagators: WasmBulkPropagator[] = [];
  afterAll(() => propagators.forEach((p) => p.dispose()));

  const started = performance.now();
  const js = bulkPropagateJs(satrecs, TIMES_MS);
  const jsMs = performance.now() - started;

  it("the plain-JS loop lays out satellite-major, time-major x/y/z and agrees with propagateAt", () => {
    const s = 7;
    const t = 1000;
    const single = propagateAt(satrecs[s] as SatRec, TIMES_MS[t] as number);
    if (isPropagationFailure(single)) throw new Error(single.message);
    const i = (s * TIMES_MS.length + t) * 3;
    expect(Array.from(js.positionKm.subarray(i, i + 3))).toEqual(single.positionKm);
    expect(Array.from(js.velocityKmS.subarray(i, i + 3))).toEqual(single.velocityKmS);
    expect(js.data.length).toBe(SATELLITES * 1440 * 6);
  });

  for (const threads of [1, 2]) {
    it(`WASM with ${threads} thread(s) agrees with the plain-JS loop to < 1e-6 km, failures (NaN + code) included`, async () => {
      const propagator = await createWasmBulkPropagator({ threads });
      propagators.push(propagator);
      await propagator.propagate(satrecs.slice(0, 10), TIMES_MS); // warm-up (starts pthreads)
      const t0 = performance.now();
      const wasm = await propagator.propagate(satrecs, TIMES_MS);
      const wasmMs = performance.now() - t0;
      const dr = maxDifference(js.positionKm, wasm.positionKm);
      const dv = maxDifference(js.velocityKmS, wasm.velocityKmS);
      const failures = js.errorCode.reduce((n, c) => n + (c === 0 ? 0 : 1), 0);
      const rate = (ms: number) => ((SATELLITES * TIMES_MS.length) / ms / 1000).toFixed(2);
      console.log(
        `${SATELLITES} sats × ${TIMES_MS.length} times: JS ${jsMs.toFixed(0)} ms (${rate(jsMs)} M/s), WASM ${threads}T ${wasmMs.toFixed(0)} ms (${rate(wasmMs)} M/s, ${(jsMs / wasmMs).toFixed(2)}×); max |Δr| ${dr} km, max |Δv| ${dv} km/s, ${failures} failed states`,
      );
      expect(dr).toBeLessThan(1e-6);
      expect(dv).toBeLessThan(1e-9);
      expect(Array.from(wasm.errorCode)).toEqual(Array.from(js.errorCode));
      expect(sameNaNs(js.data, wasm.data)).toBe(true);
    });
  }

  it("fills one shared buffer chunk by chunk at satellite offsets, as a worker pool would", async () => {
    const bytes = bulkStatesByteLengths(SATELLITES, TIMES_MS.length);
    const shared = createBulkStates(SATELLITES, TIMES_MS.length, { data: new SharedArrayBuffer(bytes.data), errorCode: new SharedArrayBuffer(bytes.errorCode) });
    const propagator = await createWasmBulkPropagator();
    propagators.push(propagator);
    await propagator.propagate(satrecs.slice(0, 120), TIMES_MS, shared, 0);
    bulkPropagateJs(satrecs.slice(120), TIMES_MS, shared, 120);
    expect(maxDifference(js.positionKm, shared.positionKm)).toBeLessThan(1e-6);
    expect(() => bulkPropagateJs(satrecs, TIMES_MS, shared, 1)).toThrow(RangeError);
  });
});
