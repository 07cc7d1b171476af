import type { MeanElements } from "../orbit/mean-elements.ts";
import type { ScreeningParameters } from "../screening/conjunction-event.ts";
import type { BlockResult } from "../screening/screen-block.ts";
import type { ScreeningEngineSettings } from "../screening/screen-settings.ts";

/** What a screening worker is started with: the whole run (each worker builds its satrecs and propagators once). */
export interface ScreeningWorkerData {
  readonly elements: readonly MeanElements[];
  readonly params: ScreeningParameters;
  readonly settings: ScreeningEngineSettings;
}

/** One unit of work: the time block starting at blockStartMs. */
export interface ScreeningTask {
  readonly blockStartMs: number;
}

export type ScreeningReply =
  | { readonly kind: "block"; readonly result: BlockResult }
  | { readonly kind: "failure"; readonly blockStartMs: number; readonly message: string };
