import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAsOf } from "../../src/catalog/data-as-of.ts";
import { StrictIngestError } from "../../src/catalog/catalog-ingest.service.ts";
import { ingestSpaceWeather, isSpaceWeatherPayload } from "../../src/environment/space-weather-ingest.service.ts";
import { detectFormat } from "../../src/sources/detect-format.ts";
import { buildSourcePayload } from "../../src/sources/source-payload.ts";
import type { SourcePayload } from "../../src/sources/source-payload.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { createIngest, finishIngest, listIngests, listRejections } from "../../src/store/ingest.repository.ts";
import { listSpaceWeatherDays, newestSpaceWeatherIngest } from "../../src/store/space-weather.repository.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { testDatabases } from "../support/test-databases.ts";

const swAll = sharedDataFile("space-weather/SW-All.csv");
const HEADER =
  "DATE,BSRN,ND,KP1,KP2,KP3,KP4,KP5,KP6,KP7,KP8,KP_SUM,AP1,AP2,AP3,AP4,AP5,AP6,AP7,AP8,AP_AVG,CP,C9,ISN,F10.7_OBS,F10.7_ADJ,F10.7_DATA_TYPE,F10.7_OBS_CENTER81,F10.7_OBS_LAST81,F10.7_ADJ_CENTER81,F10.7_ADJ_LAST81";
const ROWS = [
  "2023-10-08,2591,27,7,3,3,7,10,13,10,7,60,3,2,2,3,4,5,4,3,3,0.1,0,105,157.1,159.5,OBS,146.6,152.0,148.6,153.8",
  "2023-10-09,2592,1,13,7,10,7,13,17,13,10,90,5,3,4,3,5,6,5,4,4,0.2,1,110,165.5,168.0,OBS,146.4,152.3,148.4,154.0",
  "2023-10-10,2592,2,13,7,10,7,13,17,13,10,90,5,3,4,3,5,6,5,4,4,0.2,1,110,164.4,167.0,PRD,146.4,152.3,148.4,154.0",
  "2023-11-01,2593,3,,,,,,,,,,,,,,,,,,,,,85,150.2,151.5,PRM,150.0,151.6,150.4,151.3",
];

function payload(source: string, text: string): Promise<SourcePayload> {
  return buildSourcePayload(source, "file", Buffer.from(text), { retrievedAt: "2026-11-26T00:00:00.000Z", lastModified: null, fromCache: false });
}

describe("space-weather format detection", () => {
  it("tells CelesTrak's space-weather CSV by its header, and only it", async () => {
    const text = [HEADER, ...ROWS].join("\n");
    expect(detectFormat(text, "sw.csv")).toBe("space-weather-csv");
    expect(isSpaceWeatherPayload(await payload("sw.csv", text))).toBe(true);
    expect(isSpaceWeatherPayload(await payload("omm.csv", "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION\n"))).toBe(false);
  });
});

describe.each(testDatabases())("space-weather ingest on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
  });
  afterEach(async () => {
    await store.close();
  });

  it("records provenance (source, SHA-256, bytes, rows, observed span, as-of) and every day, rejected rows with their lines", async () => {
    const text = [HEADER, ...ROWS, "2023-13-01,2593,3,,,,,,,,,,,,,,,,,,,,,85,150.2,151.5,PRM,150.0,151.6,150.4,151.3"].join("\n");
    const source = await payload("/data/SW-All.csv", text);
    const [report] = await ingestSpaceWeather(store.db, [source], { strict: false, now: () => new Date("2026-11-26T01:00:00Z") });
    expect(report).toMatchObject({
      source: "/data/SW-All.csv",
      format: "space-weather-csv",
      sha256: source.sha256,
      bytes: source.bytes,
      recordsTotal: 5,
      accepted: 4,
      rejected: 1,
      dataAsOf: "2023-10-09",
      coverage: { firstObserved: "2023-10-08", lastObserved: "2023-10-09", dailyPredictedRows: 1, monthlyPredictedRows: 1, lastDate: "2023-11-01" },
    });
    const [ingest] = await listIngests(store.db);
    expect(ingest).toMatchObject({ id: report!.ingestId, format: "space-weather-csv", sha256: source.sha256, accepted: 4, rejected: 1, dataAsOf: "2023-10-09", status: "succeeded" });
    expect(ingest!.note).toContain("observed 2023-10-08 to 2023-10-09");
    const rejected = await listRejections(store.db, report!.ingestId, { limit: 10, offset: 0 });
    expect(rejected.items.map((r) => [r.line, r.field])).toEqual([[6, "DATE"]]);
    const newest = await newestSpaceWeatherIngest(store.db);
    expect(newest?.ingest.id).toBe(report!.ingestId);
    const days = await listSpaceWeatherDays(store.db, report!.ingestId);
    expect(days.map((d) => d.date)).toEqual(["2023-10-08", "2023-10-09", "2023-10-10", "2023-11-01"]);
    expect(days[1]).toMatchObject({ kind: "observed", f107ObsSfu: 165.5, ap3Hourly: [5, 3, 4, 3, 5, 6, 5, 4], kp3Hourly: [1.3, 0.7, 1, 0.7, 1.3, 1.7, 1.3, 1], kpSum: 9 });
    expect(days[3]).toMatchObject({ kind: "monthly-predicted", apDaily: null, ap3Hourly: null });
  });

  it("--strict stores nothing when a row is bad", async () => {
    const bad = await payload("bad.csv", [HEADER, ROWS[0], "2023-10-09,x"].join("\n"));
    await expect(ingestSpaceWeather(store.db, [bad], { strict: true })).rejects.toThrow(StrictIngestError);
    expect(await listIngests(store.db)).toEqual([]);
    expect(await newestSpaceWeatherIngest(store.db)).toBeNull();
  });

  it("is neither the SATCAT nor the element sets a figure is as of, and the newest observations win", async () => {
    const tleIngest = await createIngest(store.db, { source: "3le.txt", sourceKind: "file", format: "tle", retrievedAt: "2026-11-26T00:00:00Z", sha256: null, bytes: null });
    await finishIngest(store.db, tleIngest, {
      recordsTotal: 0, accepted: 0, rejected: 0, objectsInserted: 0, objectsUpdated: 0, elementSetsInserted: 0, elementSetsDuplicate: 0,
      epochMin: null, epochMax: null, epochMedian: null, dataAsOf: "2023-10-09", status: "succeeded", finishedAt: "2026-11-26T00:00:01Z",
    });
    const [later] = await ingestSpaceWeather(store.db, [await payload("later.csv", [HEADER, ...ROWS].join("\n"))], { strict: false });
    await ingestSpaceWeather(store.db, [await payload("earlier.csv", [HEADER, ROWS[0]].join("\n"))], { strict: false });
    const asOf = await loadAsOf(store.db);
    expect(asOf.elementSets?.ingestId).toBe(tleIngest);
    expect(asOf.satcat).toBeNull();
    expect((await newestSpaceWeatherIngest(store.db))?.ingest.id).toBe(later!.ingestId);
  });

  it.skipIf(!swAll)("stores the real SW-All.csv: 25,371 days observed 1957-10-01 to 2026-08-06", async () => {
    const real = await buildSourcePayload(swAll!, "file", readFileSync(swAll!), { retrievedAt: "2026-11-26T00:00:00.000Z", lastModified: null, fromCache: false });
    const [report] = await ingestSpaceWeather(store.db, [real], { strict: true });
    expect(report).toMatchObject({ accepted: 25_371, rejected: 0, dataAsOf: "2026-08-06", coverage: { firstObserved: "1957-10-01", lastDate: "2041-10-01" } });
    const days = await listSpaceWeatherDays(store.db, report!.ingestId);
    expect(days.length).toBe(25_371);
    expect(days[0]).toMatchObject({ date: "1957-10-01", f107ObsSfu: 269.3, apDaily: 21 });
  });
});
