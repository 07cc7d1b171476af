import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Rejection } from "../../src/core/rejection.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { insertElementSets, listElementHistory } from "../../src/store/element-set.repository.ts";
import {
  createIngest,
  finishIngest,
  getIngest,
  insertRejections,
  listIngests,
  listRejections,
} from "../../src/store/ingest.repository.ts";
import type { IngestOutcome } from "../../src/store/ingest.repository.ts";
import { countAllObjects, upsertSatcatObjects } from "../../src/store/space-object.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { elementSet, satcatObject, startFileIngest } from "./store-fixtures.ts";

const OUTCOME: IngestOutcome = {
  recordsTotal: 26_142,
  accepted: 26_140,
  rejected: 2,
  objectsInserted: 10,
  objectsUpdated: 0,
  elementSetsInserted: 26_100,
  elementSetsDuplicate: 40,
  epochMin: "2023-07-12T01:02:03.000000Z",
  epochMax: "2023-10-18T00:00:00.000000Z",
  epochMedian: "2023-10-09T12:00:00.000000Z",
  dataAsOf: "2023-10-09",
  status: "succeeded",
  finishedAt: "2026-01-20T12:00:02.500Z",
  note: "2 rejected",
};

function rejection(index: number, overrides: Partial<Rejection> = {}): Rejection {
  return {
    source: "/data/3le.txt",
    line: index * 3 + 2,
    recordIndex: index,
    field: "checksum",
    reason: `line 1 checksum is 3, computed 4 (record ${index})`,
    raw: "1 25544U 98067A   23282.17538338  .00012000  00000-0  21813-3 0  9993",
    ...overrides,
  };
}

describe.each(testDatabases())("ingests on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
  });
  afterEach(async () => {
    await store.close();
  });

  it("records an ingest as running, then its outcome, and lists ingests newest first", async () => {
    const id = await createIngest(store.db, {
      source: "https://celestrak.org/NORAD/elements/gp.php?GROUP=active&FORMAT=csv",
      sourceKind: "celestrak",
      format: "omm-csv",
      retrievedAt: "2026-01-20T12:00:00.000Z",
      sha256: "ab".repeat(32),
      bytes: 5_000_000_000,
    });
    expect(await getIngest(store.db, id)).toMatchObject({
      id,
      sourceKind: "celestrak",
      format: "omm-csv",
      status: "running",
      startedAt: "2026-01-20T12:00:00.000Z",
      finishedAt: null,
      bytes: 5_000_000_000,
      accepted: 0,
      note: null,
    });
    await finishIngest(store.db, id, OUTCOME);
    const { finishedAt, ...counts } = OUTCOME;
    expect(await getIngest(store.db, id)).toEqual({
      id,
      source: "https://celestrak.org/NORAD/elements/gp.php?GROUP=active&FORMAT=csv",
      sourceKind: "celestrak",
      format: "omm-csv",
      retrievedAt: "2026-01-20T12:00:00.000Z",
      sha256: "ab".repeat(32),
      bytes: 5_000_000_000,
      startedAt: "2026-01-20T12:00:00.000Z",
      finishedAt,
      ...counts,
    });
    const later = await startFileIngest(store.db);
    expect((await listIngests(store.db)).map((ingest) => ingest.id)).toEqual([later, id]);
    expect(await getIngest(store.db, 987_654)).toBeNull();
  });

  it("stores rejected records with every field and lists them by ingest, in order, a page at a time", async () => {
    const id = await startFileIngest(store.db);
    const other = await startFileIngest(store.db, "/data/other.txt");
    const rejections = [
      ...Array.from({ length: 2_500 }, (_, i) => rejection(i)),
      rejection(2_500, { line: null, field: null, raw: null, reason: "truncated gzip" }),
    ];
    expect(await insertRejections(store.db, id, rejections)).toBe(2_501);
    await insertRejections(store.db, other, [rejection(0)]);
    const firstPage = await listRejections(store.db, id, { limit: 2, offset: 0 });
    expect(firstPage.total).toBe(2_501);
    expect(firstPage.items.map(({ id: _id, ...r }) => r)).toEqual([
      { ingestId: id, ...rejection(0) },
      { ingestId: id, ...rejection(1) },
    ]);
    const middle = await listRejections(store.db, id, { limit: 1, offset: 1_500 });
    expect(middle.items.map(({ id: _id, ingestId: _ingest, ...r }) => r)).toEqual([rejection(1_500)]);
    const lastPage = await listRejections(store.db, id, { limit: 10, offset: 2_500 });
    expect(lastPage.items.map(({ id: _id, ingestId: _ingest, ...r }) => r)).toEqual([rejections[2_500]]);
    expect((await listRejections(store.db, other, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it("leaves nothing behind when the ingest transaction throws mid-way", async () => {
    const before = await startFileIngest(store.db, "/data/earlier.txt");
    await upsertSatcatObjects(store.db, [satcatObject(25544)], before);
    await insertElementSets(store.db, [elementSet(25544, "2023-10-01T00:00:00.000000Z")], "tle", before);

    const failure = new Error("killed mid-way");
    await expect(
      store.db.transaction().execute(async (trx) => {
        const id = await startFileIngest(trx, "/data/doomed.txt");
        await upsertSatcatObjects(trx, Array.from({ length: 3_000 }, (_, i) => satcatObject(30_000 + i)), id);
        await upsertSatcatObjects(trx, [satcatObject(25544, { name: "OVERWRITTEN" })], id);
        await insertElementSets(trx, [elementSet(25544, "2023-10-09T00:00:00.000000Z"), elementSet(30_001, "2023-10-09T00:00:00.000000Z")], "tle", id);
        await insertRejections(trx, id, [rejection(0)]);
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect((await listIngests(store.db)).map((ingest) => ingest.source)).toEqual(["/data/earlier.txt"]);
    expect(await countAllObjects(store.db)).toBe(1);
    expect((await listElementHistory(store.db, 25544)).map((s) => s.epoch)).toEqual(["2023-10-01T00:00:00.000000Z"]);
    const rejected = await store.db.selectFrom("rejected_records").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(rejected.n)).toBe(0);
  });
});
