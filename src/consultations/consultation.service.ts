import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { ConflictError, InvalidInputError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { findConsultation, insertConsultation, markConsultationClosed, positionExists } from "../store/consultation.repository.ts";
import type { ConsultationRecord } from "../store/consultation.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import type { ConsultationKind } from "./consultation-vocabulary.ts";
import { isConsultationKind } from "./consultation-vocabulary.ts";
import { consultationNotFound } from "./consultation-access.ts";
import { splitDraftIntoParagraphs } from "./draft-paragraphs.ts";

export interface OpenConsultationInput {
  readonly title: string;
  readonly kind: ConsultationKind;
  /** The internal position the draft comes from, or null. */
  readonly positionId: number | null;
  /** The draft to publish, Markdown; frozen as it is now. */
  readonly draftMarkdown: string;
  /** The organisers' note, Markdown (never shown to stakeholders), or null. */
  readonly internalNote: string | null;
  /** ISO 8601 timestamp with a time zone, in the future. */
  readonly deadline: string;
}

export const TITLE_MAX_LENGTH = 200;
export const DRAFT_MAX_LENGTH = 200_000;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 timestamp with a time zone, as a UTC ISO string; InvalidInputError naming the field otherwise. */
export function parseTimestamp(field: string, text: string): string {
  const ms = ISO_TIMESTAMP.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) throw new InvalidInputError(field, `expected an ISO 8601 timestamp with a time zone (e.g. 2026-03-01T17:00:00Z), got ${JSON.stringify(text)}`);
  return new Date(ms).toISOString();
}

function checkedTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === "") throw new InvalidInputError("title", "must not be empty");
  if (trimmed.length > TITLE_MAX_LENGTH) throw new InvalidInputError("title", `must have at most ${TITLE_MAX_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new InvalidInputError("title", "must be one line without control characters");
  return trimmed;
}

/**
 * Opens a consultation: freezes the draft, splits it into numbered paragraphs, and records `consultation.open` in the
 * audit log in the same transaction. The deadline must be after `now`; a linked position must exist.
 */
export async function openConsultation(db: Kysely<StoreSchema>, input: OpenConsultationInput, actor: AuditActor, now: Date): Promise<ConsultationRecord> {
  const title = checkedTitle(input.title);
  if (!isConsultationKind(input.kind)) throw new InvalidInputError("kind", "must be position, standard or best-practice");
  const deadline = parseTimestamp("deadline", input.deadline);
  if (Date.parse(deadline) <= now.getTime()) throw new InvalidInputError("deadline", `must be in the future (now is ${now.toISOString()})`);
  if (input.draftMarkdown.length > DRAFT_MAX_LENGTH) throw new InvalidInputError("draftMarkdown", `must have at most ${DRAFT_MAX_LENGTH} characters`);
  const paragraphs = splitDraftIntoParagraphs(input.draftMarkdown);
  if (paragraphs.length === 0) throw new InvalidInputError("draftMarkdown", "the draft has no paragraph to comment on");
  const internalNote = input.internalNote === null || input.internalNote.trim() === "" ? null : input.internalNote;
  const atIso = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    if (input.positionId !== null && !(await positionExists(trx, input.positionId))) throw new InvalidInputError("positionId", `no position ${input.positionId}`);
    const newId = await insertConsultation(trx, {
      title,
      kind: input.kind,
      positionId: input.positionId,
      draftMarkdown: input.draftMarkdown,
      internalNote,
      deadline,
      createdBy: actor.userId,
      createdAt: atIso,
      paragraphs,
    });
    await appendAuditEntry(trx, {
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "consultation.open",
      entityType: "consultation",
      entityId: String(newId),
      before: null,
      after: { id: newId, title, kind: input.kind, positionId: input.positionId, deadline, status: "open", paragraphCount: paragraphs.length, draftMarkdown: input.draftMarkdown, internalNote },
      atIso,
    });
    return newId;
  });
  const opened = await findConsultation(db, id);
  if (opened === null) throw consultationNotFound(id);
  return opened;
}

/** Closes an open consultation (no comment is accepted from then on), with `consultation.close` in the audit log. */
export async function closeConsultation(db: Kysely<StoreSchema>, id: number, actor: AuditActor, now: Date): Promise<ConsultationRecord> {
  const atIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await findConsultation(trx, id);
    if (before === null) throw consultationNotFound(id);
    if (!(await markConsultationClosed(trx, id, actor.userId, atIso))) throw new ConflictError(`consultation ${id} is already closed (since ${before.closedAt ?? "an earlier close"})`);
    await appendAuditEntry(trx, {
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "consultation.close",
      entityType: "consultation",
      entityId: String(id),
      before: { status: before.status, deadline: before.deadline },
      after: { status: "closed", deadline: before.deadline, closedAt: atIso },
      atIso,
    });
  });
  const closed = await findConsultation(db, id);
  if (closed === null) throw consultationNotFound(id);
  return closed;
}
