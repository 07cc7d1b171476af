import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/concord-error.ts";
import { removeAgendaItem, updateAgendaItemFields } from "../../src/fora/agenda-item-correction.service.ts";
import { addAgendaItem, addSessionDocument, createForumSession, listForumSessionSummaries, loadForumSessionDetail } from "../../src/fora/forum-session.service.ts";
import { createProposal, loadProposalDetail } from "../../src/fora/proposal.service.ts";
import { removeStatement, removeStatementStance, updateStatementFields } from "../../src/fora/statement-correction.service.ts";
import { listSessionStatements, recordStatement, recordStatementStance } from "../../src/fora/statement.service.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { testDatabases } from "../support/test-databases.ts";
import { analystOf, lastAuditId, withForaStore } from "./fora-fixture.ts";
import { conflictOf, fieldOf, refusal } from "./refusals.ts";

const databases = testDatabases();
const NOW = new Date("2026-11-26T10:00:00.000Z");
const LATER = new Date("2026-11-27T09:30:00.000Z");

describe.each(databases)("corrections of statements, stances and agenda items on %s", (target) => {
  it("changes a statement's fields with the same checks as recording, and audits the before and after", () =>
    withForaStore(target, async ({ database, curated }) => {
      const analyst = await analystOf(database);
      const groups = curated.speakerGroups;
      const session = await createForumSession(database.db, { forumId: "copuos", title: "COPUOS test", startDate: "2027-06-02", endDate: "2027-06-11" }, analyst, NOW);
      const other = await createForumSession(database.db, { forumId: "copuos-lsc", title: "LSC test", startDate: "2027-04-12", endDate: "2027-04-23" }, analyst, NOW);
      const four = await addAgendaItem(database.db, session.id, { itemNumber: "4", title: "General exchange of views" }, analyst, NOW);
      const nine = await addAgendaItem(database.db, session.id, { itemNumber: "9", title: "Space traffic coordination" }, analyst, NOW);
      const foreign = await addAgendaItem(database.db, other.id, { itemNumber: "9", title: "Other session's item" }, analyst, NOW);
      const statement = await recordStatement(
        database.db,
        session.id,
        { agendaItemId: four.id, speakerKind: "state", speakerCode: "FRA", deliveredOn: "2027-06-03", summaryMarkdown: "France supports coordinaton.", sourceUrl: "https://example.org/fra" },
        groups,
        analyst,
        NOW,
      );

      const changed = await updateStatementFields(database.db, statement.id, { agendaItemId: nine.id, summaryMarkdown: "France **supports** coordination.", sourceReference: "A/AC.105/PV.800, p. 4" }, groups, analyst, LATER);
      expect(changed).toMatchObject({ id: statement.id, sessionId: session.id, agendaItemId: nine.id, speakerCode: "FRA", deliveredOn: "2027-06-03", summaryMarkdown: "France **supports** coordination.", sourceUrl: "https://example.org/fra", sourceReference: "A/AC.105/PV.800, p. 4", recordedAt: statement.recordedAt });
      const listed = await listSessionStatements(database.db, session.id, {}, groups);
      expect(listed.map((s) => [s.agendaItemNumber, s.summary.html])).toEqual([["9", "<p>France <strong>supports</strong> coordination.</p>\n"]]);
      const cleared = await updateStatementFields(database.db, statement.id, { agendaItemId: null, sourceUrl: null, speakerKind: "group", speakerCode: "eu" }, groups, analyst, LATER);
      expect(cleared).toMatchObject({ agendaItemId: null, sourceUrl: null, speakerKind: "group", speakerCode: "EU" });

      const checks: [string, Parameters<typeof updateStatementFields>[2]][] = [
        ["agendaItemId", { agendaItemId: foreign.id }],
        ["agendaItemId", { agendaItemId: 999_999 }],
        ["speakerCode", { speakerKind: "state", speakerCode: "XXX" }],
        ["speakerKind", { speakerKind: "person" }],
        ["deliveredOn", { deliveredOn: "2027-06-12" }],
        ["deliveredOn", { deliveredOn: "June 3" }],
        ["summaryMarkdown", { summaryMarkdown: "   " }],
        ["sourceUrl", { sourceReference: null }],
        ["sourceUrl", { sourceUrl: "javascript:alert(1)" }],
      ];
      for (const [field, patch] of checks) expect(await fieldOf(updateStatementFields(database.db, statement.id, patch, groups, analyst, LATER)), JSON.stringify(patch)).toBe(field);
      expect(await refusal(updateStatementFields(database.db, 999_999, { summaryMarkdown: "x" }, groups, analyst, LATER))).toBeInstanceOf(NotFoundError);
      // A change that changes nothing writes nothing.
      expect(await updateStatementFields(database.db, statement.id, { speakerCode: "EU" }, groups, analyst, LATER)).toEqual(cleared);

      const audit = await searchAuditEntries(database.db, { order: "asc", entityType: "statement", entityId: String(statement.id) });
      expect(audit.map((e) => [e.action, e.actorUserId, e.at])).toEqual([
        ["statement.create", analyst.userId, NOW.toISOString()],
        ["statement.update", analyst.userId, LATER.toISOString()],
        ["statement.update", analyst.userId, LATER.toISOString()],
      ]);
      expect(audit[1]?.before).toMatchObject({ agendaItemId: four.id, summaryMarkdown: "France supports coordinaton.", sourceReference: null });
      expect(audit[1]?.after).toMatchObject({ agendaItemId: nine.id, summaryMarkdown: "France **supports** coordination.", sourceReference: "A/AC.105/PV.800, p. 4" });
      expect(audit[2]?.before).toMatchObject({ speakerKind: "state", speakerCode: "FRA", sourceUrl: "https://example.org/fra" });
      expect(audit[2]?.after).toMatchObject({ speakerKind: "group", speakerCode: "EU", sourceUrl: null });
    }));

  it("deletes a statement with its stances in one audited transaction, and the proposal's derived stance falls back to the previous statement, then to silent", () =>
    withForaStore(target, async ({ database, curated, diplomacy }) => {
      const analyst = await analystOf(database);
      const groups = curated.speakerGroups;
      const session = await createForumSession(database.db, { forumId: "copuos", title: "COPUOS test", startDate: "2027-06-02", endDate: "2027-06-11" }, analyst, NOW);
      const proposal = await createProposal(database.db, { forumId: "copuos", title: "Coordination practices", kind: "practice", descriptionMarkdown: "Share ephemerides." }, analyst, NOW);
      const second = await createProposal(database.db, { forumId: "copuos", title: "Debris guidelines", kind: "guideline", descriptionMarkdown: "Remove debris." }, analyst, NOW);
      const record = (code: string, day: string) =>
        recordStatement(database.db, session.id, { speakerKind: "state", speakerCode: code, deliveredOn: day, summaryMarkdown: `${code} on ${day}.`, sourceReference: `UN Web TV, ${day}` }, groups, analyst, NOW);
      const stance = (statementId: number, proposalId: number, value: string) => recordStatementStance(database.db, statementId, { proposalId, stance: value }, analyst, NOW);
      const fraEarly = await record("FRA", "2027-06-03");
      const fraLate = await record("FRA", "2027-06-08");
      const usa = await record("USA", "2027-06-04");
      await stance(fraEarly.id, proposal.id, "supports");
      const lateStances = [await stance(fraLate.id, proposal.id, "opposes"), await stance(fraLate.id, second.id, "reserves")];
      const usaStance = await stance(usa.id, proposal.id, "supports");

      const stateOf = async (iso3: string) => (await loadProposalDetail(database.db, proposal.id, groups, { expandGroups: false })).stances.states.find((s) => s.iso3 === iso3);
      expect(await stateOf("FRA")).toMatchObject({ stance: "opposes", basis: "statement" });
      const registryStates = diplomacy.states.size;

      const start = await lastAuditId(database);
      const removal = await removeStatement(database.db, fraLate.id, analyst, LATER);
      expect(removal.statement).toEqual(fraLate);
      expect(removal.removedStances).toEqual(lateStances);
      const france = await stateOf("FRA");
      expect(france).toMatchObject({ stance: "supports", basis: "statement" });
      expect(france?.evidence.map((e) => e.statementId)).toEqual([fraEarly.id]);
      expect((await listSessionStatements(database.db, session.id, {}, groups)).map((s) => s.id)).toEqual([fraEarly.id, usa.id]);
      expect((await loadProposalDetail(database.db, second.id, groups, { expandGroups: false })).stances.tally.silent.count).toBe(registryStates);

      const entries = await searchAuditEntries(database.db, { order: "asc", cursor: start });
      expect(entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
        ["statement_stance.delete", "statement_stance", String(lateStances[0]?.id)],
        ["statement_stance.delete", "statement_stance", String(lateStances[1]?.id)],
        ["statement.delete", "statement", String(fraLate.id)],
      ]);
      expect(entries.map((e) => e.after)).toEqual([null, null, null]);
      expect(entries[0]?.before).toMatchObject({ statementId: fraLate.id, proposalId: proposal.id, stance: "opposes" });
      expect(entries[2]?.before).toMatchObject({ id: fraLate.id, speakerCode: "FRA", deliveredOn: "2027-06-08", summaryMarkdown: "FRA on 2027-06-08." });
      expect(entries.every((e) => e.actorUserId === analyst.userId && e.at === LATER.toISOString())).toBe(true);

      // A wrongly recorded stance: the USA falls back to silent; its statement stays.
      expect(await removeStatementStance(database.db, usa.id, proposal.id, analyst, LATER)).toEqual(usaStance);
      expect(await stateOf("USA")).toMatchObject({ stance: "silent", basis: "none" });
      const tally = (await loadProposalDetail(database.db, proposal.id, groups, { expandGroups: false })).stances.tally;
      expect([tally.supports.count, tally.opposes.count, tally.reserves.count, tally.silent.count]).toEqual([1, 0, 0, registryStates - 1]);
      console.log(`after the corrections: ${tally.supports.count}/${tally.opposes.count}/${tally.reserves.count}/${tally.silent.count} (supports/opposes/reserves/silent) of ${registryStates} registry states`);
      expect((await listSessionStatements(database.db, session.id, { speakerCode: "USA" }, groups)).map((s) => s.stances.length)).toEqual([0]);
      const stanceAudit = await searchAuditEntries(database.db, { order: "asc", entityType: "statement_stance", entityId: String(usaStance.id) });
      expect(stanceAudit.map((e) => e.action)).toEqual(["statement_stance.create", "statement_stance.delete"]);
      expect(stanceAudit[1]?.before).toMatchObject({ stance: "supports", statementId: usa.id });

      expect(await refusal(removeStatementStance(database.db, usa.id, proposal.id, analyst, LATER))).toBeInstanceOf(NotFoundError);
      expect(await refusal(removeStatementStance(database.db, 999_999, proposal.id, analyst, LATER))).toBeInstanceOf(NotFoundError);
      expect(await refusal(removeStatement(database.db, fraLate.id, analyst, LATER))).toBeInstanceOf(NotFoundError);
    }));

  it("changes and deletes a user's agenda item; refuses curated items and items still referred to, saying what blocks them", () =>
    withForaStore(target, async ({ database, curated }) => {
      const analyst = await analystOf(database);
      const session = await createForumSession(database.db, { forumId: "copuos-stsc", title: "STSC test", startDate: "2027-02-01", endDate: "2027-02-12" }, analyst, NOW);
      const ten = await addAgendaItem(database.db, session.id, { itemNumber: "10", title: "Space debris", source: "A/AC.105/C.1/L.999" }, analyst, NOW);
      const eleven = await addAgendaItem(database.db, session.id, { itemNumber: "11", title: "Spare item" }, analyst, NOW);

      const renumbered = await updateAgendaItemFields(database.db, eleven.id, { itemNumber: "7(b)", title: "Sub-item b", asOf: "2026-11-20", source: null }, analyst, LATER);
      expect(renumbered).toMatchObject({ id: eleven.id, sessionId: session.id, itemNumber: "7(b)", title: "Sub-item b", asOf: "2026-11-20", source: null, curated: false });
      expect((await loadForumSessionDetail(database.db, session.id)).agendaItems.map((i) => i.itemNumber)).toEqual(["7(b)", "10"]);
      expect(await updateAgendaItemFields(database.db, eleven.id, { itemNumber: "7(b)" }, analyst, LATER)).toEqual(renumbered);
      expect(await fieldOf(updateAgendaItemFields(database.db, eleven.id, { itemNumber: "10" }, analyst, LATER))).toBe("itemNumber");
      expect(await fieldOf(updateAgendaItemFields(database.db, eleven.id, { itemNumber: "seven" }, analyst, LATER))).toBe("itemNumber");
      expect(await fieldOf(updateAgendaItemFields(database.db, eleven.id, { title: " " }, analyst, LATER))).toBe("title");
      expect(await fieldOf(updateAgendaItemFields(database.db, eleven.id, { asOf: "2026-13-01" }, analyst, LATER))).toBe("asOf");
      expect(await refusal(updateAgendaItemFields(database.db, 999_999, { title: "x" }, analyst, LATER))).toBeInstanceOf(NotFoundError);
      expect(await refusal(removeAgendaItem(database.db, 999_999, analyst, LATER))).toBeInstanceOf(NotFoundError);

      // A curated item: changed in data/fora/agenda-items.csv, never here.
      const copuos54 = (await listForumSessionSummaries(database.db, { forumId: "copuos" })).find((s) => s.curatedKey === "copuos-54");
      const curatedItem = (await loadForumSessionDetail(database.db, copuos54?.id ?? 0)).agendaItems[0];
      expect(curatedItem?.curated).toBe(true);
      expect(curated.agendaItems.length).toBeGreaterThan(0);
      expect(await conflictOf(updateAgendaItemFields(database.db, curatedItem?.id ?? 0, { title: "renamed" }, analyst, LATER))).toMatch(/is curated, seeded from data\/fora\/agenda-items\.csv: correct it in that file/);
      expect(await conflictOf(removeAgendaItem(database.db, curatedItem?.id ?? 0, analyst, LATER))).toMatch(/data\/fora\/agenda-items\.csv/);

      // Statements and documents under the item block its deletion; the message counts them.
      const record = (day: string) =>
        recordStatement(database.db, session.id, { agendaItemId: ten.id, speakerKind: "state", speakerCode: "JPN", deliveredOn: day, summaryMarkdown: "Japan.", sourceUrl: "https://example.org/jpn" }, new Map(), analyst, NOW);
      const first = await record("2027-02-02");
      const second = await record("2027-02-03");
      await addSessionDocument(database.db, session.id, { symbol: "A/AC.105/C.1/L.999", title: "Paper", agendaItemId: ten.id }, analyst, NOW);
      const blocked = await conflictOf(removeAgendaItem(database.db, ten.id, analyst, LATER));
      console.log(`deleting item 10: ${blocked}`);
      expect(blocked).toBe(`agenda item 10 (id ${ten.id}) is still referred to by 2 statements and 1 document: move them to another item or delete them first`);
      await updateStatementFields(database.db, first.id, { agendaItemId: null }, new Map(), analyst, LATER);
      await removeStatement(database.db, second.id, analyst, LATER);
      expect(await conflictOf(removeAgendaItem(database.db, ten.id, analyst, LATER))).toMatch(/referred to by 1 document:/);

      const start = await lastAuditId(database);
      expect(await removeAgendaItem(database.db, eleven.id, analyst, LATER)).toEqual(renumbered);
      expect((await loadForumSessionDetail(database.db, session.id)).agendaItems.map((i) => i.itemNumber)).toEqual(["10"]);
      const entries = await searchAuditEntries(database.db, { order: "asc", cursor: start });
      expect(entries.map((e) => [e.action, e.entityId, e.after])).toEqual([["agenda_item.delete", String(eleven.id), null]]);
      expect(entries[0]?.before).toMatchObject({ itemNumber: "7(b)", title: "Sub-item b" });
      const updates = await searchAuditEntries(database.db, { order: "asc", action: "agenda_item.update", entityId: String(eleven.id) });
      expect(updates.map((e) => [(e.before as { itemNumber: string }).itemNumber, (e.after as { itemNumber: string }).itemNumber])).toEqual([["11", "7(b)"]]);
    }));
});
