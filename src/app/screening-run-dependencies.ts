import type { MeanElements } from "../orbit/mean-elements.ts";
import type { ConjunctionEvent, ScreeningParameters } from "../screening/conjunction-event.ts";
import { EVENT_PC_NOTE, assessEventPc } from "../screening/event-pc.ts";
import { screenCatalog } from "../jobs/screen-catalog.ts";
import type { ScreenCatalogFn, ScreeningRunDependencies } from "../screening/screening-run.service.ts";

/** The engine's stats, as far as a run record needs them: its own description of the algorithm and guarantee. */
function describeAlgorithm(_params: ScreeningParameters, stats: unknown): { algorithm: string; guarantee: string } {
  const s = (stats ?? {}) as { algorithm?: unknown; guarantee?: unknown };
  return {
    algorithm: typeof s.algorithm === "string" ? s.algorithm : JSON.stringify(stats),
    guarantee: typeof s.guarantee === "string" ? s.guarantee : "see the engine's stats",
  };
}

/** The production wiring (composition root: the domain service gets the worker-pool engine from here, so src/screening never imports src/jobs): the screening engine, Pc from the default GP covariance model and RCS-based HBR. */
export function defaultScreeningDependencies(softwareVersion: string): ScreeningRunDependencies {
  const screen: ScreenCatalogFn = (elements: MeanElements[], params: ScreeningParameters, options) =>
    screenCatalog(elements, params, options) as Promise<{ events: ConjunctionEvent[]; stats: unknown }>;
  return { screen, describeAlgorithm, assessPc: assessEventPc, pcNote: EVENT_PC_NOTE, softwareVersion };
}
