import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActorRecord, OwnerCodeRecord } from "../../src/store/actor.repository.ts";
import { listActors, listOwnerCodes, syncActors } from "../../src/store/actor.repository.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { testDatabases } from "../support/test-databases.ts";

const SOURCE = "ISO 3166-1 alpha-3";
const ACTORS: ActorRecord[] = [
  { code: "CSK", kind: "historic-state", name: "Czechoslovakia", memberStates: [], membershipBasis: null, successor: "CZE;SVK", validTo: "1993-01-01", source: SOURCE, asOf: "2026-11-26", note: "Dissolved 1992-12-31." },
  { code: "ESA", kind: "organisation", name: "European Space Agency", memberStates: ["AUT", "BEL", "FRA"], membershipBasis: "members", successor: null, validTo: null, source: "esa.int", asOf: "2026-11-26", note: null },
  { code: "RUS", kind: "state", name: "Russian Federation", memberStates: [], membershipBasis: null, successor: null, validTo: null, source: SOURCE, asOf: "2026-11-26", note: null },
];
const OWNER_CODES: OwnerCodeRecord[] = [
  { ownerCode: "CIS", ownerName: "Commonwealth of Independent States (former USSR)", actorCode: "RUS", historicActorCode: "SUN", note: "One code for the USSR and Russia.", source: "CelesTrak", asOf: "2026-11-26" },
  { ownerCode: "ESA", ownerName: "European Space Agency", actorCode: "ESA", historicActorCode: null, note: null, source: "CelesTrak", asOf: "2026-11-26" },
];

describe.each(testDatabases())("actors on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
  });
  afterEach(async () => {
    await store.close();
  });

  it("stores the curated actors and owner codes with every field", async () => {
    expect(await syncActors(store.db, ACTORS, OWNER_CODES)).toEqual({ actors: 3, ownerCodes: 2, removed: 0 });
    expect(await listActors(store.db)).toEqual(ACTORS);
    expect(await listOwnerCodes(store.db)).toEqual(OWNER_CODES);
  });

  it("makes the tables equal to a changed curated table: overwrites changed rows, removes dropped ones", async () => {
    await syncActors(store.db, ACTORS, OWNER_CODES);
    const renamed = { ...ACTORS[1]!, memberStates: ["AUT", "BEL", "FRA", "SVN"], asOf: "2027-01-01" };
    const result = await syncActors(store.db, [renamed], OWNER_CODES.slice(1));
    expect(result).toEqual({ actors: 1, ownerCodes: 1, removed: 3 });
    expect(await listActors(store.db)).toEqual([renamed]);
    expect((await listOwnerCodes(store.db)).map((o) => o.ownerCode)).toEqual(["ESA"]);
  });

  it("joins the caller's transaction, so a failure after syncing undoes it", async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await syncActors(trx, ACTORS, OWNER_CODES);
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await listActors(store.db)).toEqual([]);
  });
});
