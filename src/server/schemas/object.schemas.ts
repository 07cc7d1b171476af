import { z } from "@hono/zod-openapi";
import { ORBIT_REGIME_CODES } from "../../catalog/orbit-regime-definitions.ts";
import { OBJECT_TYPES, RCS_SIZES } from "../../catalog/satcat-record.ts";
import { AsOfSchema, IngestRefSchema, LimitSchema, ObjectStatusSchema, OffsetSchema, orNull } from "./common.schemas.ts";

const upperCase = (value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value);

export const ObjectListQuerySchema = z.object({
  owner: z.preprocess(upperCase, z.string().regex(/^[A-Z0-9/]{1,8}$/, "must be a SATCAT owner code such as US, CIS, PRC, ESA, TBD"))
    .optional()
    .openapi({ description: "SATCAT owner code (US, CIS, PRC, ESA, TBD …)", example: "PRC" }),
  actor: z.preprocess(upperCase, z.string().regex(/^[A-Z][A-Z0-9-]{1,24}$/, "must be an actor code such as USA, RUS, SUN, CHN, ESA, UNKNOWN"))
    .optional()
    .openapi({ description: "Attributed actor: a state (ISO 3166 alpha-3), historic state, organisation or UNKNOWN", example: "CHN" }),
  type: z.preprocess(upperCase, z.enum(OBJECT_TYPES)).optional().openapi({ description: "Object type", example: "PAYLOAD" }),
  regime: z.preprocess(upperCase, z.enum(ORBIT_REGIME_CODES)).optional().openapi({ description: "Orbit regime (ESA definitions)", example: "LEO" }),
  status: ObjectStatusSchema,
  search: z.string().trim().max(100).optional().openapi({ description: "Substring of the name or designator, or an exact catalog number", example: "ISS" }),
  limit: LimitSchema(50),
  offset: OffsetSchema,
});

export const SpaceObjectSchema = z
  .object({
    catalogNumber: z.number().int().openapi({ example: 25544 }),
    internationalDesignator: z.string().nullable().openapi({ example: "1998-067A" }),
    name: z.string().nullable().openapi({ example: "ISS (ZARYA)" }),
    objectType: z.enum(OBJECT_TYPES),
    ownerCode: z.string().nullable().openapi({ example: "ISS" }),
    launchDate: z.string().nullable(),
    launchSite: z.string().nullable(),
    decayDate: z.string().nullable(),
    periodMin: z.number().nullable(),
    inclinationDeg: z.number().nullable(),
    apogeeKm: z.number().nullable(),
    perigeeKm: z.number().nullable(),
    rcsSize: z.enum(RCS_SIZES).nullable(),
    operationalStatus: z.string().nullable(),
    actorCode: z.string().openapi({ description: "Attributed actor code" }),
    actorName: z.string().nullable(),
    orbitRegime: z.string(),
    recordOrigin: z.enum(["satcat", "element-set"]).openapi({ description: "satcat, or element-set for objects known only from element sets" }),
    firstIngestId: z.number().int(),
    lastIngestId: z.number().int(),
  })
  .openapi("SpaceObject");

export const ObjectListResponseSchema = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(SpaceObjectSchema),
    asOf: AsOfSchema,
  })
  .openapi("ObjectList");

export const CatalogNumberParamsSchema = z.object({
  catalogNumber: z.coerce
    .number()
    .int()
    .min(1)
    .max(999_999_999)
    .openapi({ param: { name: "catalogNumber", in: "path" }, description: "NORAD catalog number (up to 9 digits)", example: 25544 }),
});

export const ObjectDetailQuerySchema = z.object({
  historyLimit: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(100)
    .openapi({ description: "Newest element sets to include (default 100, max 10,000)" }),
});

export const ActorSummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.string().openapi({ description: "state, historic-state, organisation, company or unknown" }),
    memberStates: z.array(z.string()).openapi({ description: "ISO 3166 alpha-3 member, partner or host states (organisations)" }),
    membershipBasis: z.string().nullable(),
    source: z.string(),
  })
  .openapi("ActorSummary");

export const ElementSetSchema = z
  .object({
    id: z.number().int(),
    epoch: z.string(),
    epochMs: z.number(),
    meanMotionRevPerDay: z.number(),
    eccentricity: z.number(),
    inclinationDeg: z.number(),
    raOfAscNodeDeg: z.number(),
    argOfPericenterDeg: z.number(),
    meanAnomalyDeg: z.number(),
    bstarPerEarthRadii: z.number(),
    meanMotionDotRevPerDay2: z.number(),
    meanMotionDdotRevPerDay3: z.number(),
    ephemerisType: z.number().int(),
    classificationType: z.string(),
    elementSetNumber: z.number().int(),
    revAtEpoch: z.number().int(),
    objectName: z.string().nullable(),
    objectId: z.string().nullable(),
    format: z.string(),
    ingestId: z.number().int(),
  })
  .openapi("ElementSet");

export const ObjectDetailSchema = SpaceObjectSchema.extend({
  owner: z.object({ code: z.string(), name: z.string() }).nullable().openapi({ description: "The SATCAT owner code and its name" }),
  actor: orNull(ActorSummarySchema),
  regime: z.object({
    code: z.string(),
    label: z.string(),
    definition: z.string(),
    source: z.string().openapi({ description: "The published definition the regime boundaries come from" }),
  }),
  provenance: z.object({
    recordOrigin: z.enum(["satcat", "element-set"]),
    firstIngest: orNull(IngestRefSchema),
    lastIngest: orNull(IngestRefSchema),
  }),
  elementHistory: z.object({
    limit: z.number().int(),
    items: z.array(ElementSetSchema).openapi({ description: "Newest epoch first" }),
  }),
  asOf: AsOfSchema,
}).openapi("SpaceObjectDetail");
