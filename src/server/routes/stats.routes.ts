import { createRoute } from "@hono/zod-openapi";
import { ACCESS_KEY } from "../auth/route-access.ts";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { OBJECT_TYPE_INFO } from "../../catalog/object-type.ts";
import type { ObjectType } from "../../catalog/satcat-record.ts";
import { countObjects } from "../../store/space-object.repository.ts";
import type { ObjectGrouping } from "../../store/space-object.repository.ts";
import { loadAsOf } from "../../catalog/data-as-of.ts";
import { ORBIT_REGIME_CITATION, regimeLabel } from "../object-detail.ts";
import { ERROR_RESPONSES, jsonResponse } from "../schemas/responses.ts";
import { StatsQuerySchema, StatsResponseSchema } from "../schemas/stats.schemas.ts";
import type { StatsGrouping } from "../schemas/stats.schemas.ts";

const GROUPING: Record<StatsGrouping, ObjectGrouping> = {
  state: "actor",
  owner: "owner",
  regime: "regime",
  type: "type",
  "launch-year": "launch-year",
};

const statsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/stats",
  tags: ["stats"],
  summary: "Object counts (on orbit, decayed, total) per state/actor, owner code, orbit regime, object type or launch year",
  request: { query: StatsQuerySchema },
  responses: { 200: jsonResponse(StatsResponseSchema, "Groups, largest first; unknown keys last"), ...ERROR_RESPONSES },
});

export function registerStatsRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  app.openapi(statsRoute, async (c) => {
    const { by, status } = c.req.valid("query");
    const [counts, asOf] = await Promise.all([countObjects(db, GROUPING[by], { status }), loadAsOf(db)]);
    const groups = counts.map((group) => {
      const actor = by === "state" && group.key !== null ? context.actors.actors.get(group.key) : undefined;
      return {
        key: group.key,
        label: groupLabel(by, group.key, context),
        kind: by === "state" ? (actor?.kind ?? null) : null,
        memberStates: by === "state" ? [...(actor?.memberStates ?? [])] : null,
        total: group.count,
        onOrbit: group.onOrbit,
        decayed: group.decayed,
      };
    });
    const totals = {
      total: groups.reduce((sum, g) => sum + g.total, 0),
      onOrbit: groups.reduce((sum, g) => sum + g.onOrbit, 0),
      decayed: groups.reduce((sum, g) => sum + g.decayed, 0),
    };
    const definitions = by === "regime" ? ORBIT_REGIME_CITATION : by === "state" || by === "owner" ? "Concord's curated attribution table (GET /api/actors), each row with its source" : null;
    return c.json({ by, status, totals, groups, definitions, asOf }, 200);
  });
}

function groupLabel(by: StatsGrouping, key: string | null, context: ConcordContext): string | null {
  if (key === null) return null;
  switch (by) {
    case "state":
      return context.actors.actors.get(key)?.name ?? null;
    case "owner":
      return context.actors.ownerCodes.get(key)?.ownerName ?? null;
    case "regime":
      return regimeLabel(key);
    case "type":
      return OBJECT_TYPE_INFO[key as ObjectType]?.label ?? null;
    case "launch-year":
      return null;
  }
}
