import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConjunctionEvent } from "../../src/screening/conjunction-event.ts";
import { activeSetMembers, markActiveSetIngest, newestActiveSetIngest } from "../../src/store/active-set.repository.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { finishIngest } from "../../src/store/ingest.repository.ts";
import { loadLaunchPrincipals } from "../../src/store/screening-objects.queries.ts";
import {
  allRunEvents,
  getConjunctionEvent,
  getScreeningRun,
  insertScreeningRun,
  listRunEvents,
  listScreeningRuns,
  newestScreeningRun,
} from "../../src/store/screening-run.repository.ts";
import type { AssessedEvent, ScreeningRunInput } from "../../src/store/screening-run.repository.ts";
import { upsertSatcatObjects } from "../../src/store/space-object.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { satcatObject, startFileIngest } from "./store-fixtures.ts";

const RUN: ScreeningRunInput = {
  fromMs: Date.parse("2025-02-16T00:00:00Z"),
  toMs: Date.parse("2025-02-17T00:00:00Z"),
  thresholdKm: 20,
  primariesSelector: "actor:USA",
  primaries: [90001],
  snapshot: {
    objectCount: 3,
    epochMin: "2025-01-19T01:02:03.456789Z",
    epochMedian: "2025-02-14T00:00:00.000000Z",
    epochMax: "2025-02-15T23:00:00.000000Z",
    maxAgeDays: 27.95,
    staleCount: 1,
    ingestIds: [1, 2],
  },
  activeSet: null,
  startedAt: "2026-11-26T10:00:00.000Z",
  finishedAt: "2026-11-26T10:00:01.250Z",
  durationMs: 1250,
  threads: 2,
  algorithm: "test algorithm",
  guarantee: "no approach under 20 km is missed when …",
  softwareVersion: "0.1.0",
  pcNote: "Foster 2D",
};

function conjunction(primary: number, secondary: number, missDistanceKm: number, tcaMs: number): ConjunctionEvent {
  return {
    primary,
    secondary,
    tcaMs,
    missDistanceKm,
    relativeSpeedKmS: 14.123456789012,
    missRtnKm: [0.1234567890123, -missDistanceKm / 2, 1e-9],
    relativeVelocityRtnKmS: [-0.001, 14.1, -0.5],
    primaryState: { positionKm: [6778.123456789, -1.5, 0.25], velocityKmS: [0.001, 7.6543210987, 1.2e-3] },
    secondaryState: { positionKm: [6778.2, -2.5, 1.25], velocityKmS: [-0.5, -7.1, 0.3] },
    primaryElementAgeDays: 0.75,
    secondaryElementAgeDays: 27.95,
  };
}

const assessed = (e: ConjunctionEvent, pc: number | null): AssessedEvent => ({
  ...e,
  pc,
  pcMethod: pc === null ? null : "Foster-2D",
  hbrM: pc === null ? null : 5.5,
  covarianceSource: pc === null ? null : "default GP covariance model",
  pcMax: pc === null ? null : pc * 40,
  dilutionThresholdKm: pc === null ? null : 0.731,
  primaryElementSetId: 11,
  secondaryElementSetId: null,
});

const EVENTS = [
  assessed(conjunction(90001, 29001, 4.5, Date.parse("2025-02-16T03:04:05.678Z")), 1.25e-7),
  assessed(conjunction(90001, 29002, 0.75, Date.parse("2025-02-16T12:00:00.001Z") + 0.25), null),
  assessed(conjunction(90001, 33001, 12.0, Date.parse("2025-02-16T23:59:59.999Z")), 3e-5),
];

describe.each(testDatabases())("screening runs on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
    await store.db.deleteFrom("conjunction_events").execute();
    await store.db.deleteFrom("screening_runs").execute();
  });
  afterEach(async () => {
    await store.close();
  });

  it("stores a run and its events and reads them back unchanged, with both objects' attribution", async () => {
    const ingestId = await startFileIngest(store.db);
    await upsertSatcatObjects(
      store.db,
      [
        satcatObject(90001, { name: "USA PAYLOAD", actorCode: "USA", ownerCode: "US", internationalDesignator: "2020-001A" }),
        satcatObject(29001, { name: "FENGYUN 1C DEB", objectType: "DEBRIS", actorCode: "CHN", ownerCode: "PRC", internationalDesignator: "1999-025ABC", rcsSize: "SMALL", operationalStatus: null }),
      ],
      ingestId,
    );
    const runId = await insertScreeningRun(store.db, RUN, EVENTS);
    const run = await getScreeningRun(store.db, runId);
    expect(run).toEqual({ ...RUN, id: runId, primaries: [90001], status: "succeeded", eventsCount: 3 });
    expect((await newestScreeningRun(store.db))?.id).toBe(runId);
    expect((await listScreeningRuns(store.db)).map((r) => r.id)).toEqual([runId]);

    const all = await allRunEvents(store.db, runId);
    expect(all).toHaveLength(3);
    const { primaryObject, secondaryObject, id, runId: eventRunId, tca, ...stored } = all[1]!;
    expect(stored).toEqual(EVENTS[1]);
    expect(eventRunId).toBe(runId);
    expect(tca).toBe("2025-02-16T12:00:00.001Z");
    expect(primaryObject).toMatchObject({ catalogNumber: 90001, name: "USA PAYLOAD", actorCode: "USA", objectType: "PAYLOAD", operationalStatus: "+" });
    expect(secondaryObject).toEqual({
      catalogNumber: 29002,
      name: null,
      internationalDesignator: null,
      objectType: null,
      actorCode: null,
      ownerCode: null,
      rcsSize: null,
      operationalStatus: null,
    });
    expect((await getConjunctionEvent(store.db, id))?.secondaryObject.catalogNumber).toBe(29002);
    expect(await getConjunctionEvent(store.db, id + 1000)).toBeNull();
  });

  it("filters a run's events by actor, minimum Pc and maximum miss distance, closest first, in pages", async () => {
    const ingestId = await startFileIngest(store.db);
    await upsertSatcatObjects(store.db, [satcatObject(29001, { objectType: "DEBRIS", actorCode: "CHN", ownerCode: "PRC" })], ingestId);
    const runId = await insertScreeningRun(store.db, RUN, EVENTS);
    const page = { limit: 10, offset: 0 };
    expect((await listRunEvents(store.db, runId, {}, page)).items.map((e) => e.missDistanceKm)).toEqual([0.75, 4.5, 12.0]);
    expect((await listRunEvents(store.db, runId, { actorCode: "CHN" }, page)).items.map((e) => e.secondary)).toEqual([29001]);
    expect((await listRunEvents(store.db, runId, { minPc: 1e-6 }, page)).items.map((e) => e.pc)).toEqual([3e-5]);
    expect((await listRunEvents(store.db, runId, { maxMissKm: 5 }, page)).total).toBe(2);
    const second = await listRunEvents(store.db, runId, {}, { limit: 1, offset: 1 });
    expect(second).toMatchObject({ total: 3, items: [{ missDistanceKm: 4.5 }] });
  });

  it("writes a run in one transaction: a failure while writing its events leaves no run and no event", async () => {
    const broken = [...EVENTS, { ...EVENTS[0]!, missDistanceKm: null as unknown as number }];
    await expect(insertScreeningRun(store.db, RUN, broken)).rejects.toThrow();
    expect(await listScreeningRuns(store.db)).toEqual([]);
    expect(await store.db.selectFrom("conjunction_events").selectAll().execute()).toEqual([]);
  });

  it("marks an ingest as an active set, keeps the catalog numbers it listed, and finds the newest by data date", async () => {
    const older = await startFileIngest(store.db, "/data/active-old.csv");
    const newer = await startFileIngest(store.db, "/data/active-new.csv");
    for (const [id, asOf] of [[older, "2026-01-01"], [newer, "2026-08-18"]] as const) {
      await finishIngest(store.db, id, {
        recordsTotal: 2, accepted: 2, rejected: 0, objectsInserted: 0, objectsUpdated: 0, elementSetsInserted: 0, elementSetsDuplicate: 2,
        epochMin: null, epochMax: null, epochMedian: null, dataAsOf: asOf, status: "succeeded", finishedAt: "2026-11-26T00:00:00.000Z",
      });
    }
    await markActiveSetIngest(store.db, older, [1, 2]);
    await markActiveSetIngest(store.db, newer, [25544, 48274, 25544]);
    expect(await newestActiveSetIngest(store.db)).toEqual({ ingestId: newer, source: "/data/active-new.csv", retrievedAt: "2026-01-20T12:00:00.000Z", dataAsOf: "2026-08-18", members: 2 });
    expect([...(await activeSetMembers(store.db, newer))].sort()).toEqual([25544, 48274]);
  });

  it("finds a launch's principal object (piece A) by launch designator", async () => {
    const ingestId = await startFileIngest(store.db);
    await upsertSatcatObjects(store.db, [satcatObject(25730, { name: "FENGYUN 1C", internationalDesignator: "1999-025A", actorCode: "CHN" })], ingestId);
    const principals = await loadLaunchPrincipals(store.db, ["1999-025", "1999-025", "1993-036"]);
    expect([...principals.values()]).toEqual([{ launchDesignator: "1999-025", catalogNumber: 25730, name: "FENGYUN 1C", actorCode: "CHN" }]);
  });
});
