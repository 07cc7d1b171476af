import type { MeanElements } from "../orbit/mean-elements.ts";

/** Which SGP4 a propagation worker runs: satellite.js's WASM single-thread BulkPropagator, or its plain-JS `propagate`. */
export type PropagationEngine = "wasm" | "js";

/** What a propagation worker is started with (`workerData`): the engine and the times every chunk is propagated to. */
export interface PropagationWorkerData {
  readonly engine: PropagationEngine;
  readonly timesMs: Float64Array;
}

/** One chunk of work: satellites `firstSatellite…` of the catalog × all times. */
export interface PropagationTask {
  readonly firstSatellite: number;
  readonly elements: readonly MeanElements[];
}

/**
 * A propagated chunk, its two buffers transferred (not copied) in the BulkStates layout of `satelliteCount`
 * satellites × the worker's times; or a failure of the worker, described.
 */
export type PropagationReply =
  | {
      readonly kind: "chunk";
      readonly firstSatellite: number;
      readonly satelliteCount: number;
      readonly data: ArrayBuffer;
      readonly errorCode: ArrayBuffer;
      readonly failedStates: number;
    }
  | { readonly kind: "failure"; readonly firstSatellite: number; readonly message: string };
