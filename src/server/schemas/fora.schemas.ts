import { z } from "@hono/zod-openapi";
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from "../../fora/proposal.ts";
import { SESSION_STATUSES } from "../../fora/forum-session.ts";
import { SPEAKER_KINDS, STANCES } from "../../fora/statement.ts";

/** Schemas of the fora endpoints (issue 7): sessions, agenda items, documents, statements, proposals, calendar. */

/** A JSON array the domain hands over read-only. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).readonly();
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const id = z.number().int();
const Rendered = z.object({ markdown: z.string(), html: z.string().openapi({ description: "Sanitised HTML rendered from the Markdown: the only form a page may insert" }) }).openapi("RenderedMarkdown");

export const IdParamsSchema = z.object({
  id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const ForumSessionSchema = z
  .object({
    id,
    forumId: z.string().openapi({ example: "copuos" }),
    title: z.string(),
    sessionNumber: z.number().int().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    venue: z.string().nullable(),
    status: z.enum(SESSION_STATUSES).openapi({ description: "As recorded; the calendar derives its phase from the dates" }),
    sourceUrl: z.string().nullable(),
    asOf: z.string(),
    note: z.string().nullable(),
    curatedKey: z.string().nullable().openapi({ description: "Id in data/fora/sessions.csv for a curated (seeded) session; null for sessions made by users" }),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ForumSession");

export const ForumSessionSummarySchema = ForumSessionSchema.extend({
  forumName: z.string(),
  agendaItemCount: z.number().int(),
  documentCount: z.number().int(),
  statementCount: z.number().int(),
}).openapi("ForumSessionSummary");

export const AgendaItemSchema = z
  .object({
    id,
    sessionId: id,
    itemNumber: z.string().openapi({ example: "7(b)" }),
    title: z.string(),
    source: z.string().nullable(),
    asOf: z.string().nullable(),
    note: z.string().nullable(),
    curated: z.boolean(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .openapi("AgendaItem");

export const SessionDocumentSchema = z
  .object({
    id,
    sessionId: id,
    agendaItemId: z.number().int().nullable(),
    symbol: z.string().openapi({ example: "A/AC.105/C.1/L.400" }),
    title: z.string(),
    documentDate: z.string().nullable(),
    url: z.string().nullable(),
    note: z.string().nullable(),
    curated: z.boolean(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .openapi("SessionDocument");

export const ForumSessionDetailSchema = ForumSessionSchema.extend({
  forumName: z.string(),
  agendaItems: list(AgendaItemSchema),
  documents: list(SessionDocumentSchema),
  statementCount: z.number().int(),
}).openapi("ForumSessionDetail");

export const ForumSessionListSchema = z.object({ items: list(ForumSessionSummarySchema) }).openapi("ForumSessionList");

export const ForumListSchema = z
  .object({
    items: list(z.object({ id: z.string(), name: z.string(), parentBody: z.string(), meetingSeason: z.string(), sessions: list(ForumSessionSummarySchema) })),
  })
  .openapi("ForumList");

export const ForumSessionQuerySchema = z.object({
  forum: z.string().max(100).optional().openapi({ description: "Only this forum's sessions (a registry forum id)" }),
  status: z.enum(SESSION_STATUSES).optional(),
});

export const CreateForumSessionBodySchema = z
  .object({
    forumId: z.string().min(1).max(100),
    title: z.string().max(300),
    sessionNumber: z.number().int().nullable().optional(),
    startDate: day,
    endDate: day,
    venue: z.string().max(200).nullable().optional(),
    status: z.enum(SESSION_STATUSES).optional(),
    sourceUrl: z.string().max(2000).nullable().optional(),
    asOf: day.optional().openapi({ description: "When the facts were checked (default: today)" }),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .openapi("CreateForumSession");

export const PatchForumSessionBodySchema = CreateForumSessionBodySchema.partial().strict().openapi("PatchForumSession");

export const CreateAgendaItemBodySchema = z
  .object({
    itemNumber: z.string().min(1).max(20).openapi({ example: "7(b)" }),
    title: z.string().max(1000),
    source: z.string().max(2000).nullable().optional(),
    asOf: day.nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .openapi("CreateAgendaItem");

export const CreateSessionDocumentBodySchema = z
  .object({
    symbol: z.string().min(1).max(100),
    title: z.string().max(1000),
    agendaItemId: z.number().int().nullable().optional(),
    documentDate: day.nullable().optional(),
    url: z.string().max(2000).nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .openapi("CreateSessionDocument");

export const StatementStanceSchema = z
  .object({
    id,
    statementId: id,
    proposalId: id,
    stance: z.enum(STANCES),
    note: z.string().nullable(),
    recordedBy: z.number().int().nullable(),
    recordedAt: z.string(),
  })
  .openapi("StatementStance");

export const StatementSchema = z
  .object({
    id,
    sessionId: id,
    agendaItemId: z.number().int().nullable(),
    agendaItemNumber: z.string().nullable(),
    speakerKind: z.enum(SPEAKER_KINDS),
    speakerCode: z.string(),
    speakerName: z.string(),
    deliveredOn: z.string(),
    summary: Rendered,
    sourceUrl: z.string().nullable(),
    sourceReference: z.string().nullable(),
    recordedBy: z.number().int().nullable(),
    recordedAt: z.string(),
    stances: list(StatementStanceSchema),
  })
  .openapi("Statement");

export const StatementListSchema = z.object({ items: list(StatementSchema) }).openapi("StatementList");

export const StatementQuerySchema = z.object({
  agendaItem: z.coerce.number().int().min(1).optional().openapi({ description: "Only statements under this agenda item (id)" }),
  speakerKind: z.enum(SPEAKER_KINDS).optional(),
  speaker: z.string().max(20).optional().openapi({ description: "Only this speaker's statements (ISO alpha-3, group id or organisation code)" }),
});

export const CreateStatementBodySchema = z
  .object({
    agendaItemId: z.number().int().nullable().optional(),
    speakerKind: z.enum(SPEAKER_KINDS),
    speakerCode: z.string().min(1).max(20).openapi({ example: "FRA" }),
    deliveredOn: day,
    summaryMarkdown: z.string().max(20_000),
    sourceUrl: z.string().max(2000).nullable().optional(),
    sourceReference: z.string().max(500).nullable().optional(),
  })
  .strict()
  .openapi("CreateStatement");

export const CreateStanceBodySchema = z
  .object({ proposalId: z.number().int().min(1), stance: z.enum(STANCES), note: z.string().max(2000).nullable().optional() })
  .strict()
  .openapi("CreateStance");

export const StatementStanceParamsSchema = IdParamsSchema.extend({
  proposalId: z.coerce.number().int().min(1).openapi({ param: { name: "proposalId", in: "path" }, example: 1 }),
});

export const PatchStatementBodySchema = CreateStatementBodySchema.partial()
  .strict()
  .openapi("PatchStatement", { description: "The fields to change (checked as when recording); absent fields keep their value, null clears an optional one" });

export const StatementRemovalSchema = z
  .object({ id, sessionId: id, removedStances: list(StatementStanceSchema).openapi({ description: "The stances the statement recorded, removed with it" }) })
  .openapi("StatementRemoval");

export const PatchAgendaItemBodySchema = CreateAgendaItemBodySchema.partial()
  .strict()
  .openapi("PatchAgendaItem", { description: "The fields to change; absent fields keep their value, null clears an optional one" });

export const PatchSessionDocumentBodySchema = CreateSessionDocumentBodySchema.partial()
  .strict()
  .openapi("PatchSessionDocument", { description: "The fields to change (checked as when adding); absent fields keep their value, null clears an optional one" });

export const CalendarQuerySchema = z.object({
  from: day.openapi({ description: "The day the calendar is seen from (required: the server has no hidden clock)", example: "2026-01-01" }),
  forum: z.string().max(100).optional(),
});

const CalendarSessionSchema = ForumSessionSummarySchema.extend({ phase: z.enum(["upcoming", "ongoing", "concluded"]) }).openapi("CalendarSession");

export const CalendarSchema = z
  .object({ from: z.string(), upcoming: list(CalendarSessionSchema), ongoing: list(CalendarSessionSchema), concluded: list(CalendarSessionSchema) })
  .openapi("SessionCalendar");

export const ProposalSummarySchema = z
  .object({
    id,
    forumId: z.string(),
    forumName: z.string(),
    title: z.string(),
    kind: z.enum(PROPOSAL_KINDS),
    documentSymbol: z.string().nullable(),
    description: Rendered,
    status: z.enum(PROPOSAL_STATUSES),
    stanceCount: z.number().int(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ProposalSummary");

export const ProposalListSchema = z.object({ items: list(ProposalSummarySchema) }).openapi("ProposalList");

export const ProposalQuerySchema = z.object({
  forum: z.string().max(100).optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
});

export const ProposalDetailQuerySchema = z.object({
  expandGroups: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .openapi({ description: "true: a silent State takes its group's stated stance, labelled basis=group with the group in `via` (own statements always prevail)" }),
});

export const CreateProposalBodySchema = z
  .object({
    forumId: z.string().min(1).max(100),
    title: z.string().max(300),
    kind: z.enum(PROPOSAL_KINDS),
    documentSymbol: z.string().max(100).nullable().optional(),
    descriptionMarkdown: z.string().max(50_000),
    status: z.enum(PROPOSAL_STATUSES).optional(),
  })
  .strict()
  .openapi("CreateProposal");

export const PatchProposalBodySchema = CreateProposalBodySchema.partial()
  .strict()
  .openapi("PatchProposal", { description: "The fields to change (checked as when creating); absent fields keep their value, null clears the document symbol" });

const EvidenceSchema = z
  .object({
    statementId: id,
    sessionId: id,
    agendaItemId: z.number().int().nullable(),
    speakerKind: z.enum(SPEAKER_KINDS),
    speakerCode: z.string(),
    deliveredOn: z.string(),
    stance: z.enum(STANCES),
    note: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    sourceReference: z.string().nullable(),
  })
  .openapi("StanceEvidence");

const DerivedStance = z.enum([...STANCES, "silent"]);

const TallyBucketSchema = z.object({
  count: z.number().int(),
  states: list(z.object({ iso3: z.string(), name: z.string(), basis: z.enum(["statement", "group", "none"]), via: z.string().nullable() })),
});

export const ProposalDetailSchema = ProposalSummarySchema.extend({
  stances: z.object({
    expandGroups: z.boolean(),
    states: list(
      z.object({
        iso3: z.string(),
        name: z.string(),
        stance: DerivedStance,
        basis: z.enum(["statement", "group", "none"]),
        via: z.string().nullable(),
        evidence: list(EvidenceSchema).openapi({ description: "The deciding statement first, then earlier ones" }),
      }),
    ),
    groups: list(
      z.object({ code: z.string(), name: z.string(), kind: z.enum(SPEAKER_KINDS), stance: z.enum(STANCES), evidence: list(EvidenceSchema), memberStates: list(z.string()).nullable() }),
    ),
    organisations: list(
      z.object({ code: z.string(), name: z.string(), kind: z.enum(SPEAKER_KINDS), stance: z.enum(STANCES), evidence: list(EvidenceSchema), memberStates: list(z.string()).nullable() }),
    ),
    tally: z.object({ supports: TallyBucketSchema, opposes: TallyBucketSchema, reserves: TallyBucketSchema, silent: TallyBucketSchema }),
    unexpandedGroups: list(z.string()),
  }),
  statusHistory: list(
    z.object({
      status: z.enum(PROPOSAL_STATUSES),
      previousStatus: z.enum(PROPOSAL_STATUSES).nullable().openapi({ description: "Null for the status it was created with" }),
      at: z.string(),
    }),
  ).openapi({ description: "The status it was created with, then each change of status, oldest first (from the audit log)" }),
}).openapi("ProposalDetail");

export const ProposalSchema = z
  .object({
    id,
    forumId: z.string(),
    title: z.string(),
    kind: z.enum(PROPOSAL_KINDS),
    documentSymbol: z.string().nullable(),
    descriptionMarkdown: z.string(),
    status: z.enum(PROPOSAL_STATUSES),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Proposal");

export const SpeakerGroupListSchema = z
  .object({
    items: list(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        memberStates: list(z.string()).nullable().openapi({ description: "Null where the membership is not recorded (never expanded)" }),
        source: z.string(),
        asOf: z.string(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi("SpeakerGroupList");
