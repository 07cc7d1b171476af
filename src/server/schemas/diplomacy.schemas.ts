import { z } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import { VOTES } from "../../diplomacy/act.ts";
import { OUTREACH_FACTORS } from "../../diplomacy/outreach-weights.ts";
import { IngestRefSchema, orNull } from "./common.schemas.ts";

/** Schemas of the diplomacy endpoints: state profiles, instrument views, votes and outreach priorities. */

/** A JSON array that the domain hands over read-only. */
function list<T extends ZodType>(item: T) {
  return z.array(item).readonly();
}

/** Known (with the value), unknown (with why), or not applicable (with why): unknown is never no. */
export function knowledgeSchema<T extends ZodType>(value: T) {
  return z.discriminatedUnion("status", [
    z.object({ status: z.literal("known"), value }),
    z.object({ status: z.literal("unknown"), reason: z.string() }),
    z.object({ status: z.literal("not-applicable"), reason: z.string() }),
  ]);
}

const Sourced = { source: z.string(), asOf: z.string() };
const CountSplitShape = { total: z.number().int(), onOrbit: z.number().int(), decayed: z.number().int() };

export const StateParamsSchema = z.object({
  state: z.string().min(1).max(100).openapi({ param: { name: "state", in: "path" }, example: "USA", description: "ISO 3166-1 alpha-3 code or English name" }),
});

export const InstrumentParamsSchema = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: "id", in: "path" }, example: "artemis-accords", description: "Instrument id (or short name)" }),
});

export const OutreachQuerySchema = z.object({
  top: z.coerce.number().int().min(1).max(1000).default(20).openapi({ description: "How many candidates to return, 1 to 1000 (default 20)" }),
});

export const ActSchema = z
  .object({
    party: z.string(),
    target: z.string(),
    targetType: z.string(),
    kind: z.string().openapi({ example: "ratification" }),
    date: z.string().nullable().openapi({ description: "Partial date YYYY[-MM[-DD]]; null = unknown" }),
    vote: z.enum(VOTES).nullable(),
    ...Sourced,
    note: z.string().nullable(),
    origin: z.string().optional().openapi({ description: "`curated` or `import:<file>`" }),
    recordedAt: z.string().optional().openapi({ description: "When the store recorded this version" }),
  })
  .openapi("Act");

export const StandingStatementSchema = z
  .object({
    subject: z.string().openapi({ description: "Instrument or forum id" }),
    label: z.string(),
    status: z.enum(["known", "unknown", "not-applicable"]),
    value: z.string().nullable().openapi({ description: "participant, signatory, not-participant, withdrawn, a vote, member or not-member; null unless known" }),
    statement: z.string(),
    date: z.string().nullable(),
    source: z.string().nullable(),
    asOf: z.string().nullable(),
  })
  .openapi("StandingStatement");

const CatalogEvidenceSchema = z
  .object({
    satcat: orNull(IngestRefSchema),
    elementSets: orNull(IngestRefSchema),
    activeSet: z.object({ ingestId: z.number().int(), source: z.string(), retrievedAt: z.string(), dataAsOf: z.string().nullable(), members: z.number().int() }).nullable(),
    ingested: z.boolean().openapi({ description: "False when no SATCAT and no element sets are stored: catalog figures are then unknown" }),
    activeUnknownReason: z.string().nullable(),
    activeDefinition: z.string(),
    attribution: z.string(),
    source: z.string().openapi({ description: "The catalog sources in one line: cited by every catalog figure" }),
    asOf: z.string().nullable(),
  })
  .openapi("CatalogEvidence");

const ActorConductSchema = z
  .object({
    actorCode: z.string(),
    actorName: z.string(),
    relation: z.enum(["self", "predecessor"]),
    validTo: z.string().nullable(),
    objects: z.object(CountSplitShape),
    byType: list(z.object({ objectType: z.string(), ...CountSplitShape })),
    byRegime: list(z.object({ orbitRegime: z.string(), ...CountSplitShape })),
    byTypeAndRegime: list(z.object({ objectType: z.string(), orbitRegime: z.string(), ...CountSplitShape })),
    activeSatellites: knowledgeSchema(z.number().int()),
    launchesPerYear: list(z.object({ year: z.number().int(), launches: z.number().int(), payloads: z.number().int() })),
    debris: z.object({
      ...CountSplitShape,
      parentLaunches: z.number().int(),
      byParent: list(
        z.object({
          launchDesignator: z.string(),
          principalName: z.string().nullable(),
          principalCatalogNumber: z.number().int().nullable(),
          asatTestDate: z.string().nullable(),
          ...CountSplitShape,
        }),
      ),
    }),
  })
  .openapi("ActorConduct");

const ConjunctionShareSchema = z.object({
  actorCode: z.string(),
  runEvents: z.number().int(),
  events: z.number().int(),
  withOtherActors: z.number().int(),
  shareOfRun: z.number(),
  counterparts: list(z.object({ actorCode: z.string(), events: z.number().int() })),
  activeApproaches: z.number().int(),
  byOtherActorsDebris: z.number().int(),
  othersActiveApproachedByItsDebris: z.number().int(),
});

const DisposalComplianceSchema = z.object({ rule: z.string(), assessed: z.number().int(), compliant: z.number().int(), compliantShare: z.number(), ...Sourced });

const SourcedCountSchema = z.object({ ...CountSplitShape, source: z.string(), asOf: z.string().nullable() });

const AsatTestSchema = z.object({
  date: z.string(),
  stateIso3: z.string(),
  conductedBy: z.string(),
  certainty: z.enum(["confirmed", "suspected", "uncertain"]),
  testType: z.string(),
  targetName: z.string(),
  targetCatalogNumber: z.number().int().nullable(),
  targetDesignator: z.string().nullable(),
  debrisLaunches: list(z.string()),
  altitudeKm: z.number().nullable(),
  debrisCatalogued: z.number().int().nullable(),
  debrisOnOrbit: z.number().int().nullable(),
  debrisAsOf: z.string().nullable(),
  ...Sourced,
  note: z.string().nullable(),
});

const ConsistencyItemSchema = z
  .discriminatedUnion("topic", [
    z.object({
      topic: z.literal("destructive-asat-tests"),
      title: z.string(),
      commitments: list(StandingStatementSchema),
      tests: list(z.object({ test: AsatTestSchema, catalogDebris: orNull(SourcedCountSchema), relativeToCommitment: z.enum(["before", "after", "undetermined"]).nullable() })),
      testDebris: orNull(SourcedCountSchema),
      summary: z.string(),
    }),
    z.object({
      topic: z.literal("debris-mitigation"),
      title: z.string(),
      commitments: list(StandingStatementSchema),
      disposalCompliance: knowledgeSchema(DisposalComplianceSchema),
      debris: orNull(SourcedCountSchema),
      predecessorDebris: list(SourcedCountSchema.extend({ actorCode: z.string() })),
      summary: z.string(),
    }),
  ])
  .openapi("ConsistencyItem");

export const StateProfileSchema = z
  .object({
    state: z.object({
      iso3: z.string(),
      name: z.string(),
      unStatus: z.string(),
      regionalGroup: z.string(),
      regionalGroupName: z.string(),
      groupStatus: z.string(),
      ...Sourced,
      note: z.string().nullable(),
    }),
    agencies: list(z.object({ code: z.string(), name: z.string() })),
    commitments: list(
      z.object({
        instrument: z.object({ id: z.string(), kind: z.string(), shortName: z.string(), coverage: z.string(), coverageAsOf: z.string().nullable() }),
        answer: StandingStatementSchema,
        acts: list(ActSchema),
      }),
    ),
    fora: list(StandingStatementSchema),
    conduct: z.object({
      catalog: CatalogEvidenceSchema,
      actors: list(ActorConductSchema).openapi({ description: "The state itself first, then any historic predecessor (USSR for Russia), kept apart" }),
      shared: list(z.object({ actorCode: z.string(), actorName: z.string(), kind: z.string(), memberStates: z.number().int(), ...CountSplitShape })),
      conjunctions: knowledgeSchema(
        z.object({
          run: z.object({ id: z.number().int(), from: z.string(), to: z.string(), thresholdKm: z.number(), finishedAt: z.string() }),
          shares: list(ConjunctionShareSchema),
          ...Sourced,
        }),
      ),
      disposalCompliance: knowledgeSchema(DisposalComplianceSchema),
    }),
    consistency: list(ConsistencyItemSchema),
  })
  .openapi("StateProfile");

export const InstrumentSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    shortName: z.string(),
    title: z.string(),
    forumId: z.string().nullable(),
    document: z.string().nullable(),
    adoptedDate: z.string().nullable(),
    openedDate: z.string().nullable(),
    inForceDate: z.string().nullable(),
    scope: z.string(),
    coverage: z.string().openapi({ description: "complete: a state without an act is known to be out; partial: it is unknown; none: no state acts" }),
    coverageAsOf: z.string().nullable(),
    recordedTally: z.object({ yes: z.number().int().nullable(), no: z.number().int().nullable(), abstain: z.number().int().nullable(), nonVoting: z.number().int().nullable() }).nullable(),
    ...Sourced,
    note: z.string().nullable(),
  })
  .openapi("Instrument");

const StandingRowSchema = z.object({
  party: z.string(),
  name: z.string(),
  participation: z.object({ standing: z.string(), act: orNull(ActSchema), ...Sourced }),
});

export const VoteViewSchema = z
  .object({
    instrument: InstrumentSchema,
    recorded: InstrumentSchema.shape.recordedTally,
    known: z.object(Object.fromEntries(VOTES.map((v) => [v, z.number().int()])) as Record<(typeof VOTES)[number], z.ZodNumber>),
    consistent: z.boolean().openapi({ description: "No stored count exceeds its published total (equal for a complete roll call)" }),
    votes: list(z.object({ vote: z.enum(VOTES), states: list(z.object({ iso3: z.string(), name: z.string(), date: z.string().nullable(), ...Sourced })) })),
    unknownStates: list(z.object({ iso3: z.string(), name: z.string() })).openapi({ description: "Eligible states whose vote is not stored: unknown, not absent" }),
  })
  .openapi("VoteView");

export const InstrumentViewSchema = z
  .object({
    instrument: InstrumentSchema,
    participants: list(StandingRowSchema),
    signatories: list(StandingRowSchema),
    withdrawn: list(StandingRowSchema),
    knownOut: list(StandingRowSchema),
    unknown: list(z.object({ iso3: z.string(), name: z.string() })),
    notApplicable: z.number().int(),
    growth: z.object({
      years: list(z.object({ year: z.number().int(), joined: z.number().int(), withdrawn: z.number().int(), cumulative: z.number().int() })),
      undated: z.number().int(),
    }),
    votes: orNull(VoteViewSchema),
  })
  .openapi("InstrumentView");

const FactorScoreSchema = z.object({
  factor: z.enum(OUTREACH_FACTORS),
  raw: z.number().nullable(),
  rawText: z.string(),
  normalised: z.number(),
  weight: z.number(),
  contribution: z.number().openapi({ description: "weight x normalised" }),
  unknown: z.boolean(),
});

export const OutreachReportSchema = z
  .object({
    instrument: z.object({ id: z.string(), kind: z.string(), shortName: z.string(), coverage: z.string(), coverageAsOf: z.string().nullable(), source: z.string() }),
    settings: z.object({
      weights: z.record(z.string(), z.number()),
      relatedCommitments: list(z.string()),
      relatedVotes: list(z.string()),
      voteValues: z.record(z.string(), z.number()),
      recentLaunchYears: z.number().int(),
    }),
    settingsSource: z.string(),
    catalog: CatalogEvidenceSchema,
    recentYears: z.object({ from: z.number().int(), to: z.number().int() }),
    committedCount: z.number().int(),
    candidateCount: z.number().int(),
    maxScore: z.number(),
    maxima: z.object({ onOrbitObjects: z.number().int(), activeSatellites: z.number().int(), recentLaunches: z.number().int() }),
    ranked: list(
      z.object({
        rank: z.number().int(),
        iso3: z.string(),
        name: z.string(),
        standing: z.enum(["not-participant", "signatory", "withdrawn", "unknown"]),
        standingSource: z.string().nullable(),
        standingAsOf: z.string().nullable(),
        score: z.number(),
        factors: list(FactorScoreSchema),
        evidence: z
          .object({
            onOrbitObjects: z.number().int().nullable(),
            activeSatellites: z.number().int().nullable(),
            recentLaunches: z.number().int().nullable(),
            copuosMember: z.boolean().nullable(),
            relatedCommitments: list(z.object({ instrumentId: z.string(), participant: z.boolean().nullable() })),
            relatedVotes: list(z.object({ instrumentId: z.string(), vote: z.enum(VOTES).nullable() })),
            regionalPeers: z.object({ group: z.string(), committed: z.number().int(), members: z.number().int() }),
          })
          .openapi({ description: "The facts the factors were computed from (null: unknown)" }),
      }),
    ),
  })
  .openapi("OutreachReport");

const DIRECTORY_STANDINGS = ["participant", "signatory", "not-participant", "withdrawn", ...VOTES, "unknown", "not-applicable"] as const;

export const StateDirectorySchema = z
  .object({
    instruments: list(z.object({ id: z.string(), kind: z.string(), shortName: z.string(), coverage: z.string(), coverageAsOf: z.string().nullable() })).openapi({
      description: "The treaties, accords, commitments and resolutions whose standing every state row gives, in column order",
    }),
    states: list(
      z.object({
        iso3: z.string(),
        name: z.string(),
        unStatus: z.string(),
        regionalGroup: z.string(),
        regionalGroupName: z.string(),
        onOrbitObjects: z.number().int().nullable().openapi({ description: "Objects on orbit attributed to the state itself; null where no catalog is stored" }),
        instrumentsJoined: z.number().int().openapi({ description: "Treaties, accords and commitments the state is known to be in" }),
        standings: list(z.enum(DIRECTORY_STANDINGS)).openapi({ description: "Standing (or vote) under each of `instruments`, same order; unknown is never no" }),
      }),
    ),
    catalogSource: z.string(),
    catalogAsOf: z.string().nullable(),
    source: z.string(),
  })
  .openapi("StateDirectory");

export const InstrumentListSchema = z.object({ items: list(InstrumentSchema) }).openapi("InstrumentList");

const weightPair = z
  .string()
  .regex(/^[a-z-]+:\d+(\.\d+)?$/, "each weight is factor:number")
  .refine((pair) => (OUTREACH_FACTORS as readonly string[]).includes(pair.split(":")[0] ?? ""), { message: `factors are ${OUTREACH_FACTORS.join(", ")}` })
  .refine((pair) => Number(pair.split(":")[1]) <= 1000, { message: "a weight is at most 1000" });

/** `space-objects:2,copuos-member:0`: weights that override the configured ones for this request (others unchanged). */
export const OutreachWeightsQuerySchema = OutreachQuerySchema.extend({
  weights: z
    .string()
    .max(500)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === "") return undefined;
      const pairs = text.split(",").map((p) => p.trim());
      const weights: Record<string, number> = {};
      for (const pair of pairs) {
        const parsed = weightPair.safeParse(pair);
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: `${JSON.stringify(pair)}: ${parsed.error.issues[0]?.message ?? "invalid"}` });
          return z.NEVER;
        }
        const [factor, value] = pair.split(":");
        weights[factor as string] = Number(value);
      }
      return weights as Partial<Record<(typeof OUTREACH_FACTORS)[number], number>>;
    })
    .openapi({
      type: "string",
      example: "space-objects:2,regional-peers:0",
      description: `Weights that override data/outreach-weights.json for this request, factor:weight (0 to 1000) separated by commas; factors: ${OUTREACH_FACTORS.join(", ")}`,
    }),
});
