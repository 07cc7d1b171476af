import { z } from "@hono/zod-openapi";
import { AsOfSchema, ObjectStatusSchema } from "./common.schemas.ts";

export const STATS_GROUPINGS = ["state", "owner", "regime", "type", "launch-year"] as const;
export type StatsGrouping = (typeof STATS_GROUPINGS)[number];

export const StatsQuerySchema = z.object({
  by: z.enum(STATS_GROUPINGS).openapi({
    description: "state: the attributed actor (state, historic state, organisation or UNKNOWN); owner: the SATCAT owner code",
    example: "state",
  }),
  status: ObjectStatusSchema,
});

const CountsShape = {
  total: z.number().int(),
  onOrbit: z.number().int(),
  decayed: z.number().int(),
};

export const StatsGroupSchema = z
  .object({
    key: z.string().nullable().openapi({ description: "Actor, owner code, regime, type or launch year; null where unknown" }),
    label: z.string().nullable().openapi({ description: "Actor name, regime or type label; null where none" }),
    kind: z.string().nullable().openapi({ description: "by=state: the actor's kind (state, historic-state, organisation, company, unknown)" }),
    memberStates: z.array(z.string()).nullable().openapi({ description: "by=state: an organisation's member, partner or host states" }),
    ...CountsShape,
  })
  .openapi("StatsGroup");

export const StatsResponseSchema = z
  .object({
    by: z.enum(STATS_GROUPINGS),
    status: z.enum(["on-orbit", "decayed", "all"]),
    totals: z.object(CountsShape),
    groups: z.array(StatsGroupSchema),
    definitions: z.string().nullable().openapi({ description: "The published definition behind the groups (regimes), or null" }),
    asOf: AsOfSchema,
  })
  .openapi("Stats");
