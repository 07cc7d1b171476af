import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../app/concord-context.ts";
import { addComment, listCommentsFor } from "../../consultations/comment.service.ts";
import type { ConsultationReader } from "../../consultations/consultation-reader.ts";
import { renderSummaryCsv, renderSummaryMarkdown } from "../../consultations/consultation-summary-export.ts";
import { loadConsultationSummary } from "../../consultations/consultation-summary.service.ts";
import { listConsultationsFor, listInvitationsFor, loadConsultationFor } from "../../consultations/consultation-view.service.ts";
import { closeConsultation, openConsultation } from "../../consultations/consultation.service.ts";
import { acceptInvitation } from "../../consultations/invitation-acceptance.service.ts";
import { inviteStakeholders, previewInvitation, resendInvitation } from "../../consultations/invitation.service.ts";
import type { InvitationMailing } from "../../consultations/invitation.service.ts";
import { smtpMailSender } from "../../sources/smtp-mail-sender.ts";
import type { Principal } from "../auth/principal.ts";
import { auditActorOf, requirePrincipal } from "../auth/principal.ts";
import { ACCESS_KEY } from "../auth/route-access.ts";
import { clientAddressOf } from "../auth/client-address.ts";
import { readSessionCookie } from "../auth/session-cookie.ts";
import {
  AcceptInvitationBodySchema,
  AcceptedInvitationSchema,
  CommentListQuerySchema,
  CommentListSchema,
  CommentSchema,
  ConsultationDetailSchema,
  ConsultationListQuerySchema,
  ConsultationListSchema,
  ConsultationParamsSchema,
  ConsultationSummarySchema,
  InvitationListSchema,
  InvitationParamsSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenParamsSchema,
  InviteBodySchema,
  NewCommentBodySchema,
  OpenConsultationBodySchema,
  SummaryQuerySchema,
} from "../schemas/consultations.schemas.ts";
import { ErrorResponseSchema } from "../schemas/common.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";
import { signedInResponse } from "./accounts.routes.ts";

const tags = ["consultations"];
const ORGANISERS = ["admin", "analyst"] as const;
const EVERY_ROLE = ["admin", "analyst", "viewer", "stakeholder"] as const;
const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const errorEntry = (description: string) => jsonResponse(ErrorResponseSchema, description);
const AUTH_ERRORS = { ...ERROR_RESPONSES, 401: errorEntry("Not signed in"), 403: errorEntry("Wrong role, or missing CSRF token") };
const CONFLICT = { 409: errorEntry("Closed, past its deadline, already done, or an e-mail of another kind of account") };

const listRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: EVERY_ROLE,
  path: "/api/consultations",
  tags,
  summary: "Consultations, newest deadline first: every one for the workspace, only those it was invited to for a stakeholder",
  request: { query: ConsultationListQuerySchema },
  responses: { 200: jsonResponse(ConsultationListSchema, "The consultations the caller may see"), ...AUTH_ERRORS },
});

const openRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: ORGANISERS,
  path: "/api/consultations",
  tags,
  summary: "Open a consultation on a draft (frozen now, split into numbered paragraphs), with a deadline",
  request: jsonBody(OpenConsultationBodySchema),
  responses: { 201: jsonResponse(ConsultationDetailSchema, "Opened"), ...AUTH_ERRORS },
});

const detailRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: EVERY_ROLE,
  path: "/api/consultations/{id}",
  tags,
  summary: "A consultation: its published draft and paragraphs; for organisers also the linked position, note and invitations",
  request: { params: ConsultationParamsSchema },
  responses: { 200: jsonResponse(ConsultationDetailSchema, "The consultation as the caller may see it"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE },
});

const invitationsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: ORGANISERS,
  path: "/api/consultations/{id}/invitations",
  tags,
  summary: "A consultation's invitations with their sending status (organisers)",
  request: { params: ConsultationParamsSchema },
  responses: { 200: jsonResponse(InvitationListSchema, "The invitations"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE },
});

const inviteRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: ORGANISERS,
  path: "/api/consultations/{id}/invitations",
  tags,
  summary: "Invite stakeholders by e-mail: each gets a single-use link; a failed sending is kept on the invitation (sendError)",
  request: { params: ConsultationParamsSchema, ...jsonBody(InviteBodySchema) },
  responses: { 201: jsonResponse(InvitationListSchema, "The invitations made, each with its sending outcome"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE, ...CONFLICT },
});

const resendRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: ORGANISERS,
  path: "/api/consultations/{id}/invitations/{invitationId}/send",
  tags,
  summary: "Send an unused invitation again, with a new link (the old one stops working)",
  request: { params: InvitationParamsSchema },
  responses: { 200: jsonResponse(InvitationSchema, "The invitation with its sending outcome"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE, ...CONFLICT },
});

const closeRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: ORGANISERS,
  path: "/api/consultations/{id}/close",
  tags,
  summary: "Close a consultation: no comment is accepted from then on",
  request: { params: ConsultationParamsSchema },
  responses: { 200: jsonResponse(ConsultationDetailSchema, "Closed"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE, ...CONFLICT },
});

const commentsRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: EVERY_ROLE,
  path: "/api/consultations/{id}/comments",
  tags,
  summary: "Comments the caller may see: organisers all; viewers the public ones; a stakeholder its own and the public ones",
  request: { params: ConsultationParamsSchema, query: CommentListQuerySchema },
  responses: { 200: jsonResponse(CommentListSchema, "Comments by paragraph, oldest first"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE },
});

const commentRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: ["stakeholder"],
  path: "/api/consultations/{id}/comments",
  tags,
  summary: "Comment on a paragraph, publicly or confidentially to the organisers (an invited stakeholder, before the deadline)",
  request: { params: ConsultationParamsSchema, ...jsonBody(NewCommentBodySchema) },
  responses: { 201: jsonResponse(CommentSchema, "The comment"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE, ...CONFLICT },
});

const summaryRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: ORGANISERS,
  path: "/api/consultations/{id}/summary",
  tags,
  summary: "The organisers' summary: comments grouped by sector and paragraph with counts (JSON, Markdown or CSV; confidential ones marked)",
  request: { params: ConsultationParamsSchema, query: SummaryQuerySchema },
  responses: {
    200: {
      description: "The summary (md and csv as a download)",
      content: { "application/json": { schema: ConsultationSummarySchema }, "text/markdown": { schema: z.string() }, "text/csv": { schema: z.string() } },
    },
    ...AUTH_ERRORS,
    ...NOT_FOUND_RESPONSE,
  },
});

const previewRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/invitations/{token}",
  tags,
  summary: "What an invitation link is for (title, who invited, deadline, and whether the invited address already has an account) while it is valid and unused; 404 otherwise",
  request: { params: InvitationTokenParamsSchema },
  responses: { 200: jsonResponse(InvitationPreviewSchema, "The invitation"), ...ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const acceptRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: "public",
  path: "/api/invitations/accept",
  tags,
  summary: "Accept an invitation (once): creates or reuses the stakeholder account of its e-mail and signs it in",
  request: jsonBody(AcceptInvitationBodySchema),
  responses: {
    200: jsonResponse(AcceptedInvitationSchema, "Accepted and signed in (sets the concord_session cookie)"),
    ...ERROR_RESPONSES,
    401: errorEntry("The e-mail has an account and the password is not its password"),
    403: errorEntry("Not sent as Content-Type: application/json"),
    ...NOT_FOUND_RESPONSE,
    ...CONFLICT,
    429: errorEntry("Too many failed password checks"),
  },
});

function readerOf(principal: Principal): ConsultationReader {
  return { userId: principal.userId, role: principal.role };
}

/**
 * The consultations routes of the workspace (issue 7). Every route declares its access (auth/route-access.ts); the
 * object-level rules (a stakeholder sees only its consultations, nobody else's confidential comments) are the
 * services'. Every answer is `Cache-Control: no-store` (private data, and single-use tokens in the invitation paths).
 */
export function registerConsultationsRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  const { config } = context;
  const mailing: InvitationMailing = { sender: smtpMailSender({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom }), publicBaseUrl: config.publicBaseUrl };

  for (const path of ["/api/consultations", "/api/consultations/*", "/api/invitations/*"]) {
    app.use(path, async (c, next) => {
      await next();
      c.res.headers.set("Cache-Control", "no-store");
    });
  }

  app.openapi(listRoute, async (c) => {
    const reader = readerOf(requirePrincipal(c));
    const { status } = c.req.valid("query");
    return c.json({ items: await listConsultationsFor(db, reader, status === undefined ? {} : { status }, new Date()) }, 200);
  });

  app.openapi(openRoute, async (c) => {
    const principal = requirePrincipal(c);
    const body = c.req.valid("json");
    const now = new Date();
    const opened = await openConsultation(
      db,
      { title: body.title, kind: body.kind, positionId: body.positionId ?? null, draftMarkdown: body.draftMarkdown, internalNote: body.internalNote ?? null, deadline: body.deadline },
      auditActorOf(principal),
      now,
    );
    return c.json(await loadConsultationFor(db, readerOf(principal), opened.id, now), 201);
  });

  app.openapi(detailRoute, async (c) => {
    const reader = readerOf(requirePrincipal(c));
    return c.json(await loadConsultationFor(db, reader, c.req.valid("param").id, new Date()), 200);
  });

  app.openapi(invitationsRoute, async (c) => {
    const reader = readerOf(requirePrincipal(c));
    return c.json({ items: await listInvitationsFor(db, reader, c.req.valid("param").id) }, 200);
  });

  app.openapi(inviteRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { invitees } = c.req.valid("json");
    const items = await inviteStakeholders(db, c.req.valid("param").id, invitees, mailing, auditActorOf(principal), new Date());
    return c.json({ items }, 201);
  });

  app.openapi(resendRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { id, invitationId } = c.req.valid("param");
    return c.json(await resendInvitation(db, id, invitationId, mailing, auditActorOf(principal), new Date()), 200);
  });

  app.openapi(closeRoute, async (c) => {
    const principal = requirePrincipal(c);
    const now = new Date();
    const closed = await closeConsultation(db, c.req.valid("param").id, auditActorOf(principal), now);
    return c.json(await loadConsultationFor(db, readerOf(principal), closed.id, now), 200);
  });

  app.openapi(commentsRoute, async (c) => {
    const reader = readerOf(requirePrincipal(c));
    const { paragraph } = c.req.valid("query");
    return c.json({ items: await listCommentsFor(db, reader, c.req.valid("param").id, paragraph === undefined ? {} : { paragraphNumber: paragraph }) }, 200);
  });

  app.openapi(commentRoute, async (c) => {
    const principal = requirePrincipal(c);
    const body = c.req.valid("json");
    const comment = await addComment(db, readerOf(principal), c.req.valid("param").id, body, auditActorOf(principal), new Date());
    return c.json(comment, 201);
  });

  app.openapi(summaryRoute, async (c) => {
    const reader = readerOf(requirePrincipal(c));
    const { id } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const summary = await loadConsultationSummary(db, reader, id, new Date());
    if (format === "json") return c.json(summary, 200);
    const text = format === "md" ? renderSummaryMarkdown(summary) : renderSummaryCsv(summary);
    const contentType = format === "md" ? "text/markdown; charset=utf-8" : "text/csv; charset=utf-8";
    return c.body(text, 200, { "Content-Type": contentType, "Content-Disposition": `attachment; filename="consultation-${id}-summary.${format}"` });
  });

  app.openapi(previewRoute, async (c) => c.json(await previewInvitation(db, c.req.valid("param").token, new Date()), 200));

  app.openapi(acceptRoute, async (c) => {
    const { token, displayName, password } = c.req.valid("json");
    const accepted = await acceptInvitation(db, { token, displayName, password, clientAddress: clientAddressOf(c), presentedSessionId: readSessionCookie(c) }, new Date());
    return c.json({ ...signedInResponse(c, accepted, config), consultationId: accepted.consultationId, accountCreated: accepted.accountCreated }, 200);
  });
}
