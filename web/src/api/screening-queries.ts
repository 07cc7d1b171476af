import { api } from "./api-client.ts";
import type { Schemas } from "./api-client.ts";
import { unwrap } from "./api-error.ts";
import { cachedQuery } from "./query-cache.ts";

export type ScreeningRun = Schemas["ScreeningRun"];
export type ConjunctionEvent = Awaited<ReturnType<typeof loadEvent>>["event"];
export type RunEventsPage = Awaited<ReturnType<typeof loadRunEvents>>;
export type ExposureReport = Awaited<ReturnType<typeof loadExposure>>;

export function loadRuns() {
  return cachedQuery("runs", () => unwrap(api.GET("/api/screening/runs")));
}

export interface EventFilter {
  readonly actor?: string;
  readonly minPc?: number;
  readonly maxMissKm?: number;
}

export function loadRunEvents(runId: number, filter: EventFilter, limit: number, offset: number) {
  const query = {
    limit,
    offset,
    ...(filter.actor === undefined || filter.actor === "" ? {} : { actor: filter.actor }),
    ...(filter.minPc === undefined ? {} : { minPc: filter.minPc }),
    ...(filter.maxMissKm === undefined ? {} : { maxMissKm: filter.maxMissKm }),
  };
  return cachedQuery(`events:${runId}:${JSON.stringify(query)}`, () =>
    unwrap(api.GET("/api/screening/runs/{id}/events", { params: { path: { id: runId }, query } })),
  );
}

/** Every event of a run that matches the filter, page by page (CSV downloads), up to `max`. */
export async function loadAllRunEvents(runId: number, filter: EventFilter, max = 20_000): Promise<ConjunctionEvent[]> {
  const items: ConjunctionEvent[] = [];
  for (let offset = 0; offset < max; offset += 1000) {
    const page = await loadRunEvents(runId, filter, 1000, offset);
    items.push(...page.items);
    if (offset + 1000 >= page.total) break;
  }
  return items;
}

export function loadEvent(eventId: number) {
  return cachedQuery(`event:${eventId}`, () => unwrap(api.GET("/api/conjunctions/{eventId}", { params: { path: { eventId } } })));
}

export function loadExposure(runId: number) {
  return cachedQuery(`exposure:${runId}`, () => unwrap(api.GET("/api/screening/runs/{id}/exposure", { params: { path: { id: runId } } })));
}
