import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StrictIngestError } from "../../src/catalog/catalog-ingest.service.ts";
import { loadAsOf } from "../../src/catalog/data-as-of.ts";
import { InvalidInputError } from "../../src/core/concord-error.ts";
import { loadComplianceMasses } from "../../src/environment/compliance-masses.service.ts";
import { ingestMassEstimates, isMassEstimatePayload } from "../../src/environment/mass-estimate-ingest.service.ts";
import { buildSourcePayload } from "../../src/sources/source-payload.ts";
import type { SourcePayload } from "../../src/sources/source-payload.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { createIngest, finishIngest, listIngests, listRejections } from "../../src/store/ingest.repository.ts";
import { countObjectMassEstimates, listObjectMassEstimates, newestMassEstimateIngest } from "../../src/store/object-mass-estimate.repository.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { testDatabases } from "../support/test-databases.ts";

const CARA_FILE = sharedDataFile("cara/HBRMassEstimates/HBR_Mass_Estimates_20260601_ForDistribution.csv");
const HEADER = "ObjectID,HBR,HBRSigma,HBRSource,Mass,MassSigma,MassSource";
const ROWS = [
  "1,,0,DISCOS DB,,0,DISCOS DB",
  "51,0.96,1.13,SFK RCS Estimate,68.5,229,SFK RCS Estimate",
  "194,,0,DISCOS DB,2449.3,0,Default",
  "25544,66.1,0,CARA Protected Primary,419725,0,CARA Protected Primary",
];

function payload(source: string, text: string): Promise<SourcePayload> {
  return buildSourcePayload(source, "file", Buffer.from(text), { retrievedAt: "2026-11-26T00:00:00.000Z", lastModified: null, fromCache: false });
}

describe.each(testDatabases())("CARA mass-estimate ingest on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
  });
  afterEach(async () => {
    await store.close();
  });

  it("records provenance (source, SHA-256, bytes, rows, as-of from the file name) and every row, rejected rows with line and field", async () => {
    const source = await payload("/data/HBR_Mass_Estimates_20260601_ForDistribution.csv", [HEADER, ...ROWS, "52,1,0,SFK RCS Estimate,heavy,1,SFK RCS Estimate"].join("\n"));
    expect(isMassEstimatePayload(source)).toBe(true);
    const [report] = await ingestMassEstimates(store.db, [source], { strict: false, now: () => new Date("2026-11-26T01:00:00Z") });
    expect(report).toMatchObject({
      source: "/data/HBR_Mass_Estimates_20260601_ForDistribution.csv",
      format: "cara-hbr-mass-csv",
      sha256: source.sha256,
      bytes: source.bytes,
      recordsTotal: 5,
      accepted: 4,
      rejected: 1,
      dataAsOf: "2026-06-01",
      dataAsOfBasis: "file-name",
      summary: { estimates: 4, withMass: { "SFK RCS Estimate": 1, Default: 1, "CARA Protected Primary": 1 }, withoutMass: { "DISCOS DB": 1 } },
    });
    const [ingest] = await listIngests(store.db);
    expect(ingest).toMatchObject({ id: report!.ingestId, format: "cara-hbr-mass-csv", sha256: source.sha256, accepted: 4, rejected: 1, dataAsOf: "2026-06-01", status: "succeeded" });
    expect(ingest!.note).toContain("mass given for 3 (CARA Protected Primary 1, Default 1, SFK RCS Estimate 1); no mass for 1 (DISCOS DB 1)");
    const rejected = await listRejections(store.db, report!.ingestId, { limit: 10, offset: 0 });
    expect(rejected.items.map((r) => [r.line, r.field, r.reason])).toEqual([[6, "Mass", '"heavy" is not a number']]);
    const stored = await listObjectMassEstimates(store.db, report!.ingestId);
    expect(stored).toEqual([
      { catalogNumber: 1, massKg: null, massSigmaKg: 0, massSource: "DISCOS DB", hbrM: null, hbrSigmaM: 0, hbrSource: "DISCOS DB" },
      { catalogNumber: 51, massKg: 68.5, massSigmaKg: 229, massSource: "SFK RCS Estimate", hbrM: 0.96, hbrSigmaM: 1.13, hbrSource: "SFK RCS Estimate" },
      { catalogNumber: 194, massKg: 2449.3, massSigmaKg: 0, massSource: "Default", hbrM: null, hbrSigmaM: 0, hbrSource: "DISCOS DB" },
      { catalogNumber: 25544, massKg: 419725, massSigmaKg: 0, massSource: "CARA Protected Primary", hbrM: 66.1, hbrSigmaM: 0, hbrSource: "CARA Protected Primary" },
    ]);
    expect(await countObjectMassEstimates(store.db, report!.ingestId)).toEqual({ listed: 4, withMass: 3 });
    // The mass ingest is neither the SATCAT nor the element sets a figure is as of.
    expect(await loadAsOf(store.db)).toEqual({ satcat: null, elementSets: null });
  });

  it("--strict stores nothing when a row is bad, and names the row's line and field", async () => {
    const bad = await payload("HBR_Mass_Estimates_20260601_ForDistribution.csv", [HEADER, ROWS[0], "x,1,0,Default,1,0,Default"].join("\n"));
    const error = await ingestMassEstimates(store.db, [bad], { strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrictIngestError);
    expect((error as StrictIngestError).rejections.map((r) => [r.line, r.field])).toEqual([[3, "ObjectID"]]);
    expect(await listIngests(store.db)).toEqual([]);
    expect(await newestMassEstimateIngest(store.db)).toBeNull();
  });

  it("without a date in the file name it needs --as-of, and stores nothing until given one", async () => {
    const undated = await payload("masses.csv", [HEADER, ...ROWS].join("\n"));
    await expect(ingestMassEstimates(store.db, [undated], { strict: false })).rejects.toThrow(InvalidInputError);
    expect(await listIngests(store.db)).toEqual([]);
    const [report] = await ingestMassEstimates(store.db, [undated], { strict: false, asOf: "2026-05-01" });
    expect(report).toMatchObject({ dataAsOf: "2026-05-01", dataAsOfBasis: "flag" });
  });

  it("a newer file adds its rows and loses nothing stored before; figures use the newest as-of", async () => {
    const [first] = await ingestMassEstimates(store.db, [await payload("HBR_Mass_Estimates_20260601_ForDistribution.csv", [HEADER, ...ROWS].join("\n"))], { strict: false });
    const [older] = await ingestMassEstimates(store.db, [await payload("HBR_Mass_Estimates_20251101_ForDistribution.csv", [HEADER, "51,1,0,SFK RCS Estimate,70,10,SFK RCS Estimate"].join("\n"))], { strict: false });
    expect((await newestMassEstimateIngest(store.db))?.id).toBe(first!.ingestId);
    const [second] = await ingestMassEstimates(store.db, [await payload("HBR_Mass_Estimates_20260701_ForDistribution.csv", [HEADER, "51,1,0,SFK RCS Estimate,71,10,SFK RCS Estimate"].join("\n"))], { strict: false });
    expect((await newestMassEstimateIngest(store.db))?.id).toBe(second!.ingestId);
    expect((await listObjectMassEstimates(store.db, first!.ingestId)).length).toBe(4);
    expect((await listObjectMassEstimates(store.db, older!.ingestId)).length).toBe(1);
    const { masses, source } = await loadComplianceMasses(store.db);
    expect(source).toMatchObject({ ingestId: second!.ingestId, dataAsOf: "2026-07-01", objectsListed: 1, objectsWithMass: 1 });
    expect([...masses]).toEqual([[51, { massKg: 71, massSource: "SFK RCS Estimate" }]]);
  });

  it("gives the masses of some catalog numbers only, a withheld mass as null, and none on a store without mass estimates", async () => {
    expect(await loadComplianceMasses(store.db)).toEqual({ masses: new Map(), source: null });
    await ingestMassEstimates(store.db, [await payload("HBR_Mass_Estimates_20260601_ForDistribution.csv", [HEADER, ...ROWS].join("\n"))], { strict: false });
    const { masses, source } = await loadComplianceMasses(store.db, new Set([1, 194, 999]));
    expect([...masses]).toEqual([
      [1, { massKg: null, massSource: "DISCOS DB" }],
      [194, { massKg: 2449.3, massSource: "Default" }],
    ]);
    expect(source).toMatchObject({ objectsListed: 4, objectsWithMass: 3 });
  });

  it("a mass ingest does not become the element sets a figure is as of", async () => {
    const tle = await createIngest(store.db, { source: "3le.txt", sourceKind: "file", format: "tle", retrievedAt: "2026-11-26T00:00:00Z", sha256: null, bytes: null });
    await finishIngest(store.db, tle, {
      recordsTotal: 0, accepted: 0, rejected: 0, objectsInserted: 0, objectsUpdated: 0, elementSetsInserted: 0, elementSetsDuplicate: 0,
      epochMin: null, epochMax: null, epochMedian: null, dataAsOf: "2023-10-09", status: "succeeded", finishedAt: "2026-11-26T00:00:01Z",
    });
    await ingestMassEstimates(store.db, [await payload("HBR_Mass_Estimates_20260601_ForDistribution.csv", [HEADER, ...ROWS].join("\n"))], { strict: false });
    expect((await loadAsOf(store.db)).elementSets?.ingestId).toBe(tle);
  });

  it.skipIf(!CARA_FILE)("stores the real 2026-06-01 file: 58,609 objects, 22,678 with a mass, none rejected", async () => {
    const real = await buildSourcePayload(CARA_FILE!, "file", readFileSync(CARA_FILE!), { retrievedAt: "2026-11-26T00:00:00.000Z", lastModified: null, fromCache: false });
    const started = performance.now();
    const [report] = await ingestMassEstimates(store.db, [real], { strict: true });
    console.log(`${target}: CARA file ingested in ${((performance.now() - started) / 1000).toFixed(2)} s: ${report!.accepted} rows, note: ${(await listIngests(store.db))[0]!.note}`);
    expect(report).toMatchObject({ accepted: 58_609, rejected: 0, dataAsOf: "2026-06-01", bytes: 3_135_163 });
    expect(await countObjectMassEstimates(store.db, report!.ingestId)).toEqual({ listed: 58_609, withMass: 22_678 });
    const iss = (await loadComplianceMasses(store.db, new Set([25544]))).masses.get(25544);
    expect(iss).toEqual({ massKg: 419_725, massSource: "CARA Protected Primary" });
  });
});
