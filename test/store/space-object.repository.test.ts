import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConcordDatabase } from "../../src/store/database.ts";
import {
  countAllObjects,
  countObjects,
  getObject,
  insertElementSetObjects,
  listObjects,
  upsertSatcatObjects,
} from "../../src/store/space-object.repository.ts";
import type { ElementSetObjectInput } from "../../src/store/space-object.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { satcatObject, startFileIngest } from "./store-fixtures.ts";

function elementSetObject(catalogNumber: number, overrides: Partial<ElementSetObjectInput> = {}): ElementSetObjectInput {
  return {
    catalogNumber,
    name: "OBJECT A",
    internationalDesignator: "2026-010A",
    objectType: "UNKNOWN",
    perigeeKm: 510.25,
    apogeeKm: 523.5,
    inclinationDeg: 97.4,
    periodMin: 94.8,
    actorCode: "UNKNOWN",
    orbitRegime: "LEO",
    ...overrides,
  };
}

describe.each(testDatabases())("space objects on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
  });
  afterEach(async () => {
    await store.close();
  });

  it("returns every field of an upserted SATCAT object unchanged, for 5-, 6- and 9-digit catalog numbers", async () => {
    const ingestId = await startFileIngest(store.db);
    const objects = [
      satcatObject(25544),
      satcatObject(270001, { name: "SIX DIGIT", rcsSize: null, operationalStatus: null, ownerCode: null, actorCode: "UNKNOWN" }),
      satcatObject(999_999_999, {
        name: null,
        internationalDesignator: null,
        objectType: "DEBRIS",
        launchDate: null,
        launchSite: null,
        decayDate: "2024-02-29",
        periodMin: null,
        inclinationDeg: null,
        apogeeKm: null,
        perigeeKm: null,
        rcsSize: "SMALL",
        orbitRegime: "UNKNOWN",
      }),
    ];
    expect(await upsertSatcatObjects(store.db, objects, ingestId)).toEqual({ inserted: 3, updated: 0 });
    for (const object of objects) {
      expect(await getObject(store.db, object.catalogNumber)).toEqual({
        ...object,
        recordOrigin: "satcat",
        firstIngestId: ingestId,
        lastIngestId: ingestId,
      });
    }
    expect(await getObject(store.db, 12345)).toBeNull();
  });

  it("overwrites an object on a second SATCAT ingest, counts it as updated and keeps its first ingest", async () => {
    const first = await startFileIngest(store.db, "satcat-1.json");
    await upsertSatcatObjects(store.db, [satcatObject(25544), satcatObject(25545)], first);
    const second = await startFileIngest(store.db, "satcat-2.json");
    const counts = await upsertSatcatObjects(
      store.db,
      [satcatObject(25544, { decayDate: "2031-01-01", operationalStatus: "D" }), satcatObject(25546)],
      second,
    );
    expect(counts).toEqual({ inserted: 1, updated: 1 });
    const updated = await getObject(store.db, 25544);
    expect(updated).toMatchObject({ decayDate: "2031-01-01", operationalStatus: "D", firstIngestId: first, lastIngestId: second });
    expect((await getObject(store.db, 25545))?.lastIngestId).toBe(first);
  });

  it("counts a catalog number repeated within one upsert once, keeping its last record", async () => {
    const ingestId = await startFileIngest(store.db);
    const counts = await upsertSatcatObjects(store.db, [satcatObject(7, { name: "FIRST" }), satcatObject(7, { name: "LAST" })], ingestId);
    expect(counts).toEqual({ inserted: 1, updated: 0 });
    expect((await getObject(store.db, 7))?.name).toBe("LAST");
  });

  it("adds objects known only from element sets without touching SATCAT objects, and a later SATCAT takes them over", async () => {
    const satcatIngest = await startFileIngest(store.db, "satcat.json");
    await upsertSatcatObjects(store.db, [satcatObject(25544)], satcatIngest);
    const gpIngest = await startFileIngest(store.db, "gp.csv");
    const inserted = await insertElementSetObjects(
      store.db,
      [elementSetObject(25544, { name: "NOT THE SATCAT NAME" }), elementSetObject(123456), elementSetObject(80000)],
      gpIngest,
    );
    expect(inserted).toBe(2);
    expect((await getObject(store.db, 25544))?.name).toBe("ISS (ZARYA)");
    expect(await getObject(store.db, 123456)).toMatchObject({
      catalogNumber: 123456,
      name: "OBJECT A",
      ownerCode: null,
      perigeeKm: 510.25,
      recordOrigin: "element-set",
      firstIngestId: gpIngest,
    });
    expect(await insertElementSetObjects(store.db, [elementSetObject(123456)], gpIngest)).toBe(0);

    const laterSatcat = await startFileIngest(store.db, "satcat-later.json");
    expect(await upsertSatcatObjects(store.db, [satcatObject(80000, { name: "NEW SAT" })], laterSatcat)).toEqual({ inserted: 0, updated: 1 });
    expect(await getObject(store.db, 80000)).toMatchObject({ name: "NEW SAT", recordOrigin: "satcat", firstIngestId: gpIngest });
  });

  describe("listing and counting", () => {
    beforeEach(async () => {
      const ingestId = await startFileIngest(store.db);
      await upsertSatcatObjects(
        store.db,
        [
          satcatObject(1, { name: "SL-1 R/B", objectType: "ROCKET BODY", ownerCode: "CIS", actorCode: "SUN", launchDate: "1957-10-04", decayDate: "1957-12-01" }),
          satcatObject(5, { name: "VANGUARD 1", internationalDesignator: "1958-002B", ownerCode: "US", actorCode: "USA", launchDate: "1958-03-17", orbitRegime: "MEO" }),
          satcatObject(25544, { ownerCode: "ISS", actorCode: "ISS", launchDate: "1998-11-20" }),
          satcatObject(48274, { name: "CSS (TIANHE)", internationalDesignator: "2021-035A", ownerCode: "PRC", actorCode: "CHN", launchDate: "2021-04-29" }),
          satcatObject(48275, { name: "CZ-5B R/B", objectType: "ROCKET BODY", ownerCode: "PRC", actorCode: "CHN", launchDate: "2021-04-29", decayDate: "2021-05-09" }),
          satcatObject(49863, { name: "COSMOS 1408 DEB", objectType: "DEBRIS", ownerCode: "CIS", actorCode: "SUN", launchDate: "1982-09-16", internationalDesignator: "1982-092BN" }),
          satcatObject(49864, { name: "100%_PROOF", objectType: "DEBRIS", ownerCode: "TBD", actorCode: "UNKNOWN", launchDate: null }),
        ],
        ingestId,
      );
      await insertElementSetObjects(store.db, [elementSetObject(270000, { name: "STARLINK-99999" })], ingestId);
    });

    it("filters by owner, actor, type, regime, status and origin, each alone and together", async () => {
      const numbers = async (filter: Parameters<typeof listObjects>[1]) =>
        (await listObjects(store.db, filter, { limit: 100, offset: 0 })).items.map((o) => o.catalogNumber);
      expect(await numbers({})).toEqual([1, 5, 25544, 48274, 48275, 49863, 49864, 270000]);
      expect(await numbers({ ownerCode: "PRC" })).toEqual([48274, 48275]);
      expect(await numbers({ actorCode: "SUN" })).toEqual([1, 49863]);
      expect(await numbers({ objectType: "ROCKET BODY" })).toEqual([1, 48275]);
      expect(await numbers({ orbitRegime: "MEO" })).toEqual([5]);
      expect(await numbers({ status: "decayed" })).toEqual([1, 48275]);
      expect(await numbers({ status: "on-orbit" })).toEqual([5, 25544, 48274, 49863, 49864, 270000]);
      expect(await numbers({ status: "all", actorCode: "CHN" })).toEqual([48274, 48275]);
      expect(await numbers({ recordOrigin: "element-set" })).toEqual([270000]);
      expect(await numbers({ actorCode: "CHN", status: "on-orbit", objectType: "PAYLOAD" })).toEqual([48274]);
    });

    it("searches names and designators case-insensitively, catalog numbers exactly, and treats % and _ literally", async () => {
      const numbers = async (search: string) =>
        (await listObjects(store.db, { search }, { limit: 100, offset: 0 })).items.map((o) => o.catalogNumber);
      expect(await numbers("tianhe")).toEqual([48274]);
      expect(await numbers("r/b")).toEqual([1, 48275]);
      expect(await numbers("1982-092")).toEqual([49863]);
      expect(await numbers("25544")).toEqual([25544]);
      expect(await numbers("270000")).toEqual([270000]);
      expect(await numbers("%_")).toEqual([49864]);
      expect(await numbers("no such thing")).toEqual([]);
    });

    it("pages by catalog number and reports the total of all matches", async () => {
      const first = await listObjects(store.db, { status: "on-orbit" }, { limit: 4, offset: 0 });
      const second = await listObjects(store.db, { status: "on-orbit" }, { limit: 4, offset: 4 });
      expect(first.total).toBe(6);
      expect(second.total).toBe(6);
      expect(first.items.map((o) => o.catalogNumber)).toEqual([5, 25544, 48274, 49863]);
      expect(second.items.map((o) => o.catalogNumber)).toEqual([49864, 270000]);
      expect(await countAllObjects(store.db)).toBe(8);
    });

    it("counts objects per actor, owner, regime, type and launch year with on-orbit and decayed counts", async () => {
      expect(await countObjects(store.db, "actor")).toEqual([
        { key: "CHN", count: 2, onOrbit: 1, decayed: 1 },
        { key: "SUN", count: 2, onOrbit: 1, decayed: 1 },
        { key: "UNKNOWN", count: 2, onOrbit: 2, decayed: 0 },
        { key: "ISS", count: 1, onOrbit: 1, decayed: 0 },
        { key: "USA", count: 1, onOrbit: 1, decayed: 0 },
      ]);
      expect(await countObjects(store.db, "type", { status: "on-orbit" })).toEqual([
        { key: "PAYLOAD", count: 3, onOrbit: 3, decayed: 0 },
        { key: "DEBRIS", count: 2, onOrbit: 2, decayed: 0 },
        { key: "UNKNOWN", count: 1, onOrbit: 1, decayed: 0 },
      ]);
      const years = await countObjects(store.db, "launch-year");
      expect(years.find((g) => g.key === "2021")).toEqual({ key: "2021", count: 2, onOrbit: 1, decayed: 1 });
      expect(years.find((g) => g.key === null)).toEqual({ key: null, count: 2, onOrbit: 2, decayed: 0 });
      expect(years.reduce((sum, g) => sum + g.count, 0)).toBe(8);
      const owners = await countObjects(store.db, "owner", { objectType: "DEBRIS" });
      expect(owners).toEqual([
        { key: "CIS", count: 1, onOrbit: 1, decayed: 0 },
        { key: "TBD", count: 1, onOrbit: 1, decayed: 0 },
      ]);
      expect((await countObjects(store.db, "regime")).map((g) => [g.key, g.count])).toEqual([
        ["LEO", 7],
        ["MEO", 1],
      ]);
    });
  });
});
