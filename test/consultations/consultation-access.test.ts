import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, listCommentsFor } from "../../src/consultations/comment.service.ts";
import { loadConsultationSummary } from "../../src/consultations/consultation-summary.service.ts";
import { listConsultationsFor, loadConsultationFor } from "../../src/consultations/consultation-view.service.ts";
import { closeConsultation, openConsultation } from "../../src/consultations/consultation.service.ts";
import { inviteStakeholders } from "../../src/consultations/invitation.service.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../../src/core/concord-error.ts";
import { createPosition } from "../../src/positions/position.service.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { testDatabases } from "../support/test-databases.ts";
import type { TestMember } from "./consultation-workspace.ts";
import { DRAFT, createMember, mailingThrough } from "./consultation-workspace.ts";
import type { LoopbackSmtp } from "./loopback-smtp.ts";
import { startLoopbackSmtp } from "./loopback-smtp.ts";

const databases = testDatabases();
const T0 = new Date("2026-02-01T09:00:00.000Z");
const DEADLINE = "2026-03-01T17:00:00.000Z";
const at = (iso: string) => new Date(iso);

let smtp: LoopbackSmtp;
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
});
afterAll(async () => {
  await smtp.close();
});

interface Workspace {
  organiser: TestMember;
  viewer: TestMember;
  /** Invited to `consultation` (commercial, academic, government) and, A alone, to `other`. */
  a: TestMember;
  b: TestMember;
  c: TestMember;
  /** Invited to `other` only. */
  outsider: TestMember;
  consultation: number;
  other: number;
}

async function workspace(store: ConcordDatabase): Promise<Workspace> {
  const { db } = store;
  const organiser = await createMember(db, "analyst", undefined, "Olga Organiser");
  const viewer = await createMember(db, "viewer");
  const a = await createMember(db, "stakeholder", `a-${Date.now()}@orbital.example`, "Alice (Orbital Ltd)");
  const b = await createMember(db, "stakeholder", `b-${Date.now()}@uni.example`, "Bob (University)");
  const c = await createMember(db, "stakeholder", `c-${Date.now()}@agency.example`, "Cleo (Agency)");
  const outsider = await createMember(db, "stakeholder", `d-${Date.now()}@elsewhere.example`, "Dan Outsider");
  const mailing = mailingThrough(smtp.url);
  const open = (title: string) => openConsultation(db, { title, kind: "best-practice", positionId: null, draftMarkdown: DRAFT, internalNote: "Push for 30 days; fall back to 15.", deadline: DEADLINE }, organiser.actor, T0);
  const consultation = (await open("Rendezvous and proximity operations")).id;
  const other = (await open("Space situational awareness data sharing")).id;
  await inviteStakeholders(
    db,
    consultation,
    [
      { email: a.email, sector: "commercial", organisation: "Orbital Ltd" },
      { email: b.email, sector: "academic", organisation: "University of Somewhere" },
      { email: c.email, sector: "government", organisation: "Space Agency" },
    ],
    mailing,
    organiser.actor,
    T0,
  );
  await inviteStakeholders(
    db,
    other,
    [
      { email: a.email, sector: "commercial", organisation: "Orbital Ltd" },
      { email: outsider.email, sector: "non-profit", organisation: "Secure World" },
    ],
    mailing,
    organiser.actor,
    T0,
  );
  return { organiser, viewer, a, b, c, outsider, consultation, other };
}

describe.each(databases)("consultations on %s", (target) => {
  it("opens a consultation: the draft frozen and split into numbered paragraphs, audited as consultation.open", async () => {
    const store = await target.openEmpty();
    const organiser = await createMember(store.db, "analyst");
    const [last] = (await searchAuditEntries(store.db, { order: "asc" })).slice(-1);
    const opened = await openConsultation(store.db, { title: "  RPO guidelines ", kind: "standard", positionId: null, draftMarkdown: DRAFT, internalNote: null, deadline: "2026-03-01T18:00:00+01:00" }, organiser.actor, T0);
    expect(opened).toMatchObject({ title: "RPO guidelines", kind: "standard", status: "open", deadline: DEADLINE, createdAt: T0.toISOString() });
    const detail = await loadConsultationFor(store.db, organiser.reader, opened.id, T0);
    expect(detail.paragraphs.map((p) => [p.number, p.markdown.split("\n")[0]])).toEqual([
      [1, "# Guidelines on commercial rendezvous and proximity operations"],
      [2, "## 2. Notification"],
      [3, "Operators share ephemerides with potentially affected operators."],
    ]);
    expect(detail.paragraphs[1]?.html).toContain("<strong>30 days</strong>");
    const entries = await searchAuditEntries(store.db, { order: "asc", cursor: last?.id ?? 0, entityType: "consultation" });
    expect(entries.map((e) => [e.action, e.entityId, e.actorLabel])).toEqual([["consultation.open", String(opened.id), organiser.email]]);
    expect(entries[0]?.after).toMatchObject({ title: "RPO guidelines", deadline: DEADLINE, paragraphCount: 3 });
    await store.close();
  });

  it("refuses a deadline in the past, a draft without paragraphs and an unknown position, naming the field", async () => {
    const store = await target.openEmpty();
    const organiser = await createMember(store.db, "analyst");
    const base = { title: "T", kind: "position" as const, positionId: null, draftMarkdown: DRAFT, internalNote: null, deadline: DEADLINE };
    await expect(openConsultation(store.db, { ...base, deadline: "2026-01-31T09:00:00Z" }, organiser.actor, T0)).rejects.toMatchObject({ field: "deadline" });
    await expect(openConsultation(store.db, { ...base, deadline: "next Friday" }, organiser.actor, T0)).rejects.toMatchObject({ field: "deadline" });
    await expect(openConsultation(store.db, { ...base, draftMarkdown: "\n\n  \n" }, organiser.actor, T0)).rejects.toMatchObject({ field: "draftMarkdown" });
    await expect(openConsultation(store.db, { ...base, positionId: 999_999 }, organiser.actor, T0)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await listConsultationsFor(store.db, organiser.reader, {}, T0)).toEqual([]);
    await store.close();
  });

  it("shows a stakeholder only the consultations it was invited to; any other is 'not found', like a missing id", async () => {
    const store = await target.openEmpty();
    const w = await workspace(store);
    const titles = async (member: TestMember) => (await listConsultationsFor(store.db, member.reader, {}, T0)).map((c) => c.id).sort();
    expect(await titles(w.a)).toEqual([w.consultation, w.other].sort());
    expect(await titles(w.b)).toEqual([w.consultation]);
    expect(await titles(w.outsider)).toEqual([w.other]);
    expect(await titles(w.organiser)).toEqual([w.consultation, w.other].sort());
    expect(await titles(w.viewer)).toEqual([w.consultation, w.other].sort());

    const hidden = loadConsultationFor(store.db, w.outsider.reader, w.consultation, T0);
    await expect(hidden).rejects.toBeInstanceOf(NotFoundError);
    const missingMessage = await loadConsultationFor(store.db, w.outsider.reader, 987_654, T0).catch((e: Error) => e.message.replace("987654", "N"));
    expect(await hidden.catch((e: Error) => e.message.replace(String(w.consultation), "N"))).toBe(missingMessage);
    await expect(listCommentsFor(store.db, w.outsider.reader, w.consultation)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(store.db, w.outsider.reader, w.consultation, { paragraphNumber: 1, visibility: "public", bodyMarkdown: "Let me in" }, w.outsider.actor, T0)).rejects.toBeInstanceOf(NotFoundError);
    await store.close();
  });

  it("never shows a stakeholder the linked position, the internal note or the invitation list; organisers see them", async () => {
    const store = await target.openEmpty();
    const w = await workspace(store);
    const position = await createPosition(store.db, { title: "Our line on RPO", kind: "position-paper", markdown: "Internal: we accept 15 days." }, { ...w.organiser.actor, role: "analyst" }, T0);
    const linked = await openConsultation(
      store.db,
      { title: "Linked", kind: "position", positionId: position.position.id, draftMarkdown: DRAFT, internalNote: "Red line: 15 days", deadline: DEADLINE },
      w.organiser.actor,
      T0,
    );
    await inviteStakeholders(store.db, linked.id, [{ email: w.a.email, sector: "commercial", organisation: "Orbital Ltd" }], mailingThrough(smtp.url), w.organiser.actor, T0);

    const forStakeholder = await loadConsultationFor(store.db, w.a.reader, linked.id, T0);
    expect(Object.keys(forStakeholder).sort()).toEqual(["acceptingComments", "closedAt", "createdAt", "deadline", "draft", "id", "kind", "myInvitation", "organiser", "paragraphs", "status", "title"]);
    expect(forStakeholder.organiser).toEqual({ displayName: "Olga Organiser" });
    expect(JSON.stringify(forStakeholder)).not.toMatch(/Red line|15 days|Our line|@/);
    const listed = (await listConsultationsFor(store.db, w.a.reader, {}, T0)).find((c) => c.id === linked.id);
    expect(listed).not.toHaveProperty("positionId");
    expect(listed).not.toHaveProperty("internalNote");
    expect(listed).not.toHaveProperty("commentCount");

    const forOrganiser = await loadConsultationFor(store.db, w.organiser.reader, linked.id, T0);
    expect(forOrganiser.positionId).toBe(position.position.id);
    expect(forOrganiser.internalNote?.markdown).toBe("Red line: 15 days");
    expect(forOrganiser.invitations?.map((i) => i.email)).toEqual([w.a.email]);
    const forViewer = await loadConsultationFor(store.db, w.viewer.reader, linked.id, T0);
    expect(forViewer.positionId).toBe(position.position.id);
    expect(forViewer).not.toHaveProperty("invitations");
    await store.close();
  });

  it("shows each stakeholder its own comments and the others' public ones, never another's confidential comment", async () => {
    const store = await target.openEmpty();
    const w = await workspace(store);
    const comment = (member: TestMember, paragraphNumber: number, visibility: "public" | "confidential", bodyMarkdown: string) =>
      addComment(store.db, member.reader, w.consultation, { paragraphNumber, visibility, bodyMarkdown }, member.actor, T0);
    const aPublic = await comment(w.a, 1, "public", "Scope is fine.");
    const aSecret = await comment(w.a, 2, "confidential", "Our launch is in April: 30 days is impossible.");
    const bPublic = await comment(w.b, 2, "public", "Cite the IADC guidelines.");
    const bSecret = await comment(w.b, 3, "confidential", "We lack funding to comply.");

    const ids = async (member: TestMember) => (await listCommentsFor(store.db, member.reader, w.consultation)).map((c) => c.id);
    expect(await ids(w.a)).toEqual([aPublic.id, aSecret.id, bPublic.id]);
    expect(await ids(w.b)).toEqual([aPublic.id, bPublic.id, bSecret.id]);
    expect(await ids(w.c)).toEqual([aPublic.id, bPublic.id]);
    expect(await ids(w.viewer)).toEqual([aPublic.id, bPublic.id]);
    expect(await ids(w.organiser)).toEqual([aPublic.id, aSecret.id, bPublic.id, bSecret.id]);

    const seenByB = await listCommentsFor(store.db, w.b.reader, w.consultation);
    expect(JSON.stringify(seenByB)).not.toContain("April");
    expect(seenByB.find((c) => c.id === aPublic.id)).toMatchObject({ mine: false, author: { displayName: "Alice (Orbital Ltd)", organisation: "Orbital Ltd", sector: "commercial" } });
    expect(seenByB.find((c) => c.id === aPublic.id)?.author).not.toHaveProperty("email");
    expect(seenByB.find((c) => c.id === bSecret.id)).toMatchObject({ mine: true, visibility: "confidential", author: { email: w.b.email } });
    // A stakeholder invited elsewhere sees nothing of this consultation, not even public comments.
    await expect(listCommentsFor(store.db, w.outsider.reader, w.consultation)).rejects.toBeInstanceOf(NotFoundError);
    // Only stakeholders comment; a viewer (or an organiser) cannot.
    await expect(addComment(store.db, w.viewer.reader, w.consultation, { paragraphNumber: 1, visibility: "public", bodyMarkdown: "x" }, w.viewer.actor, T0)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(comment(w.a, 4, "public", "No such paragraph")).rejects.toMatchObject({ field: "paragraphNumber" });
    await store.close();
  });

  it("refuses comments from the deadline on and after closing, naming the deadline (explicit clock)", async () => {
    const store = await target.openEmpty();
    const w = await workspace(store);
    const commentAt = (now: Date) => addComment(store.db, w.a.reader, w.consultation, { paragraphNumber: 1, visibility: "public", bodyMarkdown: "On time?" }, w.a.actor, now);
    await expect(commentAt(at("2026-03-01T16:59:59.999Z"))).resolves.toMatchObject({ createdAt: "2026-03-01T16:59:59.999Z" });
    const late = commentAt(at(DEADLINE));
    await expect(late).rejects.toBeInstanceOf(ConflictError);
    await expect(late).rejects.toThrow(DEADLINE);
    expect((await loadConsultationFor(store.db, w.a.reader, w.consultation, at(DEADLINE))).acceptingComments).toBe(false);

    await closeConsultation(store.db, w.other, w.organiser.actor, at("2026-02-10T12:00:00Z"));
    const afterClose = addComment(store.db, w.a.reader, w.other, { paragraphNumber: 1, visibility: "public", bodyMarkdown: "Too late" }, w.a.actor, at("2026-02-11T12:00:00Z"));
    await expect(afterClose).rejects.toBeInstanceOf(ConflictError);
    await expect(afterClose).rejects.toThrow(/closed.*2026-03-01T17:00:00.000Z/);
    await expect(closeConsultation(store.db, w.other, w.organiser.actor, at("2026-02-12T12:00:00Z"))).rejects.toBeInstanceOf(ConflictError);
    expect((await listConsultationsFor(store.db, w.a.reader, { status: "closed" }, T0)).map((c) => c.id)).toEqual([w.other]);
    await store.close();
  });

  it("summarises comments by sector and by paragraph with exact counts, confidential ones marked", async () => {
    const store = await target.openEmpty();
    const w = await workspace(store);
    const comment = (member: TestMember, paragraphNumber: number, visibility: "public" | "confidential", bodyMarkdown: string, iso: string) =>
      addComment(store.db, member.reader, w.consultation, { paragraphNumber, visibility, bodyMarkdown }, member.actor, at(iso));
    await comment(w.a, 1, "public", "Scope is fine.", "2026-02-02T10:00:00Z");
    await comment(w.a, 2, "confidential", "=HYPERLINK(\"http://evil\")", "2026-02-02T10:05:00Z");
    await comment(w.b, 1, "public", "Define \"operator\", please.", "2026-02-03T10:00:00Z");
    await comment(w.b, 3, "public", "Agreed.", "2026-02-03T10:05:00Z");
    await comment(w.c, 1, "confidential", "Our agency cannot commit.", "2026-02-04T10:00:00Z");

    const exportedAt = at("2026-03-02T08:00:00Z");
    const summary = await loadConsultationSummary(store.db, w.organiser.reader, w.consultation, exportedAt);
    expect(summary.counts).toEqual({ total: 5, public: 3, confidential: 2, bySector: { commercial: 2, academic: 2, "non-profit": 0, government: 1, unspecified: 0 } });
    expect(summary.bySector.map((s) => [s.sector, s.total, s.public, s.confidential, s.comments.map((c) => c.paragraphNumber)])).toEqual([
      ["commercial", 2, 1, 1, [1, 2]],
      ["academic", 2, 2, 0, [1, 3]],
      ["non-profit", 0, 0, 0, []],
      ["government", 1, 0, 1, [1]],
    ]);
    expect(summary.byParagraph.map((p) => [p.number, p.total, p.confidential, p.bySector.commercial, p.bySector.academic, p.bySector.government])).toEqual([
      [1, 3, 1, 1, 1, 1],
      [2, 1, 1, 1, 0, 0],
      [3, 1, 0, 0, 1, 0],
    ]);
    expect(summary.byParagraph[0]?.comments.map((c) => c.sector)).toEqual(["commercial", "academic", "government"]);
    expect(summary.exportedAt).toBe("2026-03-02T08:00:00.000Z");

    await expect(loadConsultationSummary(store.db, w.viewer.reader, w.consultation, exportedAt)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadConsultationSummary(store.db, w.a.reader, w.consultation, exportedAt)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadConsultationSummary(store.db, w.outsider.reader, w.consultation, exportedAt)).rejects.toBeInstanceOf(NotFoundError);
    await store.close();
  });

  it("audits every write of a consultation in its own transaction: open, invite, send, comment, close", async () => {
    const store = await target.openEmpty();
    const [last] = (await searchAuditEntries(store.db, { order: "asc" })).slice(-1);
    const w = await workspace(store);
    await addComment(store.db, w.b.reader, w.consultation, { paragraphNumber: 2, visibility: "confidential", bodyMarkdown: "Secret" }, w.b.actor, T0);
    await closeConsultation(store.db, w.consultation, w.organiser.actor, at("2026-02-05T00:00:00Z"));
    const actions = (await searchAuditEntries(store.db, { order: "asc", cursor: last?.id ?? 0 }))
      .filter((e) => e.entityType.startsWith("consultation"))
      .map((e) => `${e.action} by ${e.actorLabel === w.organiser.email ? "organiser" : e.actorLabel === w.b.email ? "b" : e.actorLabel}`);
    expect(actions).toEqual([
      "consultation.open by organiser",
      "consultation.open by organiser",
      ...Array<string>(3).fill("consultation_invitation.create by organiser"),
      ...Array<string>(3).fill("consultation_invitation.send by organiser"),
      ...Array<string>(2).fill("consultation_invitation.create by organiser"),
      ...Array<string>(2).fill("consultation_invitation.send by organiser"),
      "consultation_comment.create by b",
      "consultation.close by organiser",
    ]);
    // A refused write leaves no trace: neither the row nor its audit entry.
    const before = (await searchAuditEntries(store.db, { order: "asc" })).length;
    await expect(addComment(store.db, w.b.reader, w.consultation, { paragraphNumber: 1, visibility: "public", bodyMarkdown: "x" }, w.b.actor, T0)).rejects.toBeInstanceOf(ConflictError);
    expect((await searchAuditEntries(store.db, { order: "asc" })).length).toBe(before);
    await store.close();
  });
});
