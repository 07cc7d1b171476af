import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { cachedQuery } from "../../api/query-cache.ts";

/** Reads of the positions API, keyed by the page's workspace revision (see ../fora/workspace-revision.ts). */

export type PositionList = Schemas["PositionList"];
export type PositionListItem = PositionList["items"][number];
export type PositionDetail = Schemas["PositionDetail"];
export type PositionCitation = PositionDetail["citations"][number];
export type PositionVersions = Schemas["PositionVersionList"];
export type PositionDiff = Schemas["PositionDiff"];

export const CLEARANCE_STATUSES = ["draft", "under-review", "cleared", "delivered"] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];
export const POSITION_KINDS = ["position-paper", "talking-points"] as const;

export const STATUS_LABELS: Readonly<Record<ClearanceStatus, string>> = { draft: "draft", "under-review": "under review", cleared: "cleared", delivered: "delivered" };
export const KIND_LABELS: Readonly<Record<(typeof POSITION_KINDS)[number], string>> = { "position-paper": "position paper", "talking-points": "talking points" };

export interface PositionFilters {
  readonly session?: number;
  readonly agendaItem?: number;
  readonly status?: ClearanceStatus;
  readonly kind?: (typeof POSITION_KINDS)[number];
}

export function loadPositions(filters: PositionFilters, revision: number) {
  return cachedQuery(`ws:positions:${JSON.stringify(filters)}:${revision}`, () => unwrap(api.GET("/api/positions", { params: { query: filters } })));
}

export function loadPosition(id: number, revision: number) {
  return cachedQuery(`ws:position:${id}:${revision}`, () => unwrap(api.GET("/api/positions/{id}", { params: { path: { id } } })));
}

export function loadPositionVersions(id: number, revision: number) {
  return cachedQuery(`ws:position-versions:${id}:${revision}`, () => unwrap(api.GET("/api/positions/{id}/versions", { params: { path: { id } } })));
}

export function loadPositionDiff(id: number, from: number, to: number, revision: number) {
  return cachedQuery(`ws:position-diff:${id}:${from}:${to}:${revision}`, () => unwrap(api.GET("/api/positions/{id}/diff", { params: { path: { id }, query: { from, to } } })));
}
