import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { listAgendaItems } from "../../src/store/forum-session.repository.ts";
import { jsonOf } from "../server/server-fixtures.ts";
import { apiRequest } from "../support/workspace-users.ts";
import { testDatabases } from "../support/test-databases.ts";
import { openForaApp, signedInUser } from "./fora-app.ts";
import type { ErrorBody } from "./fora-app.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** A/AC.105/L.280 (21 April 2011) as copied from a web copy of the document. */
const L280_TEXT = readFileSync(join(HERE, "fixtures/a-ac105-l280.txt"), "utf8");
const L280_SOURCE = "A/AC.105/L.280 https://undocs.org/A/AC.105/L.280";

const databases = testDatabases();

interface ImportBody {
  sessionId: number;
  dryRun: boolean;
  source: string;
  asOf: string;
  asOfBasis: string;
  items: { itemNumber: string; title: string; line: number; id: number | null }[];
  warnings: { line: number | null; message: string }[];
  documentSymbol: string | null;
  documentDate: string | null;
}

describe.each(databases)("agenda import API on %s", (target) => {
  it("previews (200, nothing written) and imports (201, audited) the 16 items of A/AC.105/L.280; refuses a second import, bad text, oversized text, viewers, the signed-out and a missing CSRF token", async () => {
    const { app, database, close } = await openForaApp(target);
    try {
      const { id: analystId, session: analyst } = await signedInUser(app, database, "analyst");
      const { session: viewer } = await signedInUser(app, database, "viewer");
      const created = await apiRequest(app, "POST", "/api/forum-sessions", { session: analyst, body: { forumId: "copuos", title: "COPUOS 54th session (API import)", startDate: "2011-06-01", endDate: "2011-06-10" } });
      expect(created.status).toBe(201);
      const sessionId = (await jsonOf<{ id: number }>(created)).id;
      const path = `/api/forum-sessions/${sessionId}/agenda-import`;
      const lastAuditId = async () => (await searchAuditEntries(database.db, { order: "desc", limit: 1 }))[0]?.id ?? 0;
      const auditBefore = await lastAuditId();

      // Dry run: the 16 items, no ids, the document's symbol and date; nothing written.
      const preview = await apiRequest(app, "POST", path, { session: analyst, body: { text: L280_TEXT, source: L280_SOURCE, dryRun: true } });
      expect(preview.status).toBe(200);
      const previewed = await jsonOf<ImportBody>(preview);
      console.log(`${target}: dry run of A/AC.105/L.280: ${previewed.items.length} items, ${previewed.warnings.length} warnings, as of ${previewed.asOf} (${previewed.asOfBasis})`);
      expect(previewed).toMatchObject({ sessionId, dryRun: true, source: L280_SOURCE, asOf: "2011-04-21", asOfBasis: "document date", documentSymbol: "A/AC.105/L.280", documentDate: "2011-04-21", warnings: [] });
      expect(previewed.items).toHaveLength(16);
      expect(previewed.items.every((i) => i.id === null)).toBe(true);
      expect(previewed.items[13]).toMatchObject({ itemNumber: "14", title: "Future role of the Committee." });
      expect(await listAgendaItems(database.db, [sessionId])).toEqual([]);
      expect(await lastAuditId()).toBe(auditBefore);

      // Refused before anything: a viewer (403), signed out (401), no CSRF token (403); nothing written.
      expect((await apiRequest(app, "POST", path, { session: viewer, body: { text: L280_TEXT, source: L280_SOURCE } })).status).toBe(403);
      expect((await apiRequest(app, "POST", path, { body: { text: L280_TEXT, source: L280_SOURCE } })).status).toBe(401);
      const noCsrf = await app.request(path, { method: "POST", headers: { Cookie: analyst.cookie, "Content-Type": "application/json" }, body: JSON.stringify({ text: L280_TEXT, source: L280_SOURCE }) });
      expect(noCsrf.status).toBe(403);
      expect(await listAgendaItems(database.db, [sessionId])).toEqual([]);

      // Bad text: the error names the line; an oversized text (schema limit, then body limit) names the text.
      const numberedTwice = await apiRequest(app, "POST", path, { session: analyst, body: { text: "1. Opening.\n2. Adoption.\n2. Adoption again.\n", source: "hand" } });
      expect(numberedTwice.status).toBe(400);
      expect((await jsonOf<ErrorBody>(numberedTwice)).error).toMatchObject({ code: "INVALID_INPUT", field: "line 3" });
      const noItem = await jsonOf<ErrorBody>(await apiRequest(app, "POST", path, { session: analyst, body: { text: "I. Provisional agenda\nNothing numbered here.\nII. Annotations\n", source: "hand", dryRun: true } }));
      expect(noItem.error.field).toBe("line 1");
      expect(noItem.error.message).toContain('no agenda item found after the heading "I. Provisional agenda" on line 1 and before "II. Annotations" on line 3');
      const tooLong = await apiRequest(app, "POST", path, { session: analyst, body: { text: "x".repeat(200_001), source: L280_SOURCE, dryRun: true } });
      expect(tooLong.status).toBe(400);
      expect((await jsonOf<ErrorBody>(tooLong)).error).toMatchObject({ field: "text", message: expect.stringContaining("longer than 200,000 characters") });
      const tooLarge = await apiRequest(app, "POST", path, { session: analyst, body: { text: "\u0001".repeat(300_000), source: L280_SOURCE, dryRun: true } });
      expect(tooLarge.status).toBe(400);
      expect((await jsonOf<ErrorBody>(tooLarge)).error).toMatchObject({ field: "text", message: expect.stringContaining("the request is larger than 1,200 kB") });
      expect((await apiRequest(app, "POST", path, { session: analyst, body: { text: L280_TEXT, source: L280_SOURCE, extra: 1 } })).status).toBe(400);
      expect((await apiRequest(app, "POST", "/api/forum-sessions/999999/agenda-import", { session: analyst, body: { text: L280_TEXT, source: L280_SOURCE } })).status).toBe(404);
      expect(await listAgendaItems(database.db, [sessionId])).toEqual([]);

      // The import: 201, the stored items with their ids, each audited as agenda_item.create by the analyst.
      const imported = await apiRequest(app, "POST", path, { session: analyst, body: { text: L280_TEXT, source: L280_SOURCE, asOf: null } });
      expect(imported.status).toBe(201);
      const body = await jsonOf<ImportBody>(imported);
      const stored = await listAgendaItems(database.db, [sessionId]);
      console.log(`${target}: imported ${body.items.length} items, ${stored.length} stored`);
      expect(body).toMatchObject({ dryRun: false, asOf: "2011-04-21" });
      expect(body.items.map((i) => i.id)).toEqual(stored.map((i) => i.id));
      expect(stored.map((i) => i.itemNumber)).toEqual(Array.from({ length: 16 }, (_, k) => String(k + 1)));
      const entries = await searchAuditEntries(database.db, { order: "asc", cursor: auditBefore });
      expect(entries).toHaveLength(16);
      expect(new Set(entries.map((e) => `${e.action}|${e.entityType}|${e.actorUserId}`))).toEqual(new Set([`agenda_item.create|agenda_item|${analystId}`]));
      expect(entries.map((e) => e.entityId).sort()).toEqual(stored.map((i) => String(i.id)).sort());
      const detail = await jsonOf<{ agendaItems: { itemNumber: string; title: string; source: string | null; curated: boolean }[] }>(await apiRequest(app, "GET", `/api/forum-sessions/${sessionId}`, { session: viewer }));
      expect(detail.agendaItems.find((i) => i.itemNumber === "16")).toMatchObject({ title: "Report of the Committee to the General Assembly.", source: L280_SOURCE, curated: false });

      // A second import is refused (400), naming the numbers the session already has; nothing more written.
      const again = await apiRequest(app, "POST", path, { session: analyst, body: { text: L280_TEXT, source: L280_SOURCE } });
      expect(again.status).toBe(400);
      const refusal = await jsonOf<ErrorBody>(again);
      console.log(`${target}: second import: ${again.status} ${refusal.error.message}`);
      expect(refusal.error).toMatchObject({ code: "INVALID_INPUT", field: "itemNumber", message: expect.stringContaining("already has agenda items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16: nothing imported") });
      expect(await listAgendaItems(database.db, [sessionId])).toHaveLength(16);
      expect(await searchAuditEntries(database.db, { order: "asc", cursor: auditBefore })).toHaveLength(16);
    } finally {
      await close();
    }
  });
});
