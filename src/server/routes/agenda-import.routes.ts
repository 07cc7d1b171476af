import { createRoute } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Kysely } from "kysely";
import type { Role } from "../../accounts/role.ts";
import { AGENDA_TEXT_MAX_CHARS, importAgendaItems } from "../../fora/agenda-import.service.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import type { StoreSchema } from "../../store/schema.ts";
import { auditActorOf, requirePrincipal } from "../auth/principal.ts";
import { ACCESS_KEY } from "../auth/route-access.ts";
import { AgendaImportBodySchema, AgendaImportResultSchema } from "../schemas/agenda-import.schemas.ts";
import { ErrorResponseSchema } from "../schemas/common.schemas.ts";
import { IdParamsSchema } from "../schemas/fora.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";

/**
 * A session's whole agenda from the text of its provisional agenda (A/AC.105/L.280 …), as `concord fora agenda-import`
 * does it: a dry run reports what would be added; an import adds every item in one audited transaction, or none.
 * Analysts and admins only.
 */

const WRITERS: readonly Role[] = ["admin", "analyst"];
const PATH = "/api/forum-sessions/{id}/agenda-import";
/** The most a request body may carry: the text's limit, with room for JSON escapes (`\n`, `\u00a0`) and the other fields. */
const BODY_MAX_BYTES = 6 * AGENDA_TEXT_MAX_CHARS;

const agendaImportRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: WRITERS,
  path: PATH,
  tags: ["fora"],
  summary:
    "Import a session's agenda from the text of its provisional agenda: every item with the document as source, in one audited transaction (all or none); refused (400) when the text has no item, numbers one twice (error.field names the line) or names a number the session already has",
  request: { params: IdParamsSchema, body: { content: { "application/json": { schema: AgendaImportBodySchema } }, required: true } },
  responses: {
    200: jsonResponse(AgendaImportResultSchema, "Dry run: what would be added (ids null); nothing written"),
    201: jsonResponse(AgendaImportResultSchema, "Imported: the stored items with their ids"),
    ...ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
    401: jsonResponse(ErrorResponseSchema, "Not signed in"),
    403: jsonResponse(ErrorResponseSchema, "Wrong role, or missing CSRF token"),
  },
});

export function registerAgendaImportRoutes(app: OpenAPIHono, db: Kysely<StoreSchema>): void {
  // Refuses an oversized body before it is read into memory (access and CSRF are checked before this).
  app.use(
    PATH.replace("{id}", ":id"),
    bodyLimit({
      maxSize: BODY_MAX_BYTES,
      onError: () => {
        throw new InvalidInputError("text", `the request is larger than ${(BODY_MAX_BYTES / 1000).toLocaleString("en-US")} kB: paste only the provisional agenda (from "I. Provisional agenda" to "II. Annotations"), not a whole report`);
      },
    }),
  );

  app.openapi(agendaImportRoute, async (c) => {
    const { text, source, asOf, dryRun } = c.req.valid("json");
    const result = await importAgendaItems(db, c.req.valid("param").id, text, { source, asOf, dryRun }, auditActorOf(requirePrincipal(c)), new Date());
    const { session, ...report } = result;
    return c.json({ sessionId: session.id, ...report }, result.dryRun ? 200 : 201);
  });
}
