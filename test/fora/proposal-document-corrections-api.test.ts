import { describe, expect, it } from "vitest";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { jsonOf } from "../server/server-fixtures.ts";
import { testDatabases } from "../support/test-databases.ts";
import { foraCallers, openForaApp } from "./fora-app.ts";
import type { ErrorBody } from "./fora-app.ts";

const databases = testDatabases();

interface ProposalBody {
  id: number;
  title: string;
  status: string;
  documentSymbol: string | null;
  updatedAt: string;
}

interface DocumentBody {
  id: number;
  symbol: string;
  title: string;
  agendaItemId: number | null;
  curated: boolean;
}

describe.each(databases)("proposal and document changes through the API on %s", (target) => {
  it("lets an analyst change a proposal and change or delete a document; viewers, stakeholders, the signed-out and requests without CSRF may not; unknown ids are 404; curated documents 409; bad fields 400 naming them", async () => {
    const { app, database, close } = await openForaApp(target);
    try {
      const { analystId, analyst, viewer, stakeholder, call, created } = await foraCallers(app, database);
      const fieldRefused = async (path: string, body: unknown) => {
        const response = await call(analyst, "PATCH", path, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        return (await jsonOf<ErrorBody>(response)).error.field;
      };

      const session = await created<{ id: number }>("/api/forum-sessions", { forumId: "copuos", title: "COPUOS, changes", startDate: "2027-06-02", endDate: "2027-06-11" });
      const item = await created<{ id: number }>(`/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "9", title: "Space traffic coordination" });
      const spare = await created<{ id: number }>(`/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "12", title: "Spare" });
      const document = await created<DocumentBody>(`/api/forum-sessions/${session.id}/documents`, { symbol: "A/AC.105/L.999", title: "Working paper", agendaItemId: spare.id });
      const other = await created<DocumentBody>(`/api/forum-sessions/${session.id}/documents`, { symbol: "A/AC.105/L.998", title: "Other paper" });
      const proposal = await created<ProposalBody>("/api/proposals", { forumId: "copuos", title: "Coordination practices", kind: "practice", documentSymbol: "A/AC.105/L.400", descriptionMarkdown: "Share ephemerides." });

      // Refusals first: nothing changes.
      const writes: [string, string, unknown?][] = [
        ["PATCH", `/api/proposals/${proposal.id}`, { status: "adopted" }],
        ["PATCH", `/api/session-documents/${document.id}`, { title: "changed" }],
        ["DELETE", `/api/session-documents/${document.id}`],
      ];
      for (const [method, path, payload] of writes) {
        expect((await call(viewer, method, path, payload)).status, `viewer ${method} ${path}`).toBe(403);
        expect((await call(stakeholder, method, path, payload)).status, `stakeholder ${method} ${path}`).toBe(403);
        expect((await call(null, method, path, payload)).status, `signed out ${method} ${path}`).toBe(401);
        expect((await call({ cookie: analyst.cookie, csrfToken: "wrong" }, method, path, payload)).status, `no CSRF ${method} ${path}`).toBe(403);
      }
      const proposalRead = async () => jsonOf<ProposalBody & { statusHistory: { status: string; previousStatus: string | null }[] }>(await call(viewer, "GET", `/api/proposals/${proposal.id}`));
      expect(await proposalRead()).toMatchObject({ status: "under-negotiation", statusHistory: [{ status: "under-negotiation", previousStatus: null }] });

      // A proposal: adopted with a revised symbol; the viewer reads the new status and its history.
      const adopted = await call(analyst, "PATCH", `/api/proposals/${proposal.id}`, { status: "adopted", documentSymbol: "A/AC.105/L.400/Rev.1" });
      expect(adopted.status).toBe(200);
      expect(await jsonOf<ProposalBody>(adopted)).toMatchObject({ id: proposal.id, status: "adopted", documentSymbol: "A/AC.105/L.400/Rev.1", title: "Coordination practices", descriptionMarkdown: "Share ephemerides." });
      const read = await proposalRead();
      expect(read).toMatchObject({ status: "adopted", documentSymbol: "A/AC.105/L.400/Rev.1" });
      expect(read.statusHistory.map((c) => [c.previousStatus, c.status])).toEqual([
        [null, "under-negotiation"],
        ["under-negotiation", "adopted"],
      ]);
      const noOp = await call(analyst, "PATCH", `/api/proposals/${proposal.id}`, { status: "adopted" });
      expect(await jsonOf<ProposalBody>(noOp)).toMatchObject({ updatedAt: read.updatedAt });
      expect(await fieldRefused(`/api/proposals/${proposal.id}`, { status: "shelved" })).toBe("status");
      expect(await fieldRefused(`/api/proposals/${proposal.id}`, { documentSymbol: "Rev 1" })).toBe("documentSymbol");
      expect(await fieldRefused(`/api/proposals/${proposal.id}`, { forumId: "no-such-forum" })).toBe("forumId");
      expect(await fieldRefused(`/api/proposals/${proposal.id}`, { title: " " })).toBe("title");
      expect((await call(analyst, "PATCH", `/api/proposals/${proposal.id}`, { createdBy: 1 })).status).toBe(400);
      expect((await call(analyst, "PATCH", "/api/proposals/999999", { status: "adopted" })).status).toBe(404);

      // A document: moved to another item and renamed; a duplicate symbol or a foreign item names the field.
      const moved = await call(analyst, "PATCH", `/api/session-documents/${document.id}`, { agendaItemId: item.id, title: "Working paper, revised", symbol: "A/AC.105/L.999/Rev.1" });
      expect(moved.status).toBe(200);
      expect(await jsonOf<DocumentBody>(moved)).toMatchObject({ id: document.id, agendaItemId: item.id, title: "Working paper, revised", symbol: "A/AC.105/L.999/Rev.1", curated: false });
      expect(await fieldRefused(`/api/session-documents/${document.id}`, { symbol: other.symbol })).toBe("symbol");
      expect(await fieldRefused(`/api/session-documents/${document.id}`, { documentDate: "2027-13-01" })).toBe("documentDate");
      expect(await fieldRefused(`/api/session-documents/${document.id}`, { url: "javascript:alert(1)" })).toBe("url");
      const sessions = await jsonOf<{ items: { id: number; curatedKey: string | null; documentCount: number }[] }>(await call(viewer, "GET", "/api/forum-sessions"));
      const curatedSession = await jsonOf<{ agendaItems: { id: number }[]; documents: DocumentBody[] }>(await call(viewer, "GET", `/api/forum-sessions/${sessions.items.find((s) => s.curatedKey !== null && s.documentCount > 0)?.id ?? 0}`));
      const foreignItem = curatedSession.agendaItems[0]?.id ?? 0;
      expect(await fieldRefused(`/api/session-documents/${document.id}`, { agendaItemId: foreignItem })).toBe("agendaItemId");
      expect((await call(analyst, "PATCH", "/api/session-documents/999999", { title: "x" })).status).toBe(404);
      expect((await call(analyst, "DELETE", "/api/session-documents/999999")).status).toBe(404);
      const curatedDocument = curatedSession.documents.find((d) => d.curated);
      for (const [method, payload] of [["PATCH", { title: "renamed" }], ["DELETE", undefined]] as const) {
        const refused = await call(analyst, method, `/api/session-documents/${curatedDocument?.id ?? 0}`, payload);
        expect(refused.status).toBe(409);
        expect((await jsonOf<ErrorBody>(refused)).error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("data/fora/documents.csv") as unknown });
      }

      // The document blocks its item's deletion until it is deleted.
      expect((await call(analyst, "DELETE", `/api/agenda-items/${item.id}`)).status).toBe(409);
      const deleted = await call(analyst, "DELETE", `/api/session-documents/${document.id}`);
      expect(deleted.status).toBe(200);
      expect(await jsonOf<DocumentBody>(deleted)).toMatchObject({ id: document.id, symbol: "A/AC.105/L.999/Rev.1" });
      expect((await call(analyst, "DELETE", `/api/session-documents/${document.id}`)).status).toBe(404);
      expect((await call(analyst, "DELETE", `/api/agenda-items/${item.id}`)).status).toBe(200);
      const detail = await jsonOf<{ documents: DocumentBody[]; agendaItems: { itemNumber: string }[] }>(await call(viewer, "GET", `/api/forum-sessions/${session.id}`));
      expect(detail.documents.map((d) => d.symbol)).toEqual(["A/AC.105/L.998"]);
      expect(detail.agendaItems.map((i) => i.itemNumber)).toEqual(["12"]);

      const audit = await searchAuditEntries(database.db, { order: "asc", actorUserId: analystId });
      const changes = audit.filter((e) => e.action.endsWith(".update") || e.action.endsWith(".delete"));
      console.log(`changes audited: ${changes.map((e) => e.action).join(", ")}`);
      expect(changes.map((e) => e.action)).toEqual(["proposal.update", "session_document.update", "session_document.delete", "agenda_item.delete"]);
      expect([changes[0]?.before, changes[0]?.after]).toMatchObject([
        { status: "under-negotiation", documentSymbol: "A/AC.105/L.400" },
        { status: "adopted", documentSymbol: "A/AC.105/L.400/Rev.1" },
      ]);
      expect([changes[1]?.before, changes[1]?.after]).toMatchObject([
        { agendaItemId: spare.id, symbol: "A/AC.105/L.999" },
        { agendaItemId: item.id, symbol: "A/AC.105/L.999/Rev.1" },
      ]);
      expect([changes[2]?.before, changes[2]?.after]).toMatchObject([{ id: document.id, title: "Working paper, revised" }, null]);
    } finally {
      await close();
    }
  });
});
