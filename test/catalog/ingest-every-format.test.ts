import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCuratedActors } from "../../src/app/concord-context.ts";
import { loadActorTable } from "../../src/catalog/actor-table.ts";
import { ingestPayloads } from "../../src/catalog/catalog-ingest.service.ts";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import { parseOmmCsv } from "../../src/orbit/omm-csv-parse.ts";
import { formatOmmKvn } from "../../src/orbit/omm-kvn-format.ts";
import { formatOmmXml } from "../../src/orbit/omm-xml-format.ts";
import { formatTle } from "../../src/orbit/tle-format.ts";
import { buildSourcePayload } from "../../src/sources/source-payload.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { testDatabases } from "../support/test-databases.ts";

const activeCsvPath = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const [sqlite] = testDatabases();

/** 200 real element sets, every one of which a TLE can carry exactly (five-digit numbers). */
function realElementSets(): { csv: string; sets: MeanElements[] } {
  const lines = readFileSync(activeCsvPath!, "utf8").split(/\r?\n/);
  const csv = [lines[0]!, ...lines.slice(1).filter((_, i) => i % 80 === 0).slice(0, 200)].join("\n");
  const sets = parseOmmCsv(csv, "sample.csv").records.filter((s) => s.catalogNumber < 100000);
  return { csv, sets };
}

function asOmmJson(sets: readonly MeanElements[]): string {
  return JSON.stringify(
    sets.map((s) => ({
      OBJECT_NAME: s.objectName,
      OBJECT_ID: s.objectId,
      EPOCH: s.epoch.replace(/Z$/, ""),
      MEAN_MOTION: s.meanMotionRevPerDay,
      ECCENTRICITY: s.eccentricity,
      INCLINATION: s.inclinationDeg,
      RA_OF_ASC_NODE: s.raOfAscNodeDeg,
      ARG_OF_PERICENTER: s.argOfPericenterDeg,
      MEAN_ANOMALY: s.meanAnomalyDeg,
      EPHEMERIS_TYPE: s.ephemerisType,
      CLASSIFICATION_TYPE: s.classificationType,
      NORAD_CAT_ID: s.catalogNumber,
      ELEMENT_SET_NO: s.elementSetNumber,
      REV_AT_EPOCH: s.revAtEpoch,
      BSTAR: s.bstarPerEarthRadii,
      MEAN_MOTION_DOT: s.meanMotionDotRevPerDay2,
      MEAN_MOTION_DDOT: s.meanMotionDdotRevPerDay3,
    })),
  );
}

describe.skipIf(activeCsvPath === null)("ingest of every element-set format", () => {
  let store: ConcordDatabase;
  const actors = loadActorTable();
  beforeAll(async () => {
    store = await sqlite!.openEmpty();
    await syncCuratedActors(store, actors);
  });
  afterAll(async () => store.close());

  it("stores the same element sets from OMM CSV, OMM JSON, OMM XML, OMM KVN and 3-line TLE, each gzip-compressed, and the re-ingests are all duplicates", async () => {
    const { csv, sets } = realElementSets();
    expect(sets.length).toBeGreaterThan(150);
    const only = new Set(sets.map((s) => s.catalogNumber));
    const csvOfSets = [csv.split("\n")[0]!, ...csv.split("\n").slice(1).filter((line) => only.has(Number(line.split(",")[11])))].join("\n");
    const tle = sets.map((s) => [`0 ${s.objectName ?? ""}`, ...formatTle(s)].join("\n")).join("\n");
    const texts: Record<string, string> = {
      "sample.csv.gz": csvOfSets,
      "sample.json.gz": asOmmJson(sets),
      "sample.xml.gz": formatOmmXml(sets, { creationDate: "2026-11-26T00:00:00" }),
      "sample.kvn.gz": formatOmmKvn(sets, { creationDate: "2026-11-26T00:00:00" }),
      "sample.tle.gz": tle,
    };
    const reports = [];
    for (const [name, text] of Object.entries(texts)) {
      const payload = await buildSourcePayload(name, "file", gzipSync(text), { retrievedAt: "2026-11-26T00:00:00.000Z", lastModified: null, fromCache: false });
      expect(payload.compressed).toBe(true);
      const [report] = await ingestPayloads(store.db, actors, [payload], { strict: true });
      reports.push(report!);
    }
    expect(reports.map((r) => r.format)).toEqual(["omm-csv", "omm-json", "omm-xml", "omm-kvn", "tle"]);
    expect(reports.map((r) => r.accepted)).toEqual(Array(5).fill(sets.length));
    expect(reports[0]!.elementSetsInserted).toBe(sets.length);
    expect(reports.slice(1).map((r) => r.elementSetsDuplicate)).toEqual(Array(4).fill(sets.length));
    const stored = await store.db.selectFrom("element_sets").selectAll().execute();
    expect(stored).toHaveLength(sets.length);
  });
});
