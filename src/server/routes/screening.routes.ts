import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { ACTIVE_PAYLOAD_DEFINITION } from "../../catalog/active-payload.ts";
import { NotFoundError } from "../../core/concord-error.ts";
import { conjunctionEventJson } from "../../screening/conjunction-event-json.ts";
import { loadRunExposure } from "../../screening/run-exposure.service.ts";
import { runSummaryJson } from "../../screening/screening-run-summary.ts";
import { storedEventCdm } from "../../screening/stored-event-cdm.ts";
import { formatCdmKvn } from "../../screening/cdm-kvn-format.ts";
import { formatCdmXml } from "../../screening/cdm-xml-format.ts";
import type { StoreSchema } from "../../store/schema.ts";
import { getConjunctionEvent, getScreeningRun, listRunEvents, listScreeningRuns } from "../../store/screening-run.repository.ts";
import type { ScreeningRunRecord } from "../../store/screening-run.repository.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";
import {
  ConjunctionDetailSchema,
  EventIdParamsSchema,
  ExposureResponseSchema,
  RunEventsQuerySchema,
  RunEventsResponseSchema,
  RunIdParamsSchema,
  ScreeningRunSchema,
  ScreeningRunsResponseSchema,
} from "../schemas/screening.schemas.ts";
import type { Kysely } from "kysely";

const tags = ["screening"];

const runsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/screening/runs",
  tags,
  summary: "Every stored screening run: window, threshold, primaries, element-set snapshot, duration, algorithm and guarantee",
  responses: { 200: jsonResponse(ScreeningRunsResponseSchema, "Runs, newest first"), ...ERROR_RESPONSES },
});

const runRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/screening/runs/{id}",
  tags,
  summary: "One screening run",
  request: { params: RunIdParamsSchema },
  responses: { 200: jsonResponse(ScreeningRunSchema, "The run"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const eventsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/screening/runs/{id}/events",
  tags,
  summary: "A run's conjunction events, closest first, filtered by actor, minimum Pc and maximum miss distance",
  request: { params: RunIdParamsSchema, query: RunEventsQuerySchema },
  responses: { 200: jsonResponse(RunEventsResponseSchema, "One page of events, with the total"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const exposureRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/screening/runs/{id}/exposure",
  tags,
  summary: "Who endangers whom: the actor-by-actor matrix and each actor's exposure to other actors' debris",
  request: { params: RunIdParamsSchema },
  responses: { 200: jsonResponse(ExposureResponseSchema, "The exposure matrix"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const eventRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/conjunctions/{eventId}",
  tags,
  summary: "One conjunction event with its run and its CDM (KVN and XML)",
  request: { params: EventIdParamsSchema },
  responses: { 200: jsonResponse(ConjunctionDetailSchema, "The event"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

async function requireRun(db: Kysely<StoreSchema>, id: number): Promise<ScreeningRunRecord> {
  const run = await getScreeningRun(db, id);
  if (run === null) throw new NotFoundError("screening run", `no screening run #${id}: GET /api/screening/runs lists them`);
  return run;
}

export function registerScreeningRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;

  app.openapi(runsRoute, async (c) => {
    const runs = await listScreeningRuns(db);
    return c.json({ items: runs.map(runSummaryJson) }, 200);
  });

  app.openapi(runRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(runSummaryJson(await requireRun(db, id)), 200);
  });

  app.openapi(eventsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const run = await requireRun(db, id);
    const filter = {
      ...(query.actor !== undefined ? { actorCode: query.actor.toUpperCase() } : {}),
      ...(query.minPc !== undefined ? { minPc: query.minPc } : {}),
      ...(query.maxMissKm !== undefined ? { maxMissKm: query.maxMissKm } : {}),
    };
    const page = await listRunEvents(db, id, filter, { limit: query.limit, offset: query.offset });
    return c.json({ run: runSummaryJson(run), total: page.total, limit: query.limit, offset: query.offset, items: page.items.map(conjunctionEventJson) }, 200);
  });

  app.openapi(exposureRoute, async (c) => {
    const { id } = c.req.valid("param");
    const run = await requireRun(db, id);
    const matrix = await loadRunExposure(db, run);
    return c.json(
      {
        run: runSummaryJson(run),
        activeDefinition: ACTIVE_PAYLOAD_DEFINITION,
        actors: [...matrix.actors],
        cells: matrix.cells.map((cell) => ({ ...cell, byClass: [...cell.byClass] })),
        debrisExposure: matrix.debrisExposure.map((d) => ({ ...d, parents: [...d.parents] })),
        totals: matrix.totals,
      },
      200,
    );
  });

  app.openapi(eventRoute, async (c) => {
    const { eventId } = c.req.valid("param");
    const event = await getConjunctionEvent(db, eventId);
    if (event === null) throw new NotFoundError("conjunction event", `no conjunction event #${eventId}`);
    const run = await requireRun(db, event.runId);
    const cdm = storedEventCdm(event, run);
    return c.json({ run: runSummaryJson(run), event: conjunctionEventJson(event), cdm: { kvn: formatCdmKvn(cdm), xml: formatCdmXml(cdm) } }, 200);
  });
}
