import type { MeanElements } from "../orbit/mean-elements.ts";
import { estimateLifetime } from "../orbit/lifetime/estimate-lifetime.ts";
import type { LifetimeEstimate, LifetimeScenarios } from "../orbit/lifetime/estimate-lifetime.ts";

export interface CatalogLifetimeOptions {
  readonly analysisMs: number;
  readonly horizonYears: number;
  /** Earlier element sets per catalog number, for history fits of the ballistic coefficient. */
  readonly histories?: ReadonlyMap<number, readonly MeanElements[]>;
  /** Called every `progressEvery` objects (default 2,000) and at the end. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

/**
 * Remaining lifetime of every object of a catalog snapshot (one element set each: the latest at or before the
 * analysis date), in the snapshot's order. Pure; one core, about 0.2 ms per object.
 */
export function estimateCatalogLifetimes(
  elements: readonly MeanElements[],
  scenarios: LifetimeScenarios,
  options: CatalogLifetimeOptions,
): LifetimeEstimate[] {
  const every = options.progressEvery ?? 2000;
  const estimates: LifetimeEstimate[] = [];
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const history = options.histories?.get(el.catalogNumber);
    estimates.push(
      estimateLifetime(
        { elements: el, analysisMs: options.analysisMs, horizonYears: options.horizonYears, ...(history !== undefined ? { history } : {}) },
        scenarios,
      ),
    );
    if ((i + 1) % every === 0) options.onProgress?.(i + 1, elements.length);
  }
  options.onProgress?.(elements.length, elements.length);
  return estimates;
}
