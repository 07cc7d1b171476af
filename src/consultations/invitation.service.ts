import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { normaliseEmail } from "../accounts/user.service.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import type { MailSender } from "../sources/smtp-mail-sender.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import {
  findInvitation,
  findInvitationByEmail,
  findInvitationByTokenHash,
  insertInvitation,
  recordInvitationSend,
  replaceInvitationToken,
} from "../store/consultation-invitation.repository.ts";
import type { InvitationRecord } from "../store/consultation-invitation.repository.ts";
import { findConsultation } from "../store/consultation.repository.ts";
import type { ConsultationRecord } from "../store/consultation.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { findUserByEmail, findUserById } from "../store/user.repository.ts";
import { acceptsComments, consultationNotFound } from "./consultation-access.ts";
import { invitationView } from "./consultation-view.service.ts";
import type { InvitationView } from "./consultation-view.service.ts";
import type { StakeholderSector } from "./consultation-vocabulary.ts";
import { isStakeholderSector } from "./consultation-vocabulary.ts";
import { acceptanceModeOf } from "./invitation-acceptance.service.ts";
import type { AcceptanceMode } from "./invitation-acceptance.service.ts";
import { composeInvitationMail } from "./invitation-mail.ts";
import { INVITATION_TOKEN_PATTERN, hashInvitationToken, invitationExpiry, invitationLink, newInvitationToken } from "./invitation-token.ts";

/** How invitations leave: the mail sender (SMTP) and the base URL the links point at (config.publicBaseUrl). */
export interface InvitationMailing {
  readonly sender: MailSender;
  readonly publicBaseUrl: string;
}

export interface InviteeInput {
  readonly email: string;
  readonly sector: StakeholderSector;
  readonly organisation: string;
}

export const MAX_INVITEES_PER_REQUEST = 100;

/** What the audit log keeps of an invitation (never its token or hash). */
function invitationSnapshot(invitation: InvitationRecord): Record<string, unknown> {
  return {
    consultationId: invitation.consultationId,
    email: invitation.email,
    sector: invitation.sector,
    organisation: invitation.organisation,
    inviteeUserId: invitation.inviteeUserId,
    expiresAt: invitation.expiresAt,
    acceptedAt: invitation.acceptedAt,
    sentAt: invitation.sentAt,
    sendError: invitation.sendError,
  };
}

function requireAcceptingComments(consultation: ConsultationRecord, now: Date): void {
  if (consultation.status === "closed") throw new ConflictError(`consultation ${consultation.id} is closed (its deadline was ${consultation.deadline}): no more invitations`);
  if (!acceptsComments(consultation, now)) throw new ConflictError(`consultation ${consultation.id} passed its deadline ${consultation.deadline}: no more invitations`);
}

async function organiserOf(db: Kysely<StoreSchema>, actor: AuditActor): Promise<{ name: string; email: string | null }> {
  const user = actor.userId === null ? null : await findUserById(db, actor.userId);
  return user === null ? { name: actor.label, email: null } : { name: user.displayName, email: user.email };
}

async function reloadInvitation(db: Kysely<StoreSchema>, id: number): Promise<InvitationRecord> {
  const invitation = await findInvitation(db, id);
  if (invitation === null) throw new NotFoundError("invitation", `no invitation ${id}`);
  return invitation;
}

/**
 * E-mails one invitation's link and records the outcome (sent, or the send error, so it can be re-sent) with
 * `consultation_invitation.send` in the audit log. The token exists only here and in the e-mail.
 */
async function sendInvitationMail(
  db: Kysely<StoreSchema>,
  invitation: InvitationRecord,
  token: string,
  consultation: ConsultationRecord,
  mailing: InvitationMailing,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const organiser = await organiserOf(db, actor);
  const message = composeInvitationMail({
    to: invitation.email,
    consultationTitle: consultation.title,
    deadlineIso: consultation.deadline,
    organiserName: organiser.name,
    organiserEmail: organiser.email,
    link: invitationLink(mailing.publicBaseUrl, token),
    expiresAtIso: invitation.expiresAt,
  });
  let outcome: { sentAt: string | null; sendError: string | null };
  try {
    await mailing.sender.send(message);
    outcome = { sentAt: now.toISOString(), sendError: null };
  } catch (error) {
    outcome = { sentAt: null, sendError: error instanceof Error ? error.message : String(error) };
  }
  await db.transaction().execute(async (trx) => {
    await recordInvitationSend(trx, invitation.id, outcome);
    await appendAuditEntry(trx, {
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "consultation_invitation.send",
      entityType: "consultation_invitation",
      entityId: String(invitation.id),
      before: { sentAt: invitation.sentAt, sendError: invitation.sendError },
      after: { email: invitation.email, ...outcome },
      atIso: now.toISOString(),
    });
  });
}

/**
 * Invites stakeholders to an open consultation: each invitee gets a single-use link (expiring at the deadline or in 14
 * days, whichever is first) by e-mail. All invitations are checked first and stored together
 * (`consultation_invitation.create` each), then the e-mails go out one by one; a failed sending stays recorded on its
 * invitation (`sendError`), so it can be re-sent. An e-mail that already has a stakeholder account is resolved to it
 * at once (access granted now, and a link still sent); one that has another kind of account is refused.
 */
export async function inviteStakeholders(
  db: Kysely<StoreSchema>,
  consultationId: number,
  invitees: readonly InviteeInput[],
  mailing: InvitationMailing,
  actor: AuditActor,
  now: Date,
): Promise<InvitationView[]> {
  if (invitees.length === 0) throw new InvalidInputError("invitees", "name at least one invitee");
  if (invitees.length > MAX_INVITEES_PER_REQUEST) throw new InvalidInputError("invitees", `at most ${MAX_INVITEES_PER_REQUEST} per request`);
  const consultation = await findConsultation(db, consultationId);
  if (consultation === null) throw consultationNotFound(consultationId);
  requireAcceptingComments(consultation, now);
  const atIso = now.toISOString();
  const seen = new Set<string>();
  const checked: { email: string; sector: StakeholderSector; organisation: string; inviteeUserId: number | null }[] = [];
  for (const [index, invitee] of invitees.entries()) {
    const field = `invitees.${index}`;
    let email: string;
    try {
      email = normaliseEmail(invitee.email);
    } catch {
      throw new InvalidInputError(`${field}.email`, `not an e-mail address: ${JSON.stringify(invitee.email)}`);
    }
    if (!isStakeholderSector(invitee.sector)) throw new InvalidInputError(`${field}.sector`, "must be commercial, academic, non-profit or government");
    const organisation = invitee.organisation.trim();
    if (organisation === "" || organisation.length > 200) throw new InvalidInputError(`${field}.organisation`, "must have 1 to 200 characters");
    if (seen.has(email)) throw new InvalidInputError(`${field}.email`, `${email} is listed twice`);
    seen.add(email);
    const existing = await findInvitationByEmail(db, consultationId, email);
    if (existing !== null) throw new ConflictError(`${email} is already invited to consultation ${consultationId} (invitation ${existing.id}): re-send that invitation instead`);
    const user = await findUserByEmail(db, email);
    if (user !== null && user.role !== "stakeholder") {
      throw new ConflictError(`${email} belongs to a workspace account (${user.role}), not a stakeholder account: invitations are for stakeholders`);
    }
    if (user?.disabled === true) throw new ConflictError(`the stakeholder account of ${email} is disabled: enable it before inviting it`);
    checked.push({ email, sector: invitee.sector, organisation, inviteeUserId: user?.id ?? null });
  }
  const expiresAt = invitationExpiry(consultation.deadline, now);
  const created = await db.transaction().execute(async (trx) => {
    const made: { id: number; token: string }[] = [];
    for (const invitee of checked) {
      const { token, tokenHash } = newInvitationToken();
      const id = await insertInvitation(trx, { consultationId, ...invitee, tokenHash, expiresAt, invitedBy: actor.userId, invitedAt: atIso });
      const stored = await findInvitation(trx, id);
      await appendAuditEntry(trx, {
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: "consultation_invitation.create",
        entityType: "consultation_invitation",
        entityId: String(id),
        before: null,
        after: stored === null ? null : invitationSnapshot(stored),
        atIso,
      });
      made.push({ id, token });
    }
    return made;
  });
  const views: InvitationView[] = [];
  for (const { id, token } of created) {
    await sendInvitationMail(db, await reloadInvitation(db, id), token, consultation, mailing, actor, now);
    views.push(invitationView(await reloadInvitation(db, id)));
  }
  return views;
}

/**
 * Sends an unused invitation again with a NEW link (the old link stops working; the store never had the old token to
 * send again), expiring at the deadline or in 14 days. Audited as `consultation_invitation.reissue`, then `.send`.
 */
export async function resendInvitation(
  db: Kysely<StoreSchema>,
  consultationId: number,
  invitationId: number,
  mailing: InvitationMailing,
  actor: AuditActor,
  now: Date,
): Promise<InvitationView> {
  const consultation = await findConsultation(db, consultationId);
  if (consultation === null) throw consultationNotFound(consultationId);
  const invitation = await findInvitation(db, invitationId);
  if (invitation === null || invitation.consultationId !== consultationId) throw new NotFoundError("invitation", `no invitation ${invitationId} in consultation ${consultationId}`);
  if (invitation.acceptedAt !== null) throw new ConflictError(`invitation ${invitationId} was already accepted at ${invitation.acceptedAt}`);
  requireAcceptingComments(consultation, now);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(consultation.deadline, now);
  await db.transaction().execute(async (trx) => {
    if (!(await replaceInvitationToken(trx, invitationId, tokenHash, expiresAt))) throw new ConflictError(`invitation ${invitationId} was accepted meanwhile`);
    await appendAuditEntry(trx, {
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "consultation_invitation.reissue",
      entityType: "consultation_invitation",
      entityId: String(invitationId),
      before: { expiresAt: invitation.expiresAt, sentAt: invitation.sentAt, sendError: invitation.sendError },
      after: { expiresAt, sentAt: null, sendError: null },
      atIso: now.toISOString(),
    });
  });
  await sendInvitationMail(db, await reloadInvitation(db, invitationId), token, consultation, mailing, actor, now);
  return invitationView(await reloadInvitation(db, invitationId));
}

/** The invitation a link's token names if it can still be used at `now`, with its consultation; null otherwise. */
export async function usableInvitation(db: Kysely<StoreSchema>, token: string, now: Date): Promise<{ invitation: InvitationRecord; consultation: ConsultationRecord } | null> {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return null;
  const invitation = await findInvitationByTokenHash(db, hashInvitationToken(token));
  if (invitation === null || invitation.acceptedAt !== null || Date.parse(invitation.expiresAt) <= now.getTime()) return null;
  const consultation = await findConsultation(db, invitation.consultationId);
  if (consultation === null || !acceptsComments(consultation, now)) return null;
  return { invitation, consultation };
}

export interface InvitationPreview {
  readonly consultationTitle: string;
  readonly invitedBy: string | null;
  readonly deadline: string;
  /** Whether the invited e-mail has an account already (then accepting signs in to it instead of creating one). */
  readonly accountExists: boolean;
  /** What accepting will ask for (invitation-acceptance.service.ts): a new account, a password to set, or a sign-in. */
  readonly acceptance: AcceptanceMode;
}

/**
 * What the public invitation page shows for a valid, unused, unexpired link: the consultation's title, who invited,
 * the deadline, and whether the invited e-mail already has an account (so the page asks for a sign-in or a new
 * password, whichever accepting needs), nothing else: not the e-mail, the account's name or its role. Any other
 * token is "not found" (no telling a used link from an unknown one here).
 */
export async function previewInvitation(db: Kysely<StoreSchema>, token: string, now: Date): Promise<InvitationPreview> {
  const usable = await usableInvitation(db, token, now);
  if (usable === null) throw new NotFoundError("invitation", "this invitation link is not valid (unknown, already used or expired)");
  const acceptance = acceptanceModeOf(await findUserByEmail(db, usable.invitation.email));
  return {
    consultationTitle: usable.consultation.title,
    invitedBy: usable.invitation.invitedBy?.displayName ?? null,
    deadline: usable.consultation.deadline,
    accountExists: acceptance !== "create-account",
    acceptance,
  };
}
