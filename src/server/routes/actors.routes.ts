import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { listActors, listOwnerCodes } from "../../store/actor.repository.ts";
import { ActorsResponseSchema } from "../schemas/actor.schemas.ts";
import { ERROR_RESPONSES, jsonResponse } from "../schemas/responses.ts";

const actorsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/actors",
  tags: ["attribution"],
  summary: "The attribution table: actors (states, historic states, organisations, the explicit unknown) and owner codes",
  responses: { 200: jsonResponse(ActorsResponseSchema, "Actors by code and owner codes by code, each row with its source and as-of date"), ...ERROR_RESPONSES },
});

export function registerActorRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  app.openapi(actorsRoute, async (c) => {
    const [actors, ownerCodes] = await Promise.all([listActors(db), listOwnerCodes(db)]);
    return c.json(
      {
        actors: actors.map((a) => ({
          code: a.code,
          kind: a.kind,
          name: a.name,
          memberStates: [...a.memberStates],
          membershipBasis: a.membershipBasis ?? null,
          successor: a.successor,
          validTo: a.validTo ?? null,
          source: a.source,
          asOf: a.asOf,
          note: a.note ?? null,
        })),
        ownerCodes: ownerCodes.map((o) => ({ ...o, historicActorCode: o.historicActorCode ?? null })),
      },
      200,
    );
  });
}
