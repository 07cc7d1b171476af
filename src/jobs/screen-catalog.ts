import { screenBlocksOnWorkers } from "./screening-pool.ts";
import type { MeanElements } from "../orbit/mean-elements.ts";
import type { ConjunctionEvent, ScreeningParameters } from "../screening/conjunction-event.ts";
import { mergeBlockResults } from "../screening/screen-merge.ts";
import type { ScreeningRunStats } from "../screening/screen-merge.ts";
import { prepareScreeningObjects } from "../screening/screen-objects.ts";
import { planScreening } from "../screening/screen-plan.ts";
import { DEFAULT_SCREENING_SETTINGS, validateScreening } from "../screening/screen-settings.ts";
import type { ScreeningEngineSettings } from "../screening/screen-settings.ts";

/** Progress of a run, after each time block. */
export interface ScreeningProgress {
  /** Fraction of the window's blocks done, 0…1. */
  readonly fractionDone: number;
  readonly blocksDone: number;
  readonly blocksTotal: number;
  /** Events found so far (before the final de-duplication across blocks). */
  readonly eventsSoFar: number;
  readonly elapsedMs: number;
}

export interface ScreenCatalogOptions {
  /** Worker threads (at least 1; use the machine's cores). */
  readonly threads: number;
  onProgress?(progress: ScreeningProgress): void;
  /** Aborting stops every worker at once; the promise rejects with ScreeningAbortedError (code CANCELLED). */
  readonly signal?: AbortSignal | undefined;
  /** Engine settings (defaults: DEFAULT_SCREENING_SETTINGS); refused when they would break the guarantee. */
  readonly settings?: ScreeningEngineSettings | undefined;
}

/**
 * Screens every pair of the catalog (params.primaries null: each pair once, the lower catalog number as primary), or
 * the primaries against every object (the primary first; a pair of two primaries once, lower number first), over
 * [fromMs, toMs) at thresholdKm, on worker threads. The algorithm and its guarantee: screen-guarantee.ts (also in
 * `stats.algorithm` / `stats.guarantee`). Memory stays bounded: the window is processed in time blocks, one per
 * worker at a time; only nodes of the blocks in flight are held.
 */
export async function screenCatalog(
  elements: readonly MeanElements[],
  params: ScreeningParameters,
  options: ScreenCatalogOptions,
): Promise<{ events: ConjunctionEvent[]; stats: ScreeningRunStats }> {
  const settings = options.settings ?? DEFAULT_SCREENING_SETTINGS;
  validateScreening(params, settings);
  const started = performance.now();
  const objects = prepareScreeningObjects(elements, params.primaries);
  const plan = planScreening(params, settings);
  const threads = Math.max(1, Math.floor(options.threads));
  let eventsSoFar = 0;
  const blocks = await screenBlocksOnWorkers(elements, params, settings, plan.blockStartsMs, {
    threads,
    onBlock: (result, done, total) => {
      eventsSoFar += result.events.length;
      options.onProgress?.({ fractionDone: done / total, blocksDone: done, blocksTotal: total, eventsSoFar, elapsedMs: performance.now() - started });
    },
    signal: options.signal,
  });
  return mergeBlockResults(blocks, objects, params, settings, { threads, wallMs: performance.now() - started });
}
