import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { mostRecentIngest } from "../../store/latest-ingest.queries.ts";
import { countAllObjects } from "../../store/space-object.repository.ts";
import { loadAsOf } from "../../catalog/data-as-of.ts";
import { toIngestJson } from "../as-of.ts";
import type { BootstrapStatus } from "../bootstrap-status.ts";
import { HealthResponseSchema } from "../schemas/health.schemas.ts";
import { ERROR_RESPONSES, jsonResponse } from "../schemas/responses.ts";

const healthRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/health",
  tags: ["health"],
  summary: "The store, how many objects it holds, the last ingest, and the first-start bootstrap's progress",
  responses: { 200: jsonResponse(HealthResponseSchema, "The server is up"), ...ERROR_RESPONSES },
});

export function registerHealthRoutes(app: OpenAPIHono, context: ConcordContext, bootstrapStatus: () => BootstrapStatus): void {
  const { db } = context.database;
  app.openapi(healthRoute, async (c) => {
    const [objects, lastIngest, asOf] = await Promise.all([countAllObjects(db), mostRecentIngest(db), loadAsOf(db)]);
    const bootstrap = bootstrapStatus();
    return c.json(
      {
        status: "ok" as const,
        store: context.database.describe,
        dialect: context.database.dialect,
        objects,
        lastIngest: lastIngest === null ? null : toIngestJson(lastIngest),
        bootstrap: { ...bootstrap, progress: bootstrap.progress === null ? null : { ...bootstrap.progress } },
        asOf,
      },
      200,
    );
  });
}
