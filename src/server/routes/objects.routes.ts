import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { NotFoundError } from "../../core/concord-error.ts";
import { listObjects } from "../../store/space-object.repository.ts";
import type { ObjectFilter } from "../../store/space-object-filter.ts";
import { loadAsOf } from "../../catalog/data-as-of.ts";
import { loadObjectDetail, toObjectJson } from "../object-detail.ts";
import {
  CatalogNumberParamsSchema,
  ObjectDetailQuerySchema,
  ObjectDetailSchema,
  ObjectListQuerySchema,
  ObjectListResponseSchema,
} from "../schemas/object.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";

const listRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/objects",
  tags: ["objects"],
  summary: "Space objects matching filters, one page of them, by catalog number",
  request: { query: ObjectListQuerySchema },
  responses: { 200: jsonResponse(ObjectListResponseSchema, "One page of matching objects, with the total"), ...ERROR_RESPONSES },
});

const detailRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/objects/{catalogNumber}",
  tags: ["objects"],
  summary: "One object with its actor, orbit regime, provenance and element history",
  request: { params: CatalogNumberParamsSchema, query: ObjectDetailQuerySchema },
  responses: { 200: jsonResponse(ObjectDetailSchema, "The object"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export function registerObjectRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const filter: ObjectFilter = {
      status: query.status,
      ...(query.owner !== undefined ? { ownerCode: query.owner } : {}),
      ...(query.actor !== undefined ? { actorCode: query.actor } : {}),
      ...(query.type !== undefined ? { objectType: query.type } : {}),
      ...(query.regime !== undefined ? { orbitRegime: query.regime } : {}),
      ...(query.search !== undefined && query.search !== "" ? { search: query.search } : {}),
    };
    const page = { limit: query.limit, offset: query.offset };
    const [result, asOf] = await Promise.all([listObjects(db, filter, page), loadAsOf(db)]);
    const items = result.items.map((object) => toObjectJson(object, context.actors));
    return c.json({ total: result.total, limit: page.limit, offset: page.offset, items, asOf }, 200);
  });

  app.openapi(detailRoute, async (c) => {
    const { catalogNumber } = c.req.valid("param");
    const { historyLimit } = c.req.valid("query");
    const detail = await loadObjectDetail(db, context.actors, catalogNumber, historyLimit);
    if (detail === null) {
      throw new NotFoundError("object", `no object with catalog number ${catalogNumber} in the store (${context.database.describe})`);
    }
    return c.json(detail, 200);
  });
}
