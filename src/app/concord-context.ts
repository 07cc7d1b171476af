import { join } from "node:path";
import type { Config } from "../core/config.ts";
import { loadActorTable } from "../catalog/actor-table.ts";
import type { ActorTable } from "../catalog/actor-table.ts";
import { loadDiplomacyRegistry } from "../diplomacy/diplomacy-registry.ts";
import type { DiplomacyRegistry } from "../diplomacy/diplomacy-registry.ts";
import { seedDiplomacy } from "../diplomacy/diplomacy-seed.service.ts";
import { foraReferencesOf, loadCuratedFora } from "../fora/curated-fora.ts";
import type { CuratedFora } from "../fora/curated-fora.ts";
import { seedCuratedFora } from "../fora/fora-seed.service.ts";
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
  /** The curated diplomacy registry (`data/diplomacy/`), seeded into the store with history. */
  readonly diplomacy: DiplomacyRegistry;
  /** `<dataDir>/cache`: the HTTP cache of remote sources. */
  readonly cacheDir: string;
  close(): Promise<void>;
}

export async function openConcordContext(config: Config): Promise<ConcordContext> {
  const actors = loadActorTable();
  const now = new Date();
  const diplomacy = loadDiplomacyRegistry(now.toISOString().slice(0, 10));
  const fora = loadCuratedFora(foraReferencesOf(diplomacy), now.toISOString().slice(0, 10));
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await syncCuratedActors(database, actors);
    await syncCuratedDiplomacy(database, diplomacy, now.toISOString());
    await syncCuratedFora(database, fora, now);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    actors,
    diplomacy,
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

/**
 * Seeds the store's diplomacy tables from the curated registry, keeping history (an unchanged registry writes nothing).
 * Tried twice: two processes seeding a fresh PostgreSQL store at once collide on the one-current-version index, and
 * the second try then finds the other's rows.
 */
export async function syncCuratedDiplomacy(database: ConcordDatabase, registry: DiplomacyRegistry, recordedAt: string): Promise<void> {
  try {
    await seedDiplomacy(database.db, registry, recordedAt);
  } catch {
    await seedDiplomacy(database.db, registry, recordedAt);
  }
}

/** Seeds the curated fora sessions (idempotent; tried twice for the same reason as the diplomacy registry). */
export async function syncCuratedFora(database: ConcordDatabase, fora: CuratedFora, now: Date): Promise<void> {
  try {
    await seedCuratedFora(database.db, fora, now);
  } catch {
    await seedCuratedFora(database.db, fora, now);
  }
}
