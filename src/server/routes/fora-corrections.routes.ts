import { createRoute } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { Role } from "../../accounts/role.ts";
import { removeAgendaItem, updateAgendaItemFields } from "../../fora/agenda-item-correction.service.ts";
import { updateProposalFields } from "../../fora/proposal-correction.service.ts";
import { removeSessionDocument, updateSessionDocumentFields } from "../../fora/session-document-correction.service.ts";
import type { SpeakerGroup } from "../../fora/speaker-group.ts";
import { removeStatement, removeStatementStance, updateStatementFields } from "../../fora/statement-correction.service.ts";
import { loadStatementView } from "../../fora/statement.service.ts";
import type { StoreSchema } from "../../store/schema.ts";
import { auditActorOf, requirePrincipal } from "../auth/principal.ts";
import { ACCESS_KEY } from "../auth/route-access.ts";
import { ErrorResponseSchema } from "../schemas/common.schemas.ts";
import {
  AgendaItemSchema,
  IdParamsSchema,
  PatchAgendaItemBodySchema,
  PatchProposalBodySchema,
  PatchSessionDocumentBodySchema,
  PatchStatementBodySchema,
  ProposalSchema,
  SessionDocumentSchema,
  StatementRemovalSchema,
  StatementSchema,
  StatementStanceParamsSchema,
  StatementStanceSchema,
} from "../schemas/fora.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";

/**
 * Corrections in the fora workspace (issue 7): change or delete a statement, delete a wrongly recorded stance, change
 * or delete an agenda item or a document entered by a user, change a proposal (its status, a revised draft's symbol).
 * Analysts and admins only; each write is audited by its service.
 */

const WRITERS: readonly Role[] = ["admin", "analyst"];
const tags = ["fora"];
const ERRORS = {
  ...ERROR_RESPONSES,
  ...NOT_FOUND_RESPONSE,
  401: jsonResponse(ErrorResponseSchema, "Not signed in"),
  403: jsonResponse(ErrorResponseSchema, "Wrong role, or missing CSRF token"),
};
const jsonBody = <T extends typeof PatchStatementBodySchema | typeof PatchAgendaItemBodySchema | typeof PatchProposalBodySchema | typeof PatchSessionDocumentBodySchema>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

const patchStatementRoute = createRoute({
  method: "patch",
  [ACCESS_KEY]: WRITERS,
  path: "/api/statements/{id}",
  tags,
  summary: "Correct a statement's agenda item, speaker, day, summary or source (checked as when recording; audited with before and after)",
  request: { params: IdParamsSchema, ...jsonBody(PatchStatementBodySchema) },
  responses: { 200: jsonResponse(StatementSchema, "The corrected statement"), ...ERRORS },
});

const deleteStatementRoute = createRoute({
  method: "delete",
  [ACCESS_KEY]: WRITERS,
  path: "/api/statements/{id}",
  tags,
  summary: "Delete a statement and the stances it recorded (each removal audited); proposals' derived stances fall back at once",
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(StatementRemovalSchema, "What was removed"), ...ERRORS },
});

const deleteStanceRoute = createRoute({
  method: "delete",
  [ACCESS_KEY]: WRITERS,
  path: "/api/statements/{id}/stances/{proposalId}",
  tags,
  summary: "Delete the stance a statement recorded on a proposal (a wrongly recorded one; audited)",
  request: { params: StatementStanceParamsSchema },
  responses: { 200: jsonResponse(StatementStanceSchema, "The removed stance"), ...ERRORS },
});

const patchAgendaItemRoute = createRoute({
  method: "patch",
  [ACCESS_KEY]: WRITERS,
  path: "/api/agenda-items/{id}",
  tags,
  summary: "Correct an agenda item entered by a user (number unique in the session); curated items are corrected in data/fora/agenda-items.csv (409)",
  request: { params: IdParamsSchema, ...jsonBody(PatchAgendaItemBodySchema) },
  responses: { 200: jsonResponse(AgendaItemSchema, "The corrected item"), ...ERRORS, 409: jsonResponse(ErrorResponseSchema, "A curated item") },
});

const deleteAgendaItemRoute = createRoute({
  method: "delete",
  [ACCESS_KEY]: WRITERS,
  path: "/api/agenda-items/{id}",
  tags,
  summary: "Delete an agenda item entered by a user; refused (409) for a curated item, or while statements, documents or positions refer to it",
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(AgendaItemSchema, "The removed item"), ...ERRORS, 409: jsonResponse(ErrorResponseSchema, "Curated, or still referred to (the message says by how many of what)") },
});

const patchProposalRoute = createRoute({
  method: "patch",
  [ACCESS_KEY]: WRITERS,
  path: "/api/proposals/{id}",
  tags,
  summary: "Change a proposal as it moves on: its status (adopted, withdrawn …), a revised draft's document symbol, title, description (checked as when creating; audited with before and after)",
  request: { params: IdParamsSchema, ...jsonBody(PatchProposalBodySchema) },
  responses: { 200: jsonResponse(ProposalSchema, "The changed proposal"), ...ERRORS },
});

const patchDocumentRoute = createRoute({
  method: "patch",
  [ACCESS_KEY]: WRITERS,
  path: "/api/session-documents/{id}",
  tags,
  summary: "Correct a document entered by a user (symbol unique in the session, agenda item of the same session or none); curated documents are corrected in data/fora/documents.csv (409)",
  request: { params: IdParamsSchema, ...jsonBody(PatchSessionDocumentBodySchema) },
  responses: { 200: jsonResponse(SessionDocumentSchema, "The corrected document"), ...ERRORS, 409: jsonResponse(ErrorResponseSchema, "A curated document") },
});

const deleteDocumentRoute = createRoute({
  method: "delete",
  [ACCESS_KEY]: WRITERS,
  path: "/api/session-documents/{id}",
  tags,
  summary: "Delete a document entered by a user (its agenda item may then be deleted); refused (409) for a curated document",
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(SessionDocumentSchema, "The removed document"), ...ERRORS, 409: jsonResponse(ErrorResponseSchema, "A curated document") },
});

export function registerForaCorrectionRoutes(app: OpenAPIHono, db: Kysely<StoreSchema>, speakerGroups: ReadonlyMap<string, SpeakerGroup>): void {
  const actorOf = (c: Parameters<typeof requirePrincipal>[0]) => auditActorOf(requirePrincipal(c));

  app.openapi(patchStatementRoute, async (c) => {
    const statement = await updateStatementFields(db, c.req.valid("param").id, c.req.valid("json"), speakerGroups, actorOf(c), new Date());
    return c.json(await loadStatementView(db, statement, speakerGroups), 200);
  });

  app.openapi(deleteStatementRoute, async (c) => {
    const removal = await removeStatement(db, c.req.valid("param").id, actorOf(c), new Date());
    return c.json({ id: removal.statement.id, sessionId: removal.statement.sessionId, removedStances: removal.removedStances }, 200);
  });

  app.openapi(deleteStanceRoute, async (c) => {
    const { id, proposalId } = c.req.valid("param");
    return c.json(await removeStatementStance(db, id, proposalId, actorOf(c), new Date()), 200);
  });

  app.openapi(patchAgendaItemRoute, async (c) => c.json(await updateAgendaItemFields(db, c.req.valid("param").id, c.req.valid("json"), actorOf(c), new Date()), 200));

  app.openapi(deleteAgendaItemRoute, async (c) => c.json(await removeAgendaItem(db, c.req.valid("param").id, actorOf(c), new Date()), 200));

  app.openapi(patchProposalRoute, async (c) => c.json(await updateProposalFields(db, c.req.valid("param").id, c.req.valid("json"), actorOf(c), new Date()), 200));

  app.openapi(patchDocumentRoute, async (c) => c.json(await updateSessionDocumentFields(db, c.req.valid("param").id, c.req.valid("json"), actorOf(c), new Date()), 200));

  app.openapi(deleteDocumentRoute, async (c) => c.json(await removeSessionDocument(db, c.req.valid("param").id, actorOf(c), new Date()), 200));
}
