import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AuditActor } from "../../src/accounts/audit-actor.ts";
import { InvalidInputError, NotFoundError } from "../../src/core/concord-error.ts";
import { importAgendaItems } from "../../src/fora/agenda-import.service.ts";
import { addAgendaItem, createForumSession } from "../../src/fora/forum-session.service.ts";
import type { ForumSession } from "../../src/fora/forum-session.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { listAgendaItems } from "../../src/store/forum-session.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { analystOf, lastAuditId, withForaStore } from "./fora-fixture.ts";
import { refusal } from "./refusals.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** A/AC.105/L.280 (21 April 2011) as copied from https://123dok.co/document/yj7mvxk6-general-assembly-a.html. */
const L280_TEXT = readFileSync(join(HERE, "fixtures/a-ac105-l280.txt"), "utf8");
/** Constructed for the tests (not a UN document): items with sub-items 5(a)–5(c). */
const CONSTRUCTED_TEXT = readFileSync(join(HERE, "fixtures/constructed-subitems-agenda.txt"), "utf8");
const L280_SOURCE = "A/AC.105/L.280 https://undocs.org/A/AC.105/L.280";

const databases = testDatabases();
const NOW = new Date("2026-11-26T10:00:00.000Z");

async function freshSession(database: ConcordDatabase, actor: AuditActor, title: string): Promise<ForumSession> {
  return createForumSession(database.db, { forumId: "copuos", title, startDate: "2011-06-01", endDate: "2011-06-10", venue: "Vienna" }, actor, NOW);
}

async function auditEntriesAfter(database: ConcordDatabase, cursor: number) {
  return searchAuditEntries(database.db, { order: "asc", cursor });
}

describe.each(databases)("agenda import on %s", (target) => {
  it("loads the 16 items of A/AC.105/L.280 into a fresh session in order, with source and as-of, each audited", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const session = await freshSession(database, analyst, "COPUOS 54th session (import test)");
      const before = await lastAuditId(database);

      const result = await importAgendaItems(database.db, session.id, L280_TEXT, { source: L280_SOURCE }, analyst, NOW);
      expect(result).toMatchObject({ dryRun: false, asOf: "2011-04-21", asOfBasis: "document date", source: L280_SOURCE, warnings: [] });
      expect(result.items).toHaveLength(16);
      expect(result.items.every((i) => typeof i.id === "number")).toBe(true);

      const stored = await listAgendaItems(database.db, [session.id]);
      console.log(`${target}: ${stored.length} agenda items stored from A/AC.105/L.280`);
      expect(stored.map((i) => i.itemNumber)).toEqual(Array.from({ length: 16 }, (_, k) => String(k + 1)));
      expect(stored[5]?.title).toBe("Implementation of the recommendations of the Third United Nations Conference on the Exploration and Peaceful Uses of Outer Space (UNISPACE III).");
      expect(stored[14]?.title).toBe("Other matters.");
      expect(new Set(stored.map((i) => `${i.source}|${i.asOf}|${i.curated}|${i.createdBy}`))).toEqual(new Set([`${L280_SOURCE}|2011-04-21|false|${analyst.userId}`]));
      expect(stored.map((i) => i.id)).toEqual(result.items.map((i) => i.id));

      const entries = await auditEntriesAfter(database, before);
      expect(entries).toHaveLength(16);
      expect(new Set(entries.map((e) => `${e.action}|${e.entityType}|${e.actorLabel}|${e.actorUserId}`))).toEqual(new Set([`agenda_item.create|agenda_item|${analyst.label}|${analyst.userId}`]));
      expect(entries.map((e) => e.entityId).sort()).toEqual(stored.map((i) => String(i.id)).sort());

      // A second import of the same text is refused, names the items, and writes nothing.
      const again = await refusal(importAgendaItems(database.db, session.id, L280_TEXT, { source: L280_SOURCE }, analyst, NOW));
      expect(again).toBeInstanceOf(InvalidInputError);
      expect((again as InvalidInputError).message).toContain("already has agenda items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16: nothing imported");
      expect(await listAgendaItems(database.db, [session.id])).toHaveLength(16);
      expect(await auditEntriesAfter(database, before)).toHaveLength(16);
    }));

  it("a dry run reports what would be added and writes nothing; an explicit as-of wins over the document's date", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const session = await freshSession(database, analyst, "Dry-run session");
      const before = await lastAuditId(database);
      const preview = await importAgendaItems(database.db, session.id, CONSTRUCTED_TEXT, { source: "constructed test text A/AC.105/C.1/L.999", asOf: "2026-11-01", dryRun: true }, analyst, NOW);
      expect(preview).toMatchObject({ dryRun: true, asOf: "2026-11-01", asOfBasis: "given" });
      expect(preview.items.map((i) => [i.itemNumber, i.id])).toEqual([
        ["1", null],
        ["2", null],
        ["3", null],
        ["4", null],
        ["5", null],
        ["5(a)", null],
        ["5(b)", null],
        ["5(c)", null],
        ["6", null],
      ]);
      expect(await listAgendaItems(database.db, [session.id])).toEqual([]);
      expect(await lastAuditId(database)).toBe(before);

      // The real import stores the sub-items in official order.
      await importAgendaItems(database.db, session.id, CONSTRUCTED_TEXT, { source: "constructed test text A/AC.105/C.1/L.999", asOf: "2026-11-01" }, analyst, NOW);
      expect((await listAgendaItems(database.db, [session.id])).map((i) => i.itemNumber)).toEqual(["1", "2", "3", "4", "5", "5(a)", "5(b)", "5(c)", "6"]);
    }));

  it("refuses all items when one number is already in the session (dry run too), naming it, and writes nothing", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const session = await freshSession(database, analyst, "Session with item 7");
      await addAgendaItem(database.db, session.id, { itemNumber: "7", title: "Added by hand." }, analyst, NOW);
      const before = await lastAuditId(database);
      for (const dryRun of [true, false]) {
        const error = await refusal(importAgendaItems(database.db, session.id, L280_TEXT, { source: L280_SOURCE, dryRun }, analyst, NOW));
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as InvalidInputError).field).toBe("itemNumber");
        expect((error as InvalidInputError).message).toContain("already has agenda item 7: nothing imported");
      }
      expect((await listAgendaItems(database.db, [session.id])).map((i) => i.title)).toEqual(["Added by hand."]);
      expect(await lastAuditId(database)).toBe(before);
    }));

  it("two imports racing into one session store one agenda: 16 items, 16 audit entries", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const session = await freshSession(database, analyst, "Race session");
      const before = await lastAuditId(database);
      const outcomes = await Promise.allSettled([1, 2].map(() => importAgendaItems(database.db, session.id, L280_TEXT, { source: L280_SOURCE }, analyst, NOW)));
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      for (const o of outcomes) {
        if (o.status !== "rejected") continue;
        console.log(`${target}: the losing import was refused: ${String(o.reason)}`);
        // The same clean refusal as a second import (on PostgreSQL it comes from the unique index, not from the check).
        expect(o.reason).toBeInstanceOf(InvalidInputError);
        expect((o.reason as InvalidInputError).field).toBe("itemNumber");
        expect((o.reason as InvalidInputError).message).toContain("already has agenda items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16: nothing imported");
      }
      expect(await listAgendaItems(database.db, [session.id])).toHaveLength(16);
      expect(await auditEntriesAfter(database, before)).toHaveLength(16);
    }));

  it("refuses an unknown session, an empty source, a bad as-of, a text over 200 000 characters and one numbering an item twice; warns on a source without the symbol", () =>
    withForaStore(target, async ({ database }) => {
      const analyst = await analystOf(database);
      const session = await freshSession(database, analyst, "Checks session");
      expect(await refusal(importAgendaItems(database.db, 999_999, L280_TEXT, { source: L280_SOURCE }, analyst, NOW))).toBeInstanceOf(NotFoundError);
      expect(((await refusal(importAgendaItems(database.db, session.id, L280_TEXT, { source: "  " }, analyst, NOW))) as InvalidInputError).field).toBe("source");
      expect(((await refusal(importAgendaItems(database.db, session.id, L280_TEXT, { source: L280_SOURCE, asOf: "21 April 2011" }, analyst, NOW))) as InvalidInputError).field).toBe("asOf");
      const long = (await refusal(importAgendaItems(database.db, session.id, `${L280_TEXT}\n${"x".repeat(200_000)}`, { source: L280_SOURCE, dryRun: true }, analyst, NOW))) as InvalidInputError;
      expect(long.field).toBe("text");
      expect(long.message).toContain("more than the 200,000 read");
      const twice = (await refusal(importAgendaItems(database.db, session.id, "1. One.\n2. Two.\n2. Two again.\n", { source: "hand" }, analyst, NOW))) as InvalidInputError;
      expect(twice.field).toBe("line 3");
      expect(twice.message).toContain("more than one item 2 (lines 2 and 3)");
      expect(await listAgendaItems(database.db, [session.id])).toEqual([]);

      const unnamed = await importAgendaItems(database.db, session.id, L280_TEXT, { source: "https://123dok.co/document/yj7mvxk6-general-assembly-a.html", dryRun: true }, analyst, NOW);
      expect(unnamed.warnings).toEqual([{ line: null, message: "the source does not name A/AC.105/L.280, the document symbol the text shows" }]);
    }));
});
