import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifySgp4 } from "../../src/orbit/sgp4-verify.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const verPath = sharedDataFile("sgp4/SGP4-VER.TLE");
const refPath = sharedDataFile("sgp4/tcppver.out");

describe.skipIf(!verPath || !refPath)("verifySgp4 against Vallado's tcppver.out", () => {
  const report = verPath && refPath ? verifySgp4(readFileSync(verPath, "utf8"), readFileSync(refPath, "utf8")) : null;

  it("matches all 33 cases within 1e-6 km and 1e-8 km/s", () => {
    if (report === null) return;
    for (const c of report.cases) {
      console.log(`${c.satnum.padStart(5)}: ${String(c.referenceCount).padStart(3)} states, max |Δr| ${c.maxPositionErrorKm.toExponential(2)} km, max |Δv| ${c.maxVelocityErrorKmS.toExponential(2)} km/s${c.stop ? `, stops at ${c.stop.stopMin} min with error ${c.stop.actualErrorCode} (expected ${c.stop.expectedErrorCode})` : ""}`);
    }
    console.log(`largest position error ${report.maxPositionErrorKm} km (case ${report.worstPositionCase}, limit 1e-6); largest velocity error ${report.maxVelocityErrorKmS} km/s (case ${report.worstVelocityCase}, limit 1e-8)`);
    expect(report.cases).toHaveLength(33);
    expect(report.cases.flatMap((c) => c.problems)).toEqual([]);
    expect(report.maxPositionErrorKm).toBeLessThan(1e-6);
    expect(report.maxVelocityErrorKmS).toBeLessThan(1e-8);
    expect(report.passed).toBe(true);
  });

  it("stops where the reference stops, with the expected SGP4 error, in the seven early-stopping cases", () => {
    if (report === null) return;
    const stops = report.cases.filter((c) => c.stop !== null).map((c) => [c.satnum, c.stop?.stopMin, c.stop?.actualErrorCode, c.stop?.matches]);
    expect(stops).toEqual([
      ["22312", 494.2028672, 1, true],
      ["28350", 1560, 1, true],
      ["28872", 55, 6, true],
      ["29141", 440, 6, true],
      ["33333", 25, 4, true],
      ["33334", 0, 3, true],
      ["20413", 1844345, 6, true],
    ]);
  });

  it("fails when a reference value is moved by 1e-5 km", () => {
    if (verPath === null || refPath === null) return;
    const tampered = readFileSync(refPath, "utf8").replace("7022.46529266", "7022.46530266");
    const bad = verifySgp4(readFileSync(verPath, "utf8"), tampered);
    expect(bad.passed).toBe(false);
    expect(bad.worstPositionCase).toBe("5");
  });
});
