import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConcordDatabase } from "../../src/store/database.ts";
import {
  insertElementSets,
  latestElementSet,
  latestElementSets,
  listElementHistory,
} from "../../src/store/element-set.repository.ts";
import { upsertSatcatObjects } from "../../src/store/space-object.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { elementSet, epochMsOf, satcatObject, startFileIngest } from "./store-fixtures.ts";

describe.each(testDatabases())("element sets on %s", (target) => {
  let store: ConcordDatabase;
  let ingestId: number;
  beforeEach(async () => {
    store = await target.openEmpty();
    ingestId = await startFileIngest(store.db);
    await upsertSatcatObjects(
      store.db,
      [satcatObject(25544), satcatObject(270001), satcatObject(999_999_999), satcatObject(11, { decayDate: "2000-01-01" })],
      ingestId,
    );
  });
  afterEach(async () => {
    await store.close();
  });

  it("returns every mean element exactly as stored, with its format and ingest, for 5-, 6- and 9-digit numbers", async () => {
    const sets = [
      elementSet(25544, "2023-10-09T04:12:33.123456Z"),
      elementSet(270001, "2026-08-18T02:55:00.000001Z", {
        objectName: null,
        objectId: null,
        eccentricity: 0.9999999,
        bstarPerEarthRadii: 0,
        meanMotionDdotRevPerDay3: -9.99999e-9,
        ephemerisType: 4,
        classificationType: "C",
        elementSetNumber: 0,
        revAtEpoch: 0,
      }),
      elementSet(999_999_999, "1969-06-28T23:59:59.999999Z", { meanMotionRevPerDay: 1.00273791, inclinationDeg: 180, raOfAscNodeDeg: 359.9999 }),
    ];
    expect(await insertElementSets(store.db, sets, "omm-csv", ingestId)).toEqual({ inserted: 3, duplicates: 0 });
    for (const set of sets) {
      const stored = await latestElementSet(store.db, set.catalogNumber);
      expect(stored).toEqual({ ...set, id: stored?.id, format: "omm-csv", ingestId });
    }
    expect((await latestElementSet(store.db, 25544))?.epochMs).toBe(epochMsOf("2023-10-09T04:12:33.123456Z"));
  });

  it("adds nothing when the same sets are ingested again, and counts them as duplicates", async () => {
    const sets = [elementSet(25544, "2023-10-09T04:12:33.123456Z"), elementSet(25544, "2023-10-10T04:12:33.123456Z"), elementSet(270001, "2023-10-09T00:00:00.000000Z")];
    expect(await insertElementSets(store.db, sets, "tle", ingestId)).toEqual({ inserted: 3, duplicates: 0 });
    const again = await startFileIngest(store.db, "again.txt");
    const more = [...sets, elementSet(25544, "2023-10-11T00:00:00.000000Z")];
    expect(await insertElementSets(store.db, more, "tle", again)).toEqual({ inserted: 1, duplicates: 3 });
    expect(await listElementHistory(store.db, 25544)).toHaveLength(3);
    expect((await listElementHistory(store.db, 25544))[1]?.ingestId).toBe(ingestId);
  });

  it("counts a set repeated within one batch as a duplicate", async () => {
    const set = elementSet(25544, "2023-10-09T04:12:33.123456Z");
    expect(await insertElementSets(store.db, [set, set, { ...set, revAtEpoch: 1 }], "tle", ingestId)).toEqual({ inserted: 1, duplicates: 2 });
  });

  it("lists an object's history newest first, limited on request, and finds the newest at or before a time", async () => {
    const epochs = ["2023-10-07T00:00:00.000000Z", "2023-10-09T12:00:00.000000Z", "2023-10-08T00:00:00.000000Z"];
    await insertElementSets(store.db, epochs.map((epoch, i) => elementSet(25544, epoch, { elementSetNumber: i })), "tle", ingestId);
    expect((await listElementHistory(store.db, 25544)).map((s) => s.epoch)).toEqual([epochs[1], epochs[2], epochs[0]]);
    expect((await listElementHistory(store.db, 25544, 1)).map((s) => s.epoch)).toEqual([epochs[1]]);
    expect(await listElementHistory(store.db, 270001)).toEqual([]);
    expect((await latestElementSet(store.db, 25544))?.epoch).toBe(epochs[1]);
    expect((await latestElementSet(store.db, 25544, Date.parse("2023-10-08T06:00:00Z")))?.epoch).toBe(epochs[2]);
    expect((await latestElementSet(store.db, 25544, Date.parse("2023-10-08T00:00:00Z")))?.epoch).toBe(epochs[2]);
    expect(await latestElementSet(store.db, 25544, Date.parse("2023-01-01T00:00:00Z"))).toBeNull();
    expect(await latestElementSet(store.db, 12345)).toBeNull();
  });

  it("gives the newest set of every object in one call, optionally as known at a time and without decayed objects", async () => {
    await insertElementSets(
      store.db,
      [
        elementSet(25544, "2023-10-07T00:00:00.000000Z"),
        elementSet(25544, "2023-10-09T00:00:00.000000Z"),
        elementSet(270001, "2023-10-08T00:00:00.000000Z"),
        elementSet(11, "1999-12-01T00:00:00.000000Z"),
      ],
      "tle",
      ingestId,
    );
    const latest = await latestElementSets(store.db);
    expect(latest.map((s) => [s.catalogNumber, s.epoch])).toEqual([
      [11, "1999-12-01T00:00:00.000000Z"],
      [25544, "2023-10-09T00:00:00.000000Z"],
      [270001, "2023-10-08T00:00:00.000000Z"],
    ]);
    const asKnown = await latestElementSets(store.db, { atOrBeforeMs: Date.parse("2023-10-08T12:00:00Z"), excludeDecayed: true });
    expect(asKnown.map((s) => [s.catalogNumber, s.epoch])).toEqual([
      [25544, "2023-10-07T00:00:00.000000Z"],
      [270001, "2023-10-08T00:00:00.000000Z"],
    ]);
  });
});
