import createClient from "openapi-fetch";
import { csrfMiddleware } from "../auth/csrf-token.ts";
import type { components, paths } from "./openapi-types.ts";

/** The API's schemas (generated from GET /openapi.json: see web/scripts/api-types.ts). */
export type Schemas = components["schemas"];
export type AsOf = Schemas["AsOf"];
export type IngestRef = NonNullable<Schemas["IngestRef"]>;

/** The typed client of the Concord API at this page's origin; state-changing requests carry the session's CSRF token. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: "same-origin" });
api.use(csrfMiddleware);

/**
 * Drops nulls from a list. The API never sends null list items, but its OpenAPI document marks some shared components
 * nullable (e.g. Ingest, because /api/health's lastIngest may be null), so the generated types allow them.
 */
export function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
