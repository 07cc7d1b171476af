import { sql } from "kysely";
import type { Kysely, Transaction } from "kysely";
import type { ConsultationKind, ConsultationStatus } from "../consultations/consultation-vocabulary.ts";
import type { StoreSchema } from "./schema.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** A user named on a consultation (its organiser, who closed it). */
export interface ConsultationUserRef {
  readonly userId: number;
  readonly displayName: string;
  readonly email: string;
}

export interface ConsultationRecord {
  readonly id: number;
  readonly title: string;
  readonly kind: ConsultationKind;
  readonly positionId: number | null;
  readonly draftMarkdown: string;
  readonly internalNote: string | null;
  readonly status: ConsultationStatus;
  readonly deadline: string;
  readonly createdBy: ConsultationUserRef | null;
  readonly createdAt: string;
  readonly closedBy: ConsultationUserRef | null;
  readonly closedAt: string | null;
}

/** A consultation of a list, with its counts. */
export interface ConsultationListRow extends Omit<ConsultationRecord, "draftMarkdown" | "closedBy"> {
  readonly paragraphCount: number;
  readonly invitationCount: number;
  readonly commentCount: number;
}

export interface NewConsultation {
  readonly title: string;
  readonly kind: ConsultationKind;
  readonly positionId: number | null;
  readonly draftMarkdown: string;
  readonly internalNote: string | null;
  readonly deadline: string;
  readonly createdBy: number | null;
  readonly createdAt: string;
  /** The draft's paragraphs, numbered 1… in this order. */
  readonly paragraphs: readonly string[];
}

export interface ConsultationParagraph {
  readonly number: number;
  readonly markdown: string;
}

/** Inserts a consultation (status open) and its paragraphs; returns its id. Call inside the write's transaction. */
export async function insertConsultation(db: Db, consultation: NewConsultation): Promise<number> {
  const { id } = await db
    .insertInto("consultations")
    .values({
      title: consultation.title,
      kind: consultation.kind,
      position_id: consultation.positionId,
      draft_markdown: consultation.draftMarkdown,
      internal_note: consultation.internalNote,
      status: "open",
      deadline: consultation.deadline,
      created_by: consultation.createdBy,
      created_at: consultation.createdAt,
      closed_by: null,
      closed_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (consultation.paragraphs.length > 0) {
    await db
      .insertInto("consultation_paragraphs")
      .values(consultation.paragraphs.map((markdown, index) => ({ consultation_id: id, number: index + 1, markdown })))
      .execute();
  }
  return id;
}

function consultationSelect(db: Db) {
  return db
    .selectFrom("consultations")
    .leftJoin("users as creator", "creator.id", "consultations.created_by")
    .leftJoin("users as closer", "closer.id", "consultations.closed_by")
    .selectAll("consultations")
    .select([
      "creator.display_name as creator_name",
      "creator.email as creator_email",
      "closer.display_name as closer_name",
      "closer.email as closer_email",
    ]);
}

type ConsultationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof consultationSelect>["executeTakeFirst"]>>>;

function userRef(userId: number | null, displayName: string | null, email: string | null): ConsultationUserRef | null {
  return userId === null || displayName === null || email === null ? null : { userId, displayName, email };
}

function toRecord(row: ConsultationRow): ConsultationRecord {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ConsultationKind,
    positionId: row.position_id,
    draftMarkdown: row.draft_markdown,
    internalNote: row.internal_note,
    status: row.status as ConsultationStatus,
    deadline: row.deadline,
    createdBy: userRef(row.created_by, row.creator_name, row.creator_email),
    createdAt: row.created_at,
    closedBy: userRef(row.closed_by, row.closer_name, row.closer_email),
    closedAt: row.closed_at,
  };
}

export async function findConsultation(db: Db, id: number): Promise<ConsultationRecord | null> {
  const row = await consultationSelect(db).where("consultations.id", "=", id).executeTakeFirst();
  return row === undefined ? null : toRecord(row);
}

export interface ConsultationListQuery {
  /** Only the consultations this user was invited to (its invitations resolve to it). */
  readonly inviteeUserId?: number;
  readonly status?: ConsultationStatus;
}

/** Consultations, newest deadline first, with their paragraph, invitation and comment counts. */
export async function listConsultations(db: Db, query: ConsultationListQuery = {}): Promise<ConsultationListRow[]> {
  let select = consultationSelect(db)
    .select((eb) => [
      eb.selectFrom("consultation_paragraphs").whereRef("consultation_paragraphs.consultation_id", "=", "consultations.id").select(eb.fn.countAll<number | string>().as("n")).as("paragraph_count"),
      eb.selectFrom("consultation_invitations").whereRef("consultation_invitations.consultation_id", "=", "consultations.id").select(eb.fn.countAll<number | string>().as("n")).as("invitation_count"),
      eb.selectFrom("consultation_comments").whereRef("consultation_comments.consultation_id", "=", "consultations.id").select(eb.fn.countAll<number | string>().as("n")).as("comment_count"),
    ])
    .orderBy("consultations.deadline", "desc")
    .orderBy("consultations.id", "desc");
  if (query.inviteeUserId !== undefined) {
    const userId = query.inviteeUserId;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom("consultation_invitations")
          .select("consultation_invitations.id")
          .whereRef("consultation_invitations.consultation_id", "=", "consultations.id")
          .where("consultation_invitations.invitee_user_id", "=", userId),
      ),
    );
  }
  if (query.status !== undefined) select = select.where("consultations.status", "=", query.status);
  const rows = await select.execute();
  return rows.map((row) => {
    const { draftMarkdown: _draft, closedBy: _closedBy, ...rest } = toRecord(row);
    return {
      ...rest,
      paragraphCount: Number(row.paragraph_count ?? 0),
      invitationCount: Number(row.invitation_count ?? 0),
      commentCount: Number(row.comment_count ?? 0),
    };
  });
}

export async function listParagraphs(db: Db, consultationId: number): Promise<ConsultationParagraph[]> {
  const rows = await db.selectFrom("consultation_paragraphs").select(["number", "markdown"]).where("consultation_id", "=", consultationId).orderBy("number", "asc").execute();
  return rows.map((r) => ({ number: r.number, markdown: r.markdown }));
}

/** Sets an open consultation closed; false when it was not open (already closed, or missing). */
export async function markConsultationClosed(db: Db, id: number, closedBy: number | null, closedAt: string): Promise<boolean> {
  const result = await db
    .updateTable("consultations")
    .set({ status: "closed", closed_by: closedBy, closed_at: closedAt })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether an internal position with this id exists (the positions table belongs to the positions domain). */
export async function positionExists(db: Db, positionId: number): Promise<boolean> {
  const result = await sql<{ id: number }>`select id from positions where id = ${positionId}`.execute(db);
  return result.rows.length > 0;
}
