import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sgp4C1PerMinute, sgp4DragTerms } from "../../../src/orbit/lifetime/sgp4-drag-terms.ts";
import { toSatrec } from "../../../src/orbit/satrec.ts";
import { parseTle } from "../../../src/orbit/tle-parse.ts";
import { sharedDataFile } from "../../support/shared-data.ts";

const catalog = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");

describe("SGP4's drag terms of an element set", () => {
  it.skipIf(!catalog)("equal satellite.js's C1 and mean semi-major axis for every 50th near-Earth object of the 2023 catalog", () => {
    const sets = parseTle(readFileSync(catalog!, "utf8"), catalog!).records;
    let largestC1 = 0;
    let largestA = 0;
    let compared = 0;
    for (let i = 0; i < sets.length; i += 50) {
      const satrec = toSatrec(sets[i]!) as unknown as { method: string; cc1: number; a: number };
      if (satrec.method !== "n" || satrec.cc1 === 0) continue;
      compared++;
      largestC1 = Math.max(largestC1, Math.abs(sgp4C1PerMinute(sets[i]!) / satrec.cc1 - 1));
      largestA = Math.max(largestA, Math.abs(sgp4DragTerms(sets[i]!).semiMajorAxisKm - satrec.a * 6378.135));
    }
    console.log(`${compared} sets: largest relative C1 difference ${largestC1.toExponential(2)}, largest |Δa| ${largestA.toExponential(2)} km (limits 1e-9, 1e-6 km)`);
    expect(compared).toBeGreaterThan(400);
    expect(largestC1).toBeLessThan(1e-9);
    expect(largestA).toBeLessThan(1e-6);
  });

  it("reads the ṅ/2 field as da/dt = −(2/3) a ṅ/n, and agrees with B* where Space-Track derived one from the other", () => {
    // ISS, 2008-09-20 (the TLE format example of CelesTrak): ṅ/2 = −2.182e-5 rev/day², B* = −1.1606e-5.
    const [iss] = parseTle(
      "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\n2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\n",
      "iss",
    ).records;
    const terms = sgp4DragTerms(iss!);
    expect(terms.meanMotionDerivativeDecayKmPerDay).toBeCloseTo((-(2 / 3) * terms.semiMajorAxisKm * 2 * -0.00002182) / 15.72125391, 12);
    expect(Math.sign(terms.bstarDecayKmPerDay)).toBe(1);
  });
});
