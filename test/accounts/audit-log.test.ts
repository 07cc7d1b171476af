import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appendAuditEntry, auditSnapshotJson } from "../../src/store/audit-log.repository.ts";
import { countAuditEntries, searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { testDatabases } from "../support/test-databases.ts";

const databases = testDatabases();

describe("auditSnapshotJson", () => {
  it("drops secret-named keys at any depth and keeps the rest", () => {
    const json = auditSnapshotJson({ email: "a@example.org", passwordHash: "$argon2id$x", nested: { token: "t", role: "viewer" } });
    expect(JSON.parse(json!)).toEqual({ email: "a@example.org", nested: { role: "viewer" } });
    expect(json).not.toContain("argon2id");
  });
});

describe.each(databases)("audit log on %s", (target) => {
  it("appends entries with before and after snapshots, oldest first", async () => {
    const store = await target.open();
    const [start] = await searchAuditEntries(store.db, { order: "asc", entityType: "test-entity" }).then((rows) => rows.slice(-1));
    const afterId = start?.id ?? 0;
    await appendAuditEntry(store.db, { actorUserId: null, actorLabel: "system", action: "test.create", entityType: "test-entity", entityId: "7", before: null, after: { title: "draft" }, atIso: "2026-11-26T10:00:00.000Z" });
    await appendAuditEntry(store.db, { actorUserId: 3, actorLabel: "a@example.org", action: "test.update", entityType: "test-entity", entityId: "7", before: { title: "draft" }, after: { title: "final" }, atIso: "2026-11-26T10:05:00.000Z" });
    const entries = await searchAuditEntries(store.db, { order: "asc", entityType: "test-entity", entityId: "7", cursor: afterId });
    expect(entries.map((e) => [e.action, e.actorLabel, e.before, e.after])).toEqual([
      ["test.create", "system", null, { title: "draft" }],
      ["test.update", "a@example.org", { title: "draft" }, { title: "final" }],
    ]);
    await store.close();
  });

  it("counts the entries matching the filters, and how many a cursor has paged past, in either order", async () => {
    const store = await target.open();
    const entityId = `count-${Date.now()}`;
    for (const [index, action] of ["test.create", "test.update", "test.update", "test.clear", "test.update"].entries()) {
      await appendAuditEntry(store.db, { actorUserId: null, actorLabel: "system", action, entityType: "test-entity", entityId, before: null, after: { index }, atIso: `2026-11-27T10:0${index}:00.000Z` });
    }
    const newestFirst = await searchAuditEntries(store.db, { entityType: "test-entity", entityId, action: "test.update", limit: 2 });
    expect(newestFirst.map((e) => e.after)).toEqual([{ index: 4 }, { index: 2 }]);
    expect(await countAuditEntries(store.db, { entityType: "test-entity", entityId, action: "test.update", limit: 2 })).toEqual({ total: 3, preceding: 0 });
    // The second page (after the first page's last id) starts past two of the three.
    expect(await countAuditEntries(store.db, { entityType: "test-entity", entityId, action: "test.update", cursor: newestFirst[1]!.id, limit: 2 })).toEqual({ total: 3, preceding: 2 });
    const oldestFirst = await searchAuditEntries(store.db, { entityType: "test-entity", entityId, action: "test.", order: "asc" });
    expect(oldestFirst).toHaveLength(5);
    expect(await countAuditEntries(store.db, { entityType: "test-entity", entityId, action: "test.", order: "asc", cursor: oldestFirst[0]!.id })).toEqual({ total: 5, preceding: 1 });
    expect(await countAuditEntries(store.db, { entityType: "test-entity", entityId, sinceIso: "2026-11-27T10:03:00.000Z" })).toEqual({ total: 2, preceding: 0 });
    expect(await countAuditEntries(store.db, { entityType: "test-entity", entityId: `${entityId}-none` })).toEqual({ total: 0, preceding: 0 });
    await store.close();
  });

  it("refuses UPDATE and DELETE even from raw SQL: the log is append-only", async () => {
    const store = await target.open();
    await appendAuditEntry(store.db, { actorUserId: null, actorLabel: "system", action: "test.create", entityType: "test-entity", entityId: "8", before: null, after: {}, atIso: "2026-11-26T10:00:00.000Z" });
    await expect(sql`update audit_log set actor_label = 'someone else'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    const entries = await searchAuditEntries(store.db, { order: "asc", entityType: "test-entity", entityId: "8" });
    expect(entries.map((e) => e.actorLabel)).toEqual(["system"]);
    await store.close();
  });
});
