import { describe, expect, it } from "vitest";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { apiRequest, createTestUser, signIn } from "../support/workspace-users.ts";
import type { TestSession } from "../support/workspace-users.ts";
import { testDatabases } from "../support/test-databases.ts";
import { openForaApp } from "./fora-app.ts";

const databases = testDatabases();

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe.each(databases)("fora API on %s", (target) => {
  it("lets an analyst record a session, agenda, statements of three states and stances, and a viewer read the tally", async () => {
    const { app, database, close } = await openForaApp(target);
    try {
      const analystUser = await createTestUser(database.db, { role: "analyst" });
      const viewerUser = await createTestUser(database.db, { role: "viewer" });
      const analyst = await signIn(app, analystUser.email, analystUser.password);
      const viewer = await signIn(app, viewerUser.email, viewerUser.password);
      const post = (session: TestSession, path: string, body: unknown) => apiRequest(app, "POST", path, { session, body });

      const created = await post(analyst, "/api/forum-sessions", { forumId: "copuos", title: "COPUOS, test session", sessionNumber: 70, startDate: "2027-06-02", endDate: "2027-06-11", venue: "Vienna" });
      expect(created.status).toBe(201);
      const session = await json<{ id: number; createdBy: number }>(created);
      expect(session.createdBy).toBe(analystUser.id);

      const badDates = await post(analyst, "/api/forum-sessions", { forumId: "copuos", title: "Backwards", startDate: "2027-06-11", endDate: "2027-06-02" });
      expect(badDates.status).toBe(400);
      expect((await json<ErrorBody>(badDates)).error.field).toBe("endDate");

      const item = await json<{ id: number }>(await post(analyst, `/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "9", title: "Space traffic coordination" }));
      const duplicate = await post(analyst, `/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "9", title: "Again" });
      expect(duplicate.status).toBe(400);
      expect((await json<ErrorBody>(duplicate)).error.field).toBe("itemNumber");
      expect((await post(analyst, `/api/forum-sessions/${session.id}/documents`, { symbol: "A/AC.105/L.999", title: "Test document", agendaItemId: item.id })).status).toBe(201);

      const proposal = await json<{ id: number }>(
        await post(analyst, "/api/proposals", { forumId: "copuos", title: "Space traffic coordination practices", kind: "practice", descriptionMarkdown: "Share *ephemerides*." }),
      );
      const stances: [string, string][] = [
        ["FRA", "supports"],
        ["USA", "supports"],
        ["CHN", "opposes"],
      ];
      for (const [code, stance] of stances) {
        const statement = await post(analyst, `/api/forum-sessions/${session.id}/statements`, {
          agendaItemId: item.id,
          speakerKind: "state",
          speakerCode: code,
          deliveredOn: "2027-06-03",
          summaryMarkdown: `${code} on **coordination**`,
          sourceUrl: "https://example.org/statement",
        });
        expect(statement.status).toBe(201);
        const body = await json<{ id: number; speakerName: string; summary: { html: string } }>(statement);
        expect(body.summary.html).toContain("<strong>coordination</strong>");
        expect((await post(analyst, `/api/statements/${body.id}/stances`, { proposalId: proposal.id, stance })).status).toBe(201);
      }
      const unknownState = await post(analyst, `/api/forum-sessions/${session.id}/statements`, { speakerKind: "state", speakerCode: "ZZZ", deliveredOn: "2027-06-03", summaryMarkdown: "x", sourceUrl: "https://example.org" });
      expect((await json<ErrorBody>(unknownState)).error.field).toBe("speakerCode");

      const detail = await apiRequest(app, "GET", `/api/proposals/${proposal.id}`, { session: viewer });
      expect(detail.status).toBe(200);
      const tally = (await json<{ stances: { tally: Record<string, { count: number; states: { iso3: string }[] }> } }>(detail)).stances.tally;
      expect(tally["supports"]?.states.map((s) => s.iso3)).toEqual(["FRA", "USA"]);
      expect(tally["opposes"]?.states.map((s) => s.iso3)).toEqual(["CHN"]);
      expect(tally["reserves"]?.count).toBe(0);
      expect(tally["silent"]?.count).toBe(192);

      const listed = await json<{ items: { speakerCode: string }[] }>(await apiRequest(app, "GET", `/api/forum-sessions/${session.id}/statements?speaker=usa`, { session: viewer }));
      expect(listed.items.map((s) => s.speakerCode)).toEqual(["USA"]);
      const byItem = await json<{ items: unknown[] }>(await apiRequest(app, "GET", `/api/forum-sessions/${session.id}/statements?agendaItem=${item.id}`, { session: viewer }));
      expect(byItem.items.length).toBe(3);

      const calendar = await json<{ upcoming: { id: number }[]; concluded: { curatedKey: string | null }[] }>(await apiRequest(app, "GET", "/api/calendar?from=2027-01-01", { session: viewer }));
      expect(calendar.upcoming.map((s) => s.id)).toEqual([session.id]);
      expect(calendar.concluded[0]?.curatedKey).toBe("copuos-stsc-63");
      const noDay = await apiRequest(app, "GET", "/api/calendar", { session: viewer });
      expect(noDay.status).toBe(400);
      expect((await json<ErrorBody>(noDay)).error.field).toBe("from");

      const fora = await json<{ items: { id: string; sessions: { curatedKey: string | null }[] }[] }>(await apiRequest(app, "GET", "/api/fora", { session: viewer }));
      expect(fora.items.find((f) => f.id === "copuos-stsc")?.sessions.map((s) => s.curatedKey)).toEqual(["copuos-stsc-57", "copuos-stsc-60", "copuos-stsc-61", "copuos-stsc-62", "copuos-stsc-63"]);

      const audit = await searchAuditEntries(database.db, { order: "asc", actorUserId: analystUser.id });
      expect(audit.map((e) => e.action).filter((action) => !action.startsWith("user."))).toEqual([
        "forum_session.create",
        "agenda_item.create",
        "session_document.create",
        "proposal.create",
        "statement.create",
        "statement_stance.create",
        "statement.create",
        "statement_stance.create",
        "statement.create",
        "statement_stance.create",
      ]);
    } finally {
      await close();
    }
  });

  it("lets viewers read but not write, refuses stakeholders and the signed-out, and requires the CSRF token", async () => {
    const { app, database, close } = await openForaApp(target);
    try {
      const viewerUser = await createTestUser(database.db, { role: "viewer" });
      const stakeholderUser = await createTestUser(database.db, { role: "stakeholder" });
      const analystUser = await createTestUser(database.db, { role: "analyst" });
      const viewer = await signIn(app, viewerUser.email, viewerUser.password);
      const stakeholder = await signIn(app, stakeholderUser.email, stakeholderUser.password);
      const analyst = await signIn(app, analystUser.email, analystUser.password);
      const body = { forumId: "copuos", title: "Not allowed", startDate: "2027-06-02", endDate: "2027-06-11" };

      expect((await apiRequest(app, "GET", "/api/forum-sessions", { session: viewer })).status).toBe(200);
      expect((await apiRequest(app, "POST", "/api/forum-sessions", { session: viewer, body })).status).toBe(403);
      expect((await apiRequest(app, "POST", "/api/proposals", { session: viewer, body: { forumId: "copuos", title: "x", kind: "practice", descriptionMarkdown: "x" } })).status).toBe(403);
      for (const path of ["/api/fora", "/api/forum-sessions", "/api/proposals", "/api/calendar?from=2026-01-01", "/api/speaker-groups"]) {
        expect((await apiRequest(app, "GET", path, { session: stakeholder })).status).toBe(403);
        expect((await apiRequest(app, "GET", path)).status).toBe(401);
      }
      expect((await apiRequest(app, "POST", "/api/forum-sessions", { session: stakeholder, body })).status).toBe(403);

      const noCsrf = await apiRequest(app, "POST", "/api/forum-sessions", { session: { cookie: analyst.cookie, csrfToken: "wrong" }, body });
      expect(noCsrf.status).toBe(403);
      expect((await apiRequest(app, "POST", "/api/forum-sessions", { session: analyst, body })).status).toBe(201);

      const sessions = await json<{ items: { id: number; curatedKey: string | null }[] }>(await apiRequest(app, "GET", "/api/forum-sessions?forum=copuos", { session: viewer }));
      const curated = sessions.items.find((s) => s.curatedKey === "copuos-68");
      const patched = await apiRequest(app, "PATCH", `/api/forum-sessions/${curated?.id ?? 0}`, { session: analyst, body: { title: "renamed" } });
      expect(patched.status).toBe(409);
      expect((await apiRequest(app, "GET", "/api/forum-sessions/999999", { session: viewer })).status).toBe(404);
      const groups = await json<{ items: { id: string; memberStates: string[] | null }[] }>(await apiRequest(app, "GET", "/api/speaker-groups", { session: viewer }));
      expect(groups.items.find((g) => g.id === "EU")?.memberStates?.length).toBe(27);
      expect(groups.items.find((g) => g.id === "G77")?.memberStates).toBeNull();
    } finally {
      await close();
    }
  });
});
