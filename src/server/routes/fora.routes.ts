import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Role } from "../../accounts/role.ts";
import type { ConcordContext } from "../../app/concord-context.ts";
import { foraReferencesOf, loadCuratedFora } from "../../fora/curated-fora.ts";
import { listForaWithSessions, loadSessionCalendar } from "../../fora/fora-overview.service.ts";
import { addAgendaItem, addSessionDocument, createForumSession, listForumSessionSummaries, loadForumSessionDetail, updateForumSessionFields } from "../../fora/forum-session.service.ts";
import { createProposal, listProposalSummaries, loadProposalDetail } from "../../fora/proposal.service.ts";
import { speakerDirectory } from "../../fora/speaker-directory.ts";
import { listSessionStatements, loadStatementView, recordStatement, recordStatementStance } from "../../fora/statement.service.ts";
import { loadForaRegistry } from "../../store/fora-registry.queries.ts";
import { auditActorOf, requirePrincipal } from "../auth/principal.ts";
import { ACCESS_KEY } from "../auth/route-access.ts";
import { registerAgendaImportRoutes } from "./agenda-import.routes.ts";
import { registerForaCorrectionRoutes } from "./fora-corrections.routes.ts";
import {
  AgendaItemSchema,
  CalendarQuerySchema,
  CalendarSchema,
  CreateAgendaItemBodySchema,
  CreateForumSessionBodySchema,
  CreateProposalBodySchema,
  CreateSessionDocumentBodySchema,
  CreateStanceBodySchema,
  CreateStatementBodySchema,
  ForumListSchema,
  ForumSessionDetailSchema,
  ForumSessionListSchema,
  ForumSessionQuerySchema,
  ForumSessionSchema,
  IdParamsSchema,
  PatchForumSessionBodySchema,
  ProposalDetailQuerySchema,
  ProposalDetailSchema,
  ProposalListSchema,
  ProposalQuerySchema,
  ProposalSchema,
  SessionDocumentSchema,
  SpeakerGroupListSchema,
  StatementListSchema,
  StatementQuerySchema,
  StatementSchema,
  StatementStanceSchema,
} from "../schemas/fora.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";

/**
 * The fora routes of the workspace (issue 7). Reads: viewer, analyst, admin; writes: analyst, admin; stakeholders
 * and signed-out callers none. Handlers parse, call a service with the principal as audit actor and the clock, map.
 * Corrections (change and delete) are in fora-corrections.routes.ts, the agenda import in agenda-import.routes.ts.
 */

const READERS: readonly Role[] = ["admin", "analyst", "viewer"];
const WRITERS: readonly Role[] = ["admin", "analyst"];
const tags = ["fora"];

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const ACCESS_ERRORS = { ...ERROR_RESPONSES, 401: jsonResponse(errorBody, "Not signed in"), 403: jsonResponse(errorBody, "Wrong role, or missing CSRF token") };
const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

const foraRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/fora",
  tags,
  summary: "The registry's fora, each with its sessions",
  responses: { 200: jsonResponse(ForumListSchema, "The fora"), ...ACCESS_ERRORS },
});

const speakerGroupsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/speaker-groups",
  tags,
  summary: "The groups that may speak in statements (G77, EU, regional groups), with their member States where recorded",
  responses: { 200: jsonResponse(SpeakerGroupListSchema, "The groups"), ...ACCESS_ERRORS },
});

const listSessionsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/forum-sessions",
  tags,
  summary: "Sessions of the fora by start date, optionally of one forum or status",
  request: { query: ForumSessionQuerySchema },
  responses: { 200: jsonResponse(ForumSessionListSchema, "The sessions"), ...ACCESS_ERRORS },
});

const createSessionRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/forum-sessions",
  tags,
  summary: "Create a session of a registry forum",
  request: jsonBody(CreateForumSessionBodySchema),
  responses: { 201: jsonResponse(ForumSessionSchema, "Created"), ...ACCESS_ERRORS },
});

const getSessionRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/forum-sessions/{id}",
  tags,
  summary: "A session with its agenda items (official order) and documents",
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(ForumSessionDetailSchema, "The session"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE },
});

const patchSessionRoute = createRoute({
  method: "patch",
  [ACCESS_KEY]: WRITERS,
  path: "/api/forum-sessions/{id}",
  tags,
  summary: "Change a session's fields (curated sessions are changed in data/fora instead: 409)",
  request: { params: IdParamsSchema, ...jsonBody(PatchForumSessionBodySchema) },
  responses: { 200: jsonResponse(ForumSessionSchema, "Changed"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE, 409: jsonResponse(errorBody, "A curated session") },
});

const addAgendaItemRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/forum-sessions/{id}/agenda-items",
  tags,
  summary: "Add an agenda item (official number unique within the session)",
  request: { params: IdParamsSchema, ...jsonBody(CreateAgendaItemBodySchema) },
  responses: { 201: jsonResponse(AgendaItemSchema, "Added"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE },
});

const addDocumentRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/forum-sessions/{id}/documents",
  tags,
  summary: "Add a document (UN symbol unique within the session), optionally under one of its agenda items",
  request: { params: IdParamsSchema, ...jsonBody(CreateSessionDocumentBodySchema) },
  responses: { 201: jsonResponse(SessionDocumentSchema, "Added"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE },
});

const listStatementsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/forum-sessions/{id}/statements",
  tags,
  summary: "A session's statements in delivery order, filtered by agenda item and speaker, with their stances",
  request: { params: IdParamsSchema, query: StatementQuerySchema },
  responses: { 200: jsonResponse(StatementListSchema, "The statements"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE },
});

const createStatementRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/forum-sessions/{id}/statements",
  tags,
  summary: "Record a statement: which state, group or organisation said what, on which item, when, with its source",
  request: { params: IdParamsSchema, ...jsonBody(CreateStatementBodySchema) },
  responses: { 201: jsonResponse(StatementSchema, "Recorded"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE },
});

const createStanceRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/statements/{id}/stances",
  tags,
  summary: "Record the stance a statement took on a proposal (supports, opposes or reserves)",
  request: { params: IdParamsSchema, ...jsonBody(CreateStanceBodySchema) },
  responses: { 201: jsonResponse(StatementStanceSchema, "Recorded"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE },
});

const calendarRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/calendar",
  tags,
  summary: "Sessions seen from a given day: upcoming (start on or after it), ongoing, concluded",
  request: { query: CalendarQuerySchema },
  responses: { 200: jsonResponse(CalendarSchema, "The calendar"), ...ACCESS_ERRORS },
});

const listProposalsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/proposals",
  tags,
  summary: "Proposals under negotiation (draft norms, guidelines, practices), filtered by forum, status and kind",
  request: { query: ProposalQuerySchema },
  responses: { 200: jsonResponse(ProposalListSchema, "The proposals"), ...ACCESS_ERRORS },
});

const createProposalRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/proposals",
  tags,
  summary: "Create a proposal in a registry forum",
  request: jsonBody(CreateProposalBodySchema),
  responses: { 201: jsonResponse(ProposalSchema, "Created"), ...ACCESS_ERRORS },
});

const getProposalRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/proposals/{id}",
  tags,
  summary: "A proposal with each state's derived stance (latest statement wins; silent without one), the groups' stances and the tally",
  request: { params: IdParamsSchema, query: ProposalDetailQuerySchema },
  responses: { 200: jsonResponse(ProposalDetailSchema, "The proposal"), ...ACCESS_ERRORS, ...NOT_FOUND_RESPONSE },
});

export function registerForaRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  // The curated speaker groups are read once, when the routes are registered (like the diplomacy routes' tables).
  const speakerGroups = loadCuratedFora(foraReferencesOf(context.diplomacy), new Date().toISOString().slice(0, 10)).speakerGroups;
  const actorOf = (c: Parameters<typeof requirePrincipal>[0]) => auditActorOf(requirePrincipal(c));

  app.openapi(foraRoute, async (c) => c.json({ items: await listForaWithSessions(db) }, 200));

  app.openapi(speakerGroupsRoute, async (c) => {
    const directory = speakerDirectory(await loadForaRegistry(db), speakerGroups);
    const items = [...speakerGroups.values()].map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      memberStates: directory.groups.get(g.id)?.memberStates ?? null,
      source: g.source,
      asOf: g.asOf,
      note: g.note,
    }));
    return c.json({ items }, 200);
  });

  app.openapi(listSessionsRoute, async (c) => {
    const { forum, status } = c.req.valid("query");
    const items = await listForumSessionSummaries(db, { ...(forum === undefined ? {} : { forumId: forum }), ...(status === undefined ? {} : { status }) });
    return c.json({ items }, 200);
  });

  app.openapi(createSessionRoute, async (c) => c.json(await createForumSession(db, c.req.valid("json"), actorOf(c), new Date()), 201));

  app.openapi(getSessionRoute, async (c) => {
    const detail = await loadForumSessionDetail(db, c.req.valid("param").id);
    return c.json(detail, 200);
  });

  app.openapi(patchSessionRoute, async (c) => c.json(await updateForumSessionFields(db, c.req.valid("param").id, c.req.valid("json"), actorOf(c), new Date()), 200));

  app.openapi(addAgendaItemRoute, async (c) => c.json(await addAgendaItem(db, c.req.valid("param").id, c.req.valid("json"), actorOf(c), new Date()), 201));

  app.openapi(addDocumentRoute, async (c) => c.json(await addSessionDocument(db, c.req.valid("param").id, c.req.valid("json"), actorOf(c), new Date()), 201));

  app.openapi(listStatementsRoute, async (c) => {
    const { agendaItem, speakerKind, speaker } = c.req.valid("query");
    const items = await listSessionStatements(
      db,
      c.req.valid("param").id,
      { ...(agendaItem === undefined ? {} : { agendaItemId: agendaItem }), ...(speakerKind === undefined ? {} : { speakerKind }), ...(speaker === undefined ? {} : { speakerCode: speaker }) },
      speakerGroups,
    );
    return c.json({ items }, 200);
  });

  app.openapi(createStatementRoute, async (c) => {
    const sessionId = c.req.valid("param").id;
    const statement = await recordStatement(db, sessionId, c.req.valid("json"), speakerGroups, actorOf(c), new Date());
    return c.json(await loadStatementView(db, statement, speakerGroups), 201);
  });

  app.openapi(createStanceRoute, async (c) => c.json(await recordStatementStance(db, c.req.valid("param").id, c.req.valid("json"), actorOf(c), new Date()), 201));

  app.openapi(calendarRoute, async (c) => {
    const { from, forum } = c.req.valid("query");
    const calendar = await loadSessionCalendar(db, from, forum === undefined ? {} : { forumId: forum });
    return c.json(calendar, 200);
  });

  app.openapi(listProposalsRoute, async (c) => {
    const { forum, status, kind } = c.req.valid("query");
    const items = await listProposalSummaries(db, { ...(forum === undefined ? {} : { forumId: forum }), ...(status === undefined ? {} : { status }), ...(kind === undefined ? {} : { kind }) });
    return c.json({ items }, 200);
  });

  app.openapi(createProposalRoute, async (c) => c.json(await createProposal(db, c.req.valid("json"), actorOf(c), new Date()), 201));

  app.openapi(getProposalRoute, async (c) => {
    const { expandGroups } = c.req.valid("query");
    const detail = await loadProposalDetail(db, c.req.valid("param").id, speakerGroups, { expandGroups });
    return c.json(detail, 200);
  });

  registerForaCorrectionRoutes(app, db, speakerGroups);
  registerAgendaImportRoutes(app, db);
}
