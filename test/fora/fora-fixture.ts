import type { AuditActor } from "../../src/accounts/audit-actor.ts";
import { syncCuratedDiplomacy, syncCuratedFora } from "../../src/app/concord-context.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import type { DiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { foraReferencesOf, loadCuratedFora } from "../../src/fora/curated-fora.ts";
import type { CuratedFora } from "../../src/fora/curated-fora.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import type { TestDatabase } from "../support/test-databases.ts";
import { createTestUser } from "../support/workspace-users.ts";

/** The day the fora tests take as today (the curated data's as-of dates may not lie after it). */
export const FORA_TEST_DAY = "2026-11-26";

/** The instant the curated data is seeded at in the tests. */
export const SEEDED_AT = new Date(`${FORA_TEST_DAY}T08:00:00.000Z`);

export interface ForaStore {
  readonly database: ConcordDatabase;
  readonly diplomacy: DiplomacyRegistry;
  readonly curated: CuratedFora;
}

/** An emptied store of one dialect with the diplomacy registry and the curated fora seeded, as a context opens it. */
export async function openForaStore(target: TestDatabase): Promise<ForaStore> {
  const database = await target.openEmpty();
  try {
    const diplomacy = loadDiplomacyRegistry(FORA_TEST_DAY);
    const curated = loadCuratedFora(foraReferencesOf(diplomacy), FORA_TEST_DAY);
    await syncCuratedDiplomacy(database, diplomacy, SEEDED_AT.toISOString());
    await syncCuratedFora(database, curated, SEEDED_AT);
    return { database, diplomacy, curated };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs `test` on a fora store of `target` (see `openForaStore`) and closes the store afterwards, whatever happens. */
export async function withForaStore(target: TestDatabase, test: (store: ForaStore) => Promise<void>): Promise<void> {
  const store = await openForaStore(target);
  try {
    await test(store);
  } finally {
    await store.database.close();
  }
}

/** A new analyst (created through the real accounts service) as the actor of the writes a test makes. */
export async function analystOf(database: ConcordDatabase): Promise<AuditActor> {
  const user = await createTestUser(database.db, { role: "analyst" });
  return { userId: user.id, label: user.email };
}

/** The id of the newest audit entry (0 when there is none): the cursor for the entries the writes after it add. */
export async function lastAuditId(database: ConcordDatabase): Promise<number> {
  return (await searchAuditEntries(database.db, { order: "desc", limit: 1 }))[0]?.id ?? 0;
}
