import {
  BulkPropagator,
  EciBaseCalculator,
  type SatRec,
  createMultiThreadRuntime,
  createSingleThreadRuntime,
  propagate,
} from "satellite.js";

type WasmRuntime = Awaited<ReturnType<typeof createSingleThreadRuntime>> | Awaited<ReturnType<typeof createMultiThreadRuntime>>;

/**
 * Positions and velocities of many satellites at many times, in one Float64Array:
 * `data = [positions | velocities]`, each block satellite-major then time-major then x, y, z:
 * position of satellite s at time t, axis k, is `positionKm[(s * timeCount + t) * 3 + k]` (TEME, km; velocity km/s).
 * A failed propagation leaves NaN in all six values and its SGP4 error code (1-6) in `errorCode[s * timeCount + t]`.
 * The layout equals satellite.js's BulkPropagator raw output, so a WASM run is copied in with two `set` calls,
 * and a range of satellites is one contiguous slice of each block: worker threads can each fill their range
 * of one shared buffer (pass a SharedArrayBuffer to createBulkStates).
 */
export interface BulkStates {
  readonly satelliteCount: number;
  readonly timeCount: number;
  readonly data: Float64Array;
  readonly positionKm: Float64Array;
  readonly velocityKmS: Float64Array;
  readonly errorCode: Int8Array;
}

/** Allocates (or wraps caller-provided, possibly shared, buffers of) the BulkStates layout. */
export function createBulkStates(
  satelliteCount: number,
  timeCount: number,
  buffers?: { readonly data: ArrayBufferLike; readonly errorCode: ArrayBufferLike },
): BulkStates {
  const count = satelliteCount * timeCount;
  const data = buffers ? new Float64Array(buffers.data, 0, count * 6) : new Float64Array(count * 6);
  const errorCode = buffers ? new Int8Array(buffers.errorCode, 0, count) : new Int8Array(count);
  return {
    satelliteCount,
    timeCount,
    data,
    positionKm: data.subarray(0, count * 3),
    velocityKmS: data.subarray(count * 3, count * 6),
    errorCode,
  };
}

/** Bytes needed for `data` and `errorCode` of a BulkStates, to size shared buffers. */
export function bulkStatesByteLengths(satelliteCount: number, timeCount: number): { data: number; errorCode: number } {
  const count = satelliteCount * timeCount;
  return { data: count * 6 * Float64Array.BYTES_PER_ELEMENT, errorCode: count };
}

function checkTarget(out: BulkStates, satrecCount: number, timeCount: number, satelliteOffset: number): void {
  if (out.timeCount !== timeCount) throw new RangeError(`output has ${out.timeCount} times, ${timeCount} given`);
  if (satelliteOffset < 0 || satelliteOffset + satrecCount > out.satelliteCount) {
    throw new RangeError(`satellites ${satelliteOffset}..${satelliteOffset + satrecCount} do not fit an output of ${out.satelliteCount}`);
  }
}

/**
 * The plain-JavaScript baseline: satellite.js `propagate(satrec, date)` for every satellite × time, written in
 * the BulkStates layout at satellites `satelliteOffset…`. Times are whole milliseconds (a `Date`).
 */
export function bulkPropagateJs(
  satrecs: readonly SatRec[],
  timesMs: ArrayLike<number>,
  out: BulkStates = createBulkStates(satrecs.length, timesMs.length),
  satelliteOffset = 0,
): BulkStates {
  const timeCount = timesMs.length;
  checkTarget(out, satrecs.length, timeCount, satelliteOffset);
  const dates: Date[] = [];
  for (let t = 0; t < timeCount; t++) dates.push(new Date(timesMs[t] ?? NaN));
  const { positionKm, velocityKmS, errorCode } = out;
  for (let s = 0; s < satrecs.length; s++) {
    const satrec = satrecs[s] as SatRec;
    const base = (satelliteOffset + s) * timeCount;
    for (let t = 0; t < timeCount; t++) {
      const i = (base + t) * 3;
      const result = propagate(satrec, dates[t] as Date);
      if (result === null) {
        positionKm[i] = positionKm[i + 1] = positionKm[i + 2] = NaN;
        velocityKmS[i] = velocityKmS[i + 1] = velocityKmS[i + 2] = NaN;
        errorCode[base + t] = satrec.error === 0 ? 1 : satrec.error;
      } else {
        positionKm[i] = result.position.x;
        positionKm[i + 1] = result.position.y;
        positionKm[i + 2] = result.position.z;
        velocityKmS[i] = result.velocity.x;
        velocityKmS[i + 1] = result.velocity.y;
        velocityKmS[i + 2] = result.velocity.z;
        errorCode[base + t] = 0;
      }
    }
  }
  return out;
}

/** satellite.js's WASM SGP4 (C++ compiled with Emscripten) behind the BulkStates layout. */
export interface WasmBulkPropagator {
  /** 1: the single-thread WASM runtime; more: the pthreads runtime with that many threads. */
  readonly threads: number;
  /** Propagates satrecs × times into `out` at satellites `satelliteOffset…`. Runs are sequential per propagator. */
  propagate(satrecs: readonly SatRec[], timesMs: ArrayLike<number>, out?: BulkStates, satelliteOffset?: number): Promise<BulkStates>;
  /** Frees the WASM memory and, for the pthreads runtime, ends its threads. */
  dispose(): void;
}

/** The single-thread runtime is created once per thread: Emscripten's exit (its dispose) cannot be undone. */
let singleThreadRuntime: Promise<WasmRuntime> | null = null;

/**
 * Creates a WASM bulk propagator. `threads: 1` (default) uses satellite.js's single-thread runtime, which
 * works in the main thread and in Node worker threads alike, so a worker pool can give each worker its own.
 * `threads > 1` uses the pthreads runtime (Emscripten threads are Node worker threads, started on first
 * run); its `run` is asynchronous. Times are whole milliseconds (satellite.js takes `Date`s).
 */
export async function createWasmBulkPropagator(options: { threads?: number } = {}): Promise<WasmBulkPropagator> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const runtime: WasmRuntime =
    threads === 1
      ? await (singleThreadRuntime ??= createSingleThreadRuntime())
      : await createMultiThreadRuntime({ threadsCount: threads });
  const propagator = new BulkPropagator({ runtime, calculators: [new EciBaseCalculator()], satRecsCount: 1, datesCount: 1 });
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (satrecs: readonly SatRec[], timesMs: ArrayLike<number>, out: BulkStates, satelliteOffset: number): Promise<BulkStates> => {
    const timeCount = timesMs.length;
    checkTarget(out, satrecs.length, timeCount, satelliteOffset);
    if (satrecs.length === 0 || timeCount === 0) return out;
    const dates: Date[] = [];
    for (let t = 0; t < timeCount; t++) dates.push(new Date(timesMs[t] ?? NaN));
    propagator.setSatRecs(satrecs as SatRec[]);
    propagator.setDates(dates);
    await propagator.run();
    const { position, velocity, error } = propagator.getRawOutput().eci;
    const start = satelliteOffset * timeCount;
    out.positionKm.set(position, start * 3);
    out.velocityKmS.set(velocity, start * 3);
    out.errorCode.set(error, start);
    for (let j = 0; j < error.length; j++) {
      if (error[j] !== 0) {
        const i = (start + j) * 3;
        out.positionKm.fill(NaN, i, i + 3);
        out.velocityKmS.fill(NaN, i, i + 3);
      }
    }
    return out;
  };

  return {
    threads,
    propagate(satrecs, timesMs, out = createBulkStates(satrecs.length, timesMs.length), satelliteOffset = 0) {
      const next = queue.then(() => run(satrecs, timesMs, out, satelliteOffset));
      queue = next.catch(() => undefined);
      return next;
    },
    dispose() {
      propagator.dispose();
      if (runtime.mode === "multi") {
        // Emscripten's exit throws an ExitStatus and sets process.exitCode; keep the caller's exit code.
        const exitCode = process.exitCode;
        try {
          runtime.dispose();
        } catch (error) {
          if ((error as { name?: unknown } | null)?.name !== "ExitStatus") throw error;
        } finally {
          process.exitCode = exitCode;
        }
      }
    },
  };
}
