import { z } from "@hono/zod-openapi";
import { PASSWORD_MAX_LENGTH } from "../../accounts/password-hash.ts";
import { COMMENT_MAX_LENGTH } from "../../consultations/comment.service.ts";
import { DRAFT_MAX_LENGTH, TITLE_MAX_LENGTH } from "../../consultations/consultation.service.ts";
import { COMMENT_VISIBILITIES, CONSULTATION_KINDS, CONSULTATION_STATUSES, STAKEHOLDER_SECTORS } from "../../consultations/consultation-vocabulary.ts";
import { MAX_INVITEES_PER_REQUEST } from "../../consultations/invitation.service.ts";
import { UserSchema } from "./accounts.schemas.ts";
import { orNull } from "./common.schemas.ts";

const id = (name: string, description: string) => z.coerce.number().int().min(1).openapi({ param: { name, in: "path" }, example: 1, description });

export const ConsultationParamsSchema = z.object({ id: id("id", "The consultation's id") });
export const InvitationParamsSchema = z.object({ id: id("id", "The consultation's id"), invitationId: id("invitationId", "The invitation's id") });
export const InvitationTokenParamsSchema = z.object({
  token: z.string().min(1).max(200).openapi({ param: { name: "token", in: "path" }, description: "The token of the link /invitations/<token>" }),
});

export const ConsultationListQuerySchema = z.object({ status: z.enum(CONSULTATION_STATUSES).optional().openapi({ description: "Only open or closed consultations" }) });
export const CommentListQuerySchema = z.object({ paragraph: z.coerce.number().int().min(1).optional().openapi({ description: "Only the comments on this paragraph" }) });
export const SummaryQuerySchema = z.object({
  format: z.enum(["json", "md", "csv"]).default("json").openapi({ description: "json (default), md (Markdown document) or csv (a download)" }),
});

export const RenderedMarkdownSchema = z
  .object({ markdown: z.string(), html: z.string().openapi({ description: "Sanitised HTML: the only form a page may insert" }) })
  .openapi("RenderedMarkdown");

const OrganiserSchema = z.object({ displayName: z.string(), email: z.string().optional().openapi({ description: "The internal workspace only" }) });

const consultationBasics = {
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(CONSULTATION_KINDS),
  status: z.enum(CONSULTATION_STATUSES),
  deadline: z.string().openapi({ description: "ISO timestamp; no comment is accepted from then on" }),
  acceptingComments: z.boolean().openapi({ description: "Open and before the deadline, at the time of the request" }),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  organiser: orNull(OrganiserSchema),
  positionId: z.number().int().nullable().optional().openapi({ description: "The linked internal position (internal workspace only; absent for stakeholders)" }),
  internalNote: orNull(RenderedMarkdownSchema).optional().openapi({ description: "The organisers' note (internal workspace only; absent for stakeholders)" }),
};

export const ConsultationListItemSchema = z
  .object({
    ...consultationBasics,
    paragraphCount: z.number().int(),
    invitationCount: z.number().int().optional().openapi({ description: "Organisers only" }),
    commentCount: z.number().int().optional().openapi({ description: "Organisers only" }),
  })
  .openapi("ConsultationListItem");

export const ConsultationListSchema = z.object({ items: z.array(ConsultationListItemSchema) });

export const InvitationSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    sector: z.enum(STAKEHOLDER_SECTORS),
    organisation: z.string(),
    inviteeUserId: z.number().int().nullable().openapi({ description: "The stakeholder account it resolves to (null until the link is used, for a new e-mail)" }),
    invitedBy: orNull(z.object({ displayName: z.string(), email: z.string() })),
    invitedAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    sentAt: z.string().nullable().openapi({ description: "When the e-mail was handed to the SMTP server (null: not sent)" }),
    sendError: z.string().nullable().openapi({ description: "Why the last sending failed (re-send it with POST …/invitations/{invitationId}/send)" }),
  })
  .openapi("ConsultationInvitation");

export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });

export const ConsultationDetailSchema = z
  .object({
    ...consultationBasics,
    draft: RenderedMarkdownSchema,
    paragraphs: z.array(z.object({ number: z.number().int(), markdown: z.string(), html: z.string() })),
    invitations: z.array(InvitationSchema).optional().openapi({ description: "Organisers only" }),
    myInvitation: z
      .object({ sector: z.enum(STAKEHOLDER_SECTORS), organisation: z.string(), acceptedAt: z.string().nullable() })
      .optional()
      .openapi({ description: "A stakeholder only: how it was invited" }),
  })
  .openapi("ConsultationDetail");

export const OpenConsultationBodySchema = z.object({
  title: z.string().min(1).max(TITLE_MAX_LENGTH),
  kind: z.enum(CONSULTATION_KINDS),
  positionId: z.number().int().min(1).nullable().optional().openapi({ description: "The internal position the draft comes from (never shown to stakeholders)" }),
  draftMarkdown: z.string().min(1).max(DRAFT_MAX_LENGTH).openapi({ description: "The draft to publish, Markdown; frozen now and split into paragraphs at blank lines" }),
  internalNote: z.string().max(20_000).nullable().optional().openapi({ description: "The organisers' note, Markdown (never shown to stakeholders)" }),
  deadline: z.string().openapi({ description: "ISO 8601 timestamp with a time zone, in the future", example: "2026-03-01T17:00:00Z" }),
});

export const InviteBodySchema = z.object({
  invitees: z
    .array(
      z.object({
        email: z.string().min(1).max(254),
        sector: z.enum(STAKEHOLDER_SECTORS),
        organisation: z.string().min(1).max(200),
      }),
    )
    .min(1)
    .max(MAX_INVITEES_PER_REQUEST),
});

export const CommentSchema = z
  .object({
    id: z.number().int(),
    consultationId: z.number().int(),
    paragraphNumber: z.number().int(),
    visibility: z.enum(COMMENT_VISIBILITIES),
    markdown: z.string(),
    html: z.string().openapi({ description: "Sanitised HTML: the only form a page may insert" }),
    createdAt: z.string(),
    author: z.object({
      displayName: z.string(),
      organisation: z.string().nullable(),
      sector: z.enum(STAKEHOLDER_SECTORS).nullable(),
      userId: z.number().int().optional().openapi({ description: "Organisers, and the author itself, only" }),
      email: z.string().optional().openapi({ description: "Organisers, and the author itself, only" }),
    }),
    mine: z.boolean(),
  })
  .openapi("ConsultationComment");

export const CommentListSchema = z.object({ items: z.array(CommentSchema) });

export const NewCommentBodySchema = z.object({
  paragraphNumber: z.number().int().min(1),
  visibility: z.enum(COMMENT_VISIBILITIES).openapi({ description: "public: every invitee and the organisers; confidential: the organisers only" }),
  bodyMarkdown: z.string().min(1).max(COMMENT_MAX_LENGTH),
});

const SummarySectorSchema = z.enum([...STAKEHOLDER_SECTORS, "unspecified"]);
const SectorTallySchema = z.record(z.string(), z.number().int());
const SummaryCommentSchema = z.object({
  id: z.number().int(),
  paragraphNumber: z.number().int(),
  sector: SummarySectorSchema,
  organisation: z.string().nullable(),
  authorName: z.string(),
  authorEmail: z.string(),
  visibility: z.enum(COMMENT_VISIBILITIES),
  bodyMarkdown: z.string(),
  createdAt: z.string(),
});
const countsShape = { total: z.number().int(), public: z.number().int(), confidential: z.number().int() };

export const ConsultationSummarySchema = z
  .object({
    consultation: z.object({ id: z.number().int(), title: z.string(), kind: z.enum(CONSULTATION_KINDS), status: z.enum(CONSULTATION_STATUSES), deadline: z.string() }),
    exportedAt: z.string(),
    counts: z.object({ ...countsShape, bySector: SectorTallySchema }),
    bySector: z.array(z.object({ sector: SummarySectorSchema, ...countsShape, comments: z.array(SummaryCommentSchema) })),
    byParagraph: z.array(z.object({ number: z.number().int(), markdown: z.string(), ...countsShape, bySector: SectorTallySchema, comments: z.array(SummaryCommentSchema) })),
  })
  .openapi("ConsultationSummary");

export const InvitationPreviewSchema = z
  .object({
    consultationTitle: z.string(),
    invitedBy: z.string().nullable(),
    deadline: z.string(),
    accountExists: z.boolean().openapi({ description: "Whether the invited e-mail already has an account: accepting then signs in to it rather than creating one" }),
    acceptance: z.enum(["create-account", "set-password", "sign-in"]).openapi({
      description: "What accepting asks for: create-account (a name and a new password), set-password (the account has no password yet: a new one), sign-in (the account's password)",
    }),
  })
  .openapi("InvitationPreview");

export const AcceptInvitationBodySchema = z.object({
  token: z.string().min(1).max(200),
  displayName: z.string().min(1).max(200).optional().openapi({ description: "Required for a new account; an existing account keeps its name, so it may be left out" }),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH).openapi({ description: "A new account's password (12+ characters), or the existing account's password" }),
});

export const AcceptedInvitationSchema = z
  .object({
    user: UserSchema,
    csrfToken: z.string(),
    expiresAt: z.string(),
    consultationId: z.number().int(),
    accountCreated: z.boolean(),
  })
  .openapi("AcceptedInvitation");
