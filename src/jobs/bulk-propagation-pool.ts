import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ConcordError } from "../core/concord-error.ts";
import type { MeanElements } from "../orbit/mean-elements.ts";
import { createBulkStates } from "../orbit/bulk-propagate.ts";
import type { BulkStates } from "../orbit/bulk-propagate.ts";
import type { PropagationEngine, PropagationReply, PropagationTask, PropagationWorkerData } from "./bulk-propagation-messages.ts";

export type { PropagationEngine } from "./bulk-propagation-messages.ts";

export interface PropagateCatalogOptions {
  /** Worker threads in the pool (at least 1; never more than there are chunks). */
  readonly threads: number;
  /** `wasm` (default): satellite.js's WASM single-thread BulkPropagator in each worker; `js`: its plain-JS `propagate` loop. */
  readonly engine?: PropagationEngine;
  /** Satellites per chunk (default 256: 256 × 1,440 times is 18 MB of states). */
  readonly chunkSatellites?: number;
  /**
   * Receives each chunk as it arrives (chunks arrive in any order): satellites `firstSatellite…` of `elements` × all
   * times, in the BulkStates layout. The chunk's buffers are the caller's (transferred from the worker, never
   * copied); nothing else keeps them, so memory stays bounded by the chunks in flight.
   */
  readonly onChunk: (firstSatellite: number, states: BulkStates) => void;
  /** Satellites propagated so far and in all, after each chunk. */
  readonly onProgress?: (doneSatellites: number, totalSatellites: number) => void;
}

/** A propagation worker failed, or `onChunk` threw: the run stopped and every worker was terminated. */
export class BulkPropagationError extends ConcordError {
  readonly code = "BULK_PROPAGATION";
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "BulkPropagationError";
  }
}

/** Tasks sent ahead to each worker, so that it never waits for the main thread between chunks. */
const TASKS_IN_FLIGHT_PER_WORKER = 2;
const WORKER_URL = new URL("./bulk-propagation.worker.ts", import.meta.url);

/**
 * Starts a worker on the TypeScript worker file: a small bootstrap registers tsx's ESM loader in the worker thread,
 * then imports the file. (`execArgv: ["--import", "tsx"]` does not work on Node 20.20: the worker still
 * fails on the `.ts` extension.) tsx is resolved to an absolute path, so this works from any working directory,
 * under `tsx` and under vitest alike.
 */
function startWorker(data: PropagationWorkerData): Worker {
  const bootstrap =
    `import(${JSON.stringify(tsxEsmApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

/**
 * tsx's `tsx/esm/api` as its ESM file (its `require` build, what require.resolve would give, computes a wrong loader
 * path when imported in a worker).
 */
function tsxEsmApiUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve("tsx/package.json");
  return new URL("dist/esm/api/index.mjs", pathToFileURL(packageJson)).href;
}

/**
 * Propagates every element set × every time on a pool of `threads` worker threads, chunk by chunk: each worker
 * converts its chunk to satrecs (`toSatrec`), propagates it and transfers the result back to `onChunk`. Every
 * satellite is in exactly one chunk. Resolves, once every chunk was delivered and every worker terminated, with
 * the number of failed states (SGP4 error, NaN position and velocity); rejects with a BulkPropagationError after
 * terminating every worker. Results equal satellite.js's plain-JS `propagate` to < 1e-6 km.
 */
export async function propagateCatalog(
  elements: readonly MeanElements[],
  timesMs: Float64Array,
  options: PropagateCatalogOptions,
): Promise<{ failedStates: number }> {
  const chunkSatellites = Math.max(1, Math.floor(options.chunkSatellites ?? 256));
  const timeCount = timesMs.length;
  const starts: number[] = [];
  for (let start = 0; start < elements.length; start += chunkSatellites) starts.push(start);
  if (starts.length === 0 || timeCount === 0) {
    for (const start of starts) {
      const count = Math.min(chunkSatellites, elements.length - start);
      options.onChunk(start, createBulkStates(count, timeCount));
    }
    options.onProgress?.(elements.length, elements.length);
    return { failedStates: 0 };
  }

  const threads = Math.max(1, Math.min(Math.floor(options.threads), starts.length));
  const data: PropagationWorkerData = { engine: options.engine ?? "wasm", timesMs };
  const workers = Array.from({ length: threads }, () => startWorker(data));
  try {
    return await new Promise<{ failedStates: number }>((resolve, reject) => {
      let next = 0;
      let delivered = 0;
      let doneSatellites = 0;
      let failedStates = 0;
      let stopped = false;
      const stop = (error: BulkPropagationError) => {
        stopped = true;
        reject(error);
      };
      const send = (worker: Worker) => {
        const start = starts[next++];
        if (start === undefined) return;
        const task: PropagationTask = { firstSatellite: start, elements: elements.slice(start, start + chunkSatellites) };
        worker.postMessage(task);
      };
      for (const worker of workers) {
        worker.on("message", (reply: PropagationReply) => {
          if (stopped) return;
          if (reply.kind === "failure") {
            stop(new BulkPropagationError(`propagation of satellites ${reply.firstSatellite}… failed in a worker: ${reply.message}`));
            return;
          }
          const states = createBulkStates(reply.satelliteCount, timeCount, { data: reply.data, errorCode: reply.errorCode });
          try {
            options.onChunk(reply.firstSatellite, states);
          } catch (error) {
            stop(new BulkPropagationError(`onChunk failed for satellites ${reply.firstSatellite}…: ${String(error)}`, { cause: error }));
            return;
          }
          failedStates += reply.failedStates;
          doneSatellites += reply.satelliteCount;
          delivered++;
          options.onProgress?.(doneSatellites, elements.length);
          if (delivered === starts.length) resolve({ failedStates });
          else send(worker);
        });
        worker.on("error", (error) => {
          if (!stopped) stop(new BulkPropagationError(`a propagation worker failed: ${error.message}`, { cause: error }));
        });
        worker.on("exit", (exitCode) => {
          if (!stopped && delivered < starts.length) stop(new BulkPropagationError(`a propagation worker exited early (code ${exitCode})`));
        });
        for (let i = 0; i < TASKS_IN_FLIGHT_PER_WORKER; i++) send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
