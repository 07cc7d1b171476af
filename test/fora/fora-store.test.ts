import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../../src/core/concord-error.ts";
import { seedCuratedFora } from "../../src/fora/fora-seed.service.ts";
import { loadSessionCalendar } from "../../src/fora/fora-overview.service.ts";
import {
  addAgendaItem,
  addSessionDocument,
  createForumSession,
  listForumSessionSummaries,
  loadForumSessionDetail,
  updateForumSessionFields,
} from "../../src/fora/forum-session.service.ts";
import { createProposal, loadProposalDetail } from "../../src/fora/proposal.service.ts";
import { listSessionStatements, recordStatement, recordStatementStance } from "../../src/fora/statement.service.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { testDatabases } from "../support/test-databases.ts";
import { SEEDED_AT, analystOf, lastAuditId, withForaStore } from "./fora-fixture.ts";
import { fieldOf, refusal } from "./refusals.ts";

const databases = testDatabases();
const NOW = new Date("2026-11-26T10:00:00.000Z");

describe.each(databases)("fora store and services on %s", (target) => {
  it("seeds the curated sessions, agenda items and documents once: reseeding an unchanged store writes nothing", () =>
    withForaStore(target, async ({ database, curated }) => {
      const sessions = await listForumSessionSummaries(database.db);
      expect(sessions.map((s) => s.curatedKey).sort()).toEqual(curated.sessions.map((s) => s.key).sort());
      const copuos54 = sessions.find((s) => s.curatedKey === "copuos-54");
      expect(copuos54).toMatchObject({ forumId: "copuos", forumName: "COPUOS plenary", sessionNumber: 54, agendaItemCount: 16, documentCount: 1, createdBy: null });
      const detail = await loadForumSessionDetail(database.db, copuos54?.id ?? 0);
      expect(detail.agendaItems.map((i) => i.itemNumber).slice(0, 3)).toEqual(["1", "2", "3"]);
      expect(detail.agendaItems[4]?.title).toBe("Ways and means of maintaining outer space for peaceful purposes.");
      expect(detail.documents[0]?.symbol).toBe("A/AC.105/L.280");

      const before = await lastAuditId(database);
      const again = await seedCuratedFora(database.db, curated, new Date("2026-11-27T08:00:00.000Z"));
      expect(again.sessions).toEqual({ inserted: 0, updated: 0, unchanged: curated.sessions.length });
      expect(again.agendaItems).toEqual({ inserted: 0, updated: 0, unchanged: curated.agendaItems.length });
      expect(again.documents).toEqual({ inserted: 0, updated: 0, unchanged: curated.documents.length });
      expect(await lastAuditId(database)).toBe(before);

      // A changed curated title is rewritten, with the old and new rows in the audit log.
      const changed = { ...curated, sessions: curated.sessions.map((s) => (s.key === "copuos-68" ? { ...s, title: `${s.title} (renamed)` } : s)) };
      const rewritten = await seedCuratedFora(database.db, changed, new Date("2026-11-28T08:00:00.000Z"));
      expect(rewritten.sessions.updated).toBe(1);
      const entries = await searchAuditEntries(database.db, { order: "asc", cursor: before });
      expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([["forum_session.update", "system"]]);
    }));

  it("creates and changes a session with audit entries, naming the refused field", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const start = await lastAuditId(database);
      const input = { forumId: "copuos-lsc", title: "Legal Subcommittee, test session", sessionNumber: 99, startDate: "2027-04-12", endDate: "2027-04-23", venue: "Vienna" };
      expect(await fieldOf(createForumSession(database.db, { ...input, forumId: "nowhere" }, analyst, NOW))).toBe("forumId");
      expect(await fieldOf(createForumSession(database.db, { ...input, endDate: "2027-04-01" }, analyst, NOW))).toBe("endDate");
      expect(await fieldOf(createForumSession(database.db, { ...input, startDate: "2027-02-30" }, analyst, NOW))).toBe("startDate");
      expect(await fieldOf(createForumSession(database.db, { ...input, sourceUrl: "javascript:alert(1)" }, analyst, NOW))).toBe("sourceUrl");

      const session = await createForumSession(database.db, input, analyst, NOW);
      expect(session).toMatchObject({ status: "planned", asOf: "2026-11-26", createdBy: analyst.userId, curatedKey: null });
      const changed = await updateForumSessionFields(database.db, session.id, { status: "ongoing", venue: null }, analyst, new Date("2026-11-27T09:00:00.000Z"));
      expect(changed).toMatchObject({ status: "ongoing", venue: null, updatedAt: "2026-11-27T09:00:00.000Z" });
      expect(await fieldOf(updateForumSessionFields(database.db, session.id, { endDate: "2027-04-11" }, analyst, NOW))).toBe("endDate");
      expect(await refusal(updateForumSessionFields(database.db, 999_999, { title: "x" }, analyst, NOW))).toBeInstanceOf(NotFoundError);

      const curatedId = (await listForumSessionSummaries(database.db, { forumId: "copuos" })).find((s) => s.curatedKey === "copuos-68")?.id ?? 0;
      expect(await refusal(updateForumSessionFields(database.db, curatedId, { title: "renamed" }, analyst, NOW))).toBeInstanceOf(ConflictError);

      const entries = await searchAuditEntries(database.db, { order: "asc", cursor: start });
      const mine = entries.filter((e) => e.entityType === "forum_session");
      expect(mine.map((e) => e.action)).toEqual(["forum_session.create", "forum_session.update"]);
      expect(mine[1]?.before).toMatchObject({ status: "planned", venue: "Vienna" });
      expect(mine[1]?.after).toMatchObject({ status: "ongoing", venue: null });
      expect(mine.every((e) => e.actorUserId === analyst.userId)).toBe(true);
    }));

  it("keeps agenda numbers unique per session in official order, and documents and statements on their own session's items", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const session = await createForumSession(database.db, { forumId: "copuos-stsc", title: "STSC test", startDate: "2027-02-01", endDate: "2027-02-12" }, analyst, NOW);
      const other = await createForumSession(database.db, { forumId: "copuos", title: "COPUOS test", startDate: "2027-06-02", endDate: "2027-06-11" }, analyst, NOW);
      const ten = await addAgendaItem(database.db, session.id, { itemNumber: "10", title: "Space debris" }, analyst, NOW);
      await addAgendaItem(database.db, session.id, { itemNumber: "7(b)", title: "Sub-item b" }, analyst, NOW);
      await addAgendaItem(database.db, session.id, { itemNumber: "2", title: "Statement by the Chair" }, analyst, NOW);
      const foreign = await addAgendaItem(database.db, other.id, { itemNumber: "10", title: "Same number, other session" }, analyst, NOW);
      expect(await fieldOf(addAgendaItem(database.db, session.id, { itemNumber: "10", title: "Again" }, analyst, NOW))).toBe("itemNumber");
      expect(await fieldOf(addAgendaItem(database.db, session.id, { itemNumber: "ten", title: "Words" }, analyst, NOW))).toBe("itemNumber");
      expect(await refusal(addAgendaItem(database.db, 999_999, { itemNumber: "1", title: "Nowhere" }, analyst, NOW))).toBeInstanceOf(NotFoundError);

      const detail = await loadForumSessionDetail(database.db, session.id);
      expect(detail.agendaItems.map((i) => i.itemNumber)).toEqual(["2", "7(b)", "10"]);

      expect(await fieldOf(addSessionDocument(database.db, session.id, { symbol: "A/AC.105/C.1/L.999", title: "x", agendaItemId: foreign.id }, analyst, NOW))).toBe("agendaItemId");
      expect(await fieldOf(addSessionDocument(database.db, session.id, { symbol: "not a symbol", title: "x" }, analyst, NOW))).toBe("symbol");
      const document = await addSessionDocument(database.db, session.id, { symbol: "A/AC.105/C.1/L.999", title: "Test paper", agendaItemId: ten.id, url: "https://undocs.org/A/AC.105/C.1/L.999" }, analyst, NOW);
      expect(document).toMatchObject({ agendaItemId: ten.id, curated: false });
      expect(await fieldOf(addSessionDocument(database.db, session.id, { symbol: "A/AC.105/C.1/L.999", title: "Twice" }, analyst, NOW))).toBe("symbol");

      const statement = { agendaItemId: ten.id, speakerKind: "state", speakerCode: "FRA", deliveredOn: "2027-02-03", summaryMarkdown: "Supports *coordination*.", sourceUrl: "https://example.org/fra" };
      expect(await fieldOf(recordStatement(database.db, session.id, { ...statement, agendaItemId: foreign.id }, new Map(), analyst, NOW))).toBe("agendaItemId");
      expect(await fieldOf(recordStatement(database.db, session.id, { ...statement, speakerCode: "XXX" }, new Map(), analyst, NOW))).toBe("speakerCode");
      expect(await fieldOf(recordStatement(database.db, session.id, { ...statement, deliveredOn: "2027-03-01" }, new Map(), analyst, NOW))).toBe("deliveredOn");
      expect(await fieldOf(recordStatement(database.db, session.id, { ...statement, sourceUrl: null }, new Map(), analyst, NOW))).toBe("sourceUrl");
    }));

  it("derives each state's stance from its latest statement, shows group stances apart, and tallies the registry", () =>
    withForaStore(target, async ({ database, curated, diplomacy }) => {
      const analyst = await analystOf(database);
      const groups = curated.speakerGroups;
      const session = await createForumSession(database.db, { forumId: "copuos", title: "COPUOS test", startDate: "2027-06-02", endDate: "2027-06-11" }, analyst, NOW);
      const item = await addAgendaItem(database.db, session.id, { itemNumber: "9", title: "Space traffic coordination" }, analyst, NOW);
      const proposal = await createProposal(
        database.db,
        { forumId: "copuos", title: "Practices for space traffic coordination", kind: "practice", descriptionMarkdown: "Share **ephemerides** <script>alert(1)</script>", documentSymbol: "A/AC.105/L.999" },
        analyst,
        NOW,
      );
      const record = async (kind: string, code: string, day: string, markdown = "Statement.") =>
        recordStatement(database.db, session.id, { agendaItemId: item.id, speakerKind: kind, speakerCode: code, deliveredOn: day, summaryMarkdown: markdown, sourceReference: `UN Web TV, ${day}` }, groups, analyst, NOW);
      const stance = (statementId: number, value: string) => recordStatementStance(database.db, statementId, { proposalId: proposal.id, stance: value }, analyst, NOW);

      const fraEarly = await record("state", "fra", "2027-06-03", "France <img src=x onerror=alert(1)> supports.");
      const fraLate = await record("state", "FRA", "2027-06-08");
      const usa = await record("state", "USA", "2027-06-04");
      const chn = await record("state", "CHN", "2027-06-05");
      const eu = await record("group", "EU", "2027-06-03");
      const g77 = await record("group", "G77", "2027-06-04");
      const esa = await record("organisation", "ESA", "2027-06-05");
      await stance(fraEarly.id, "supports");
      await stance(fraLate.id, "opposes");
      await stance(usa.id, "supports");
      await stance(chn.id, "reserves");
      await stance(eu.id, "supports");
      await stance(g77.id, "reserves");
      await stance(esa.id, "supports");
      expect(await fieldOf(stance(usa.id, "opposes"))).toBe("proposalId");
      expect(await fieldOf(stance(usa.id, "maybe"))).toBe("stance");
      expect(await fieldOf(recordStatementStance(database.db, usa.id, { proposalId: 999_999, stance: "supports" }, analyst, NOW))).toBe("proposalId");
      expect(await refusal(stance(999_999, "supports"))).toBeInstanceOf(NotFoundError);
      expect(await fieldOf(record("group", "NOSUCH", "2027-06-05"))).toBe("speakerCode");

      const registryStates = diplomacy.states.size;
      const plain = await loadProposalDetail(database.db, proposal.id, groups, { expandGroups: false });
      expect(plain.description.html).toContain("<strong>ephemerides</strong>");
      expect(plain.description.html).not.toMatch(/script|alert/);
      expect(plain.stanceCount).toBe(7);
      const france = plain.stances.states.find((s) => s.iso3 === "FRA");
      expect(france).toMatchObject({ name: "France", stance: "opposes", basis: "statement" });
      expect(france?.evidence.map((e) => e.statementId)).toEqual([fraLate.id, fraEarly.id]);
      expect(plain.stances.tally.supports.states.map((s) => s.iso3)).toEqual(["USA"]);
      expect(plain.stances.tally.opposes.states.map((s) => s.iso3)).toEqual(["FRA"]);
      expect(plain.stances.tally.reserves.states.map((s) => s.iso3)).toEqual(["CHN"]);
      expect(plain.stances.tally.silent.count).toBe(registryStates - 3);
      expect(plain.stances.groups.map((g) => [g.code, g.stance])).toEqual([
        ["EU", "supports"],
        ["G77", "reserves"],
      ]);
      expect(plain.stances.organisations.map((o) => [o.code, o.name, o.stance])).toEqual([["ESA", "European Space Agency", "supports"]]);

      const expanded = await loadProposalDetail(database.db, proposal.id, groups, { expandGroups: true });
      const euMembers = diplomacy.organisations.get("EU")?.memberStates ?? [];
      expect(euMembers.length).toBe(27);
      // France spoke for itself; the other 26 EU members take the EU's stance, labelled.
      expect(expanded.stances.tally.supports.count).toBe(1 + 26);
      expect(expanded.stances.tally.supports.states.filter((s) => s.basis === "group").every((s) => s.via === "EU")).toBe(true);
      expect(expanded.stances.tally.opposes.count).toBe(1);
      expect(expanded.stances.tally.silent.count).toBe(registryStates - 3 - 26);
      expect(expanded.stances.unexpandedGroups).toEqual(["G77"]);
      console.log(`tally of ${registryStates} registry states: plain ${plain.stances.tally.supports.count}/${plain.stances.tally.opposes.count}/${plain.stances.tally.reserves.count}/${plain.stances.tally.silent.count}; EU expanded ${expanded.stances.tally.supports.count}/${expanded.stances.tally.opposes.count}/${expanded.stances.tally.reserves.count}/${expanded.stances.tally.silent.count} (supports/opposes/reserves/silent)`);

      const listed = await listSessionStatements(database.db, session.id, { speakerCode: "fra" }, groups);
      expect(listed.map((s) => s.id)).toEqual([fraEarly.id, fraLate.id]);
      expect(listed[0]?.speakerName).toBe("France");
      expect(listed[0]?.summary.html).not.toMatch(/onerror|<img/);
      expect(listed[0]?.stances.map((s) => s.stance)).toEqual(["supports"]);
      const groupsOnly = await listSessionStatements(database.db, session.id, { speakerKind: "group" }, groups);
      expect(groupsOnly.map((s) => s.speakerName)).toEqual(["European Union", "Group of 77 and China"]);
      expect((await listSessionStatements(database.db, session.id, { agendaItemId: item.id }, groups)).length).toBe(7);

      const audit = await searchAuditEntries(database.db, { order: "asc", entityType: "statement_stance" });
      expect(audit.filter((e) => e.actorUserId === analyst.userId).length).toBe(7);
    }));

  it("shows the calendar from a given day: upcoming from that day on, ongoing, concluded", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const later = await createForumSession(database.db, { forumId: "copuos-stsc", title: "STSC 2027", startDate: "2027-02-01", endDate: "2027-02-12" }, analyst, NOW);
      const calendar = await loadSessionCalendar(database.db, "2026-02-05");
      expect(calendar.ongoing.map((s) => s.curatedKey)).toEqual(["copuos-stsc-63"]);
      expect(calendar.upcoming.map((s) => s.id)).toEqual([later.id]);
      expect(calendar.concluded.map((s) => s.curatedKey)).toEqual([
        "cd-2025-part3", "copuos-68", "cd-2025-part2", "oewg-paros-2025-s1", "cd-2025-part1", "copuos-stsc-62", "copuos-stsc-61", "copuos-66", "copuos-lsc-62", "copuos-stsc-60", "copuos-65", "copuos-stsc-57", "copuos-54",
      ]);
      expect((await loadSessionCalendar(database.db, "2027-02-01")).upcoming.map((s) => s.phase)).toEqual(["upcoming"]);
      expect(await fieldOf(loadSessionCalendar(database.db, "yesterday"))).toBe("from");
      expect(SEEDED_AT.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    }));
});
