import type { Kysely, Selectable, Transaction } from "kysely";
import type { StakeholderSector } from "../consultations/consultation-vocabulary.ts";
import type { ConsultationUserRef } from "./consultation.repository.ts";
import type { StoreSchema } from "./schema.ts";
import type { ConsultationInvitationTable } from "./schema-consultations.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** An invitation as the services see it: never the token hash. */
export interface InvitationRecord {
  readonly id: number;
  readonly consultationId: number;
  readonly email: string;
  readonly sector: StakeholderSector;
  readonly organisation: string;
  readonly inviteeUserId: number | null;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly invitedBy: ConsultationUserRef | null;
  readonly invitedAt: string;
  readonly sentAt: string | null;
  readonly sendError: string | null;
}

export interface NewInvitation {
  readonly consultationId: number;
  /** Lower-case. */
  readonly email: string;
  readonly sector: StakeholderSector;
  readonly organisation: string;
  readonly inviteeUserId: number | null;
  readonly tokenHash: string;
  readonly expiresAt: string;
  readonly invitedBy: number | null;
  readonly invitedAt: string;
}

function invitationSelect(db: Db) {
  return db
    .selectFrom("consultation_invitations")
    .leftJoin("users as inviter", "inviter.id", "consultation_invitations.invited_by")
    .selectAll("consultation_invitations")
    .select(["inviter.display_name as inviter_name", "inviter.email as inviter_email"]);
}

function toRecord(row: Selectable<ConsultationInvitationTable> & { inviter_name: string | null; inviter_email: string | null }): InvitationRecord {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    email: row.email,
    sector: row.sector as StakeholderSector,
    organisation: row.organisation,
    inviteeUserId: row.invitee_user_id,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    invitedBy:
      row.invited_by === null || row.inviter_name === null || row.inviter_email === null
        ? null
        : { userId: row.invited_by, displayName: row.inviter_name, email: row.inviter_email },
    invitedAt: row.invited_at,
    sentAt: row.sent_at,
    sendError: row.send_error,
  };
}

/** Inserts an invitation and returns its id. */
export async function insertInvitation(db: Db, invitation: NewInvitation): Promise<number> {
  const { id } = await db
    .insertInto("consultation_invitations")
    .values({
      consultation_id: invitation.consultationId,
      email: invitation.email,
      sector: invitation.sector,
      organisation: invitation.organisation,
      invitee_user_id: invitation.inviteeUserId,
      token_hash: invitation.tokenHash,
      expires_at: invitation.expiresAt,
      accepted_at: null,
      invited_by: invitation.invitedBy,
      invited_at: invitation.invitedAt,
      sent_at: null,
      send_error: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function findInvitation(db: Db, id: number): Promise<InvitationRecord | null> {
  const row = await invitationSelect(db).where("consultation_invitations.id", "=", id).executeTakeFirst();
  return row === undefined ? null : toRecord(row);
}

/** The invitation whose link carries a token with this hash, or null. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRecord | null> {
  const row = await invitationSelect(db).where("consultation_invitations.token_hash", "=", tokenHash).executeTakeFirst();
  return row === undefined ? null : toRecord(row);
}

export async function findInvitationByEmail(db: Db, consultationId: number, email: string): Promise<InvitationRecord | null> {
  const row = await invitationSelect(db)
    .where("consultation_invitations.consultation_id", "=", consultationId)
    .where("consultation_invitations.email", "=", email)
    .executeTakeFirst();
  return row === undefined ? null : toRecord(row);
}

/** The invitation of a consultation that resolves to this user (what gives a stakeholder access), or null. */
export async function findInvitationForUser(db: Db, consultationId: number, userId: number): Promise<InvitationRecord | null> {
  const row = await invitationSelect(db)
    .where("consultation_invitations.consultation_id", "=", consultationId)
    .where("consultation_invitations.invitee_user_id", "=", userId)
    .executeTakeFirst();
  return row === undefined ? null : toRecord(row);
}

/** A consultation's invitations, in the order they were made. */
export async function listInvitations(db: Db, consultationId: number): Promise<InvitationRecord[]> {
  const rows = await invitationSelect(db).where("consultation_invitations.consultation_id", "=", consultationId).orderBy("consultation_invitations.id", "asc").execute();
  return rows.map(toRecord);
}

/** Records how the last sending went: sent at a time (error cleared), or its error. */
export async function recordInvitationSend(db: Db, id: number, outcome: { readonly sentAt: string | null; readonly sendError: string | null }): Promise<void> {
  await db.updateTable("consultation_invitations").set({ sent_at: outcome.sentAt, send_error: outcome.sendError }).where("id", "=", id).execute();
}

/** A new link for an unused invitation (the old one stops working); false when it was used meanwhile. */
export async function replaceInvitationToken(db: Db, id: number, tokenHash: string, expiresAt: string): Promise<boolean> {
  const result = await db
    .updateTable("consultation_invitations")
    .set({ token_hash: tokenHash, expires_at: expiresAt, sent_at: null, send_error: null })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Uses an invitation: marks it accepted by this user, only if it is still unused and unexpired at `nowIso`. The
 * condition is in the UPDATE itself, so of two concurrent acceptances exactly one wins. False when it lost.
 */
export async function claimInvitation(db: Db, id: number, userId: number, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable("consultation_invitations")
    .set({ accepted_at: nowIso, invitee_user_id: userId })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", nowIso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Points every other invitation of this e-mail that resolves to nobody yet at this user; returns their ids. */
export async function resolveInvitationsOfEmail(db: Db, email: string, userId: number): Promise<number[]> {
  const rows = await db
    .updateTable("consultation_invitations")
    .set({ invitee_user_id: userId })
    .where("email", "=", email)
    .where("invitee_user_id", "is", null)
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}
