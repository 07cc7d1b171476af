/**
 * Ingest benchmark phase: the three real files read, parsed and written into a fresh store in one run.
 *   npx tsx bench/ingest.bench.ts --store sqlite                      # the ingest service (ingestPayloads)
 *   npx tsx bench/ingest.bench.ts --store sqlite --writer naive [--every N]   # baseline: one INSERT per row
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/ingest.bench.ts --store postgres
 * Prints one JSON line (bench/phase-result.ts IngestPhaseResult); progress goes to stderr.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { syncCuratedActors } from "../src/app/concord-context.ts";
import { loadActorTable } from "../src/catalog/actor-table.ts";
import { ingestPayloads } from "../src/catalog/catalog-ingest.service.ts";
import { parsePayload } from "../src/catalog/parse-payload.ts";
import { readFileSource } from "../src/sources/read-file-source.ts";
import { openDatabase } from "../src/store/database.ts";
import type { ConcordDatabase } from "../src/store/database.ts";
import { countAllObjects } from "../src/store/space-object.repository.ts";
import { naiveInsert } from "./naive-insert.ts";
import { printPhaseResult } from "./phase-result.ts";
import type { IngestFileFigures } from "./phase-result.ts";

const REPO_ROOT = resolve(import.meta.dirname, "..");
const SHARED_DATA = resolve(REPO_ROOT, "../shared/data");
export const INGEST_FILES = [
  "satcat/spacetrack_satcat_2026-01-20.json.gz",
  "gp/spacetrack_full_catalog_3le_2023-10-09.txt",
  "gp/celestrak_active_gp_2026-08-18.csv",
];

const { values } = parseArgs({
  options: {
    store: { type: "string", default: "sqlite" },
    writer: { type: "string", default: "bulk" },
    every: { type: "string", default: "1" },
  },
});
const store = values.store === "postgres" ? "postgres" : "sqlite";
const writer = values.writer === "naive" ? "naive" : "bulk";
const every = Math.max(1, Number.parseInt(values.every, 10) || 1);

/** A fresh store: SQLite in a new temporary directory, or a new PostgreSQL database dropped afterwards. */
async function freshStore(): Promise<{ database: ConcordDatabase; cleanUp: () => Promise<void> }> {
  if (store === "sqlite") {
    const dataDir = mkdtempSync(join(tmpdir(), "concord-bench-"));
    const database = await openDatabase({ dataDir, databaseUrl: null });
    return { database, cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env["BENCH_DATABASE_URL"] || process.env["TEST_DATABASE_URL"];
  if (serverUrl === undefined || serverUrl === "") throw new Error("--store postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
  const name = `concord_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataDir: tmpdir(), databaseUrl: url.toString() });
  return { database, cleanUp: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** `SQLite 3.x` or `PostgreSQL 16.x` (no path, no URL). */
async function describeStore(database: ConcordDatabase): Promise<string> {
  const query =
    database.dialect === "sqlite" ? sql<{ v: string }>`select 'SQLite ' || sqlite_version() as v` : sql<{ v: string }>`select 'PostgreSQL ' || current_setting('server_version') as v`;
  return (await query.execute(database.db)).rows[0]?.v ?? database.dialect;
}

const ms = (from: number) => performance.now() - from;
const { database, cleanUp } = await freshStore();
try {
  const actors = loadActorTable();
  await syncCuratedActors(database, actors);
  const paths = INGEST_FILES.map((file) => join(SHARED_DATA, file));

  const started = performance.now();
  const payloads = [];
  for (const path of paths) payloads.push(await readFileSource(path));
  const readMs = ms(started);
  let files: IngestFileFigures[];
  let parseMs: number;
  let measuredWriteMs: number;
  let rowsWritten: number;
  let rowsOfAll: number;
  if (writer === "bulk") {
    const parseStart = performance.now();
    let parseEnd: number | null = null;
    const reports = await ingestPayloads(database.db, actors, payloads, {
      strict: false,
      onProgress: (p) => {
        if (p.phase === "write" && parseEnd === null) parseEnd = performance.now();
      },
    });
    parseMs = (parseEnd ?? parseStart) - parseStart;
    measuredWriteMs = ms(parseEnd ?? parseStart);
    files = reports.map((r) => ({ source: r.source, format: r.format, records: r.recordsTotal, accepted: r.accepted, rejected: r.rejected }));
    rowsWritten = reports.reduce((n, r) => n + r.objectsInserted + r.objectsUpdated + r.elementSetsInserted + r.rejected, 0);
    rowsOfAll = rowsWritten;
  } else {
    const parseStart = performance.now();
    const parsed = payloads.map((payload) => ({ payload, result: parsePayload(payload) }));
    parseMs = ms(parseStart);
    const writeStart = performance.now();
    ({ rowsWritten, rowsOfAll } = await naiveInsert(database.db, actors, parsed, every));
    measuredWriteMs = ms(writeStart);
    files = parsed.map(({ payload, result }) => ({
      source: payload.source,
      format: result.format,
      records: result.records.length + result.rejections.length,
      accepted: result.records.length,
      rejected: result.rejections.length,
    }));
  }
  const objectsStored = await countAllObjects(database.db);
  const elementSetsStored = Number(
    (await database.db.selectFrom("element_sets").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
  );
  // A subset's write time is scaled by the rows a full run writes.
  const writeMs = measuredWriteMs * (rowsOfAll / Math.max(1, rowsWritten));
  const totalRecords = files.reduce((n, f) => n + f.records, 0);
  const wallMs = readMs + parseMs + writeMs;
  printPhaseResult({
    phase: "ingest",
    store,
    writer,
    storeDescription: await describeStore(database),
    files: files.map((f) => ({ ...f, source: relative(REPO_ROOT, f.source) })),
    totalRecords,
    rowsWritten,
    subsetEvery: every,
    readMs,
    parseMs,
    writeMs,
    measuredWriteMs,
    wallMs,
    recordsPerS: totalRecords / (wallMs / 1000),
    objectsStored,
    elementSetsStored,
    maxRssKb: process.resourceUsage().maxRSS,
  });
} finally {
  await database.close();
  await cleanUp();
}
