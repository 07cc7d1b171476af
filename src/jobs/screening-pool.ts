import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ConcordError } from "../core/concord-error.ts";
import type { MeanElements } from "../orbit/mean-elements.ts";
import type { ScreeningParameters } from "../screening/conjunction-event.ts";
import { ScreeningAbortedError } from "../screening/screen-aborted-error.ts";
import type { BlockResult } from "../screening/screen-block.ts";
import type { ScreeningEngineSettings } from "../screening/screen-settings.ts";
import type { ScreeningReply, ScreeningTask, ScreeningWorkerData } from "./screening-messages.ts";

/** A screening worker failed or exited early: the run stopped and every worker was terminated. */
export class ScreeningWorkerError extends ConcordError {
  readonly code = "SCREENING_WORKER";
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "ScreeningWorkerError";
  }
}

const WORKER_URL = new URL("./screening.worker.ts", import.meta.url);

/** tsx's ESM API file (see bulk-propagation-pool.ts for why the worker is started through it). */
function tsxEsmApiUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve("tsx/package.json");
  return new URL("dist/esm/api/index.mjs", pathToFileURL(packageJson)).href;
}

function startWorker(data: ScreeningWorkerData): Worker {
  const bootstrap =
    `import(${JSON.stringify(tsxEsmApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

export interface ScreeningPoolOptions {
  readonly threads: number;
  /** Called as each block's result arrives (blocks arrive in any order). */
  readonly onBlock?: (result: BlockResult, done: number, total: number) => void;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Screens the given time blocks on `threads` worker threads (each builds the run's satrecs once, then takes blocks
 * one at a time from a shared queue) and resolves with every block's result. On abort, every worker is terminated at
 * once and the promise rejects with ScreeningAbortedError; a worker failure rejects with ScreeningWorkerError.
 */
export async function screenBlocksOnWorkers(
  elements: readonly MeanElements[],
  params: ScreeningParameters,
  settings: ScreeningEngineSettings,
  blockStartsMs: readonly number[],
  options: ScreeningPoolOptions,
): Promise<BlockResult[]> {
  if (options.signal?.aborted) throw new ScreeningAbortedError();
  if (blockStartsMs.length === 0) return [];
  const threads = Math.max(1, Math.min(Math.floor(options.threads), blockStartsMs.length));
  const data: ScreeningWorkerData = { elements, params, settings };
  const workers = Array.from({ length: threads }, () => startWorker(data));
  let onAbort: (() => void) | null = null;
  try {
    return await new Promise<BlockResult[]>((resolve, reject) => {
      const results: BlockResult[] = [];
      let next = 0;
      let stopped = false;
      const stop = (error: Error) => {
        if (stopped) return;
        stopped = true;
        reject(error);
      };
      onAbort = () => stop(new ScreeningAbortedError());
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const send = (worker: Worker) => {
        const blockStartMs = blockStartsMs[next++];
        if (blockStartMs === undefined) return;
        const task: ScreeningTask = { blockStartMs };
        worker.postMessage(task);
      };
      for (const worker of workers) {
        worker.on("message", (reply: ScreeningReply) => {
          if (stopped) return;
          if (reply.kind === "failure") {
            stop(new ScreeningWorkerError(`screening of the block at ${new Date(reply.blockStartMs).toISOString()} failed: ${reply.message}`));
            return;
          }
          results.push(reply.result);
          try {
            options.onBlock?.(reply.result, results.length, blockStartsMs.length);
          } catch (error) {
            stop(new ScreeningWorkerError(`onBlock failed: ${String(error)}`, { cause: error }));
            return;
          }
          if (results.length === blockStartsMs.length) {
            stopped = true;
            resolve(results);
          } else send(worker);
        });
        worker.on("error", (error) => stop(new ScreeningWorkerError(`a screening worker failed: ${error.message}`, { cause: error })));
        worker.on("exit", (exitCode) => stop(new ScreeningWorkerError(`a screening worker exited early (code ${exitCode})`)));
        send(worker);
      }
    });
  } finally {
    if (onAbort !== null) options.signal?.removeEventListener("abort", onAbort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
