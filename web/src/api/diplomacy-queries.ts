import { api } from "./api-client.ts";
import { unwrap } from "./api-error.ts";
import { cachedQuery } from "./query-cache.ts";

export type StateDirectory = Awaited<ReturnType<typeof loadStateDirectory>>;
export type StateProfile = Awaited<ReturnType<typeof loadStateProfile>>;
export type InstrumentView = Awaited<ReturnType<typeof loadInstrumentView>>;
/** Non-null: the OpenAPI document marks the shared VoteView component nullable (InstrumentView.votes may be null). */
export type VoteView = NonNullable<Awaited<ReturnType<typeof loadVoteView>>>;
export type OutreachReport = Awaited<ReturnType<typeof loadOutreach>>;

export function loadStateDirectory() {
  return cachedQuery("states", () => unwrap(api.GET("/api/states")));
}

export function loadStateProfile(state: string) {
  return cachedQuery(`state:${state}`, () => unwrap(api.GET("/api/states/{state}", { params: { path: { state } } })));
}

export function loadInstruments() {
  return cachedQuery("instruments", () => unwrap(api.GET("/api/instruments")));
}

export function loadInstrumentView(id: string) {
  return cachedQuery(`instrument:${id}`, () => unwrap(api.GET("/api/instruments/{id}", { params: { path: { id } } })));
}

export function loadVoteView(id: string) {
  return cachedQuery(`vote:${id}`, () => unwrap(api.GET("/api/votes/{id}", { params: { path: { id } } })));
}

/** `weights`: the API's `factor:weight,…` text (empty: the configured weights). */
export function loadOutreach(id: string, top: number, weights: string) {
  const query = { top, ...(weights === "" ? {} : { weights }) };
  return cachedQuery(`outreach:${id}:${top}:${weights}`, () => unwrap(api.GET("/api/outreach/{id}", { params: { path: { id }, query } })));
}
