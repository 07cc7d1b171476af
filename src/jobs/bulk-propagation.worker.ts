import { parentPort, workerData } from "node:worker_threads";
import { bulkPropagateJs, createBulkStates, createWasmBulkPropagator } from "../orbit/bulk-propagate.ts";
import type { BulkStates, WasmBulkPropagator } from "../orbit/bulk-propagate.ts";
import { toSatrec } from "../orbit/satrec.ts";
import type { PropagationReply, PropagationTask, PropagationWorkerData } from "./bulk-propagation-messages.ts";

/**
 * A propagation worker of bulk-propagation-pool.ts: converts each task's element sets to satrecs, propagates them
 * to every time (WASM single-thread propagator created once per worker, or the plain-JS loop) into a fresh
 * BulkStates, and transfers its two buffers back. Tasks are handled one after another in arrival order.
 */
const port = parentPort;
if (port === null) throw new Error("bulk-propagation.worker.ts must run as a worker thread");
const { engine, timesMs } = workerData as PropagationWorkerData;

let wasm: Promise<WasmBulkPropagator> | null = null;
let queue: Promise<void> = Promise.resolve();

async function propagateTask(task: PropagationTask): Promise<BulkStates> {
  const satrecs = task.elements.map(toSatrec);
  const out = createBulkStates(satrecs.length, timesMs.length);
  if (engine === "js") return bulkPropagateJs(satrecs, timesMs, out);
  wasm ??= createWasmBulkPropagator({ threads: 1 });
  return (await wasm).propagate(satrecs, timesMs, out);
}

function countFailures(errorCode: Int8Array): number {
  let failed = 0;
  for (let i = 0; i < errorCode.length; i++) if (errorCode[i] !== 0) failed++;
  return failed;
}

port.on("message", (task: PropagationTask) => {
  queue = queue.then(async () => {
    try {
      const states = await propagateTask(task);
      const data = states.data.buffer as ArrayBuffer;
      const errorCode = states.errorCode.buffer as ArrayBuffer;
      const reply: PropagationReply = {
        kind: "chunk",
        firstSatellite: task.firstSatellite,
        satelliteCount: states.satelliteCount,
        data,
        errorCode,
        failedStates: countFailures(states.errorCode),
      };
      port.postMessage(reply, [data, errorCode]);
    } catch (error) {
      const reply: PropagationReply = {
        kind: "failure",
        firstSatellite: task.firstSatellite,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      port.postMessage(reply);
    }
  });
});
