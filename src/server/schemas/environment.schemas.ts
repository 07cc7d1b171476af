import { z } from "@hono/zod-openapi";
import { COMPLIANCE_GROUPINGS } from "../../environment/compliance-analysis.ts";
import { DISPOSAL_RULE_CODES } from "../../environment/disposal-rules.ts";
import { TREND_GROUPINGS } from "../../environment/environment-trends.ts";
import { IngestRefSchema, orNull } from "./common.schemas.ts";

const AtSchema = z
  .string()
  .datetime({ offset: true })
  .optional()
  .openapi({ description: "Analysis date (ISO 8601); default now", example: "2023-10-10T00:00:00Z" });

export const ComplianceQuerySchema = z.object({
  rule: z.enum(DISPOSAL_RULE_CODES as ["25y", "5y"]).default("25y").openapi({ description: "25y: IADC / UN guidelines; 5y: FCC 2022 / ESA Zero Debris" }),
  by: z.enum(COMPLIANCE_GROUPINGS).default("state"),
  at: AtSchema,
});

export const EnvironmentQuerySchema = z.object({ by: z.enum(TREND_GROUPINGS).default("state"), at: AtSchema });
export const AtQuerySchema = z.object({ at: AtSchema });
export const LifetimeParamsSchema = z.object({
  catalogNumber: z
    .string()
    .regex(/^\d{1,9}$/)
    .openapi({ param: { name: "catalogNumber", in: "path" }, example: "25544" }),
});

export const EnvironmentSourcesSchema = z
  .object({
    analysisDate: z.string(),
    satcat: orNull(IngestRefSchema),
    elementSets: z.object({
      ingests: z.array(IngestRefSchema.extend({ setsUsed: z.number().int() })).readonly(),
      objectsWithSets: z.number().int(),
      epochMin: z.string().nullable(),
      epochMax: z.string().nullable(),
      staleSets: z.number().int().openapi({ description: "Sets more than 30 days older than the analysis date" }),
    }),
    spaceWeather: z.object({ ingestId: z.number().int(), source: z.string(), sha256: z.string().nullable(), observedTo: z.string().nullable() }).nullable(),
    activeSet: z.object({ ingestId: z.number().int(), source: z.string(), retrievedAt: z.string(), dataAsOf: z.string().nullable(), members: z.number().int() }).nullable(),
    endOfMission: z.string().openapi({ description: "How 'mission ended' was decided" }),
    payloadsWithOperationalStatus: z.number().int(),
  })
  .openapi("EnvironmentSources");

const LifetimeModelSchema = z
  .object({
    name: z.string(),
    mode: z.literal("forecast"),
    calibration: z.string(),
    horizonYears: z.number(),
    spaceWeather: z.object({ mode: z.string(), observedThrough: z.string().nullable() }).passthrough(),
  })
  .openapi("EnvironmentLifetimeModel");

const ClassMassSchema = z
  .object({
    massKg: z.number().openapi({ description: "Mass of the class's objects with a usable estimate (kg)" }),
    massKnownObjects: z.number().int(),
    massUnknownObjects: z.number().int().openapi({ description: "Objects of the class without a usable mass (never counted as zero)" }),
  })
  .openapi("ComplianceClassMass");

export const ComplianceMassSchema = z
  .object({
    naturallyCompliant: ClassMassSchema,
    compliantAfterManoeuvre: ClassMassSchema,
    notCompliant: ClassMassSchema,
    assessedMassKg: z.number().openapi({ description: "Mass of the assessed objects with a usable estimate (kg)" }),
    compliantShareByMass: z.number().nullable().openapi({ description: "(naturally compliant + after manoeuvre) mass / assessed mass, over the known-mass objects only" }),
    compliantShareByMassWithoutDefaults: z.number().nullable().openapi({ description: "The same share leaving out objects whose mass is CARA's class-level Default" }),
    massKnownObjects: z.number().int(),
    massUnknownObjects: z.number().int(),
    massUnknownListed: z.number().int().openapi({ description: "Unknown: listed by the mass source without a mass (ESA DISCOS values withheld)" }),
    massUnknownNotListed: z.number().int().openapi({ description: "Unknown: not listed by the mass source" }),
    bySource: z.array(z.object({ source: z.string(), objects: z.number().int(), massKg: z.number() })).readonly(),
    defaultMassObjects: z.number().int().openapi({ description: "Known-mass objects whose mass is CARA's class-level Default, not an estimate of the object" }),
    defaultMassKg: z.number(),
  })
  .openapi("ComplianceMass");

export const ComplianceMassSourceSchema = z
  .object({
    ingestId: z.number().int(),
    source: z.string(),
    sha256: z.string().nullable(),
    dataAsOf: z.string().nullable().openapi({ description: "The date the estimates describe" }),
    objectsListed: z.number().int(),
    objectsWithMass: z.number().int(),
  })
  .openapi("ComplianceMassSource");

export const ComplianceRowSchema = z
  .object({
    key: z.string(),
    naturallyCompliant: z.number().int(),
    compliantAfterManoeuvre: z.number().int(),
    notCompliant: z.number().int(),
    notAssessable: z.number().int(),
    outOfScope: z.number().int(),
    assessed: z.number().int(),
    compliantShare: z.number().nullable(),
    mass: ComplianceMassSchema,
  })
  .openapi("ComplianceRow");

export const PublishedAdherenceSchema = z
  .object({
    id: z.string(),
    publisher: z.string(),
    population: z.string(),
    measure: z.string(),
    basis: z.enum(["count", "mass"]),
    rule: z.enum(["25y", "5y", "geo"]),
    period: z.string(),
    low: z.number().openapi({ description: "Lower end of the published range, as a share (0–1)" }),
    high: z.number(),
    source: z.string(),
    asOf: z.string(),
    note: z.string().nullable(),
  })
  .openapi("PublishedAdherence");

export const ComplianceResultSchema = z
  .object({
    analysisDate: z.string(),
    sources: EnvironmentSourcesSchema,
    lifetimeModel: LifetimeModelSchema,
    rule: z.object({ code: z.enum(DISPOSAL_RULE_CODES as ["25y", "5y"]), years: z.number(), name: z.string(), source: z.string() }),
    by: z.enum(COMPLIANCE_GROUPINGS),
    totals: ComplianceRowSchema,
    rows: z.array(ComplianceRowSchema).readonly(),
    leo: z.object({ all: z.array(ComplianceRowSchema).readonly(), launchedLastDecade: z.array(ComplianceRowSchema).readonly() }),
    endOfMissionBasis: z.record(z.string(), z.number().int()),
    lifetimesComputed: z.number().int(),
    massSource: orNull(ComplianceMassSourceSchema),
    notes: z.array(z.string()).readonly(),
    publishedReferences: z
      .array(PublishedAdherenceSchema)
      .readonly()
      .openapi({ description: "ESA's and the IADC's published adherence ranges for this rule and GEO, for comparison (data/debris-mitigation-references.csv)" }),
  })
  .openapi("ComplianceResult");

export const FragmentationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    date: z.string().nullable(),
    dateBasis: z.enum(["curated-event", "parent-launch"]),
    debrisLaunches: z.array(z.string()).readonly(),
    responsible: z.array(z.string()).readonly(),
    piecesCatalogued: z.number().int(),
    piecesInOrbit: z.number().int(),
    piecesWithElements: z.number().int(),
    projectedRemaining: z.object({ after5Years: z.number().int(), after10Years: z.number().int(), after25Years: z.number().int() }),
    publishedCatalogued: z.number().int().nullable(),
    asatTest: z.object({ date: z.string(), state: z.string(), certainty: z.string(), source: z.string() }).nullable(),
    source: z.string().nullable(),
  })
  .openapi("Fragmentation");

export const FragmentationsResultSchema = z
  .object({
    analysisDate: z.string(),
    sources: EnvironmentSourcesSchema,
    lifetimeModel: LifetimeModelSchema,
    debrisInOrbit: z.number().int(),
    debrisInOrbitWithoutElements: z.number().int(),
    events: z.array(FragmentationSchema).readonly(),
  })
  .openapi("FragmentationsResult");

export const EnvironmentResultSchema = z
  .object({
    analysisDate: z.string(),
    sources: EnvironmentSourcesSchema,
    by: z.enum(TREND_GROUPINGS),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    series: z.array(z.object({ key: z.string(), inOrbit: z.array(z.number().int()).readonly() })).readonly(),
    totals: z.array(z.number().int()).readonly(),
    launchesPerYear: z.array(z.object({ year: z.number().int(), byState: z.record(z.string(), z.number().int()), total: z.number().int() })).readonly(),
    leoShare: z.array(z.object({ key: z.string(), objects: z.number().int(), debris: z.number().int(), share: z.number() })).readonly(),
    leoTotal: z.number().int(),
  })
  .openapi("EnvironmentResult");

export const LifetimeResultSchema = z
  .object({
    catalogNumber: z.number().int(),
    name: z.string().nullable(),
    analysisDate: z.string(),
    model: z.string(),
    calibration: z.string(),
    elementSet: z.object({ epoch: z.string(), ageDays: z.number(), ingestId: z.number().int(), source: z.string().nullable() }),
    spaceWeather: z.object({ ingestId: z.number().int(), source: z.string(), observedThrough: z.string().nullable() }),
    status: z.enum(["reentry", "beyond-horizon", "reentered-before-analysis"]),
    reentry: z.string().nullable(),
    earliest: z.string().nullable(),
    latest: z.string().nullable(),
    remainingYears: z.number().nullable(),
    perigeeKm: z.number(),
    apogeeKm: z.number(),
    maintenance: z
      .object({
        operating: z.boolean().nullable().openapi({ description: "true: operating (maintained); false: not; null: unknown" }),
        basis: z.string(),
        note: z.string().nullable().openapi({ description: "For an operating object: its re-entry is natural decay if operations ended at the analysis date, not a forecast" }),
      })
      .openapi({ description: "Whether the object is operating, and on what basis (the SATCAT's status or the newest active set, with its date)" }),
  })
  .openapi("LifetimeResult");
