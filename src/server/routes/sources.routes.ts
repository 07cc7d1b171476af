import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { NotFoundError } from "../../core/concord-error.ts";
import { getIngest, listIngests, listRejections } from "../../store/ingest.repository.ts";
import { loadAsOf } from "../../catalog/data-as-of.ts";
import { toIngestJson } from "../as-of.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";
import { IngestIdParamsSchema, RejectionsQuerySchema, RejectionsResponseSchema, SourcesResponseSchema } from "../schemas/source.schemas.ts";

const sourcesRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/sources",
  tags: ["provenance"],
  summary: "Every ingest: source, kind, format, retrieved-at, sha256, accepted/rejected counts, epochs and data as-of",
  responses: { 200: jsonResponse(SourcesResponseSchema, "Ingests, newest first"), ...ERROR_RESPONSES },
});

const rejectionsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/sources/{id}/rejections",
  tags: ["provenance"],
  summary: "The records one ingest rejected, with file, line or record index, field and reason",
  request: { params: IngestIdParamsSchema, query: RejectionsQuerySchema },
  responses: { 200: jsonResponse(RejectionsResponseSchema, "One page of rejected records"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export function registerSourceRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;

  app.openapi(sourcesRoute, async (c) => {
    const [ingests, asOf] = await Promise.all([listIngests(db), loadAsOf(db)]);
    return c.json({ store: context.database.describe, items: ingests.map(toIngestJson), asOf }, 200);
  });

  app.openapi(rejectionsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { limit, offset } = c.req.valid("query");
    const ingest = await getIngest(db, id);
    if (ingest === null) throw new NotFoundError("ingest", `no ingest #${id}: GET /api/sources lists them`);
    const page = await listRejections(db, id, { limit, offset });
    const items = page.items.map(({ ingestId: _ingestId, ...rejection }) => rejection);
    return c.json({ ingest: toIngestJson(ingest), total: page.total, limit, offset, items }, 200);
  });
}
