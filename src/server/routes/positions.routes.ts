import { createRoute } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ConcordContext } from "../../app/concord-context.ts";
import type { Role } from "../../accounts/role.ts";
import { transitionPosition } from "../../positions/position-clearance.service.ts";
import { citeFigure, removeCitation } from "../../positions/position-citation.service.ts";
import { diffPositionVersions, loadPositionVersion, loadPositionVersions } from "../../positions/position-history.service.ts";
import { createPosition, editPosition } from "../../positions/position.service.ts";
import { listPositionItems, loadPositionDetail } from "../../positions/position-view.service.ts";
import type { ClearanceAction } from "../../positions/clearance-workflow.ts";
import type { ClearanceStatus, PositionActor } from "../../positions/position.ts";
import { ACCESS_KEY } from "../auth/route-access.ts";
import { requirePrincipal } from "../auth/principal.ts";
import { inProcessEvidenceResolver } from "../evidence-resolver.ts";
import { citationJson, positionDetailJson, positionListItemJson, versionMetaJson, versionTextJson } from "../position-json.ts";
import {
  CONFLICT_RESPONSE,
  CiteFigureBodySchema,
  CreatePositionBodySchema,
  EditPositionBodySchema,
  PositionCitationParamsSchema,
  PositionDetailSchema,
  PositionDiffQuerySchema,
  PositionDiffSchema,
  PositionListQuerySchema,
  PositionListSchema,
  PositionParamsSchema,
  PositionVersionListSchema,
  PositionVersionParamsSchema,
  PositionVersionSchema,
  PositionWriteSchema,
  SIGNED_IN_RESPONSES,
  TransitionBodySchema,
} from "../schemas/positions.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";

const tags = ["positions"];
/** Viewers read positions; analysts and admins write them; stakeholders never see them. */
const READERS: readonly Role[] = ["admin", "analyst", "viewer"];
const WRITERS: readonly Role[] = ["admin", "analyst"];
const jsonBody = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const listRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/positions",
  tags,
  summary: "Our position papers and talking points, most recently changed first, filtered by forum session, agenda item, status or kind",
  request: { query: PositionListQuerySchema },
  responses: { 200: jsonResponse(PositionListSchema, "The positions"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES },
});

const createPositionRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/positions",
  tags,
  summary: "Drafts a position (version 1, status draft)",
  request: { body: jsonBody(CreatePositionBodySchema) },
  responses: { 201: jsonResponse(PositionWriteSchema, "The new position"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES },
});

const detailRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/positions/{id}",
  tags,
  summary: "A position: its current text (Markdown and HTML), clearance history and next steps, and its cited figures each beside the same figure now",
  request: { params: PositionParamsSchema },
  responses: { 200: jsonResponse(PositionDetailSchema, "The position"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const editRoute = createRoute({
  method: "put",
  [ACCESS_KEY]: WRITERS,
  path: "/api/positions/{id}",
  tags,
  summary: "Saves a new version of the text (never overwrites); an under-review or cleared text goes back to draft; 409 on a stale base version or once delivered",
  request: { params: PositionParamsSchema, body: jsonBody(EditPositionBodySchema) },
  responses: { 200: jsonResponse(PositionWriteSchema, "The position after the edit"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE, ...CONFLICT_RESPONSE },
});

const transitionRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/positions/{id}/transitions",
  tags,
  summary: "Moves a position through clearance: submit, return, clear (by someone other than the last editor, or an admin), deliver (final), reopen",
  request: { params: PositionParamsSchema, body: jsonBody(TransitionBodySchema) },
  responses: { 200: jsonResponse(PositionWriteSchema, "The position after the step"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE, ...CONFLICT_RESPONSE },
});

const versionsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/positions/{id}/versions",
  tags,
  summary: "Every version of a position: who changed it, when, and their note",
  request: { params: PositionParamsSchema },
  responses: { 200: jsonResponse(PositionVersionListSchema, "The versions, oldest first"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const versionRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/positions/{id}/versions/{version}",
  tags,
  summary: "One version's text (Markdown and HTML) and the figures the position cited while it was current",
  request: { params: PositionVersionParamsSchema },
  responses: { 200: jsonResponse(PositionVersionSchema, "The version"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const diffRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: READERS,
  path: "/api/positions/{id}/diff",
  tags,
  summary: "The line diff between two versions of a position",
  request: { params: PositionParamsSchema, query: PositionDiffQuerySchema },
  responses: { 200: jsonResponse(PositionDiffSchema, "Every line kept, removed or added, in reading order"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const citeRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: "/api/positions/{id}/citations",
  tags,
  summary: "Cites a figure of the public evidence API: the server reads it now and keeps its value, as-of date and source",
  request: { params: PositionParamsSchema, body: jsonBody(CiteFigureBodySchema) },
  responses: { 201: jsonResponse(PositionWriteSchema, "The position with the new citation"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE, ...CONFLICT_RESPONSE },
});

const removeCitationRoute = createRoute({
  method: "delete",
  [ACCESS_KEY]: WRITERS,
  path: "/api/positions/{id}/citations/{citationId}",
  tags,
  summary: "Removes a cited figure (kept in the history of the versions that cited it)",
  request: { params: PositionCitationParamsSchema },
  responses: { 200: jsonResponse(PositionWriteSchema, "The position without the citation"), ...ERROR_RESPONSES, ...SIGNED_IN_RESPONSES, ...NOT_FOUND_RESPONSE, ...CONFLICT_RESPONSE },
});

/** What a write adds to the position it answers with. */
interface WriteOutcome {
  readonly returnedToDraft?: { readonly from: ClearanceStatus; readonly message: string } | null;
  readonly transition?: { readonly from: ClearanceStatus; readonly to: ClearanceStatus; readonly action: ClearanceAction } | null;
  readonly citationId?: number | null;
}

function actorOf(c: Context): PositionActor {
  const principal = requirePrincipal(c);
  return { userId: principal.userId, label: principal.email, role: principal.role };
}

/** The positions routes of the workspace (issue 7). Every route declares its access (auth/route-access.ts). */
export function registerPositionsRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  const resolve = inProcessEvidenceResolver(app);
  const detail = async (id: number, reader: PositionActor) => positionDetailJson(await loadPositionDetail(db, id, resolve, reader));
  const written = async (id: number, reader: PositionActor, extra: WriteOutcome) => ({
    ...(await detail(id, reader)),
    returnedToDraft: extra.returnedToDraft ?? null,
    transition: extra.transition ?? null,
    citationId: extra.citationId ?? null,
  });

  app.openapi(listRoute, async (c) => {
    actorOf(c);
    const query = c.req.valid("query");
    const items = await listPositionItems(db, {
      ...(query.session === undefined ? {} : { forumSessionId: query.session }),
      ...(query.agendaItem === undefined ? {} : { agendaItemId: query.agendaItem }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.kind === undefined ? {} : { kind: query.kind }),
    });
    return c.json({ items: items.map(positionListItemJson) }, 200);
  });

  app.openapi(createPositionRoute, async (c) => {
    const actor = actorOf(c);
    const body = c.req.valid("json");
    const result = await createPosition(db, body, actor, new Date());
    return c.json(await written(result.position.id, actor, {}), 201);
  });

  app.openapi(detailRoute, async (c) => {
    const actor = actorOf(c);
    return c.json(await detail(c.req.valid("param").id, actor), 200);
  });

  app.openapi(editRoute, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid("param");
    const result = await editPosition(db, id, c.req.valid("json"), actor, new Date());
    return c.json(await written(id, actor, { returnedToDraft: result.returnedToDraft }), 200);
  });

  app.openapi(transitionRoute, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid("param");
    const { to } = c.req.valid("json");
    const result = await transitionPosition(db, id, to, actor, new Date());
    return c.json(await written(id, actor, { transition: { from: result.from, to: result.position.status, action: result.action } }), 200);
  });

  app.openapi(versionsRoute, async (c) => {
    actorOf(c);
    const { id } = c.req.valid("param");
    const { versions, people } = await loadPositionVersions(db, id);
    return c.json({ positionId: id, currentVersion: versions.at(-1)?.versionNumber ?? 0, versions: versions.map((v) => versionMetaJson(v, people)) }, 200);
  });

  app.openapi(versionRoute, async (c) => {
    actorOf(c);
    const { id, version } = c.req.valid("param");
    const loaded = await loadPositionVersion(db, id, version);
    return c.json({ positionId: id, ...versionTextJson(loaded.version, loaded.people), citations: loaded.citations.map((citation) => citationJson(citation, loaded.people)) }, 200);
  });

  app.openapi(diffRoute, async (c) => {
    actorOf(c);
    const { id } = c.req.valid("param");
    const { from, to } = c.req.valid("query");
    const result = await diffPositionVersions(db, id, from, to);
    return c.json(
      {
        positionId: id,
        from: versionMetaJson(result.from, result.people),
        to: versionMetaJson(result.to, result.people),
        titleChanged: result.titleChanged,
        added: result.diff.added,
        removed: result.diff.removed,
        unchanged: result.diff.unchanged,
        exact: result.diff.exact,
        lines: [...result.diff.lines],
      },
      200,
    );
  });

  app.openapi(citeRoute, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid("param");
    const result = await citeFigure(db, id, c.req.valid("json"), resolve, actor, new Date());
    return c.json(await written(id, actor, { returnedToDraft: result.returnedToDraft, citationId: result.citation.id }), 201);
  });

  app.openapi(removeCitationRoute, async (c) => {
    const actor = actorOf(c);
    const { id, citationId } = c.req.valid("param");
    const result = await removeCitation(db, id, citationId, actor, new Date());
    return c.json(await written(id, actor, { returnedToDraft: result.returnedToDraft, citationId: result.citation.id }), 200);
  });
}
