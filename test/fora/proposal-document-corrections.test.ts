import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/concord-error.ts";
import { removeAgendaItem } from "../../src/fora/agenda-item-correction.service.ts";
import { addAgendaItem, addSessionDocument, createForumSession, listForumSessionSummaries, loadForumSessionDetail } from "../../src/fora/forum-session.service.ts";
import { updateProposalFields } from "../../src/fora/proposal-correction.service.ts";
import { statusChangesOf } from "../../src/fora/proposal-status-history.ts";
import { createProposal, loadProposalDetail } from "../../src/fora/proposal.service.ts";
import { removeSessionDocument, updateSessionDocumentFields } from "../../src/fora/session-document-correction.service.ts";
import { recordStatement, recordStatementStance } from "../../src/fora/statement.service.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { testDatabases } from "../support/test-databases.ts";
import { analystOf, lastAuditId, withForaStore } from "./fora-fixture.ts";
import { conflictOf, fieldOf, refusal } from "./refusals.ts";

const databases = testDatabases();
const NOW = new Date("2026-11-26T10:00:00.000Z");
const LATER = new Date("2026-11-27T09:30:00.000Z");
const LATEST = new Date("2026-12-04T16:00:00.000Z");

describe("the status history of a proposal, from its audit entries", () => {
  const entry = (id: number, action: string, before: unknown, after: unknown, at: string) => ({ id, at, actorUserId: 1, actorLabel: "a", action, entityType: "proposal", entityId: "7", before, after });
  it("starts with the status it was created with and keeps only the updates that changed the status", () => {
    const changes = statusChangesOf([
      entry(1, "proposal.create", null, { status: "proposed" }, "2026-01-01T00:00:00.000Z"),
      entry(2, "proposal.update", { status: "proposed", title: "a" }, { status: "proposed", title: "b" }, "2026-02-01T00:00:00.000Z"),
      entry(3, "proposal.update", { status: "proposed" }, { status: "under-negotiation" }, "2026-03-01T00:00:00.000Z"),
      entry(4, "proposal.update", { status: "under-negotiation" }, { status: "adopted" }, "2026-04-01T00:00:00.000Z"),
    ]);
    expect(changes).toEqual([
      { status: "proposed", previousStatus: null, at: "2026-01-01T00:00:00.000Z" },
      { status: "under-negotiation", previousStatus: "proposed", at: "2026-03-01T00:00:00.000Z" },
      { status: "adopted", previousStatus: "under-negotiation", at: "2026-04-01T00:00:00.000Z" },
    ]);
  });
  it("skips entries without a known status", () => {
    expect(statusChangesOf([entry(1, "proposal.update", null, { status: "pending" }, "x"), entry(2, "proposal.update", null, "text", "y"), entry(3, "proposal.delete", { status: "adopted" }, null, "z")])).toEqual([]);
  });
});

describe.each(databases)("changes to proposals and session documents on %s", (target) => {
  it("changes a proposal's status, symbol, title and description with the checks of creation, audits before and after, writes nothing for a no-op, and keeps its stances", () =>
    withForaStore(target, async ({ database, curated }) => {
      const analyst = await analystOf(database);
      const groups = curated.speakerGroups;
      const proposal = await createProposal(database.db, { forumId: "copuos", title: "Draft guidelines on coordination", kind: "draft-norm", documentSymbol: "A/AC.105/C.1/L.400", descriptionMarkdown: "First draft." }, analyst, NOW);
      expect(proposal.status).toBe("under-negotiation");
      const session = await createForumSession(database.db, { forumId: "copuos", title: "COPUOS test", startDate: "2027-06-02", endDate: "2027-06-11" }, analyst, NOW);
      const statement = await recordStatement(database.db, session.id, { speakerKind: "state", speakerCode: "FRA", deliveredOn: "2027-06-03", summaryMarkdown: "France supports.", sourceReference: "UN Web TV" }, groups, analyst, NOW);
      await recordStatementStance(database.db, statement.id, { proposalId: proposal.id, stance: "supports" }, analyst, NOW);

      const revised = await updateProposalFields(database.db, proposal.id, { documentSymbol: "A/AC.105/C.1/L.400/Rev.1", title: "Guidelines on coordination", descriptionMarkdown: "Revised **draft**." }, analyst, LATER);
      expect(revised).toEqual({ ...proposal, documentSymbol: "A/AC.105/C.1/L.400/Rev.1", title: "Guidelines on coordination", descriptionMarkdown: "Revised **draft**.", updatedAt: LATER.toISOString() });
      const adopted = await updateProposalFields(database.db, proposal.id, { status: "adopted" }, analyst, LATEST);
      expect(adopted).toMatchObject({ status: "adopted", kind: "draft-norm", createdAt: NOW.toISOString(), updatedAt: LATEST.toISOString(), createdBy: analyst.userId });
      expect(await updateProposalFields(database.db, proposal.id, { status: "adopted", title: "  Guidelines on coordination " }, analyst, new Date("2027-01-01T00:00:00Z"))).toEqual(adopted);
      const cleared = await updateProposalFields(database.db, proposal.id, { documentSymbol: null }, analyst, LATEST);
      expect(cleared.documentSymbol).toBeNull();

      const checks: [string, Parameters<typeof updateProposalFields>[2]][] = [
        ["forumId", { forumId: "no-such-forum" }],
        ["title", { title: "  " }],
        ["title", { title: "x".repeat(301) }],
        ["kind", { kind: "treaty" }],
        ["status", { status: "shelved" }],
        ["documentSymbol", { documentSymbol: "not a symbol" }],
        ["descriptionMarkdown", { descriptionMarkdown: "" }],
      ];
      for (const [field, patch] of checks) expect(await fieldOf(updateProposalFields(database.db, proposal.id, patch, analyst, LATEST)), JSON.stringify(patch)).toBe(field);
      expect(await refusal(updateProposalFields(database.db, 999_999, { status: "adopted" }, analyst, LATEST))).toBeInstanceOf(NotFoundError);

      const audit = await searchAuditEntries(database.db, { order: "asc", entityType: "proposal", entityId: String(proposal.id) });
      expect(audit.map((e) => [e.action, e.actorUserId, e.at])).toEqual([
        ["proposal.create", analyst.userId, NOW.toISOString()],
        ["proposal.update", analyst.userId, LATER.toISOString()],
        ["proposal.update", analyst.userId, LATEST.toISOString()],
        ["proposal.update", analyst.userId, LATEST.toISOString()],
      ]);
      expect(audit[1]?.before).toMatchObject({ documentSymbol: "A/AC.105/C.1/L.400", title: "Draft guidelines on coordination", descriptionMarkdown: "First draft." });
      expect(audit[1]?.after).toMatchObject({ documentSymbol: "A/AC.105/C.1/L.400/Rev.1", title: "Guidelines on coordination", descriptionMarkdown: "Revised **draft**." });
      expect([audit[2]?.before, audit[2]?.after]).toMatchObject([{ status: "under-negotiation" }, { status: "adopted" }]);

      const detail = await loadProposalDetail(database.db, proposal.id, groups, { expandGroups: false });
      expect(detail).toMatchObject({ status: "adopted", title: "Guidelines on coordination", stanceCount: 1, description: { html: "<p>Revised <strong>draft</strong>.</p>\n" } });
      expect(detail.stances.states.find((s) => s.iso3 === "FRA")).toMatchObject({ stance: "supports" });
      console.log(`status history: ${detail.statusHistory.map((c) => `${c.previousStatus ?? "(created)"} → ${c.status} at ${c.at}`).join("; ")}`);
      expect(detail.statusHistory).toEqual([
        { status: "under-negotiation", previousStatus: null, at: NOW.toISOString() },
        { status: "adopted", previousStatus: "under-negotiation", at: LATEST.toISOString() },
      ]);
    }));

  it("changes and deletes a user's document, refuses curated ones naming data/fora/documents.csv, and a deleted document frees its agenda item for deletion", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const session = await createForumSession(database.db, { forumId: "copuos-stsc", title: "STSC test", startDate: "2027-02-01", endDate: "2027-02-12" }, analyst, NOW);
      const other = await createForumSession(database.db, { forumId: "copuos-lsc", title: "LSC test", startDate: "2027-04-12", endDate: "2027-04-23" }, analyst, NOW);
      const ten = await addAgendaItem(database.db, session.id, { itemNumber: "10", title: "Space debris" }, analyst, NOW);
      const eleven = await addAgendaItem(database.db, session.id, { itemNumber: "11", title: "Space weather" }, analyst, NOW);
      const foreign = await addAgendaItem(database.db, other.id, { itemNumber: "10", title: "Other session's item" }, analyst, NOW);
      const paper = await addSessionDocument(database.db, session.id, { symbol: "A/AC.105/C.1/L.999", title: "Paper", agendaItemId: ten.id, url: "https://example.org/paper" }, analyst, NOW);
      const report = await addSessionDocument(database.db, session.id, { symbol: "A/AC.105/C.1/L.998", title: "Report" }, analyst, NOW);

      const changed = await updateSessionDocumentFields(database.db, paper.id, { symbol: "A/AC.105/C.1/L.999/Rev.1", title: "Revised paper", documentDate: "2027-02-03", agendaItemId: eleven.id, url: null }, analyst, LATER);
      expect(changed).toEqual({ ...paper, symbol: "A/AC.105/C.1/L.999/Rev.1", title: "Revised paper", documentDate: "2027-02-03", agendaItemId: eleven.id, url: null });
      expect(await updateSessionDocumentFields(database.db, paper.id, { symbol: " A/AC.105/C.1/L.999/Rev.1 ", note: "" }, analyst, LATEST)).toEqual(changed);
      expect((await updateSessionDocumentFields(database.db, paper.id, { agendaItemId: null }, analyst, LATEST)).agendaItemId).toBeNull();

      const checks: [string, Parameters<typeof updateSessionDocumentFields>[2]][] = [
        ["symbol", { symbol: report.symbol }],
        ["symbol", { symbol: "paper one" }],
        ["title", { title: " " }],
        ["documentDate", { documentDate: "3 February" }],
        ["url", { url: "ftp://example.org/x" }],
        ["agendaItemId", { agendaItemId: foreign.id }],
        ["agendaItemId", { agendaItemId: 999_999 }],
      ];
      for (const [field, patch] of checks) expect(await fieldOf(updateSessionDocumentFields(database.db, paper.id, patch, analyst, LATEST)), JSON.stringify(patch)).toBe(field);
      expect(await refusal(updateSessionDocumentFields(database.db, 999_999, { title: "x" }, analyst, LATEST))).toBeInstanceOf(NotFoundError);
      expect(await refusal(removeSessionDocument(database.db, 999_999, analyst, LATEST))).toBeInstanceOf(NotFoundError);

      // A curated document: corrected in data/fora/documents.csv, never here.
      const curatedSessions = (await listForumSessionSummaries(database.db)).filter((s) => s.curatedKey !== null && s.documentCount > 0);
      const curatedDocument = (await loadForumSessionDetail(database.db, curatedSessions[0]?.id ?? 0)).documents[0];
      expect(curatedDocument?.curated).toBe(true);
      const curatedMessage = await conflictOf(updateSessionDocumentFields(database.db, curatedDocument?.id ?? 0, { title: "renamed" }, analyst, LATEST));
      console.log(`changing a curated document: ${curatedMessage}`);
      expect(curatedMessage).toMatch(/is curated, seeded from data\/fora\/documents\.csv: correct it in that file/);
      expect(await conflictOf(removeSessionDocument(database.db, curatedDocument?.id ?? 0, analyst, LATEST))).toMatch(/data\/fora\/documents\.csv/);

      // The report filed under item 10 blocks its deletion until the report goes.
      await updateSessionDocumentFields(database.db, report.id, { agendaItemId: ten.id }, analyst, LATEST);
      expect(await conflictOf(removeAgendaItem(database.db, ten.id, analyst, LATEST))).toMatch(/referred to by 1 document:/);
      const start = await lastAuditId(database);
      const removed = await removeSessionDocument(database.db, report.id, analyst, LATEST);
      expect(removed).toMatchObject({ id: report.id, symbol: "A/AC.105/C.1/L.998", agendaItemId: ten.id });
      expect(await removeAgendaItem(database.db, ten.id, analyst, LATEST)).toEqual(ten);
      const detail = await loadForumSessionDetail(database.db, session.id);
      expect(detail.documents.map((d) => d.symbol)).toEqual(["A/AC.105/C.1/L.999/Rev.1"]);
      expect(detail.agendaItems.map((i) => i.itemNumber)).toEqual(["11"]);
      const entries = await searchAuditEntries(database.db, { order: "asc", cursor: start });
      expect(entries.map((e) => [e.action, e.entityId, e.after])).toEqual([
        ["session_document.delete", String(report.id), null],
        ["agenda_item.delete", String(ten.id), null],
      ]);
      expect(entries[0]?.before).toMatchObject({ symbol: "A/AC.105/C.1/L.998", title: "Report", agendaItemId: ten.id });

      const updates = await searchAuditEntries(database.db, { order: "asc", action: "session_document.update", entityId: String(paper.id) });
      expect(updates.map((e) => [(e.before as { symbol: string }).symbol, (e.after as { symbol: string; agendaItemId: number | null }).agendaItemId])).toEqual([
        ["A/AC.105/C.1/L.999", eleven.id],
        ["A/AC.105/C.1/L.999/Rev.1", null],
      ]);
      expect(updates[0]?.before).toMatchObject({ title: "Paper", url: "https://example.org/paper", agendaItemId: ten.id });
      expect(updates[0]?.after).toMatchObject({ title: "Revised paper", url: null, documentDate: "2027-02-03" });
    }));
});
