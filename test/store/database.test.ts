import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, redactUrl } from "../../src/store/database.ts";
import { insertElementSets } from "../../src/store/element-set.repository.ts";
import { listIngests } from "../../src/store/ingest.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { elementSet, startFileIngest } from "./store-fixtures.ts";

describe.each(testDatabases())("the store on %s", (target) => {
  it("runs its migrations on open, and reopening runs none again and keeps the data", async () => {
    const first = await target.openEmpty();
    expect(first.dialect).toBe(target.dialect);
    const ingestId = await startFileIngest(first.db);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(first.db);
    const expected = ["0001-catalog", "0002-actors", "0003-screening", "0004-diplomacy", "0005-space-weather", "0006-event-maximum-pc", "0007-accounts", "0008-fora", "0009-positions", "0010-consultations", "0011-object-mass-estimates"];
    expect(applied.rows.map((row) => row.name)).toEqual(expected);
    await first.close();

    const second = await target.open();
    try {
      const again = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.db);
      expect(again.rows).toHaveLength(expected.length);
      expect((await listIngests(second.db)).map((ingest) => ingest.id)).toEqual([ingestId]);
    } finally {
      await second.close();
    }
  });

  it("refuses an element set whose object is not stored (foreign keys are enforced)", async () => {
    const store = await target.openEmpty();
    try {
      const ingestId = await startFileIngest(store.db);
      await expect(insertElementSets(store.db, [elementSet(25544, "2023-10-09T04:12:33.123456Z")], "tle", ingestId)).rejects.toThrow();
    } finally {
      await store.close();
    }
  });

  it("describes itself by dialect and location", async () => {
    const store = await target.open();
    try {
      expect(store.describe).toMatch(target.dialect === "sqlite" ? /^SQLite .*concord\.sqlite$/ : /^PostgreSQL postgres(ql)?:\/\//);
    } finally {
      await store.close();
    }
  });
});

describe.each(testDatabases().filter((t) => t.dialect === "postgres"))("the PostgreSQL store (%s)", (target) => {
  it("survives the server ending its idle connections: no crash, the next query reconnects", async () => {
    const store = await target.open();
    try {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db);
      const pid = before.rows[0]!.pid;
      // Another session ends this store's connection, as a server restart or an administrator would.
      const admin = await target.open();
      await sql`select pg_terminate_backend(${pid})`.execute(admin.db);
      await admin.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db);
      expect(after.rows[0]!.pid).not.toBe(pid);
    } finally {
      await store.close();
    }
  });
});

describe("the embedded SQLite store", () => {
  const root = mkdtempSync(join(tmpdir(), "concord-sqlite-open-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("creates its data directory and concord.sqlite there, in WAL mode with foreign keys on", async () => {
    const dataDir = join(root, "nested", ".concord");
    const store = await openDatabase({ dataDir, databaseUrl: null });
    try {
      expect(existsSync(join(dataDir, "concord.sqlite"))).toBe(true);
      expect(store.describe).toBe(`SQLite ${join(dataDir, "concord.sqlite")}`);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(journal.rows[0]?.journal_mode).toBe("wal");
      const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
      expect(synchronous.rows[0]?.synchronous).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe("redactUrl", () => {
  it("replaces a database password with *** and leaves the rest", () => {
    expect(redactUrl("postgres://concord:s3cret@db.example:5432/concord")).toBe("postgres://concord:***@db.example:5432/concord");
  });

  it("leaves a URL without a password unchanged", () => {
    expect(redactUrl("postgres://postgres@127.0.0.1:5432/postgres")).toBe("postgres://postgres@127.0.0.1:5432/postgres");
  });
});
