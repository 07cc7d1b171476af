import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { ConcordError } from "../core/concord-error.ts";
import { storeMigrations } from "./migrations/store-migrations.ts";
import type { StoreSchema } from "./schema.ts";
import { withStatementCache } from "./sqlite-statement-cache.ts";
import type { StoreDialect } from "./store-dialect.ts";

/** An open store: the Kysely handle, which dialect it speaks, a printable description, and how to close it. */
export interface ConcordDatabase {
  readonly db: Kysely<StoreSchema>;
  readonly dialect: StoreDialect;
  /** E.g. `SQLite .concord/concord.sqlite` or `PostgreSQL postgres://concord:***@db:5432/concord` (never a password). */
  readonly describe: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Directory of the embedded SQLite file `concord.sqlite` (created when missing); unused with a URL. */
  readonly dataDir: string;
  /** `postgres://…` selects PostgreSQL; null selects the embedded SQLite store. */
  readonly databaseUrl: string | null;
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
}

/** The store could not be opened or migrated. */
export class StoreOpenError extends ConcordError {
  readonly code = "STORE_OPEN";
  constructor(
    readonly target: string,
    message: string,
    options?: { cause: unknown },
  ) {
    super(`${target}: ${message}`, options);
    this.name = "StoreOpenError";
  }
}

export const SQLITE_FILE_NAME = "concord.sqlite";
const SQLITE_BUSY_TIMEOUT_MS = 10_000;
const PG_INT8_OID = 20;

/** Opens the store (SQLite in dataDir, or PostgreSQL at databaseUrl) and runs pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<ConcordDatabase> {
  const opened = options.databaseUrl === null ? openSqlite(options.dataDir) : openPostgres(options.databaseUrl, options.poolSize ?? 10);
  try {
    await migrateToLatest(opened.db, opened.dialect, opened.describe);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return {
    ...opened,
    close: () => opened.db.destroy(),
  };
}

interface OpenedDatabase {
  readonly db: Kysely<StoreSchema>;
  readonly dialect: StoreDialect;
  readonly describe: string;
}

function openSqlite(dataDir: string): OpenedDatabase {
  const path = join(dataDir, SQLITE_FILE_NAME);
  const describe = `SQLite ${path}`;
  let database: SqliteDatabase.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    database = new SqliteDatabase(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
  } catch (error) {
    throw new StoreOpenError(describe, error instanceof Error ? error.message : String(error), { cause: error });
  }
  return { db: new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), dialect: "sqlite", describe };
}

function openPostgres(databaseUrl: string, poolSize: number): OpenedDatabase {
  const describe = `PostgreSQL ${redactUrl(databaseUrl)}`;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // count(*), sum() and bigint columns arrive as numbers, not strings (all our counts stay far below 2^53).
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is an event on the pool, not
  // an error of any query: without this listener it would crash the process. The pool opens a new connection when needed.
  pool.on("error", (error) => process.stderr.write(`${describe}: an idle connection was closed (${error.message}); the next query opens a new one\n`));
  return { db: new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres", describe };
}

/**
 * Runs pending migrations. On SQLite, Kysely neither locks nor wraps migrations in a transaction (its adapter says
 * SQLite has no transactional DDL, which it does), so two processes opening one fresh store would both run them: the
 * whole run is one `begin immediate` transaction instead, so a second process waits, then finds nothing to do, and a
 * failed migration leaves nothing behind.
 */
async function migrateToLatest(db: Kysely<StoreSchema>, dialect: StoreDialect, describe: string): Promise<void> {
  const migrator = new Migrator({ db, provider: storeMigrations(dialect) });
  if (dialect === "sqlite") await sql`begin immediate`.execute(db);
  const { error, results } = await migrator.migrateToLatest();
  if (dialect === "sqlite") await sql.raw(error === undefined ? "commit" : "rollback").execute(db);
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown migration";
    const message = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(describe, `migration ${failed} failed: ${message}`, { cause: error });
  }
}

/** The URL with any password replaced by `***`, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
  }
}
