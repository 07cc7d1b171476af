import { NotFoundError } from "../core/concord-error.ts";
import type { Kysely } from "kysely";
import { findInvitationForUser } from "../store/consultation-invitation.repository.ts";
import type { InvitationRecord } from "../store/consultation-invitation.repository.ts";
import { findConsultation } from "../store/consultation.repository.ts";
import type { ConsultationRecord } from "../store/consultation.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import type { ConsultationReader } from "./consultation-reader.ts";
import { readsEveryConsultation } from "./consultation-reader.ts";

/** A consultation the reader may see, and the reader's invitation to it (null for the internal workspace). */
export interface ReadableConsultation {
  readonly consultation: ConsultationRecord;
  readonly invitation: InvitationRecord | null;
}

/** The one answer for a consultation that does not exist and for one the reader may not see. */
export function consultationNotFound(id: number): NotFoundError {
  return new NotFoundError("consultation", `no consultation ${id}`);
}

/**
 * The consultation if this reader may see it: organisers and viewers see every one, a stakeholder only those its
 * invitations resolve to. Otherwise a NotFoundError identical to the one for a missing id, so a stakeholder cannot
 * tell whether another consultation exists.
 */
export async function readableConsultation(db: Kysely<StoreSchema>, reader: ConsultationReader, id: number): Promise<ReadableConsultation> {
  const consultation = await findConsultation(db, id);
  if (consultation === null) throw consultationNotFound(id);
  if (readsEveryConsultation(reader)) return { consultation, invitation: null };
  if (reader.role !== "stakeholder") throw consultationNotFound(id);
  const invitation = await findInvitationForUser(db, id, reader.userId);
  if (invitation === null) throw consultationNotFound(id);
  return { consultation, invitation };
}

/** Whether a consultation takes comments at `now`: open, and its deadline not reached. */
export function acceptsComments(consultation: Pick<ConsultationRecord, "status" | "deadline">, now: Date): boolean {
  return consultation.status === "open" && now.getTime() < Date.parse(consultation.deadline);
}
