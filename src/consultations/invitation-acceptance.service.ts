import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { LOGIN_WINDOW_MS, loginRetryAfterS } from "../accounts/login-rate-limit.ts";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../accounts/password-hash.ts";
import type { StartedSession } from "../accounts/session.service.ts";
import { replaceSession } from "../accounts/session.service.ts";
import { createUser } from "../accounts/user.service.ts";
import { ConcordError, ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { claimInvitation, findInvitationByTokenHash, resolveInvitationsOfEmail } from "../store/consultation-invitation.repository.ts";
import { findConsultation } from "../store/consultation.repository.ts";
import { pruneFailedLogins, recentFailedLogins, recordFailedLogin } from "../store/login-attempt.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import type { UserRecord } from "../store/user.repository.ts";
import { findUserByEmail, findUserById, findUserCredentials, setUserPasswordHash } from "../store/user.repository.ts";
import { acceptsComments } from "./consultation-access.ts";
import { INVITATION_TOKEN_PATTERN, hashInvitationToken } from "./invitation-token.ts";

export interface InvitationAcceptance {
  /** The token of the link `/invitations/<token>`. */
  readonly token: string;
  /** For a new account: its display name (required then); an existing account keeps its own, so it may be left out. */
  readonly displayName?: string | undefined;
  /** For a new account: its password; for an existing account: that account's password (verified). */
  readonly password: string;
  /** Where the request came from (failed password checks count towards the sign-in rate limit). */
  readonly clientAddress: string;
  /** The session id the browser presented, if any: invalidated (session fixation), like at sign-in. */
  readonly presentedSessionId: string | null;
}

export interface AcceptedInvitation {
  readonly user: UserRecord;
  readonly consultationId: number;
  /** Whether the acceptance created the stakeholder account. */
  readonly accountCreated: boolean;
  /** The new session the stakeholder is signed in with. */
  readonly session: StartedSession;
}

/**
 * How an invitee accepts, given the account its invited e-mail has now; acceptInvitation below follows the same rule.
 * - `create-account`: no account: it gives its name and chooses a password, and a stakeholder account is created;
 * - `set-password`: a usable stakeholder account without a password (made by an admin): it chooses one;
 * - `sign-in`: any other account: it enters that account's password (a non-stakeholder or disabled account is then
 *   refused, as it would be without the preview: the preview tells nothing about the account but that it exists).
 */
export type AcceptanceMode = "create-account" | "set-password" | "sign-in";

export function acceptanceModeOf(account: UserRecord | null): AcceptanceMode {
  if (account === null) return "create-account";
  return account.role === "stakeholder" && !account.disabled && !account.hasPassword ? "set-password" : "sign-in";
}

const INVALID_LINK = "this invitation link is not valid";
const USED_LINK = "this invitation link was already used: it works once; ask the organiser for a new one";

/** Refuses while the sign-in rate limit holds for this e-mail or address (a link must not become a password oracle). */
async function checkRateLimit(db: Kysely<StoreSchema>, email: string, clientAddress: string, now: Date): Promise<void> {
  const windowStartIso = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const retryAfterS = loginRetryAfterS(await recentFailedLogins(db, email, clientAddress, windowStartIso), now);
  if (retryAfterS !== null) throw new RateLimitedError(`too many failed password checks: try again in ${retryAfterS} s`, retryAfterS);
}

/**
 * Accepts an invitation: the link works once, before it expires, while the consultation takes comments.
 * - A new e-mail gets a stakeholder account (helper A's createUser: argon2id password, `user.create` audited).
 * - An existing stakeholder account is reused, never changed: the password given must be that account's (counted by
 *   the sign-in rate limit when wrong); an existing account without a password gets the one given.
 * - An existing account with another role (admin, analyst, viewer) is never downgraded or taken over: refused.
 * Then, in one transaction: the invitation is marked used (a conditional UPDATE: of two concurrent acceptances one
 * wins), other pending invitations of the same e-mail resolve to the account, a new session starts (any session id
 * the browser presented is invalidated), each audited (`consultation_invitation.accept`, `.resolve`, `user.sign_in`).
 */
export async function acceptInvitation(db: Kysely<StoreSchema>, acceptance: InvitationAcceptance, now: Date): Promise<AcceptedInvitation> {
  if (!INVITATION_TOKEN_PATTERN.test(acceptance.token)) throw new NotFoundError("invitation", INVALID_LINK);
  const invitation = await findInvitationByTokenHash(db, hashInvitationToken(acceptance.token));
  if (invitation === null) throw new NotFoundError("invitation", INVALID_LINK);
  if (invitation.acceptedAt !== null) throw new ConflictError(`this invitation link was already used (at ${invitation.acceptedAt}): it works once; ask the organiser for a new one`);
  if (Date.parse(invitation.expiresAt) <= now.getTime()) throw new ConflictError(`this invitation link expired at ${invitation.expiresAt}: ask the organiser for a new one`);
  const consultation = await findConsultation(db, invitation.consultationId);
  if (consultation === null) throw new NotFoundError("invitation", INVALID_LINK);
  if (!acceptsComments(consultation, now)) throw new ConflictError(`the consultation "${consultation.title}" is closed (deadline ${consultation.deadline})`);

  const { email } = invitation;
  const atIso = now.toISOString();
  const existing = await findUserCredentials(db, email);
  let user: UserRecord;
  let newPasswordHash: string | null = null;
  if (existing === null) {
    const creator: AuditActor = { userId: null, label: `invitation:${email}` };
    try {
      user = await createUser(
        db,
        { email, displayName: acceptance.displayName ?? "", role: "stakeholder", password: acceptance.password, organisation: invitation.organisation, sector: invitation.sector },
        creator,
        now,
      );
    } catch (error) {
      // A concurrent acceptance of the same link created the account first (the unique e-mail index refused ours).
      if (!(error instanceof ConcordError) && (await findUserByEmail(db, email)) !== null) throw new ConflictError(USED_LINK);
      throw error;
    }
  } else {
    user = existing.user;
    if (user.role !== "stakeholder") {
      throw new ConflictError(`${email} already has a workspace account that is not a stakeholder account: an invitation cannot change it; ask the organiser to invite another address`);
    }
    if (user.disabled) throw new ConflictError(`the account of ${email} is disabled: ask the organiser`);
    if (existing.passwordHash === null) {
      checkPasswordPolicy(acceptance.password);
      newPasswordHash = await hashPassword(acceptance.password);
    } else {
      await checkRateLimit(db, email, acceptance.clientAddress, now);
      if (!(await verifyPassword(existing.passwordHash, acceptance.password))) {
        await recordFailedLogin(db, email, acceptance.clientAddress, atIso);
        await pruneFailedLogins(db, new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString());
        throw new UnauthenticatedError(`${email} already has an account: enter that account's password to accept (the invitation is still unused)`);
      }
    }
  }

  const actor: AuditActor = { userId: user.id, label: user.email };
  const audit = (action: string, entityType: string, entityId: number, before: unknown, after: unknown) => ({
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action,
    entityType,
    entityId: String(entityId),
    before,
    after,
    atIso,
  });
  const session = await db.transaction().execute(async (trx) => {
    if (!(await claimInvitation(trx, invitation.id, user.id, atIso))) throw new ConflictError(USED_LINK);
    await appendAuditEntry(
      trx,
      audit("consultation_invitation.accept", "consultation_invitation", invitation.id, { acceptedAt: null, inviteeUserId: invitation.inviteeUserId }, { acceptedAt: atIso, inviteeUserId: user.id, consultationId: consultation.id }),
    );
    for (const id of await resolveInvitationsOfEmail(trx, email, user.id)) {
      await appendAuditEntry(trx, audit("consultation_invitation.resolve", "consultation_invitation", id, { inviteeUserId: null }, { inviteeUserId: user.id }));
    }
    if (newPasswordHash !== null) {
      await setUserPasswordHash(trx, user.id, newPasswordHash, atIso);
      await appendAuditEntry(trx, audit("user.password_set", "user", user.id, { hasPassword: false }, { hasPassword: true, via: `invitation ${invitation.id}` }));
    }
    const started = await replaceSession(trx, user.id, acceptance.presentedSessionId, now);
    await appendAuditEntry(trx, audit("user.sign_in", "user", user.id, null, { method: "invitation", invitationId: invitation.id }));
    return started;
  });
  const signedIn = (await findUserById(db, user.id)) ?? user;
  return { user: signedIn, consultationId: consultation.id, accountCreated: existing === null, session };
}
