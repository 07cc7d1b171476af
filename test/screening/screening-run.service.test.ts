import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/concord-error.ts";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import type { ConjunctionEvent, ScreeningParameters } from "../../src/screening/conjunction-event.ts";
import { parsePrimarySelector } from "../../src/screening/primary-selector.ts";
import { runScreening } from "../../src/screening/screening-run.service.ts";
import { ScreeningAbortedError } from "../../src/screening/screen-aborted-error.ts";
import type { ScreenCatalogFn, ScreeningRunDependencies } from "../../src/screening/screening-run.service.ts";
import { markActiveSetIngest } from "../../src/store/active-set.repository.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { insertElementSets } from "../../src/store/element-set.repository.ts";
import { finishIngest } from "../../src/store/ingest.repository.ts";
import { allRunEvents, listScreeningRuns } from "../../src/store/screening-run.repository.ts";
import { upsertSatcatObjects } from "../../src/store/space-object.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { elementSet, satcatObject, startFileIngest } from "../store/store-fixtures.ts";

const FROM_MS = Date.parse("2025-02-16T00:00:00Z");
const [target] = testDatabases();

function fakeEvent(primary: number, secondary: number, missDistanceKm: number): ConjunctionEvent {
  const state = { positionKm: [7000, 0, 0] as [number, number, number], velocityKmS: [0, 7.5, 0] as [number, number, number] };
  return {
    primary,
    secondary,
    tcaMs: FROM_MS + 3_600_000.5,
    missDistanceKm,
    relativeSpeedKmS: 10,
    missRtnKm: [missDistanceKm, 0, 0],
    relativeVelocityRtnKmS: [0, 6, 8],
    primaryState: state,
    secondaryState: state,
    primaryElementAgeDays: 1,
    secondaryElementAgeDays: 2,
  };
}

describe("a screening run through the service (a stand-in engine)", () => {
  let store: ConcordDatabase;
  let seen: { elements: MeanElements[]; params: ScreeningParameters } | null;

  const deps = (screen?: ScreenCatalogFn): ScreeningRunDependencies => ({
    screen:
      screen ??
      ((elements, params) => {
        seen = { elements, params };
        return Promise.resolve({ events: [fakeEvent(25730, 29001, 1.5), fakeEvent(25730, 90001, 0.5)], stats: { algorithm: "stand-in", guarantee: "none" } });
      }),
    describeAlgorithm: (_params, stats) => stats as { algorithm: string; guarantee: string },
    assessPc: (event) => ({ pc: event.missDistanceKm / 1e4, pcMethod: "FOSTER-1992", hbrM: 2, covarianceSource: "stand-in", pcMax: event.missDistanceKm / 1e3, dilutionThresholdKm: 0.5 }),
    softwareVersion: "test",
  });

  beforeEach(async () => {
    seen = null;
    store = await target!.openEmpty();
    await store.db.deleteFrom("conjunction_events").execute();
    await store.db.deleteFrom("screening_runs").execute();
    const ingestId = await startFileIngest(store.db);
    await upsertSatcatObjects(
      store.db,
      [
        satcatObject(25730, { name: "FENGYUN 1C", actorCode: "CHN", ownerCode: "PRC", operationalStatus: null }),
        satcatObject(29001, { name: "FENGYUN 1C DEB", objectType: "DEBRIS", actorCode: "CHN", ownerCode: "PRC", operationalStatus: null }),
        satcatObject(90001, { name: "USA SAT", actorCode: "USA", ownerCode: "US", operationalStatus: null }),
        satcatObject(90002, { name: "DECAYED", actorCode: "USA", ownerCode: "US", decayDate: "2025-02-10" }),
        satcatObject(90003, { name: "FIRST SEEN LATER", actorCode: "USA", ownerCode: "US", operationalStatus: null }),
        satcatObject(90004, { name: "FIRST SEEN AFTER THE WINDOW", actorCode: "USA", ownerCode: "US", operationalStatus: null }),
      ],
      ingestId,
    );
    await insertElementSets(
      store.db,
      [
        elementSet(25730, "2025-02-14T00:00:00.000000Z"),
        elementSet(25730, "2025-02-16T06:00:00.000000Z"), // after the window start: not known then
        elementSet(29001, "2025-01-20T00:00:00.000000Z"), // 27 days old: stale
        elementSet(90001, "2025-02-15T12:00:00.000000Z"),
        elementSet(90002, "2025-02-09T00:00:00.000000Z"),
        elementSet(90003, "2025-02-16T12:00:00.000000Z"), // only sets after the start: the first one is used
        elementSet(90003, "2025-02-17T12:00:00.000000Z"),
        elementSet(90004, "2025-03-01T00:00:00.000000Z"), // first seen after the window: not screened
      ],
      "tle",
      ingestId,
    );
    const activeIngest = await startFileIngest(store.db, "/data/active.csv");
    await finishIngest(store.db, activeIngest, {
      recordsTotal: 1, accepted: 1, rejected: 0, objectsInserted: 0, objectsUpdated: 0, elementSetsInserted: 0, elementSetsDuplicate: 1,
      epochMin: null, epochMax: null, epochMedian: null, dataAsOf: "2025-02-15", status: "succeeded", finishedAt: "2025-02-15T00:00:00.000Z",
    });
    await markActiveSetIngest(store.db, activeIngest, [90001]);
  });
  afterEach(async () => {
    await store.close();
  });

  const request = (selector = "all") => ({ fromMs: FROM_MS, toMs: FROM_MS + 86_400_000, thresholdKm: 10, selector: parsePrimarySelector(selector), threads: 1 });

  it("screens the set of each object nearest the window start (newest before it, else first within the window), leaving out objects decayed before it or first seen after it", async () => {
    const { run, activeSet } = await runScreening(store.db, request(), deps());
    expect(seen?.elements.map((e) => [e.catalogNumber, e.epoch])).toEqual([
      [25730, "2025-02-14T00:00:00.000000Z"],
      [29001, "2025-01-20T00:00:00.000000Z"],
      [90001, "2025-02-15T12:00:00.000000Z"],
      [90003, "2025-02-16T12:00:00.000000Z"],
    ]);
    expect(seen?.params).toEqual({ fromMs: FROM_MS, toMs: FROM_MS + 86_400_000, thresholdKm: 10, primaries: null });
    expect(run.snapshot).toMatchObject({ objectCount: 4, epochMin: "2025-01-20T00:00:00.000000Z", epochMax: "2025-02-16T12:00:00.000000Z", maxAgeDays: 27, staleCount: 1 });
    expect(run).toMatchObject({ eventsCount: 2, algorithm: "stand-in", guarantee: "none", primariesSelector: "all", primaries: null, status: "succeeded" });
    expect(run.activeSet).toEqual({ ingestId: activeSet!.ingestId, asOf: "2025-02-15" });
    const events = await allRunEvents(store.db, run.id);
    expect(events.map((e) => [e.secondary, e.pc, e.pcMethod, e.hbrM, e.primaryElementSetId !== null])).toEqual([
      [29001, 1.5e-4, "FOSTER-1992", 2, true],
      [90001, 0.5e-4, "FOSTER-1992", 2, true],
    ]);
  });

  it("selects primaries by actor, by catalog number and by activity, and refuses a selector that matches nothing", async () => {
    await runScreening(store.db, request("actor:chn"), deps());
    expect(seen?.params.primaries).toEqual([25730, 29001]);
    await runScreening(store.db, request("90001,25730,12345"), deps());
    expect(seen?.params.primaries).toEqual([25730, 90001]);
    await runScreening(store.db, request("active"), deps());
    expect(seen?.params.primaries).toEqual([90001]);
    await runScreening(store.db, request("type:debris"), deps());
    expect(seen?.params.primaries).toEqual([29001]);
    await expect(runScreening(store.db, request("actor:FRA"), deps())).rejects.toBeInstanceOf(NotFoundError);
    await expect(runScreening(store.db, request("90002"), deps())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stores nothing when cancelled while screening or when the engine fails", async () => {
    const abort = new AbortController();
    const cancelling: ScreenCatalogFn = () => {
      abort.abort();
      return Promise.reject(new Error("aborted by signal"));
    };
    await expect(runScreening(store.db, request(), deps(cancelling), { signal: abort.signal })).rejects.toBeInstanceOf(ScreeningAbortedError);
    const late = new AbortController();
    const finishing: ScreenCatalogFn = () => {
      late.abort();
      return Promise.resolve({ events: [fakeEvent(25730, 29001, 1)], stats: {} });
    };
    await expect(runScreening(store.db, request(), deps(finishing), { signal: late.signal })).rejects.toBeInstanceOf(ScreeningAbortedError);
    await expect(runScreening(store.db, request(), deps(() => Promise.reject(new Error("worker crashed"))))).rejects.toThrow("worker crashed");
    expect(await listScreeningRuns(store.db)).toEqual([]);
    expect(await store.db.selectFrom("conjunction_events").selectAll().execute()).toEqual([]);
  });
});
