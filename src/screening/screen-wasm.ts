import { BulkPropagator, EciBaseCalculator, type SatRec, createSingleThreadRuntime } from "satellite.js";
import { createBulkStates } from "../orbit/bulk-propagate.ts";
import type { BulkStates } from "../orbit/bulk-propagate.ts";

/** Propagates one fixed set of satellites to given times (whole milliseconds) into the BulkStates layout; the result is overwritten by the next call. */
export type GroupPropagator = (timesMs: Float64Array) => Promise<BulkStates>;
/** Makes a GroupPropagator for a set of satrecs (once per run and thread). */
export type GroupPropagatorFactory = (satrecs: readonly SatRec[]) => Promise<GroupPropagator>;

type Runtime = Awaited<ReturnType<typeof createSingleThreadRuntime>>;
/** One single-thread WASM runtime per thread (Emscripten's exit cannot be undone, so it is never disposed). */
let runtime: Promise<Runtime> | null = null;

/**
 * satellite.js's WASM SGP4 for one group of satellites: the satrecs are written into WASM memory once (that write
 * costs as much as propagating them to a few dozen times), each call only sets the dates and runs. Failed states
 * are NaN with their error code, as in bulk-propagate.ts.
 */
export const wasmGroupPropagator: GroupPropagatorFactory = async (satrecs) => {
  const propagator = new BulkPropagator({
    runtime: await (runtime ??= createSingleThreadRuntime()),
    calculators: [new EciBaseCalculator()],
    satRecsCount: Math.max(1, satrecs.length),
    datesCount: 1,
  });
  propagator.setSatRecs(satrecs as SatRec[]);
  let out = createBulkStates(0, 0);
  return async (timesMs) => {
    // One output reused while the number of times stays the same (every block of a run): no garbage per block.
    if (out.timeCount !== timesMs.length || out.satelliteCount !== satrecs.length) out = createBulkStates(satrecs.length, timesMs.length);
    if (satrecs.length === 0 || timesMs.length === 0) return out;
    propagator.setDates(Array.from(timesMs, (t) => new Date(t)));
    await propagator.run();
    const { position, velocity, error } = propagator.getRawOutput().eci;
    out.positionKm.set(position);
    out.velocityKmS.set(velocity);
    out.errorCode.set(error);
    for (let j = 0; j < error.length; j++) {
      if (error[j] !== 0) {
        out.positionKm.fill(NaN, 3 * j, 3 * j + 3);
        out.velocityKmS.fill(NaN, 3 * j, 3 * j + 3);
      }
    }
    return out;
  };
};
