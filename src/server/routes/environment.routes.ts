import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { loadComplianceReport } from "../../environment/compliance.service.ts";
import { loadEnvironmentTrends, loadFragmentations } from "../../environment/fragmentation.service.ts";
import { loadObjectLifetime } from "../../environment/object-lifetime.service.ts";
import {
  AtQuerySchema,
  ComplianceQuerySchema,
  ComplianceResultSchema,
  EnvironmentQuerySchema,
  EnvironmentResultSchema,
  FragmentationsResultSchema,
  LifetimeParamsSchema,
  LifetimeResultSchema,
} from "../schemas/environment.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";

const tags = ["environment"];
const atMs = (at: string | undefined) => (at === undefined ? Date.now() : Date.parse(at));

const complianceRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/compliance",
  tags,
  summary: "Post-mission-disposal compliance of ended payloads and rocket bodies (25-year or 5-year rule; GEO re-orbit), classed like ESA's report",
  request: { query: ComplianceQuerySchema },
  responses: { 200: jsonResponse(ComplianceResultSchema, "Counts by group, the LEO figures, the sources and the method's assumptions"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const fragmentationsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/fragmentations",
  tags,
  summary: "Fragmentation events: debris by parent launch, in orbit, projected after 5, 10 and 25 years; destructive ASAT tests flagged",
  request: { query: AtQuerySchema },
  responses: { 200: jsonResponse(FragmentationsResultSchema, "Events, largest first"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const environmentRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/environment",
  tags,
  summary: "Objects in orbit by year end (by state, type or regime), launches per year by state, shares of the LEO population",
  request: { query: EnvironmentQuerySchema },
  responses: { 200: jsonResponse(EnvironmentResultSchema, "Trends from launch and decay dates"), ...ERROR_RESPONSES },
});

const lifetimeRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/lifetime/{catalogNumber}",
  tags,
  summary: "One object's remaining orbital lifetime and re-entry band (forecast mode)",
  request: { params: LifetimeParamsSchema, query: AtQuerySchema },
  responses: { 200: jsonResponse(LifetimeResultSchema, "The estimate with its element set and space-weather sources"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export function registerEnvironmentRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  app.openapi(complianceRoute, async (c) => {
    const { rule, by, at } = c.req.valid("query");
    return c.json(await loadComplianceReport(db, { analysisMs: atMs(at), rule, by }), 200);
  });
  app.openapi(fragmentationsRoute, async (c) => c.json(await loadFragmentations(db, atMs(c.req.valid("query").at)), 200));
  app.openapi(environmentRoute, async (c) => {
    const { by, at } = c.req.valid("query");
    return c.json(await loadEnvironmentTrends(db, atMs(at), by), 200);
  });
  app.openapi(lifetimeRoute, async (c) => {
    const { catalogNumber } = c.req.valid("param");
    return c.json(await loadObjectLifetime(db, Number(catalogNumber), atMs(c.req.valid("query").at)), 200);
  });
}
