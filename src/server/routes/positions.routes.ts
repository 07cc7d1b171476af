import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";

/** The positions routes of the workspace (issue 7). Every route declares its access (auth/route-access.ts). */
export function registerPositionsRoutes(app: OpenAPIHono, context: ConcordContext): void {
  void app;
  void context;
}
