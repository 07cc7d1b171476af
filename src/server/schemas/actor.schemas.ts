import { z } from "@hono/zod-openapi";

export const ActorSchema = z
  .object({
    code: z.string(),
    kind: z.string(),
    name: z.string(),
    memberStates: z.array(z.string()),
    membershipBasis: z.string().nullable(),
    successor: z.string().nullable(),
    validTo: z.string().nullable(),
    source: z.string(),
    asOf: z.string(),
    note: z.string().nullable(),
  })
  .openapi("Actor");

export const OwnerCodeSchema = z
  .object({
    ownerCode: z.string(),
    ownerName: z.string(),
    actorCode: z.string(),
    historicActorCode: z.string().nullable(),
    note: z.string().nullable(),
    source: z.string(),
    asOf: z.string(),
  })
  .openapi("OwnerCode");

export const ActorsResponseSchema = z
  .object({
    actors: z.array(ActorSchema),
    ownerCodes: z.array(OwnerCodeSchema).openapi({ description: "Each SATCAT owner code and the actor it is attributed to" }),
  })
  .openapi("Actors");
