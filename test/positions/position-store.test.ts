import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, InvalidInputError } from "../../src/core/concord-error.ts";
import { transitionPosition } from "../../src/positions/position-clearance.service.ts";
import { diffPositionVersions, loadPositionVersions } from "../../src/positions/position-history.service.ts";
import { createPosition, editPosition } from "../../src/positions/position.service.ts";
import { listPositionItems } from "../../src/positions/position-view.service.ts";
import { findPosition, listPositionStatusChanges } from "../../src/store/position.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { auditMark, insertForumSessions, minuteClock, positionAudit, positionTeam } from "./position-fixtures.ts";

const databases = testDatabases();

const PAPER = "# Space debris\n\nWe support the guidelines.\n\n- Point one\n- Point two\n";

describe.each(databases)("positions on %s", (target) => {
  it("keeps every version: an edit adds version 2 and version 1 stays as written, each with who, when and note", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob } = await positionTeam(db);
    const now = minuteClock();
    const created = await createPosition(db, { title: " Debris paper ", kind: "position-paper", markdown: PAPER, note: "first draft" }, alice, now());
    expect(created.position).toMatchObject({ title: "Debris paper", status: "draft", currentVersion: 1, createdBy: alice.userId, lastEditedBy: alice.userId });
    const edited = await editPosition(db, created.position.id, { baseVersion: 1, markdown: PAPER.replace("support", "strongly support"), note: "firmer" }, bob, now());
    expect(edited.position).toMatchObject({ currentVersion: 2, lastEditedBy: bob.userId, status: "draft" });
    expect(edited.returnedToDraft).toBeNull();
    const { versions, people } = await loadPositionVersions(db, created.position.id);
    expect(versions.map((v) => [v.versionNumber, v.changedByLabel, v.changedAt, v.note, v.markdown])).toEqual([
      [1, alice.label, "2026-11-26T09:00:00.000Z", "first draft", PAPER],
      [2, bob.label, "2026-11-26T09:01:00.000Z", "firmer", PAPER.replace("support", "strongly support")],
    ]);
    // Each editor is named by display name, the e-mail beside it; a write without a user keeps its recorded label.
    expect(versions.map((v) => people(v.changedBy, v.changedByLabel))).toEqual([
      { userId: alice.userId, label: alice.label, displayName: "alice", email: alice.label },
      { userId: bob.userId, label: bob.label, displayName: "bob", email: bob.label },
    ]);
    expect(people(null, "cli")).toEqual({ userId: null, label: "cli", displayName: "cli", email: null });
    const diff = await diffPositionVersions(db, created.position.id, 1, 2);
    expect(diff.diff.lines.filter((l) => l.op !== "same").map((l) => `${l.op} ${l.text}`)).toEqual(["removed We support the guidelines.", "added We strongly support the guidelines."]);
    expect(diff.titleChanged).toBe(false);
    await store.close();
  });

  it("refuses an edit made on a stale version with ConflictError and writes nothing", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Talking points", kind: "talking-points", markdown: "- one\n" }, alice, now());
    await editPosition(db, position.id, { baseVersion: 1, markdown: "- one\n- two\n" }, alice, now());
    const mark = await auditMark(db);
    const stale = editPosition(db, position.id, { baseVersion: 1, markdown: "- one\n- three\n" }, bob, now());
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(/based on version 1, but the current version is 2/);
    expect((await loadPositionVersions(db, position.id)).versions.map((v) => v.markdown)).toEqual(["- one\n", "- one\n- two\n"]);
    expect(await positionAudit(db, position.id, mark)).toEqual([]);
    await expect(editPosition(db, position.id, { baseVersion: 2, markdown: "- one\n- two\n" }, bob, now())).rejects.toThrow(InvalidInputError);
    await store.close();
  });

  it("lets only one of two concurrent edits on the same base win; the other gets 409", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Race", kind: "talking-points", markdown: "base\n" }, alice, now());
    const results = await Promise.allSettled([
      editPosition(db, position.id, { baseVersion: 1, markdown: "alice's\n" }, alice, now()),
      editPosition(db, position.id, { baseVersion: 1, markdown: "bob's\n" }, bob, now()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(ConflictError);
    expect((await loadPositionVersions(db, position.id)).versions.map((v) => v.versionNumber)).toEqual([1, 2]);
    await store.close();
  });

  it("walks draft → under review → cleared → delivered, recording each step with before and after in the audit log", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob } = await positionTeam(db);
    const now = minuteClock();
    const mark = await auditMark(db);
    const { position } = await createPosition(db, { title: "Debris paper", kind: "position-paper", markdown: PAPER }, alice, now());
    await editPosition(db, position.id, { baseVersion: 1, markdown: `${PAPER}\nAddendum.\n`, note: "addendum" }, alice, now());
    expect((await transitionPosition(db, position.id, "under-review", alice, now())).action).toBe("submit");
    expect((await transitionPosition(db, position.id, "cleared", bob, now())).action).toBe("clear");
    const delivered = await transitionPosition(db, position.id, "delivered", alice, now());
    expect(delivered.position.status).toBe("delivered");
    const audit = await positionAudit(db, position.id, mark);
    const summary = audit.map((e) => {
      const before = e.before as { status: string; currentVersion: number } | null;
      const after = e.after as { status: string; currentVersion: number; markdown: string };
      return [e.action, e.actorLabel, before?.status ?? null, after.status, before?.currentVersion ?? null, after.currentVersion];
    });
    expect(summary).toEqual([
      ["position.create", alice.label, null, "draft", null, 1],
      ["position.update", alice.label, "draft", "draft", 1, 2],
      ["position.submit", alice.label, "draft", "under-review", 2, 2],
      ["position.clear", bob.label, "under-review", "cleared", 2, 2],
      ["position.deliver", alice.label, "cleared", "delivered", 2, 2],
    ]);
    expect((audit[1]?.before as { markdown: string }).markdown).toBe(PAPER);
    expect((audit[1]?.after as { markdown: string }).markdown).toBe(`${PAPER}\nAddendum.\n`);
    expect((await listPositionStatusChanges(db, position.id)).map((s) => [s.fromStatus, s.toStatus, s.reason, s.changedByLabel])).toEqual([
      ["draft", "under-review", "submit", alice.label],
      ["under-review", "cleared", "clear", bob.label],
      ["cleared", "delivered", "deliver", alice.label],
    ]);
    await store.close();
  });

  it("needs a second person to clear: the last editor is refused (403), another analyst or an admin may clear", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob, root } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Second person", kind: "talking-points", markdown: "- a\n" }, alice, now());
    await transitionPosition(db, position.id, "under-review", alice, now());
    const mark = await auditMark(db);
    await expect(transitionPosition(db, position.id, "cleared", alice, now())).rejects.toThrow(ForbiddenError);
    expect((await findPosition(db, position.id))?.status).toBe("under-review");
    expect(await positionAudit(db, position.id, mark)).toEqual([]);
    // Bob edits it (back to draft), resubmits: now Bob is the last editor and Alice may clear.
    await editPosition(db, position.id, { baseVersion: 1, markdown: "- a\n- b\n" }, bob, now());
    await transitionPosition(db, position.id, "under-review", bob, now());
    await expect(transitionPosition(db, position.id, "cleared", bob, now())).rejects.toThrow(/second person/);
    expect((await transitionPosition(db, position.id, "cleared", alice, now())).position.status).toBe("cleared");
    // An admin may clear a text it last edited itself.
    const own = await createPosition(db, { title: "Admin's own", kind: "talking-points", markdown: "- x\n" }, root, now());
    await transitionPosition(db, own.position.id, "under-review", root, now());
    expect((await transitionPosition(db, own.position.id, "cleared", root, now())).position.status).toBe("cleared");
    await store.close();
  });

  it("refuses steps out of order (409) and a viewer's writes (403)", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob, vera } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Order", kind: "talking-points", markdown: "- a\n" }, alice, now());
    await expect(transitionPosition(db, position.id, "cleared", bob, now())).rejects.toThrow(ConflictError);
    await expect(transitionPosition(db, position.id, "delivered", bob, now())).rejects.toThrow(ConflictError);
    await expect(transitionPosition(db, position.id, "draft", bob, now())).rejects.toThrow(/already draft/);
    await expect(transitionPosition(db, position.id, "under-review", vera, now())).rejects.toThrow(ForbiddenError);
    await expect(editPosition(db, position.id, { baseVersion: 1, markdown: "- b\n" }, vera, now())).rejects.toThrow(ForbiddenError);
    await expect(createPosition(db, { title: "No", kind: "talking-points", markdown: "" }, vera, now())).rejects.toThrow(ForbiddenError);
    await store.close();
  });

  it("sends an under-review or cleared text back to draft when edited, says so, and keeps the step in the history", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Reset", kind: "position-paper", markdown: "v1\n" }, alice, now());
    await transitionPosition(db, position.id, "under-review", alice, now());
    const fromReview = await editPosition(db, position.id, { baseVersion: 1, markdown: "v2\n" }, alice, now());
    expect(fromReview.position.status).toBe("draft");
    expect(fromReview.returnedToDraft).toMatchObject({ from: "under-review", message: expect.stringMatching(/sent it back to draft/) as unknown });
    await transitionPosition(db, position.id, "under-review", alice, now());
    await transitionPosition(db, position.id, "cleared", bob, now());
    const fromCleared = await editPosition(db, position.id, { baseVersion: 2, markdown: "v3\n" }, alice, now());
    expect(fromCleared.returnedToDraft?.from).toBe("cleared");
    expect(fromCleared.version.statusResetFrom).toBe("cleared");
    expect((await listPositionStatusChanges(db, position.id)).map((s) => `${s.fromStatus}>${s.toStatus}:${s.reason}@${s.versionNumber}`)).toEqual([
      "draft>under-review:submit@1",
      "under-review>draft:edit@2",
      "draft>under-review:submit@2",
      "under-review>cleared:clear@2",
      "cleared>draft:edit@3",
    ]);
    await store.close();
  });

  it("treats delivered as final: edits and steps are refused with ConflictError", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice, bob, root } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Final", kind: "talking-points", markdown: "- said\n" }, alice, now());
    await transitionPosition(db, position.id, "under-review", alice, now());
    await transitionPosition(db, position.id, "cleared", bob, now());
    await transitionPosition(db, position.id, "delivered", bob, now());
    const edit = editPosition(db, position.id, { baseVersion: 1, markdown: "- unsaid\n" }, root, now());
    await expect(edit).rejects.toThrow(ConflictError);
    await expect(edit).rejects.toThrow(/delivered is final/);
    for (const to of ["draft", "under-review", "cleared"] as const) await expect(transitionPosition(db, position.id, to, root, now())).rejects.toThrow(ConflictError);
    expect((await loadPositionVersions(db, position.id)).versions.map((v) => v.markdown)).toEqual(["- said\n"]);
    await store.close();
  });

  it("ties positions to a session and agenda item (an agenda item implies its session), checks them, and filters the list", async () => {
    const store = await target.openEmpty();
    const { db } = store;
    const { alice } = await positionTeam(db);
    const now = minuteClock();
    const fora = await insertForumSessions(db);
    const onDebris = await createPosition(db, { title: "Debris", kind: "position-paper", markdown: "", agendaItemId: fora.spaceDebrisItemId }, alice, now());
    expect(onDebris.position).toMatchObject({ forumSessionId: fora.copuosId, agendaItemId: fora.spaceDebrisItemId });
    const onSession = await createPosition(db, { title: "General", kind: "talking-points", markdown: "", forumSessionId: fora.otherSessionId }, alice, now());
    await createPosition(db, { title: "Loose", kind: "talking-points", markdown: "" }, alice, now());
    await expect(createPosition(db, { title: "Wrong", kind: "talking-points", markdown: "", forumSessionId: fora.otherSessionId, agendaItemId: fora.spaceDebrisItemId }, alice, now())).rejects.toThrow(/belongs to forum session/);
    await expect(createPosition(db, { title: "Missing", kind: "talking-points", markdown: "", agendaItemId: 999_999 }, alice, now())).rejects.toThrow(InvalidInputError);
    await expect(createPosition(db, { title: "Missing", kind: "talking-points", markdown: "", forumSessionId: 999_999 }, alice, now())).rejects.toThrow(/no forum session/);
    await transitionPosition(db, onSession.position.id, "under-review", alice, now());
    const titles = async (filter: Parameters<typeof listPositionItems>[1]) => (await listPositionItems(db, filter)).map((i) => i.position.title);
    expect(await titles({})).toEqual(["General", "Loose", "Debris"]);
    expect(await titles({ forumSessionId: fora.copuosId })).toEqual(["Debris"]);
    expect(await titles({ agendaItemId: fora.spaceDebrisItemId })).toEqual(["Debris"]);
    expect(await titles({ status: "under-review" })).toEqual(["General"]);
    expect(await titles({ kind: "position-paper" })).toEqual(["Debris"]);
    const [debrisItem] = await listPositionItems(db, { agendaItemId: fora.spaceDebrisItemId });
    expect(debrisItem?.links.agendaItem).toMatchObject({ itemNumber: "7", title: "Space debris" });
    expect(debrisItem?.links.forumSession).toMatchObject({ title: "COPUOS test session" });
    expect(debrisItem?.people(debrisItem.position.createdBy, debrisItem.position.createdByLabel)).toMatchObject({ displayName: "alice", email: alice.label });
    // Moving it to the other agenda item of the same session is an edit like any other.
    const moved = await editPosition(db, onDebris.position.id, { baseVersion: 1, markdown: "", agendaItemId: fora.longTermItemId, note: "moved" }, alice, now());
    expect(moved.position).toMatchObject({ agendaItemId: fora.longTermItemId, forumSessionId: fora.copuosId, currentVersion: 2 });
    await store.close();
  });
});
