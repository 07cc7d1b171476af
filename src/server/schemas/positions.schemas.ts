import { z } from "@hono/zod-openapi";
import { CLEARANCE_ACTIONS } from "../../positions/clearance-workflow.ts";
import { MAX_EVIDENCE_PATH_LENGTH } from "../../positions/evidence-resolver.ts";
import { MAX_CITATION_LABEL_LENGTH, MAX_MARKDOWN_LENGTH, MAX_NOTE_LENGTH, MAX_TITLE_LENGTH } from "../../positions/position-input.ts";
import { CLEARANCE_STATUSES, POSITION_KINDS } from "../../positions/position.ts";
import { ErrorResponseSchema } from "./common.schemas.ts";
import { jsonResponse } from "./responses.ts";

/** Schemas of the positions endpoints (issue 7): position papers and talking points, their history, clearance and cited figures. */

const errorEntry = (description: string) => jsonResponse(ErrorResponseSchema, description);

/** The error answers of the workspace's routes beyond ERROR_RESPONSES. */
export const SIGNED_IN_RESPONSES = {
  401: errorEntry("Not signed in"),
  403: errorEntry("The role may not call this route, the CSRF token is missing, or the clearance rule refuses this user"),
} as const;
export const CONFLICT_RESPONSE = { 409: errorEntry("Conflict: a stale base version, a clearance step out of order, or a delivered (final) position") } as const;

const idParam = (name: string, description: string) =>
  z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name, in: "path" }, example: 1, description });

export const PositionParamsSchema = z.object({ id: idParam("id", "Position id") });
export const PositionVersionParamsSchema = z.object({ id: idParam("id", "Position id"), version: idParam("version", "Version number (1 is the first)") });
export const PositionCitationParamsSchema = z.object({ id: idParam("id", "Position id"), citationId: idParam("citationId", "Citation id") });

const optionalId = (description: string) => z.coerce.number().int().min(1).max(2_147_483_647).optional().openapi({ description });

export const PositionListQuerySchema = z.object({
  session: optionalId("Only positions tied to this forum session"),
  agendaItem: optionalId("Only positions on this agenda item"),
  status: z.enum(CLEARANCE_STATUSES).optional().openapi({ description: "Only positions in this clearance status" }),
  kind: z.enum(POSITION_KINDS).optional().openapi({ description: "Only position papers or only talking points" }),
});

export const PositionDiffQuerySchema = z.object({
  from: z.coerce.number().int().min(1).openapi({ description: "The older version number", example: 1 }),
  to: z.coerce.number().int().min(1).openapi({ description: "The newer version number", example: 2 }),
});

const markdownField = z.string().max(MAX_MARKDOWN_LENGTH).openapi({ description: "The text in Markdown, stored as written; answers also give it as sanitised HTML" });
const noteField = z.string().max(MAX_NOTE_LENGTH).nullable().optional().openapi({ description: "What changed and why (the version's change note)" });
const linkField = (description: string) => z.number().int().min(1).nullable().optional().openapi({ description });

export const CreatePositionBodySchema = z
  .object({
    title: z.string().min(1).max(MAX_TITLE_LENGTH),
    kind: z.enum(POSITION_KINDS),
    markdown: markdownField,
    note: noteField,
    forumSessionId: linkField("The forum session the position is for"),
    agendaItemId: linkField("The agenda item the position is on (ties the position to its session too)"),
  })
  .openapi("CreatePosition");

export const EditPositionBodySchema = z
  .object({
    baseVersion: z.number().int().min(1).openapi({ description: "The version this edit was made on; a stale one is refused with 409" }),
    markdown: markdownField,
    title: z.string().min(1).max(MAX_TITLE_LENGTH).optional().openapi({ description: "Unchanged when absent" }),
    note: noteField,
    forumSessionId: linkField("Unchanged when absent; null unties"),
    agendaItemId: linkField("Unchanged when absent; null unties"),
  })
  .openapi("EditPosition");

export const TransitionBodySchema = z
  .object({ to: z.enum(CLEARANCE_STATUSES).openapi({ description: "draft → under-review → cleared → delivered; under-review or cleared → draft" }) })
  .openapi("PositionTransition");

export const CiteFigureBodySchema = z
  .object({
    label: z.string().min(1).max(MAX_CITATION_LABEL_LENGTH).openapi({ example: "China: objects on orbit" }),
    apiPath: z.string().min(1).max(MAX_EVIDENCE_PATH_LENGTH).openapi({ example: "/api/states/CHN", description: "A public GET route of the evidence API, with its query if any" }),
    pointer: z.string().max(1000).openapi({ example: "/conduct/actors/0/objects/onOrbit", description: "JSON pointer (RFC 6901) to one number, text or yes/no in that answer" }),
    asOfPointer: z.string().max(1000).nullable().optional().openapi({ description: "Where the figure's date is, when the default rule would pick the wrong one" }),
  })
  .openapi("CiteFigure");

const UserRefSchema = z
  .object({
    userId: z.number().int().nullable(),
    label: z.string().openapi({ description: "The actor label recorded with the write (the e-mail it signed in with, or system / CLI)" }),
    displayName: z.string().openapi({ description: "The user's display name (the recorded label when the write had no user)" }),
    email: z.string().nullable().openapi({ description: "The user's e-mail (null when the write had no user)" }),
  })
  .openapi("PositionPerson");

const ForumLinkSchema = {
  forumSession: z.object({ id: z.number().int(), forumId: z.string(), title: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  agendaItem: z.object({ id: z.number().int(), sessionId: z.number().int(), itemNumber: z.string(), title: z.string() }).nullable(),
};

const PositionSummaryShape = {
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(POSITION_KINDS),
  status: z.enum(CLEARANCE_STATUSES),
  currentVersion: z.number().int(),
  ...ForumLinkSchema,
  createdBy: UserRefSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  lastEditedBy: UserRefSchema.openapi({ description: "Who last changed the content (a version or a cited figure): may not clear it unless admin" }),
};

export const PositionListSchema = z
  .object({ items: z.array(z.object({ ...PositionSummaryShape, citationCount: z.number().int() })) })
  .openapi("PositionList");

const VersionMetaShape = {
  version: z.number().int(),
  title: z.string(),
  changedBy: UserRefSchema,
  changedAt: z.string(),
  note: z.string().nullable(),
  statusResetFrom: z.enum(CLEARANCE_STATUSES).nullable().openapi({ description: "The status this edit sent back to draft" }),
};

const FigureShape = {
  value: z.union([z.string(), z.number(), z.boolean()]),
  valueText: z.string(),
  valueNumber: z.number().nullable(),
  asOf: z.string().nullable().openapi({ description: "The as-of date the API gave beside the figure (null: undated)" }),
  source: z.string().nullable().openapi({ description: "Where the figure comes from: the dataset's name, its publishers and URLs as the evidence answer gives them; never a local file path (a local file shows as its name)" }),
  asOfPointer: z.string().nullable().openapi({ description: "Where in the answer the date was found" }),
};

const CitationSchema = z
  .object({
    id: z.number().int(),
    label: z.string(),
    apiPath: z.string(),
    pointer: z.string(),
    cited: z.object(FigureShape).openapi({ description: "The figure as cited: kept even when the data moves on" }),
    citedBy: UserRefSchema,
    citedAt: z.string(),
    citedInVersion: z.number().int(),
  })
  .openapi("PositionCitation");

const CitationWithFreshnessSchema = CitationSchema.extend({
  freshness: z.object({
    status: z.enum(["unchanged", "newer", "unavailable"]),
    current: z.object(FigureShape).nullable().openapi({ description: "The same figure now (null: it cannot be read now; see problem)" }),
    valueChanged: z.boolean(),
    asOfChanged: z.boolean(),
    newerValueExists: z.boolean().openapi({ description: "The evidence base now states this figure with another value or as of another date" }),
    problem: z.string().nullable(),
  }),
}).openapi("PositionCitationWithFreshness");

export const PositionDetailSchema = z
  .object({
    ...PositionSummaryShape,
    text: z.object({ ...VersionMetaShape, markdown: z.string(), html: z.string().openapi({ description: "The Markdown rendered and sanitised" }) }),
    statusHistory: z.array(
      z.object({ from: z.enum(CLEARANCE_STATUSES), to: z.enum(CLEARANCE_STATUSES), version: z.number().int(), changedBy: UserRefSchema, changedAt: z.string(), reason: z.string() }),
    ),
    transitions: z
      .array(z.object({ to: z.enum(CLEARANCE_STATUSES), action: z.enum(CLEARANCE_ACTIONS), allowed: z.boolean(), reason: z.string().nullable() }))
      .openapi({ description: "The steps out of the current status, each with whether the signed-in user may take it now" }),
    citations: z.array(CitationWithFreshnessSchema),
  })
  .openapi("PositionDetail");

export const PositionWriteSchema = PositionDetailSchema.extend({
  returnedToDraft: z.object({ from: z.enum(CLEARANCE_STATUSES), message: z.string() }).nullable().openapi({ description: "Set when this write sent an under-review or cleared text back to draft" }),
  transition: z.object({ from: z.enum(CLEARANCE_STATUSES), to: z.enum(CLEARANCE_STATUSES), action: z.enum(CLEARANCE_ACTIONS) }).nullable(),
  citationId: z.number().int().nullable().openapi({ description: "The citation this write added or removed" }),
}).openapi("PositionWrite");

export const PositionVersionListSchema = z
  .object({ positionId: z.number().int(), currentVersion: z.number().int(), versions: z.array(z.object(VersionMetaShape)) })
  .openapi("PositionVersionList");

export const PositionVersionSchema = z
  .object({ positionId: z.number().int(), ...VersionMetaShape, markdown: z.string(), html: z.string(), citations: z.array(CitationSchema) })
  .openapi("PositionVersion");

export const PositionDiffSchema = z
  .object({
    positionId: z.number().int(),
    from: z.object(VersionMetaShape),
    to: z.object(VersionMetaShape),
    titleChanged: z.boolean(),
    added: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
    exact: z.boolean().openapi({ description: "False when the texts were too far apart to compare line by line" }),
    lines: z.array(z.object({ op: z.enum(["same", "removed", "added"]), text: z.string(), fromLine: z.number().int().nullable(), toLine: z.number().int().nullable() })),
  })
  .openapi("PositionDiff");
