import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { ConflictError, ForbiddenError, InvalidInputError } from "../core/concord-error.ts";
import { renderMarkdown } from "../core/markdown.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { insertComment, listComments } from "../store/consultation-comment.repository.ts";
import type { CommentQuery, CommentRecord } from "../store/consultation-comment.repository.ts";
import { findConsultation, listParagraphs } from "../store/consultation.repository.ts";
import type { ConsultationRecord } from "../store/consultation.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { acceptsComments, consultationNotFound, readableConsultation } from "./consultation-access.ts";
import type { ConsultationReader } from "./consultation-reader.ts";
import { isOrganiser } from "./consultation-reader.ts";
import type { CommentVisibility, StakeholderSector } from "./consultation-vocabulary.ts";
import { isCommentVisibility } from "./consultation-vocabulary.ts";

export const COMMENT_MAX_LENGTH = 20_000;

export interface NewCommentInput {
  readonly paragraphNumber: number;
  readonly visibility: CommentVisibility;
  readonly bodyMarkdown: string;
}

export interface CommentView {
  readonly id: number;
  readonly consultationId: number;
  readonly paragraphNumber: number;
  readonly visibility: CommentVisibility;
  readonly markdown: string;
  /** Sanitised HTML: the only form a page may insert. */
  readonly html: string;
  readonly createdAt: string;
  /** The author as invited; `userId` and `email` only for organisers (and a stakeholder's own comments). */
  readonly author: { readonly displayName: string; readonly organisation: string | null; readonly sector: StakeholderSector | null; readonly userId?: number; readonly email?: string };
  /** Whether the reader wrote it. */
  readonly mine: boolean;
}

/** Which comments a reader may see (see consultation-reader.ts): all, the public ones, or the public ones and its own. */
export function commentVisibilityFor(reader: ConsultationReader): CommentQuery["visibleTo"] {
  if (isOrganiser(reader)) return "all";
  if (reader.role === "stakeholder") return { userId: reader.userId };
  return "public";
}

export function commentView(reader: ConsultationReader, comment: CommentRecord): CommentView {
  const mine = comment.author.userId === reader.userId;
  const { displayName, organisation, sector, userId, email } = comment.author;
  return {
    id: comment.id,
    consultationId: comment.consultationId,
    paragraphNumber: comment.paragraphNumber,
    visibility: comment.visibility,
    markdown: comment.bodyMarkdown,
    html: renderMarkdown(comment.bodyMarkdown),
    createdAt: comment.createdAt,
    author: isOrganiser(reader) || mine ? { displayName, organisation, sector, userId, email } : { displayName, organisation, sector },
    mine,
  };
}

/** Refuses a comment on a closed consultation or after its deadline, naming the deadline. */
export function requireCommentsAccepted(consultation: ConsultationRecord, now: Date): void {
  if (consultation.status === "closed") throw new ConflictError(`consultation ${consultation.id} is closed: comments were accepted until ${consultation.deadline}`);
  if (!acceptsComments(consultation, now)) throw new ConflictError(`the deadline of consultation ${consultation.id} (${consultation.deadline}) has passed: no more comments`);
}

/**
 * An invited stakeholder comments on one paragraph, publicly (every invitee and the organisers see it) or
 * confidentially (only the organisers and the author), before the deadline of an open consultation. Audited as
 * `consultation_comment.create` in the same transaction.
 */
export async function addComment(
  db: Kysely<StoreSchema>,
  reader: ConsultationReader,
  consultationId: number,
  input: NewCommentInput,
  actor: AuditActor,
  now: Date,
): Promise<CommentView> {
  await readableConsultation(db, reader, consultationId);
  if (reader.role !== "stakeholder") throw new ForbiddenError("only the invited stakeholders comment on a consultation");
  if (!isCommentVisibility(input.visibility)) throw new InvalidInputError("visibility", "must be public or confidential");
  const body = input.bodyMarkdown.trim();
  if (body === "") throw new InvalidInputError("bodyMarkdown", "must not be empty");
  if (body.length > COMMENT_MAX_LENGTH) throw new InvalidInputError("bodyMarkdown", `must have at most ${COMMENT_MAX_LENGTH} characters`);
  const atIso = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const consultation = await findConsultation(trx, consultationId);
    if (consultation === null) throw consultationNotFound(consultationId);
    requireCommentsAccepted(consultation, now);
    const paragraphs = await listParagraphs(trx, consultationId);
    if (!paragraphs.some((p) => p.number === input.paragraphNumber)) {
      throw new InvalidInputError("paragraphNumber", `consultation ${consultationId} has paragraphs 1 to ${paragraphs.length}`);
    }
    const commentId = await insertComment(trx, { consultationId, paragraphNumber: input.paragraphNumber, authorUserId: reader.userId, visibility: input.visibility, bodyMarkdown: body, createdAt: atIso });
    await appendAuditEntry(trx, {
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "consultation_comment.create",
      entityType: "consultation_comment",
      entityId: String(commentId),
      before: null,
      after: { consultationId, paragraphNumber: input.paragraphNumber, visibility: input.visibility, bodyMarkdown: body },
      atIso,
    });
    return commentId;
  });
  const [stored] = await listComments(db, consultationId, { visibleTo: "all", commentId: id });
  if (stored === undefined) throw new ConflictError(`comment ${id} vanished`);
  return commentView(reader, stored);
}

export interface CommentFilter {
  readonly paragraphNumber?: number;
}

/** The comments of a consultation the reader may see (NotFoundError when it may not see the consultation). */
export async function listCommentsFor(db: Kysely<StoreSchema>, reader: ConsultationReader, consultationId: number, filter: CommentFilter = {}): Promise<CommentView[]> {
  await readableConsultation(db, reader, consultationId);
  const comments = await listComments(db, consultationId, {
    visibleTo: commentVisibilityFor(reader),
    ...(filter.paragraphNumber === undefined ? {} : { paragraphNumber: filter.paragraphNumber }),
  });
  return comments.map((comment) => commentView(reader, comment));
}
