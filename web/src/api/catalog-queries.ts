import { api } from "./api-client.ts";
import { unwrap } from "./api-error.ts";
import type { ObjectTypeCode, RegimeCode, StatusCode } from "./object-filters.ts";
import { cachedQuery } from "./query-cache.ts";

export type StatsGrouping = "state" | "owner" | "regime" | "type" | "launch-year";
export type ObjectStatus = StatusCode;

export function loadStats(by: StatsGrouping, status: ObjectStatus) {
  return cachedQuery(`stats:${by}:${status}`, () => unwrap(api.GET("/api/stats", { params: { query: { by, status } } })));
}

export interface ObjectQuery {
  readonly search?: string | undefined;
  readonly type?: ObjectTypeCode | undefined;
  readonly regime?: RegimeCode | undefined;
  readonly actor?: string | undefined;
  readonly owner?: string | undefined;
  readonly status?: ObjectStatus | undefined;
  readonly limit: number;
  readonly offset: number;
}

const given = (value: string | undefined): value is string => value !== undefined && value !== "";

function objectListQuery(query: ObjectQuery) {
  return {
    limit: query.limit,
    offset: query.offset,
    ...(given(query.search) ? { search: query.search } : {}),
    ...(query.type === undefined ? {} : { type: query.type }),
    ...(query.regime === undefined ? {} : { regime: query.regime }),
    ...(given(query.actor) ? { actor: query.actor } : {}),
    ...(given(query.owner) ? { owner: query.owner } : {}),
    ...(query.status === undefined ? {} : { status: query.status }),
  };
}

export function loadObjects(query: ObjectQuery) {
  const params = objectListQuery(query);
  return cachedQuery(`objects:${JSON.stringify(params)}`, () => unwrap(api.GET("/api/objects", { params: { query: params } })));
}

export function loadObject(catalogNumber: number, historyLimit: number) {
  return cachedQuery(`object:${catalogNumber}:${historyLimit}`, () =>
    unwrap(api.GET("/api/objects/{catalogNumber}", { params: { path: { catalogNumber }, query: { historyLimit } } })),
  );
}

export function loadSources() {
  return cachedQuery("sources", () => unwrap(api.GET("/api/sources")));
}

export function loadRejections(id: number, limit: number, offset: number) {
  return cachedQuery(`rejections:${id}:${limit}:${offset}`, () =>
    unwrap(api.GET("/api/sources/{id}/rejections", { params: { path: { id }, query: { limit, offset } } })),
  );
}

export function loadActors() {
  return cachedQuery("actors", () => unwrap(api.GET("/api/actors")));
}
