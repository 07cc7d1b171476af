import type { Role } from "../accounts/role.ts";

/**
 * Who reads or writes a consultation, for the object-level rules (the route access only checks the role):
 * - organisers (admin, analyst) see everything: every consultation, the linked position, the internal note, the
 *   invitations with their e-mails, every comment, confidential ones included, and the summary;
 * - a viewer reads every consultation and its PUBLIC comments, with their authors' e-mails hidden, and never the
 *   confidential comments, the invitations (other people's e-mails) or the summary (which holds confidential
 *   comments); it writes nothing;
 * - a stakeholder sees only the consultations it was invited to (any other is "not found"), their published draft,
 *   its own comments and the other invitees' public ones, never the linked position, the internal note, the
 *   invitation list or anyone's e-mail but its own.
 */
export interface ConsultationReader {
  readonly userId: number;
  readonly role: Role;
}

/** Admins and analysts organise consultations. */
export function isOrganiser(reader: ConsultationReader): boolean {
  return reader.role === "admin" || reader.role === "analyst";
}

/** The internal workspace (organisers and viewers) reads every consultation; a stakeholder only its own. */
export function readsEveryConsultation(reader: ConsultationReader): boolean {
  return isOrganiser(reader) || reader.role === "viewer";
}
