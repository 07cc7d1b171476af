import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTle } from "../../src/orbit/tle-parse.ts";
import { parseCatalogNumber, tleChecksum } from "../../src/orbit/tle-fields.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const ISS_1 = "1 25544U 98067A   19156.50900463  .00003075  00000-0  59442-4 0  9992";
const ISS_2 = "2 25544  51.6433  59.2583 0008217  16.4489 347.6017 15.51174618173442";

/** Replaces columns [start, start+text.length) and fixes the checksum, so only the intended field is wrong. */
function withField(line: string, start: number, text: string): string {
  const body = line.slice(0, start) + text + line.slice(start + text.length, 68);
  return body + String(tleChecksum(body));
}

describe("parseTle", () => {
  it("reads a 2-line element set into exact values and an exact microsecond epoch", () => {
    const { records, rejections } = parseTle(`${ISS_1}\n${ISS_2}\n`, "iss.txt");
    expect(rejections).toEqual([]);
    expect(records).toEqual([
      {
        catalogNumber: 25544,
        objectName: null,
        objectId: "1998-067A",
        epoch: "2019-06-05T12:12:58.000032Z",
        epochMs: Date.UTC(2019, 5, 5, 12, 12, 58) + 0.032,
        meanMotionRevPerDay: 15.51174618,
        eccentricity: 0.0008217,
        inclinationDeg: 51.6433,
        raOfAscNodeDeg: 59.2583,
        argOfPericenterDeg: 16.4489,
        meanAnomalyDeg: 347.6017,
        bstarPerEarthRadii: 0.59442e-4,
        meanMotionDotRevPerDay2: 0.00003075,
        meanMotionDdotRevPerDay3: 0,
        ephemerisType: 0,
        classificationType: "U",
        elementSetNumber: 999,
        revAtEpoch: 17344,
      },
    ]);
  });

  it("reads 3-line sets with and without the `0 ` name prefix, with CRLF and blank lines", () => {
    const text = `0 ISS (ZARYA)\r\n${ISS_1}\r\n${ISS_2}\r\n\r\nISS (ZARYA)\r\n${ISS_1}\r\n${ISS_2}\r\n`;
    const { records, rejections } = parseTle(text, "iss.txt");
    expect(rejections).toEqual([]);
    expect(records.map((r) => r.objectName)).toEqual(["ISS (ZARYA)", "ISS (ZARYA)"]);
  });

  it("reads Alpha-5 catalog numbers: A0000 = 100000, J = 18 (I skipped), Z9999 = 339999", () => {
    expect(parseCatalogNumber("A0000", 0)).toBe(100000);
    expect(parseCatalogNumber("J1234", 0)).toBe(181234);
    expect(parseCatalogNumber("P0001", 0)).toBe(230001); // O skipped: P = 23
    expect(parseCatalogNumber("Z9999", 0)).toBe(339999);
    expect(parseCatalogNumber("I0000", 0)).toBeNaN();
    const line1 = withField(ISS_1, 2, "E1234");
    const line2 = withField(ISS_2, 2, "E1234");
    expect(parseTle(`${line1}\n${line2}`, "a5.txt").records[0]?.catalogNumber).toBe(141234);
  });

  it("reads the implied-decimal exponent fields, signs included (-11606-4, +00000+0)", () => {
    const line1 = withField(withField(ISS_1, 44, "-11606-4"), 53, "+00000+0");
    const el = parseTle(`${line1}\n${ISS_2}`, "x").records[0];
    expect(el?.meanMotionDdotRevPerDay3).toBe(-0.11606e-4);
    expect(el?.bstarPerEarthRadii).toBe(0);
  });

  it("rejects a wrong checksum with field `checksum` and the line number, and keeps the good records", () => {
    const badLine2 = ISS_2.slice(0, 68) + String((Number(ISS_2.charAt(68)) + 1) % 10);
    const { records, rejections } = parseTle(`0 A\n${ISS_1}\n${badLine2}\n0 B\n${ISS_1}\n${ISS_2}\n`, "bad.txt");
    expect(records.map((r) => r.objectName)).toEqual(["B"]);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ source: "bad.txt", line: 3, recordIndex: 0, field: "checksum" });
    console.log("wrong checksum:", rejections[0]?.reason);
  });

  it("names the line of an orphan line 1, an orphan line 2, a truncated line and a line 2 of another object", () => {
    const other2 = withField(ISS_2, 2, "25545");
    const text = [ISS_1, "0 NEXT", ISS_1, ISS_2.slice(0, 50), ISS_2, ISS_1, other2, ISS_1, ISS_2].join("\n");
    const { records, rejections } = parseTle(text, "mixed.txt");
    expect(records).toHaveLength(1);
    expect(rejections.map((r) => [r.line, r.field])).toEqual([
      [1, null], // line 1 followed by a name line
      [4, null], // truncated line 2
      [5, null], // orphan line 2
      [7, "NORAD_CAT_ID"], // line 2 of another object
    ]);
    expect(rejections[1]?.reason).toContain("truncated");
    for (const r of rejections) console.log(`line ${r.line}: ${r.reason}`);
  });

  it("rejects out-of-range fields: inclination 190, zero mean motion, epoch day 367", () => {
    const cases: [string, string, string][] = [
      [ISS_1, withField(ISS_2, 8, "190.0000"), "INCLINATION"],
      [ISS_1, withField(ISS_2, 52, " 0.00000000"), "MEAN_MOTION"],
      [withField(ISS_1, 18, "19367.50900463"), ISS_2, "EPOCH"],
      [withField(ISS_1, 33, " .0000x075"), ISS_2, "MEAN_MOTION_DOT"],
    ];
    for (const [a, b, field] of cases) {
      const { rejections } = parseTle(`${a}\n${b}`, "x");
      expect(rejections[0]?.field, field).toBe(field);
    }
  });

  it("maps two-digit epoch years 57-99 to 19xx and 00-56 to 20xx", () => {
    const old = parseTle(`${withField(ISS_1, 18, "57001.00000000")}\n${ISS_2}`, "x").records[0];
    const recent = parseTle(`${withField(ISS_1, 18, "56366.50000000")}\n${ISS_2}`, "x").records[0];
    expect(old?.epoch).toBe("1957-01-01T00:00:00.000000Z");
    expect(recent?.epoch).toBe("2056-12-31T12:00:00.000000Z");
  });

  const catalogPath = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
  it.skipIf(!catalogPath)("parses all 26,140 objects of the 2023-10-09 full catalog in well under 200 ms", () => {
    const text = readFileSync(catalogPath as string, "utf8");
    parseTle(text, "warm-up");
    const started = performance.now();
    const { records, rejections } = parseTle(text, "catalog");
    const elapsedMs = performance.now() - started;
    console.log(`parsed ${records.length} element sets in ${elapsedMs.toFixed(1)} ms (limit 200 ms)`);
    expect(rejections).toEqual([]);
    expect(records).toHaveLength(26140);
    expect(records[0]).toMatchObject({ catalogNumber: 5, objectName: "VANGUARD 1", objectId: "1958-002B", epoch: "2023-10-09T12:58:38.711712Z" });
    expect(records.find((r) => r.catalogNumber === 29)?.objectName).toBe("TIROS 1"); // blank-padded `   29`
    expect(elapsedMs).toBeLessThan(200);
  });

  const historyPath = sharedDataFile("tle-history/04006_tle_history_1969-2000.txt");
  it.skipIf(!historyPath)("reads the 1969-2000 history of 04006 with explicit + signs and the old `61015 JL` designator", () => {
    const { records, rejections } = parseTle(readFileSync(historyPath as string, "utf8"), "04006");
    expect(rejections).toEqual([]);
    expect(records).toHaveLength(6904);
    expect(new Set(records.map((r) => r.objectId))).toEqual(new Set(["1961-015JL"]));
    const first = records[0];
    expect(first).toMatchObject({ epoch: "2000-06-09T08:37:51.838464Z", meanMotionDotRevPerDay2: 0.04796367, bstarPerEarthRadii: 0.18367e-1 });
    const years = records.map((r) => Number(r.epoch.slice(0, 4)));
    expect([Math.min(...years), Math.max(...years)]).toEqual([1969, 2000]);
  });
});
