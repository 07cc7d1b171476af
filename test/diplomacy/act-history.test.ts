import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { actVersionOf, seedDiplomacy } from "../../src/diplomacy/diplomacy-seed.service.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import type { ActVersionInput } from "../../src/store/diplomacy-act.repository.ts";
import { ActHistoryError, listActHistory, listActsBelievedAt, listCurrentActs, recordActs } from "../../src/store/diplomacy-act.repository.ts";
import { testDatabases } from "../support/test-databases.ts";

const T1 = "2026-11-01T09:00:00.000Z";
const T2 = "2026-11-10T09:00:00.000Z";
const T3 = "2026-11-20T09:00:00.000Z";
const registry = loadDiplomacyRegistry("2026-11-26");

const NZL_ARRA: ActVersionInput = {
  party: "NZL",
  target: "rescue-agreement",
  targetType: "instrument",
  slot: "consent",
  kind: "party",
  date: null,
  vote: null,
  source: "MFAT 2016",
  asOf: "2016-01-01",
  note: null,
};
const CORRECTED: ActVersionInput = { ...NZL_ARRA, kind: "ratification", date: "1969-07-30", source: "UNTC XXIV-3", asOf: "2026-06-01", note: "corrected" };

describe.each(testDatabases())("act history on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
  });
  afterEach(async () => {
    await store.close();
  });

  it("records a new fact as the current belief, and the same act again as unchanged", async () => {
    expect(await recordActs(store.db, [NZL_ARRA], { origin: "test", recordedAt: T1 })).toEqual({ inserted: 1, corrected: 0, unchanged: 0 });
    expect(await recordActs(store.db, [NZL_ARRA], { origin: "test", recordedAt: T2 })).toEqual({ inserted: 0, corrected: 0, unchanged: 1 });
    expect(await listCurrentActs(store.db)).toEqual([{ ...NZL_ARRA, id: expect.any(Number), retracted: false, origin: "test", recordedAt: T1, supersededAt: null }]);
  });

  it("keeps the superseded version of a corrected fact with its value, source, as-of, recorded-at and superseded-at", async () => {
    await recordActs(store.db, [NZL_ARRA], { origin: "curated", recordedAt: T1 });
    expect(await recordActs(store.db, [CORRECTED], { origin: "import:fix.csv", recordedAt: T2 })).toEqual({ inserted: 0, corrected: 1, unchanged: 0 });
    const history = await listActHistory(store.db, { party: "NZL", target: "rescue-agreement", slot: "consent" });
    expect(history.map((v) => [v.kind, v.date, v.source, v.asOf, v.origin, v.recordedAt, v.supersededAt])).toEqual([
      ["party", null, "MFAT 2016", "2016-01-01", "curated", T1, T2],
      ["ratification", "1969-07-30", "UNTC XXIV-3", "2026-06-01", "import:fix.csv", T2, null],
    ]);
    expect((await listCurrentActs(store.db, { parties: ["NZL"] })).map((a) => a.kind)).toEqual(["ratification"]);
  });

  it("answers what was believed at an earlier instant: the old belief until it was superseded", async () => {
    await recordActs(store.db, [NZL_ARRA], { origin: "curated", recordedAt: T1 });
    await recordActs(store.db, [CORRECTED], { origin: "import:fix.csv", recordedAt: T3 });
    expect((await listActsBelievedAt(store.db, "2026-10-01T00:00:00.000Z")).length).toBe(0);
    expect((await listActsBelievedAt(store.db, T2)).map((a) => a.kind)).toEqual(["party"]);
    expect((await listActsBelievedAt(store.db, T3)).map((a) => a.kind)).toEqual(["ratification"]);
  });

  it("rolls back every version and supersession when the enclosing transaction fails", async () => {
    await recordActs(store.db, [NZL_ARRA], { origin: "curated", recordedAt: T1 });
    await expect(
      store.db.transaction().execute(async (trx) => {
        await recordActs(trx, [CORRECTED, { ...NZL_ARRA, party: "USA" }], { origin: "import:bad.csv", recordedAt: T2 });
        throw new Error("a later step failed");
      }),
    ).rejects.toThrow("a later step failed");
    const all = await listActHistory(store.db, { party: "NZL", target: "rescue-agreement" });
    expect(all.map((v) => [v.kind, v.supersededAt])).toEqual([["party", null]]);
    expect(await listCurrentActs(store.db, { parties: ["USA"] })).toEqual([]);
  });

  it("refuses a version recorded before the one it would supersede, and two versions of one fact in one batch", async () => {
    await recordActs(store.db, [NZL_ARRA], { origin: "curated", recordedAt: T2 });
    await expect(recordActs(store.db, [CORRECTED], { origin: "import", recordedAt: T1 })).rejects.toThrow(ActHistoryError);
    await expect(recordActs(store.db, [CORRECTED, NZL_ARRA], { origin: "import", recordedAt: T3 })).rejects.toThrow("two consent acts");
    expect((await listActHistory(store.db, { party: "NZL", target: "rescue-agreement" })).length).toBe(1);
  });

  it("lets the database itself refuse a second current version of one fact", async () => {
    await recordActs(store.db, [NZL_ARRA], { origin: "curated", recordedAt: T1 });
    const row = { party_code: "NZL", target_id: "rescue-agreement", target_type: "instrument", slot: "consent", act_kind: "accession", act_date: null, vote: null, source: "s", as_of: "2026-01-01", note: null, retracted: 0, origin: "raw", recorded_at: T2, superseded_at: null };
    await expect(store.db.insertInto("diplomacy_acts").values(row).execute()).rejects.toThrow();
  });
});

describe.each(testDatabases())("seeding from the curated registry on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
  });
  afterEach(async () => {
    await store.close();
  });
  const withActs = (acts: DiplomacyRegistry["acts"]): DiplomacyRegistry => ({ ...registry, acts });

  it("stores every curated act once, and writes nothing when the registry has not changed", async () => {
    const first = await seedDiplomacy(store.db, registry, T1);
    expect(first.acts).toEqual({ inserted: registry.acts.length, corrected: 0, unchanged: 0, retracted: 0 });
    expect(first.reference).toMatchObject({ inserted: 195 + 18 + 17 + 28 + 13, updated: 0, removed: 0 });
    const second = await seedDiplomacy(store.db, registry, T2);
    expect(second.acts).toEqual({ inserted: 0, corrected: 0, unchanged: registry.acts.length, retracted: 0 });
    expect(second.reference).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
    expect(await listCurrentActs(store.db)).toHaveLength(registry.acts.length);
  });

  it("records a changed curated act as a new version and retracts a dropped one without deleting it", async () => {
    await seedDiplomacy(store.db, registry, T1);
    const fin = registry.acts.find((a) => a.party === "FIN" && a.target === "artemis-accords");
    const changed = registry.acts.filter((a) => a !== fin).map((a) => (a.party === "LVA" && a.target === "artemis-accords" ? { ...a, note: "date now confirmed by NASA" } : a));
    const outcome = await seedDiplomacy(store.db, withActs(changed), T2);
    expect(fin).toMatchObject({ party: "FIN", target: "artemis-accords" });
    expect(outcome.acts).toMatchObject({ inserted: 0, corrected: 1, retracted: 1 });
    const finHistory = await listActHistory(store.db, { party: "FIN", target: "artemis-accords" });
    expect(finHistory.map((v) => [v.retracted, v.date, v.supersededAt])).toEqual([
      [false, "2025-01-21", T2],
      [true, "2025-01-21", null],
    ]);
    expect(await listCurrentActs(store.db, { target: "artemis-accords" })).toHaveLength(61);
    expect((await listActHistory(store.db, { party: "LVA", target: "artemis-accords" })).map((v) => v.note?.slice(0, 20))).toEqual(["order 62; Latvian ca", "date now confirmed b"]);
  });

  it("does not undo an imported correction when the unchanged curated data is seeded again", async () => {
    await seedDiplomacy(store.db, registry, T1);
    const curated = registry.acts.find((a) => a.party === "NZL" && a.target === "rescue-agreement")!;
    await recordActs(store.db, [{ ...actVersionOf(curated), kind: "accession", date: "1969", note: "imported correction" }], { origin: "import:fix.csv", recordedAt: T2 });
    await seedDiplomacy(store.db, registry, T3);
    const current = await listCurrentActs(store.db, { parties: ["NZL"], target: "rescue-agreement" });
    expect(current.map((a) => [a.kind, a.origin])).toEqual([["accession", "import:fix.csv"]]);
  });
});
