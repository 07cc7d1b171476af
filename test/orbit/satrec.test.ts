import { readFileSync } from "node:fs";
import { type SatRec, sgp4, twoline2satrec } from "satellite.js";
import { describe, expect, it } from "vitest";
import { parseOmmCsv } from "../../src/orbit/omm-csv-parse.ts";
import { isPropagationFailure, propagateAt } from "../../src/orbit/propagate.ts";
import { losslessTleLines, toSatrec, toSatrecThroughOmm } from "../../src/orbit/satrec.ts";
import { parseTle } from "../../src/orbit/tle-parse.ts";
import { sharedDataFile } from "../support/shared-data.ts";

function maxPositionDifferenceKm(a: SatRec, b: SatRec, minutes: readonly number[]): number {
  let max = 0;
  for (const t of minutes) {
    const pa = sgp4(a, t);
    const pb = sgp4(b, t);
    if (pa === null || pb === null) {
      if ((pa === null) !== (pb === null)) return Infinity;
      continue;
    }
    max = Math.max(max, Math.hypot(pa.position.x - pb.position.x, pa.position.y - pb.position.y, pa.position.z - pb.position.z));
  }
  return max;
}

const DAY = [0, 180, 360, 540, 720, 900, 1080, 1260, 1440];
const catalogPath = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");

describe.skipIf(!catalogPath)("toSatrec on the 2023-10-09 catalog", () => {
  const text = catalogPath ? readFileSync(catalogPath, "utf8") : "";
  const records = parseTle(text, "catalog").records;
  const lines = text.split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.startsWith("1 ") || l.startsWith("2 "));

  it("gives the same positions as twoline2satrec on the original lines over a day (< 1e-6 km), for every object", () => {
    let max = 0;
    records.forEach((el, i) => {
      const original = twoline2satrec(lines[2 * i] as string, lines[2 * i + 1] as string);
      max = Math.max(max, maxPositionDifferenceKm(original, toSatrec(el), DAY));
    });
    console.log(`toSatrec vs twoline2satrec, ${records.length} objects × ${DAY.length} times: max |Δr| = ${max} km (limit 1e-6 km)`);
    expect(max).toBeLessThan(1e-6);
  });

  it("through json2satrec alone matches near-Earth objects exactly and deep-space ones to the stated 2e-5 km", () => {
    let nearMax = 0;
    let deepMax = 0;
    records.forEach((el, i) => {
      const original = twoline2satrec(lines[2 * i] as string, lines[2 * i + 1] as string);
      const d = maxPositionDifferenceKm(original, toSatrecThroughOmm(el), DAY);
      if (original.method === "d") deepMax = Math.max(deepMax, d);
      else nearMax = Math.max(nearMax, d);
    });
    console.log(`json2satrec route: near-Earth max |Δr| = ${nearMax} km, deep-space max |Δr| = ${deepMax} km (epoch seen at ms precision by SGP4 init)`);
    expect(nearMax).toBeLessThan(1e-9);
    expect(deepMax).toBeLessThan(2e-5);
  });
});

const csvPath = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
describe.skipIf(!csvPath)("toSatrec on CelesTrak OMM", () => {
  it("propagates six-digit catalog numbers (and a nine-digit one no TLE can carry) and labels the record with the number", () => {
    const records = parseOmmCsv(readFileSync(csvPath as string, "utf8"), "active.csv").records;
    const sixDigit = records.filter((r) => r.catalogNumber >= 100000);
    expect(sixDigit).toHaveLength(265);
    console.log(`six-digit catalog numbers in the CSV: ${Math.min(...sixDigit.map((r) => r.catalogNumber))}..${Math.max(...sixDigit.map((r) => r.catalogNumber))}`);
    const nineDigit = { ...(sixDigit[0] as (typeof records)[number]), catalogNumber: 123456789 };
    expect(toSatrec(nineDigit).satnum).toBe("123456789");
    const lossless = records.filter((r) => losslessTleLines(r) !== null).length;
    console.log(`${lossless} of ${records.length} CelesTrak OMM records have SGP4 inputs that fit TLE columns exactly`);
    for (const el of sixDigit.slice(0, 20)) {
      const satrec = toSatrec(el);
      expect(satrec.satnum).toBe(String(el.catalogNumber));
      const state = propagateAt(satrec, el.epochMs + 3_600_000);
      expect(isPropagationFailure(state)).toBe(false);
    }
  });
});
