import { describe, expect, it } from "vitest";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { jsonOf } from "../server/server-fixtures.ts";
import { testDatabases } from "../support/test-databases.ts";
import { foraCallers, openForaApp } from "./fora-app.ts";
import type { ErrorBody } from "./fora-app.ts";

const databases = testDatabases();

interface StatementBody {
  id: number;
  agendaItemNumber: string | null;
  summary: { markdown: string; html: string };
  stances: { proposalId: number; stance: string }[];
}

describe.each(databases)("fora corrections API on %s", (target) => {
  it("lets an analyst correct and delete statements, stances and agenda items; viewers, stakeholders and the signed-out may not; unknown ids are 404; blocked deletions are 409", async () => {
    const { app, database, close } = await openForaApp(target);
    try {
      const { analystId, analyst, viewer, stakeholder, call, created } = await foraCallers(app, database);

      const session = await created<{ id: number }>("/api/forum-sessions", { forumId: "copuos", title: "COPUOS, corrections", startDate: "2027-06-02", endDate: "2027-06-11" });
      const four = await created<{ id: number }>(`/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "4", title: "General exchange of views" });
      const nine = await created<{ id: number }>(`/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "9", title: "Space traffic coordination" });
      const spare = await created<{ id: number }>(`/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "12", title: "Spare" });
      const proposal = await created<{ id: number }>("/api/proposals", { forumId: "copuos", title: "Coordination practices", kind: "practice", descriptionMarkdown: "Share ephemerides." });
      const record = async (code: string, day: string, stance: string) => {
        const statement = await created<StatementBody>(`/api/forum-sessions/${session.id}/statements`, {
          agendaItemId: four.id,
          speakerKind: "state",
          speakerCode: code,
          deliveredOn: day,
          summaryMarkdown: `${code} spoke.`,
          sourceUrl: "https://example.org/statement",
        });
        await created(`/api/statements/${statement.id}/stances`, { proposalId: proposal.id, stance });
        return statement;
      };
      const usa = await record("USA", "2027-06-03", "supports");
      const chn = await record("CHN", "2027-06-04", "opposes");
      const tally = async () => {
        const detail = await jsonOf<{ stances: { tally: Record<string, { count: number }> } }>(await call(viewer, "GET", `/api/proposals/${proposal.id}`));
        return ["supports", "opposes", "reserves", "silent"].map((s) => detail.stances.tally[s]?.count);
      };
      expect(await tally()).toEqual([1, 1, 0, 193]);

      // PATCH a statement: the answer is the statement as the list shows it.
      const patched = await call(analyst, "PATCH", `/api/statements/${usa.id}`, { agendaItemId: nine.id, summaryMarkdown: "The United States **supports** it." });
      expect(patched.status).toBe(200);
      const body = await jsonOf<StatementBody>(patched);
      expect(body).toMatchObject({ id: usa.id, agendaItemNumber: "9", summary: { markdown: "The United States **supports** it." }, stances: [{ proposalId: proposal.id, stance: "supports" }] });
      expect(body.summary.html).toContain("<strong>supports</strong>");
      const badDay = await call(analyst, "PATCH", `/api/statements/${usa.id}`, { deliveredOn: "2027-07-01" });
      expect(badDay.status).toBe(400);
      expect((await jsonOf<ErrorBody>(badDay)).error.field).toBe("deliveredOn");
      const badCode = await call(analyst, "PATCH", `/api/statements/${usa.id}`, { speakerCode: "ZZZ" });
      expect((await jsonOf<ErrorBody>(badCode)).error.field).toBe("speakerCode");
      const unknownField = await call(analyst, "PATCH", `/api/statements/${usa.id}`, { sessionId: 1 });
      expect(unknownField.status).toBe(400);
      expect((await call(analyst, "PATCH", "/api/statements/999999", { summaryMarkdown: "x" })).status).toBe(404);

      // Refusals: viewer and stakeholder 403, signed out 401, a missing CSRF token 403; nothing changed.
      const writes: [string, string, unknown?][] = [
        ["PATCH", `/api/statements/${chn.id}`, { summaryMarkdown: "changed" }],
        ["DELETE", `/api/statements/${chn.id}`],
        ["DELETE", `/api/statements/${chn.id}/stances/${proposal.id}`],
        ["PATCH", `/api/agenda-items/${spare.id}`, { title: "changed" }],
        ["DELETE", `/api/agenda-items/${spare.id}`],
      ];
      for (const [method, path, payload] of writes) {
        expect((await call(viewer, method, path, payload)).status, `viewer ${method} ${path}`).toBe(403);
        expect((await call(stakeholder, method, path, payload)).status, `stakeholder ${method} ${path}`).toBe(403);
        expect((await call(null, method, path, payload)).status, `signed out ${method} ${path}`).toBe(401);
        expect((await call({ cookie: analyst.cookie, csrfToken: "wrong" }, method, path, payload)).status, `no CSRF ${method} ${path}`).toBe(403);
      }
      expect(await tally()).toEqual([1, 1, 0, 193]);

      // A wrongly recorded stance, then a whole statement.
      const stance = await call(analyst, "DELETE", `/api/statements/${usa.id}/stances/${proposal.id}`);
      expect(stance.status).toBe(200);
      expect(await jsonOf<{ stance: string }>(stance)).toMatchObject({ statementId: usa.id, proposalId: proposal.id, stance: "supports" });
      expect((await call(analyst, "DELETE", `/api/statements/${usa.id}/stances/${proposal.id}`)).status).toBe(404);
      expect(await tally()).toEqual([0, 1, 0, 194]);
      const removed = await call(analyst, "DELETE", `/api/statements/${chn.id}`);
      expect(removed.status).toBe(200);
      expect(await jsonOf<{ id: number; removedStances: { stance: string }[] }>(removed)).toMatchObject({ id: chn.id, sessionId: session.id, removedStances: [{ stance: "opposes" }] });
      expect((await call(analyst, "DELETE", `/api/statements/${chn.id}`)).status).toBe(404);
      expect(await tally()).toEqual([0, 0, 0, 195]);
      const listed = await jsonOf<{ items: { id: number }[] }>(await call(viewer, "GET", `/api/forum-sessions/${session.id}/statements`));
      expect(listed.items.map((s) => s.id)).toEqual([usa.id]);

      // Agenda items: a user's item is corrected; a duplicate number names the field; curated items and items in use are 409.
      const renamed = await call(analyst, "PATCH", `/api/agenda-items/${spare.id}`, { itemNumber: "10", title: "Space debris", source: "A/AC.105/L.999" });
      expect(renamed.status).toBe(200);
      expect(await jsonOf<unknown>(renamed)).toMatchObject({ id: spare.id, itemNumber: "10", title: "Space debris", source: "A/AC.105/L.999", curated: false });
      const duplicate = await call(analyst, "PATCH", `/api/agenda-items/${spare.id}`, { itemNumber: "9" });
      expect(duplicate.status).toBe(400);
      expect((await jsonOf<ErrorBody>(duplicate)).error.field).toBe("itemNumber");
      expect((await call(analyst, "PATCH", "/api/agenda-items/999999", { title: "x" })).status).toBe(404);
      expect((await call(analyst, "DELETE", "/api/agenda-items/999999")).status).toBe(404);

      const sessions = await jsonOf<{ items: { id: number; curatedKey: string | null }[] }>(await call(viewer, "GET", "/api/forum-sessions?forum=copuos"));
      const curatedSession = await jsonOf<{ agendaItems: { id: number; curated: boolean }[] }>(await call(viewer, "GET", `/api/forum-sessions/${sessions.items.find((s) => s.curatedKey === "copuos-54")?.id ?? 0}`));
      const curatedItem = curatedSession.agendaItems.find((i) => i.curated);
      for (const [method, payload] of [["PATCH", { title: "renamed" }], ["DELETE", undefined]] as const) {
        const refused = await call(analyst, method, `/api/agenda-items/${curatedItem?.id ?? 0}`, payload);
        expect(refused.status).toBe(409);
        expect((await jsonOf<ErrorBody>(refused)).error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("data/fora/agenda-items.csv") as unknown });
      }
      const inUse = await call(analyst, "DELETE", `/api/agenda-items/${nine.id}`);
      expect(inUse.status).toBe(409);
      expect((await jsonOf<ErrorBody>(inUse)).error.message).toBe(`agenda item 9 (id ${nine.id}) is still referred to by 1 statement: move them to another item or delete them first`);
      // A position on an item blocks its deletion too (the store would silently unlink it).
      await created("/api/positions", { title: "Our view on item 10", kind: "talking-points", markdown: "Our view.\n", forumSessionId: session.id, agendaItemId: spare.id });
      const withPosition = await call(analyst, "DELETE", `/api/agenda-items/${spare.id}`);
      expect(withPosition.status).toBe(409);
      expect((await jsonOf<ErrorBody>(withPosition)).error.message).toContain("referred to by 1 position");
      const deleted = await call(analyst, "DELETE", `/api/agenda-items/${four.id}`);
      expect(deleted.status).toBe(200);
      expect(await jsonOf<unknown>(deleted)).toMatchObject({ id: four.id, itemNumber: "4" });
      const detail = await jsonOf<{ agendaItems: { itemNumber: string }[] }>(await call(viewer, "GET", `/api/forum-sessions/${session.id}`));
      expect(detail.agendaItems.map((i) => i.itemNumber)).toEqual(["9", "10"]);

      const audit = await searchAuditEntries(database.db, { order: "asc", actorUserId: analystId });
      const corrections = audit.map((e) => e.action).filter((a) => a.endsWith(".update") || a.endsWith(".delete"));
      console.log(`corrections audited: ${corrections.join(", ")}`);
      expect(corrections).toEqual(["statement.update", "statement_stance.delete", "statement_stance.delete", "statement.delete", "agenda_item.update", "agenda_item.delete"]);
    } finally {
      await close();
    }
  });
});
