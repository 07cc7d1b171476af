import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openConcordContext } from "../../src/app/concord-context.ts";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { ingestPayloads } from "../../src/catalog/catalog-ingest.service.ts";
import type { IngestSourceReport } from "../../src/catalog/catalog-ingest.service.ts";
import { loadConfig } from "../../src/core/config.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";

/** A real store (SQLite) in a fresh temporary data directory; `dispose` closes it and removes the directory. */
export async function openTemporaryContext(env: NodeJS.ProcessEnv = {}): Promise<{ context: ConcordContext; dataDir: string; dispose: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), "concord-server-"));
  const context = await openConcordContext(loadConfig({ dataDir }, env));
  return {
    context,
    dataDir,
    dispose: async () => {
      await context.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Ingests real files through the real ingest service, in one run. */
export async function ingestFiles(context: ConcordContext, paths: readonly string[]): Promise<IngestSourceReport[]> {
  const payloads = await Promise.all(paths.map((path) => readFileSource(path)));
  return ingestPayloads(context.database.db, context.actors, payloads, { strict: false });
}

/** The JSON body of a response, typed by the caller (tests assert on it). */
export async function jsonOf<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
