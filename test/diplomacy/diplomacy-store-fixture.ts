import { tmpdir } from "node:os";
import { join } from "node:path";
import { syncCuratedActors, syncCuratedDiplomacy } from "../../src/app/concord-context.ts";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { loadActorTable } from "../../src/catalog/actor-table.ts";
import { ingestPayloads } from "../../src/catalog/catalog-ingest.service.ts";
import type { IngestSourceReport } from "../../src/catalog/catalog-ingest.service.ts";
import { loadConfig } from "../../src/core/config.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import type { TestDatabase } from "../support/test-databases.ts";

/** The real catalog files the diplomacy tests ingest (null where ../shared/data is absent). */
export const REAL_SATCAT = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
export const REAL_FULL_CATALOG = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
export const REAL_ACTIVE_SET = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");

/** The day the tests take as today (data as of). */
export const TEST_DAY = "2026-11-26";

/**
 * A Concord context over a test database (SQLite or PostgreSQL), emptied, with the curated actor table and diplomacy
 * registry seeded as `openConcordContext` seeds them.
 */
export async function openDiplomacyContext(target: TestDatabase): Promise<ConcordContext> {
  const database = await target.openEmpty();
  const actors = loadActorTable();
  const diplomacy = loadDiplomacyRegistry(TEST_DAY);
  await syncCuratedActors(database, actors);
  await syncCuratedDiplomacy(database, diplomacy, `${TEST_DAY}T08:00:00.000Z`);
  const dataDir = join(tmpdir(), "concord-diplomacy-unused");
  return { config: loadConfig({ dataDir }, {}), database, actors, diplomacy, cacheDir: join(dataDir, "cache"), close: () => database.close() };
}

/** Ingests real files through the real ingest service, in one run; `activeSet` marks them all as an active set. */
export async function ingestRealFiles(context: ConcordContext, paths: readonly string[], activeSet = false): Promise<IngestSourceReport[]> {
  const payloads = await Promise.all(paths.map((path) => readFileSource(path)));
  return ingestPayloads(context.database.db, context.actors, payloads, { strict: false, isActiveSet: () => activeSet });
}
