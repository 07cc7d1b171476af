import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { openDatabase } from "../../src/store/database.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import type { StoreDialect } from "../../src/store/store-dialect.ts";

/** One store dialect under test, with its own storage for the calling test file. */
export interface TestDatabase {
  readonly dialect: StoreDialect;
  /** Opens (and migrates) this file's store; the same storage on every call. */
  open(): Promise<ConcordDatabase>;
  /** Opens this file's store with every table emptied (migrations kept): a clean store for one test. */
  openEmpty(): Promise<ConcordDatabase>;
  /** The dialect, so `describe.each(testDatabases())("store on %s", …)` names it. */
  toString(): string;
}

/**
 * The dialects to test: SQLite always, in a fresh temporary directory; PostgreSQL when `TEST_DATABASE_URL` is set,
 * in a fresh uniquely named database on that server, dropped after the file's tests. Without the URL the suite runs
 * on SQLite only and says so; under `CI=true` that is an error, so CI can never pass without PostgreSQL.
 * Call once per test file, at its top level (it registers an afterAll hook that cleans up).
 */
export function testDatabases(): TestDatabase[] {
  const targets: TestDatabase[] = [sqliteTestDatabase()];
  const serverUrl = process.env["TEST_DATABASE_URL"];
  if (serverUrl !== undefined && serverUrl !== "") {
    targets.push(postgresTestDatabase(serverUrl));
  } else if (process.env["CI"] === "true") {
    throw new Error("CI=true but TEST_DATABASE_URL is not set: the store tests must run against PostgreSQL in CI");
  } else {
    console.warn("skipping PostgreSQL: TEST_DATABASE_URL not set (store tests run on SQLite only)");
  }
  return targets;
}

// audit_log is append-only (its triggers refuse DELETE): tests read the entries after the id they start from.
const STORE_TABLES_CHILD_FIRST = [
  // consultations (issue 7), children first
  "consultation_comments",
  "consultation_invitations",
  "consultation_paragraphs",
  "consultations",
  // positions (issue 7), children first
  "position_citations",
  "position_status_changes",
  "position_versions",
  "positions",
  // fora (issue 7), children first
  "statement_stances",
  "proposals",
  "statements",
  "session_documents",
  "agenda_items",
  "forum_sessions",
  // accounts (issue 7), children first (users last)
  "oidc_login_states",
  "account_setup_tokens",
  "oidc_identities",
  "login_attempts",
  "sessions",
  "users",
  "diplomacy_acts",
  "diplomacy_reference_history",
  "diplomacy_instrument_items",
  "diplomacy_instruments",
  "diplomacy_fora",
  "diplomacy_organisations",
  "diplomacy_states",
  "conjunction_events",
  "screening_runs",
  "active_set_members",
  "object_mass_estimates",
  "rejected_records",
  "element_sets",
  "space_objects",
  "ingests",
  "owner_codes",
  "actors",
] as const;

async function emptied(store: ConcordDatabase): Promise<ConcordDatabase> {
  for (const table of STORE_TABLES_CHILD_FIRST) await store.db.deleteFrom(table).execute();
  return store;
}

function sqliteTestDatabase(): TestDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), "concord-store-test-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const open = () => openDatabase({ dataDir, databaseUrl: null });
  return {
    dialect: "sqlite",
    open,
    openEmpty: async () => emptied(await open()),
    toString: () => "sqlite",
  };
}

function postgresTestDatabase(serverUrl: string): TestDatabase {
  const name = `concord_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const databaseUrl = withDatabaseName(serverUrl, name);
  let created: Promise<void> | null = null;
  afterAll(async () => {
    if (created === null) return;
    await created.catch(() => undefined);
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  const open = async () => {
    created ??= onServer(serverUrl, `CREATE DATABASE "${name}"`);
    await created;
    return openDatabase({ dataDir: tmpdir(), databaseUrl, poolSize: 4 });
  };
  return {
    dialect: "postgres",
    open,
    openEmpty: async () => emptied(await open()),
    toString: () => "postgres",
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
