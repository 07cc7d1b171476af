import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { loadDestructiveAsatTests } from "../../diplomacy/destructive-asat-test.ts";
import type { DisposalComplianceProvider } from "../../diplomacy/disposal-compliance.ts";
import { loadInstrumentView, loadVoteView } from "../../diplomacy/instrument-view.service.ts";
import { loadOutreachRanking } from "../../diplomacy/outreach.service.ts";
import { loadOutreachConfig } from "../../diplomacy/outreach-weights.ts";
import { loadStateDirectory } from "../../diplomacy/state-directory.service.ts";
import { loadStateProfile } from "../../diplomacy/state-profile.service.ts";
import { loadDiplomacyReference } from "../../store/diplomacy-reference.repository.ts";
import {
  InstrumentListSchema,
  InstrumentParamsSchema,
  InstrumentViewSchema,
  OutreachReportSchema,
  OutreachWeightsQuerySchema,
  StateDirectorySchema,
  StateParamsSchema,
  StateProfileSchema,
  VoteViewSchema,
} from "../schemas/diplomacy.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";

const tags = ["diplomacy"];

const statesRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/states",
  tags,
  summary: "Every state of the registry: UN status, regional group, objects on orbit and its standing under each treaty, accord, commitment and resolution",
  responses: { 200: jsonResponse(StateDirectorySchema, "The states, by ISO code"), ...ERROR_RESPONSES },
});

const instrumentsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/instruments",
  tags,
  summary: "Every instrument of the registry (treaties, accords, commitments, resolutions, drafts, guidelines)",
  responses: { 200: jsonResponse(InstrumentListSchema, "The instruments, by id"), ...ERROR_RESPONSES },
});

const stateRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/states/{state}",
  tags,
  summary: "A state's profile: acts under every instrument, fora, conduct in orbit, conjunctions, and commitments beside conduct",
  request: { params: StateParamsSchema },
  responses: { 200: jsonResponse(StateProfileSchema, "The profile; every figure with its source and as-of date"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const instrumentRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/instruments/{id}",
  tags,
  summary: "An instrument: who is in and since when, growth per year, who signed only, withdrew, is out or unknown; votes for resolutions",
  request: { params: InstrumentParamsSchema },
  responses: { 200: jsonResponse(InstrumentViewSchema, "The instrument view"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const votesRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/votes/{id}",
  tags,
  summary: "A recorded vote: the published tally beside the per-state votes stored (unstored votes are unknown)",
  request: { params: InstrumentParamsSchema },
  responses: { 200: jsonResponse(VoteViewSchema, "Who voted how"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const outreachRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/outreach/{id}",
  tags,
  summary: "Outreach priorities: the states not yet committed to an instrument, ranked, each score broken down into its factors",
  request: { params: InstrumentParamsSchema, query: OutreachWeightsQuerySchema },
  responses: { 200: jsonResponse(OutreachReportSchema, "The ranking (weights from data/outreach-weights.json, or overridden by `weights`)"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export interface DiplomacyRouteOptions {
  /** The environment analytics' post-mission-disposal compliance lookup, once it exists. */
  readonly disposalCompliance?: DisposalComplianceProvider;
}

/** The curated ASAT tests and the outreach weights are read once, when the routes are registered. */
export function registerDiplomacyRoutes(app: OpenAPIHono, context: ConcordContext, options: DiplomacyRouteOptions = {}): void {
  const { db } = context.database;
  const today = () => new Date().toISOString().slice(0, 10);
  const asatTests = loadDestructiveAsatTests(today());
  const outreachConfig = loadOutreachConfig();

  app.openapi(statesRoute, async (c) => c.json(await loadStateDirectory(db), 200));

  app.openapi(instrumentsRoute, async (c) => c.json({ items: (await loadDiplomacyReference(db)).instruments }, 200));

  app.openapi(stateRoute, async (c) => {
    const { state } = c.req.valid("param");
    const profile = await loadStateProfile(db, context.actors, asatTests, state, options.disposalCompliance === undefined ? {} : { disposalCompliance: options.disposalCompliance });
    return c.json(profile, 200);
  });

  app.openapi(instrumentRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await loadInstrumentView(db, id, today()), 200);
  });

  app.openapi(votesRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await loadVoteView(db, id), 200);
  });

  app.openapi(outreachRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { top, weights } = c.req.valid("query");
    return c.json(await loadOutreachRanking(db, id, outreachConfig, { top, referenceDay: today(), weights }), 200);
  });
}
