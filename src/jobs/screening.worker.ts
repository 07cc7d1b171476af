import { parentPort, workerData } from "node:worker_threads";
import { createScreeningContext, screenBlock } from "../screening/screen-block.ts";
import type { ScreeningContext } from "../screening/screen-block.ts";
import type { ScreeningReply, ScreeningTask, ScreeningWorkerData } from "./screening-messages.ts";

/**
 * A screening worker of screening-pool.ts: builds the run's context once (satrecs, one WASM propagator per node
 * class), then screens the blocks it is sent, one after another, and posts each block's result.
 */
const port = parentPort;
if (port === null) throw new Error("screening.worker.ts must run as a worker thread");
const { elements, params, settings } = workerData as ScreeningWorkerData;

let context: Promise<ScreeningContext> | null = null;
let queue: Promise<void> = Promise.resolve();

port.on("message", (task: ScreeningTask) => {
  queue = queue.then(async () => {
    try {
      context ??= createScreeningContext(elements, params, settings);
      const result = await screenBlock(await context, task.blockStartMs);
      const reply: ScreeningReply = { kind: "block", result };
      port.postMessage(reply);
    } catch (error) {
      const reply: ScreeningReply = {
        kind: "failure",
        blockStartMs: task.blockStartMs,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      port.postMessage(reply);
    }
  });
});
