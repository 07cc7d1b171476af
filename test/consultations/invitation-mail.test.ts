import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../../src/accounts/login.service.ts";
import { resolveSession } from "../../src/accounts/session.service.ts";
import { createUser } from "../../src/accounts/user.service.ts";
import { SYSTEM_ACTOR } from "../../src/accounts/audit-actor.ts";
import { listCommentsFor } from "../../src/consultations/comment.service.ts";
import { listConsultationsFor, loadConsultationFor } from "../../src/consultations/consultation-view.service.ts";
import { openConsultation } from "../../src/consultations/consultation.service.ts";
import { acceptInvitation } from "../../src/consultations/invitation-acceptance.service.ts";
import { inviteStakeholders, previewInvitation, resendInvitation } from "../../src/consultations/invitation.service.ts";
import { hashInvitationToken, invitationExpiry } from "../../src/consultations/invitation-token.ts";
import { ConflictError, NotFoundError, UnauthenticatedError } from "../../src/core/concord-error.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { findUserByEmail } from "../../src/store/user.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { DRAFT, createMember, mailingThrough } from "./consultation-workspace.ts";
import type { LoopbackSmtp } from "./loopback-smtp.ts";
import { invitationLinkIn, startLoopbackSmtp } from "./loopback-smtp.ts";

const databases = testDatabases();
const T0 = new Date("2026-02-01T09:00:00.000Z");
const DEADLINE = "2026-03-01T17:00:00.000Z";
const NEW_PASSWORD = "a long enough stakeholder passphrase";

let smtp: LoopbackSmtp;
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
});
afterAll(async () => {
  await smtp.close();
});

let counter = 0;
const uniqueEmail = (name: string) => `${name}-${process.pid}-${++counter}@example.net`;

async function openedBy(store: ConcordDatabase) {
  const organiser = await createMember(store.db, "analyst", uniqueEmail("olga"), "Olga Organiser");
  const consultation = await openConsultation(
    store.db,
    { title: "Rendezvous and proximity operations", kind: "best-practice", positionId: null, draftMarkdown: DRAFT, internalNote: null, deadline: DEADLINE },
    organiser.actor,
    T0,
  );
  return { organiser, consultation };
}

const accept = (store: ConcordDatabase, token: string, now: Date, password = NEW_PASSWORD, presentedSessionId: string | null = null) =>
  acceptInvitation(store.db, { token, displayName: "Nina Newcomer", password, clientAddress: "192.0.2.7", presentedSessionId }, now);

describe("invitationExpiry", () => {
  it("is the deadline or 14 days from now, whichever comes first", () => {
    expect(invitationExpiry("2026-03-01T17:00:00.000Z", new Date("2026-02-01T09:00:00Z"))).toBe("2026-02-15T09:00:00.000Z");
    expect(invitationExpiry("2026-02-10T17:00:00.000Z", new Date("2026-02-01T09:00:00Z"))).toBe("2026-02-10T17:00:00.000Z");
  });
});

describe.each(databases)("invitations on %s, through a real SMTP server on loopback", (target) => {
  it("e-mails a single-use link naming the consultation, deadline and organiser; accepting it signs the new stakeholder in, once", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const email = uniqueEmail("Nina");
    const [invitation] = await inviteStakeholders(store.db, consultation.id, [{ email, sector: "non-profit", organisation: "Secure World" }], mailingThrough(smtp.url), organiser.actor, T0);
    expect(invitation).toMatchObject({ email: email.toLowerCase(), sector: "non-profit", sentAt: T0.toISOString(), sendError: null, acceptedAt: null, inviteeUserId: null, expiresAt: "2026-02-15T09:00:00.000Z" });

    const mail = await smtp.nextFor(email.toLowerCase());
    expect(mail.envelopeFrom).toBe("concord@example.org");
    expect(mail.subject).toBe("Invitation to comment: Rendezvous and proximity operations (deadline 2026-03-01 17:00 UTC)");
    expect(mail.text).toContain(`Olga Organiser <${organiser.email}> invites you to comment on the consultation "Rendezvous and proximity operations".`);
    expect(mail.text).toContain("Comments are accepted until 2026-03-01 17:00 UTC.");
    expect(mail.text).toContain("The link is single-use: it works once, and only until 2026-02-15 09:00 UTC.");
    const { link, token } = invitationLinkIn(mail);
    expect(link).toBe(`https://concord.example.org/invitations/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Only the token's SHA-256 is stored; the token itself is nowhere in the store or the audit log.
    const stored = await sql<{ token_hash: string }>`select token_hash from consultation_invitations where id = ${invitation!.id}`.execute(store.db);
    expect(stored.rows[0]?.token_hash).toBe(hashInvitationToken(token));
    const audit = JSON.stringify(await searchAuditEntries(store.db, { order: "asc" }));
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(hashInvitationToken(token));

    // No account has the invited e-mail yet: the page asks for a name and a new password.
    expect(await previewInvitation(store.db, token, T0)).toEqual({ consultationTitle: "Rendezvous and proximity operations", invitedBy: "Olga Organiser", deadline: DEADLINE, accountExists: false, acceptance: "create-account" });
    // A new account needs a name: leaving it out is refused, naming the field, and the link stays unused.
    await expect(acceptInvitation(store.db, { token, password: NEW_PASSWORD, clientAddress: "192.0.2.7", presentedSessionId: null }, T0)).rejects.toMatchObject({ code: "INVALID_INPUT", field: "displayName" });
    expect(await findUserByEmail(store.db, email)).toBeNull();

    const acceptedAt = new Date("2026-02-02T10:00:00Z");
    const accepted = await accept(store, token, acceptedAt);
    expect(accepted).toMatchObject({ consultationId: consultation.id, accountCreated: true, user: { email: email.toLowerCase(), role: "stakeholder", displayName: "Nina Newcomer", organisation: "Secure World", sector: "non-profit" } });
    const session = await resolveSession(store.db, accepted.session.sessionId, acceptedAt);
    expect(session?.user.id).toBe(accepted.user.id);
    const reader = { userId: accepted.user.id, role: "stakeholder" as const };
    expect((await listConsultationsFor(store.db, reader, {}, acceptedAt)).map((c) => c.id)).toEqual([consultation.id]);
    expect((await loadConsultationFor(store.db, reader, consultation.id, acceptedAt)).myInvitation).toEqual({ sector: "non-profit", organisation: "Secure World", acceptedAt: acceptedAt.toISOString() });

    // Single use: a second acceptance (even with the right password) is refused, and the preview no longer answers.
    const again = accept(store, token, new Date("2026-02-02T10:05:00Z"));
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(/already used/);
    await expect(previewInvitation(store.db, token, acceptedAt)).rejects.toBeInstanceOf(NotFoundError);
    // The password chosen at acceptance signs in like any other.
    await expect(signInWithPassword(store.db, { email, password: NEW_PASSWORD, clientAddress: "192.0.2.7", presentedSessionId: null }, acceptedAt)).resolves.toMatchObject({ user: { id: accepted.user.id } });
    const actions = (await searchAuditEntries(store.db, { order: "asc", actorUserId: accepted.user.id })).map((e) => e.action);
    expect(actions).toEqual(["consultation_invitation.accept", "user.sign_in", "user.sign_in"]);
    await store.close();
  });

  it("of two simultaneous acceptances of one link, exactly one succeeds", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const email = uniqueEmail("race");
    await inviteStakeholders(store.db, consultation.id, [{ email, sector: "commercial", organisation: "Orbital Ltd" }], mailingThrough(smtp.url), organiser.actor, T0);
    const { token } = invitationLinkIn(await smtp.nextFor(email));
    const outcomes = await Promise.allSettled([accept(store, token, T0), accept(store, token, T0), accept(store, token, T0)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const failed of outcomes.filter((o) => o.status === "rejected")) expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const accepts = await sql<{ n: number | string }>`select count(*) as n from consultation_invitations where accepted_at is not null`.execute(store.db);
    expect(Number(accepts.rows[0]?.n)).toBe(1);
    await store.close();
  });

  it("refuses an unknown, malformed or expired link", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const email = uniqueEmail("late");
    await inviteStakeholders(store.db, consultation.id, [{ email, sector: "academic", organisation: "Uni" }], mailingThrough(smtp.url), organiser.actor, T0);
    const { token } = invitationLinkIn(await smtp.nextFor(email));
    await expect(accept(store, "A".repeat(43), T0)).rejects.toBeInstanceOf(NotFoundError);
    await expect(accept(store, "../../etc/passwd", T0)).rejects.toBeInstanceOf(NotFoundError);
    const expired = accept(store, token, new Date("2026-02-15T09:00:00.000Z"));
    await expect(expired).rejects.toBeInstanceOf(ConflictError);
    await expect(expired).rejects.toThrow("expired at 2026-02-15T09:00:00.000Z");
    await expect(previewInvitation(store.db, token, new Date("2026-02-15T09:00:00.000Z"))).rejects.toBeInstanceOf(NotFoundError);
    expect(await findUserByEmail(store.db, email)).toBeNull();
    await store.close();
  });

  it("never downgrades or takes over a non-stakeholder account: refused at invitation and at acceptance", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const analyst = await createMember(store.db, "analyst", uniqueEmail("analyst"));
    const refused = inviteStakeholders(store.db, consultation.id, [{ email: analyst.email, sector: "government", organisation: "Us" }], mailingThrough(smtp.url), organiser.actor, T0);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(/not a stakeholder account/);

    // An account created for the e-mail after the invitation was sent: the link cannot turn it into a stakeholder.
    const email = uniqueEmail("later-admin");
    await inviteStakeholders(store.db, consultation.id, [{ email, sector: "government", organisation: "Us" }], mailingThrough(smtp.url), organiser.actor, T0);
    const { token } = invitationLinkIn(await smtp.nextFor(email));
    await createUser(store.db, { email, displayName: "Later Admin", role: "admin", password: "the admin's own passphrase" }, SYSTEM_ACTOR, T0);
    const takeover = accept(store, token, T0, "the admin's own passphrase");
    await expect(takeover).rejects.toBeInstanceOf(ConflictError);
    await expect(takeover).rejects.toThrow(/not a stakeholder account/);
    expect((await findUserByEmail(store.db, email))?.role).toBe("admin");
    // The preview says an account exists (sign in to accept), and nothing about it: not its e-mail, name or role.
    const preview = await previewInvitation(store.db, token, T0);
    expect(preview).toMatchObject({ deadline: DEADLINE, accountExists: true, acceptance: "sign-in" });
    expect(JSON.stringify(preview)).not.toMatch(/later-admin|Later Admin|admin/i);
    await store.close();
  });

  it("re-inviting an existing stakeholder grants access at once, still sends a link, and the link asks for that account's password", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const stakeholder = await createMember(store.db, "stakeholder", uniqueEmail("known"), "Kim Known");
    const [invitation] = await inviteStakeholders(store.db, consultation.id, [{ email: stakeholder.email, sector: "commercial", organisation: "Orbital Ltd" }], mailingThrough(smtp.url), organiser.actor, T0);
    expect(invitation?.inviteeUserId).toBe(stakeholder.id);
    expect((await listConsultationsFor(store.db, stakeholder.reader, {}, T0)).map((c) => c.id)).toEqual([consultation.id]);
    const { token } = invitationLinkIn(await smtp.nextFor(stakeholder.email));

    const wrong = accept(store, token, T0, "not the account's password");
    await expect(wrong).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(previewInvitation(store.db, token, T0)).resolves.toMatchObject({ consultationTitle: "Rendezvous and proximity operations", accountExists: true, acceptance: "sign-in" });
    const accepted = await accept(store, token, T0, stakeholder.password);
    expect(accepted).toMatchObject({ accountCreated: false, user: { id: stakeholder.id, displayName: "Kim Known" } });
    await expect(signInWithPassword(store.db, { email: stakeholder.email, password: stakeholder.password, clientAddress: "192.0.2.9", presentedSessionId: null }, T0)).resolves.toBeDefined();
    await store.close();
  });

  it("an existing stakeholder account without a password: the preview asks for a new one; accepting sets it and keeps the account's name", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const email = uniqueEmail("no-password");
    await createUser(store.db, { email, displayName: "Pat Passwordless", role: "stakeholder", password: null }, SYSTEM_ACTOR, T0);
    await inviteStakeholders(store.db, consultation.id, [{ email, sector: "academic", organisation: "Uni" }], mailingThrough(smtp.url), organiser.actor, T0);
    const { token } = invitationLinkIn(await smtp.nextFor(email));
    await expect(previewInvitation(store.db, token, T0)).resolves.toMatchObject({ accountExists: true, acceptance: "set-password" });
    // No display name is needed for an existing account.
    const accepted = await acceptInvitation(store.db, { token, password: NEW_PASSWORD, clientAddress: "192.0.2.7", presentedSessionId: null }, T0);
    expect(accepted).toMatchObject({ accountCreated: false, user: { email, displayName: "Pat Passwordless", hasPassword: true } });
    await expect(signInWithPassword(store.db, { email, password: NEW_PASSWORD, clientAddress: "192.0.2.9", presentedSessionId: null }, T0)).resolves.toMatchObject({ user: { id: accepted.user.id } });
    await store.close();
  });

  it("keeps an invitation whose e-mail could not be sent, with an error naming CONCORD_SMTP_URL, and re-sends it with a new link", async () => {
    const store = await target.openEmpty();
    const [last] = (await searchAuditEntries(store.db, { order: "asc" })).slice(-1);
    const { organiser, consultation } = await openedBy(store);
    const email = uniqueEmail("unsent");
    const [unsent] = await inviteStakeholders(store.db, consultation.id, [{ email, sector: "commercial", organisation: "Orbital Ltd" }], mailingThrough(null), organiser.actor, T0);
    expect(unsent?.sentAt).toBeNull();
    expect(unsent?.sendError).toMatch(/no mail server configured: set CONCORD_SMTP_URL/);

    // A server that is down: the error is kept too (no credentials in it).
    const down = await resendInvitation(store.db, consultation.id, unsent!.id, mailingThrough("smtp://user:secret@127.0.0.1:1"), organiser.actor, T0);
    expect(down.sendError).toMatch(/^sending through smtp:\/\/127\.0\.0\.1:1 failed: /);
    expect(down.sendError).not.toContain("secret");

    const resent = await resendInvitation(store.db, consultation.id, unsent!.id, mailingThrough(smtp.url), organiser.actor, new Date("2026-02-03T09:00:00Z"));
    expect(resent).toMatchObject({ sentAt: "2026-02-03T09:00:00.000Z", sendError: null, expiresAt: "2026-02-17T09:00:00.000Z" });
    const { token } = invitationLinkIn(await smtp.nextFor(email));
    await expect(accept(store, token, new Date("2026-02-04T09:00:00Z"))).resolves.toMatchObject({ accountCreated: true });
    await expect(resendInvitation(store.db, consultation.id, unsent!.id, mailingThrough(smtp.url), organiser.actor, T0)).rejects.toBeInstanceOf(ConflictError);
    const actions = (await searchAuditEntries(store.db, { order: "asc", entityType: "consultation_invitation", entityId: String(unsent!.id), cursor: last?.id ?? 0 })).map((e) => e.action);
    expect(actions).toEqual([
      "consultation_invitation.create",
      "consultation_invitation.send",
      "consultation_invitation.reissue",
      "consultation_invitation.send",
      "consultation_invitation.reissue",
      "consultation_invitation.send",
      "consultation_invitation.accept",
    ]);
    await store.close();
  });

  it("an accepted link also resolves the e-mail's other pending invitations, so they need no second account", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const second = await openConsultation(store.db, { title: "Second", kind: "standard", positionId: null, draftMarkdown: "One.", internalNote: null, deadline: DEADLINE }, organiser.actor, T0);
    const email = uniqueEmail("twice");
    await inviteStakeholders(store.db, consultation.id, [{ email, sector: "academic", organisation: "Uni" }], mailingThrough(smtp.url), organiser.actor, T0);
    const first = invitationLinkIn(await smtp.nextFor(email));
    await inviteStakeholders(store.db, second.id, [{ email, sector: "academic", organisation: "Uni" }], mailingThrough(smtp.url), organiser.actor, T0);
    const later = invitationLinkIn(await smtp.nextFor(email));
    const accepted = await accept(store, first.token, T0);
    const reader = { userId: accepted.user.id, role: "stakeholder" as const };
    expect((await listConsultationsFor(store.db, reader, {}, T0)).map((c) => c.id).sort()).toEqual([consultation.id, second.id].sort());
    expect(await listCommentsFor(store.db, reader, second.id)).toEqual([]);
    const resolved = (await searchAuditEntries(store.db, { order: "asc", actorUserId: accepted.user.id })).filter((e) => e.action === "consultation_invitation.resolve");
    expect(resolved.map((e) => e.after)).toEqual([{ inviteeUserId: accepted.user.id }]);
    // The second link still works once, now with the account's password.
    await expect(accept(store, later.token, T0)).resolves.toMatchObject({ accountCreated: false, consultationId: second.id });
    await store.close();
  });

  it("refuses to invite to a closed consultation, the same e-mail twice, or a malformed address", async () => {
    const store = await target.openEmpty();
    const { organiser, consultation } = await openedBy(store);
    const email = uniqueEmail("dup");
    const mailing = mailingThrough(smtp.url);
    await expect(inviteStakeholders(store.db, consultation.id, [{ email: "not-an-address", sector: "academic", organisation: "U" }], mailing, organiser.actor, T0)).rejects.toMatchObject({ field: "invitees.0.email" });
    await expect(
      inviteStakeholders(store.db, consultation.id, [{ email, sector: "academic", organisation: "U" }, { email: email.toUpperCase(), sector: "academic", organisation: "U" }], mailing, organiser.actor, T0),
    ).rejects.toMatchObject({ field: "invitees.1.email" });
    await inviteStakeholders(store.db, consultation.id, [{ email, sector: "academic", organisation: "U" }], mailing, organiser.actor, T0);
    await expect(inviteStakeholders(store.db, consultation.id, [{ email, sector: "academic", organisation: "U" }], mailing, organiser.actor, T0)).rejects.toThrow(/already invited/);
    await expect(inviteStakeholders(store.db, consultation.id, [{ email: uniqueEmail("late"), sector: "academic", organisation: "U" }], mailing, organiser.actor, new Date(DEADLINE))).rejects.toThrow(/deadline/);
    await store.close();
  });
});
