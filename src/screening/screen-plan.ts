import type { ScreeningParameters } from "./conjunction-event.ts";
import type { ScreeningEngineSettings } from "./screen-settings.ts";

/**
 * The slices and blocks a window needs, on the absolute lattice (slice g covers [g·sliceS, (g+1)·sliceS) since 1970;
 * blocks start at multiples of blockS). Coverage runs one slice before the window and to the slice that starts at or
 * after its end, so that a closest approach at either edge is bracketed by nodes on both sides.
 */
export interface ScreeningPlan {
  readonly firstSlice: number;
  readonly lastSlice: number;
  readonly blockStartsMs: readonly number[];
}

export function planScreening(params: ScreeningParameters, settings: ScreeningEngineSettings): ScreeningPlan {
  const sliceMs = settings.sliceS * 1000;
  const blockMs = settings.blockS * 1000;
  const firstSlice = Math.floor(params.fromMs / sliceMs) - 1;
  const lastSlice = Math.ceil(params.toMs / sliceMs);
  const firstBlock = Math.floor((firstSlice * sliceMs) / blockMs);
  const lastBlock = Math.floor((lastSlice * sliceMs) / blockMs);
  const blockStartsMs: number[] = [];
  for (let b = firstBlock; b <= lastBlock; b++) blockStartsMs.push(b * blockMs);
  return { firstSlice, lastSlice, blockStartsMs };
}
