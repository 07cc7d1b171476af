import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeRejection } from "../../src/core/rejection.ts";
import { StrictActImportError, importActs } from "../../src/diplomacy/act-import.service.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { seedDiplomacy } from "../../src/diplomacy/diplomacy-seed.service.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { listActHistory, listCurrentActs } from "../../src/store/diplomacy-act.repository.ts";
import { testDatabases } from "../support/test-databases.ts";

const SEEDED_AT = "2026-11-26T08:00:00.000Z";
const IMPORTED_AT = "2026-11-26T09:00:00.000Z";
const registry = loadDiplomacyRegistry("2026-11-26");

/** Line 2-4 good (new, correction, unchanged), lines 5-10 bad. */
const MIXED = [
  "party,instrument,act,date,vote,source,as_of,note",
  "USA,unga-res-77-41,vote,2022-12-07,yes,UN Digital Library record 3996470,2022-12-07,full roll call",
  "NZL,rescue-agreement,accession,1969-07-30,,UNTC ch. XXIV-3,2026-06-01,corrects the undated party act",
  registry.acts.filter((a) => a.party === "FIN" && a.target === "artemis-accords").map((a) => `FIN,artemis-accords,signature,${a.date},,"${a.source}",${a.asOf},"${a.note}"`)[0],
  "XKX,ost,party,,,somewhere,2026-01-01,",
  "USA,outer-space-treaty,party,,,somewhere,2026-01-01,",
  "USA,ost,party,1967-13-01,,somewhere,2026-01-01,",
  "USA,ost,party,2027-01-01,,somewhere,2026-01-01,",
  "USA,ost,ratified,1967,,somewhere,2026-01-01,",
  "USA,ost,party,1967,,,2026-01-01,",
].join("\n");

describe.each(testDatabases())("concord acts import on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
    await seedDiplomacy(store.db, registry, SEEDED_AT);
  });
  afterEach(async () => {
    await store.close();
  });
  const versions = async () => Number((await store.db.selectFrom("diplomacy_acts").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const options = { source: "mixed.csv", strict: false, referenceDay: "2026-11-26", recordedAt: IMPORTED_AT };

  it("stores the good rows and rejects each bad one with its line and reason", async () => {
    const report = await importActs(store.db, MIXED, options);
    expect(report).toMatchObject({ rowsTotal: 9, accepted: 3, rejected: 6, stored: true, inserted: 1, corrected: 1, unchanged: 1 });
    expect(report.rejections.map(describeRejection)).toEqual([
      'mixed.csv, line 5, record 3: party: unknown state or organisation code "XKX"',
      'mixed.csv, line 6, record 4: instrument: unknown instrument or forum "outer-space-treaty"',
      'mixed.csv, line 7, record 5: date: bad date "1967-13-01" (expected YYYY, YYYY-MM or YYYY-MM-DD)',
      "mixed.csv, line 8, record 6: date: future date 2027-01-01 (after 2026-11-26)",
      expect.stringMatching(/^mixed\.csv, line 9, record 7: act: bad act kind "ratified"/),
      "mixed.csv, line 10, record 8: source: missing source",
    ]);
    const usaVote = await listCurrentActs(store.db, { parties: ["USA"], target: "unga-res-77-41" });
    expect(usaVote.map((a) => [a.vote, a.origin, a.recordedAt])).toEqual([["yes", "import:mixed.csv", IMPORTED_AT]]);
  });

  it("keeps the corrected fact's earlier version: what we believed, from which source, until when", async () => {
    await importActs(store.db, MIXED, options);
    const history = await listActHistory(store.db, { party: "NZL", target: "rescue-agreement", slot: "consent" });
    expect(history.map((v) => [v.kind, v.date, v.source.slice(0, 28), v.origin, v.recordedAt, v.supersededAt])).toEqual([
      ["party", null, "https://mfat.govt.nz/jp/medi", "curated", SEEDED_AT, IMPORTED_AT],
      ["accession", "1969-07-30", "UNTC ch. XXIV-3", "import:mixed.csv", IMPORTED_AT, null],
    ]);
  });

  it("never loses a stored version: the import only adds versions", async () => {
    const before = await versions();
    const currentBefore = await listCurrentActs(store.db);
    await importActs(store.db, MIXED, options);
    expect(await versions()).toBe(before + 2);
    const after = await store.db.selectFrom("diplomacy_acts").select("id").execute();
    const ids = new Set(after.map((r) => r.id));
    expect(currentBefore.filter((a) => !ids.has(a.id))).toEqual([]);
  });

  it("with --strict stores nothing when a row is bad, and says which lines and why", async () => {
    const before = await versions();
    const error = await importActs(store.db, MIXED, { ...options, strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrictActImportError);
    expect((error as StrictActImportError).code).toBe("STRICT_REJECTED");
    expect((error as Error).message).toContain("6 of 9 row(s) rejected, nothing stored");
    expect((error as Error).message).toContain('line 5, record 3: party: unknown state or organisation code "XKX"');
    expect(await versions()).toBe(before);
  });

  it("stores nothing when the write fails part-way (the enclosing transaction is rolled back)", async () => {
    const before = await versions();
    await expect(
      store.db.transaction().execute(async (trx) => {
        const report = await importActs(trx, MIXED, options);
        expect(report.corrected).toBe(1);
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(await versions()).toBe(before);
    const nzl = await listCurrentActs(store.db, { parties: ["NZL"], target: "rescue-agreement" });
    expect(nzl.map((a) => [a.kind, a.supersededAt])).toEqual([["party", null]]);
  });
});
