import { join } from "node:path";
import type { Config } from "../core/config.ts";
import { loadActorTable } from "../catalog/actor-table.ts";
import type { ActorTable } from "../catalog/actor-table.ts";
import { syncActors } from "../store/actor.repository.ts";
import { openDatabase } from "../store/database.ts";
import type { ConcordDatabase } from "../store/database.ts";

/**
 * The composition root shared by the CLI and the server: the validated config, the open store (migrated), and the
 * curated attribution table, synced into the store so queries can join it.
 */
export interface ConcordContext {
  readonly config: Config;
  readonly database: ConcordDatabase;
  readonly actors: ActorTable;
  /** `<dataDir>/cache`: the HTTP cache of remote sources. */
  readonly cacheDir: string;
  close(): Promise<void>;
}

export async function openConcordContext(config: Config): Promise<ConcordContext> {
  const actors = loadActorTable();
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await syncCuratedActors(database, actors);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    actors,
    cacheDir: join(config.dataDir, "cache"),
    close: () => database.close(),
  };
}

/** Makes the store's actor and owner-code tables equal to the curated table in `data/`. */
export async function syncCuratedActors(database: ConcordDatabase, actors: ActorTable): Promise<void> {
  await syncActors(
    database.db,
    [...actors.actors.values()].map((a) => ({
      code: a.code,
      kind: a.kind,
      name: a.name,
      memberStates: a.memberStates,
      membershipBasis: a.membershipBasis,
      successor: a.successors.length === 0 ? null : a.successors.join(";"),
      validTo: a.validTo,
      source: a.source,
      asOf: a.asOf,
      note: a.note,
    })),
    [...actors.ownerCodes.values()],
  );
}
