import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { describeRejection } from "../../src/core/rejection.ts";
import { parseSpacetrackSatcatJson, parseSpacetrackSatcatRecords } from "../../src/catalog/satcat-spacetrack-json-parse.ts";
import { loadSpacetrackSatcat } from "./satcat-fixture.ts";

const satcat = loadSpacetrackSatcat();

describe.skipIf(satcat === null)("parseSpacetrackSatcatJson on the real 2026-01-20 Space-Track SATCAT", () => {
  const { path, text, parsed } = satcat ?? { path: "", text: "[]", parsed: [] };
  const result = parseSpacetrackSatcatJson(text, path);

  it("accepts all 67,422 records and rejects none", () => {
    expect(result.rejections.map(describeRejection)).toEqual([]);
    expect(result.records).toHaveLength(67_422);
  });

  it("finds 32,818 objects on orbit: 17,093 payloads, 12,648 debris, 2,404 rocket bodies, 673 unknown", () => {
    const onOrbit = result.records.filter((r) => r.decayDate === null);
    const byType: Record<string, number> = {};
    for (const r of onOrbit) byType[r.objectType] = (byType[r.objectType] ?? 0) + 1;
    expect(onOrbit).toHaveLength(32_818);
    expect(byType).toEqual({ PAYLOAD: 17_093, DEBRIS: 12_648, "ROCKET BODY": 2_404, UNKNOWN: 673 });
  });

  it("maps every field of the ISS (25544) and of Sputnik's rocket body (1)", () => {
    const iss = result.records.find((r) => r.catalogNumber === 25544);
    expect(iss).toEqual({
      catalogNumber: 25544,
      internationalDesignator: "1998-067A",
      name: "ISS (ZARYA)",
      objectType: "PAYLOAD",
      ownerCode: "CIS",
      launchDate: "1998-11-20",
      launchSite: "TTMTR",
      decayDate: null,
      periodMin: 92.93,
      inclinationDeg: 51.63,
      apogeeKm: 423,
      perigeeKm: 413,
      rcsSize: "LARGE",
      operationalStatus: null,
    });
    const first = result.records[0];
    expect(first?.catalogNumber).toBe(1);
    expect(first?.decayDate).toBe("1957-12-01");
  });

  it("parses the 67k records in well under 300 ms after JSON.parse", () => {
    parseSpacetrackSatcatRecords(parsed, path); // warm-up
    const started = performance.now();
    const again = parseSpacetrackSatcatRecords(parsed, path);
    const elapsedMs = performance.now() - started;
    console.log(`Space-Track SATCAT: ${again.records.length} records parsed in ${elapsedMs.toFixed(1)} ms after JSON.parse (limit 300 ms)`);
    expect(elapsedMs).toBeLessThan(300);
  });
});

describe("parseSpacetrackSatcatJson on bad input", () => {
  const good = { NORAD_CAT_ID: "5", OBJECT_TYPE: "PAYLOAD", SATNAME: "VANGUARD 1", COUNTRY: "US", LAUNCH: "1958-03-17", DECAY: null };

  it("rejects each bad record with its index and field, and keeps the good ones", () => {
    const input = [
      good,
      { ...good, NORAD_CAT_ID: null },
      { ...good, NORAD_CAT_ID: "12a" },
      { ...good, OBJECT_TYPE: "SPACESHIP" },
      { ...good, LAUNCH: "1958-02-30" },
      { ...good, DECAY: "yesterday" },
      { ...good, PERIOD: "ninety" },
      { ...good, APOGEE: "1e999" },
      { ...good, RCS_SIZE: "HUGE" },
      "not an object",
      { ...good, NORAD_CAT_ID: "6", PERIGEE: "650", INCLINATION: "34.25" },
    ];
    const result = parseSpacetrackSatcatJson(JSON.stringify(input), "bad.json");
    expect(result.records.map((r) => r.catalogNumber)).toEqual([5, 6]);
    expect(result.rejections.map((r) => [r.recordIndex, r.field])).toEqual([
      [1, "NORAD_CAT_ID"],
      [2, "NORAD_CAT_ID"],
      [3, "OBJECT_TYPE"],
      [4, "LAUNCH"],
      [5, "DECAY"],
      [6, "PERIOD"],
      [7, "APOGEE"],
      [8, "RCS_SIZE"],
      [9, null],
    ]);
    for (const r of result.rejections) {
      expect(r.source).toBe("bad.json");
      expect(r.line).toBeNull();
      expect(r.raw).not.toBeNull();
      expect(r.reason.length).toBeGreaterThan(0);
    }
    console.log(result.rejections.map(describeRejection).join("\n"));
  });

  it("treats text that is not a JSON array as a source format error", () => {
    expect(() => parseSpacetrackSatcatJson('{"a":1}', "obj.json")).toThrow(SourceFormatError);
    expect(() => parseSpacetrackSatcatJson('[{"NORAD_CAT_ID": "1"', "truncated.json")).toThrow(SourceFormatError);
  });
});
