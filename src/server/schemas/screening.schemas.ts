import { z } from "@hono/zod-openapi";
import { LimitSchema, OffsetSchema } from "./common.schemas.ts";

const Vector3Schema = z.tuple([z.number(), z.number(), z.number()]);

export const RunIdParamsSchema = z.object({
  id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, example: 1, description: "Screening run id" }),
});

export const EventIdParamsSchema = z.object({
  eventId: z.coerce.number().int().min(1).openapi({ param: { name: "eventId", in: "path" }, example: 1, description: "Conjunction event id" }),
});

export const ScreeningRunSchema = z
  .object({
    id: z.number().int(),
    window: z.object({ from: z.string(), to: z.string(), days: z.number() }),
    thresholdKm: z.number(),
    primaries: z.object({
      selector: z.string().openapi({ description: "`all`, catalog numbers, actor:X, owner:X, type:T, regime:R or active" }),
      count: z.number().int().nullable(),
      catalogNumbers: z.array(z.number().int()).nullable(),
    }),
    elementSets: z
      .object({
        objects: z.number().int(),
        epochMin: z.string().nullable(),
        epochMedian: z.string().nullable(),
        epochMax: z.string().nullable(),
        maxAgeDaysAtStart: z.number().nullable(),
        staleCount: z.number().int(),
        staleAfterDays: z.number(),
        ingestIds: z.array(z.number().int()),
      })
      .openapi({ description: "The element-set snapshot the run used: newest set of each object with an epoch at or before the window start" }),
    activeSet: z.object({ ingestId: z.number().int().nullable(), asOf: z.string().nullable(), definition: z.string() }),
    startedAt: z.string(),
    finishedAt: z.string(),
    durationMs: z.number(),
    threads: z.number().int(),
    status: z.string(),
    eventsCount: z.number().int(),
    algorithm: z.string(),
    guarantee: z.string().openapi({ description: "The condition under which no approach under the threshold is missed" }),
    pcNote: z.string().nullable(),
    softwareVersion: z.string(),
    warnings: z.array(z.string()),
  })
  .openapi("ScreeningRun");

export const ScreeningRunsResponseSchema = z.object({ items: z.array(ScreeningRunSchema).openapi({ description: "Newest first" }) }).openapi("ScreeningRuns");

const EventObjectSchema = z.object({
  catalogNumber: z.number().int(),
  name: z.string().nullable(),
  internationalDesignator: z.string().nullable(),
  objectType: z.string().nullable(),
  actorCode: z.string(),
  ownerCode: z.string().nullable(),
  rcsSize: z.string().nullable(),
  operationalStatus: z.string().nullable(),
});

const StateSchema = z.object({ positionKm: Vector3Schema, velocityKmS: Vector3Schema });

export const ConjunctionEventSchema = z
  .object({
    id: z.number().int(),
    runId: z.number().int(),
    tca: z.string().openapi({ description: "Time of closest approach, ISO 8601 UTC with milliseconds" }),
    tcaMs: z.number(),
    primary: EventObjectSchema,
    secondary: EventObjectSchema,
    missDistanceKm: z.number(),
    relativeSpeedKmS: z.number(),
    missRtnKm: Vector3Schema.openapi({ description: "Secondary minus primary position in the primary's radial / in-track / cross-track frame" }),
    relativeVelocityRtnKmS: Vector3Schema,
    frame: z.literal("TEME"),
    primaryState: StateSchema,
    secondaryState: StateSchema,
    primaryElementAgeDays: z.number(),
    secondaryElementAgeDays: z.number(),
    pc: z.number().nullable(),
    pcMethod: z.string().nullable(),
    hbrM: z.number().nullable(),
    covarianceSource: z.string().nullable(),
    pcMax: z.number().nullable().openapi({ description: "CelesTrak SOCRATES's maximum Pc: RTN shape 100 / 300 / 100 m sized for the largest Pc (Alfano 2005), same HBR" }),
    dilutionThresholdKm: z.number().nullable().openapi({ description: "The projected major-axis sigma that gives pcMax, km (SOCRATES's dilution threshold)" }),
  })
  .openapi("ConjunctionEvent");

export const RunEventsQuerySchema = z.object({
  actor: z.string().min(1).optional().openapi({ description: "Either object attributed to this actor (e.g. USA, CHN, UNKNOWN)" }),
  minPc: z.coerce.number().min(0).max(1).optional(),
  maxMissKm: z.coerce.number().min(0).optional(),
  limit: LimitSchema(50),
  offset: OffsetSchema,
});

export const RunEventsResponseSchema = z
  .object({
    run: ScreeningRunSchema,
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(ConjunctionEventSchema).openapi({ description: "Closest first" }),
  })
  .openapi("ScreeningRunEvents");

export const ConjunctionDetailSchema = z
  .object({
    run: ScreeningRunSchema,
    event: ConjunctionEventSchema,
    cdm: z.object({ kvn: z.string(), xml: z.string() }).openapi({ description: "The event as a CCSDS 508.0-B-1 Conjunction Data Message" }),
  })
  .openapi("ConjunctionDetail");

const FiguresShape = { events: z.number().int(), closestMissKm: z.number(), sumPc: z.number(), eventsWithPc: z.number().int() };

export const ExposureResponseSchema = z
  .object({
    run: ScreeningRunSchema,
    activeDefinition: z.string(),
    actors: z.array(z.string()),
    cells: z.array(
      z.object({
        rowActor: z.string(),
        columnActor: z.string(),
        ...FiguresShape,
        byClass: z.array(z.object({ rowClass: z.string(), columnClass: z.string(), ...FiguresShape })),
      }),
    ),
    debrisExposure: z.array(
      z.object({
        actor: z.string(),
        activeApproaches: z.number().int(),
        byOtherActorsDebris: z.number().int(),
        share: z.number(),
        parents: z.array(
          z.object({
            launchDesignator: z.string(),
            name: z.string().nullable(),
            catalogNumber: z.number().int().nullable(),
            actorCode: z.string().nullable(),
            approaches: z.number().int(),
            closestMissKm: z.number(),
          }),
        ),
      }),
    ),
    totals: z.object({ events: z.number().int(), closestMissKm: z.number().nullable(), sumPc: z.number(), eventsWithPc: z.number().int() }),
  })
  .openapi("Exposure");
