import { describe, expect, it } from "vitest";
import { inflectionTemperatureK, jacchiaStaticDensityProfile, jacchiaTemperatureK } from "../../../src/orbit/lifetime/jacchia-static-profile.ts";

/**
 * Reference: the exponential atmosphere of D. A. Vallado (2013), Fundamentals of Astrodynamics and Applications,
 * 4th ed., Table 8-4, whose base densities are CIRA-72 (= Jacchia 1971) at an exospheric temperature of 1000 K.
 */
const VALLADO_CIRA72_KG_M3: readonly [number, number][] = [
  [150, 2.07e-9],
  [180, 5.464e-10],
  [200, 2.789e-10],
  [250, 7.248e-11],
  [300, 2.418e-11],
  [350, 9.518e-12],
  [400, 3.725e-12],
  [450, 1.585e-12],
  [500, 6.967e-13],
  [600, 1.454e-13],
  [700, 3.614e-14],
  [800, 1.17e-14],
  [900, 5.245e-15],
  [1000, 3.019e-15],
];
const STEP_KM = 2;
const COUNT = 956; // 90 … 2000 km

describe("the Jacchia 1971 static profile", () => {
  it("matches CIRA-72 at T∞ = 1000 K within 5 % from 150 to 1000 km (within 2.5 % except at 350 km)", () => {
    const profile = jacchiaStaticDensityProfile(1000, STEP_KM, COUNT);
    let largest = 0;
    let largestAt = 0;
    let largestElsewhere = 0;
    for (const [altitudeKm, reference] of VALLADO_CIRA72_KG_M3) {
      const difference = Math.abs(profile[(altitudeKm - 90) / STEP_KM]! / reference - 1);
      if (difference > largest) [largest, largestAt] = [difference, altitudeKm];
      if (altitudeKm !== 350) largestElsewhere = Math.max(largestElsewhere, difference);
    }
    console.log(`J71 static vs Vallado Table 8-4 (CIRA-72, 1000 K): largest relative difference ${(largest * 100).toFixed(2)} % at ${largestAt} km (limit 5 %); elsewhere ${(largestElsewhere * 100).toFixed(2)} % (limit 2.5 %)`);
    expect(largest).toBeLessThan(0.05);
    expect(largestElsewhere).toBeLessThan(0.025);
  });

  it("starts at 183 K and 3.46e-9 g/cm³ at 90 km, passes Tx at 125 km and tends to T∞", () => {
    expect(jacchiaTemperatureK(90, 1200)).toBeCloseTo(183, 9);
    expect(jacchiaTemperatureK(125, 1200)).toBeCloseTo(inflectionTemperatureK(1200), 9);
    expect(jacchiaTemperatureK(2000, 1200)).toBeGreaterThan(1199);
    expect(jacchiaStaticDensityProfile(800, STEP_KM, 1)[0]).toBeCloseTo(3.46e-6, 12);
  });

  it("falls with altitude at every temperature, and rises with temperature above 200 km", () => {
    const cool = jacchiaStaticDensityProfile(700, STEP_KM, COUNT);
    const hot = jacchiaStaticDensityProfile(1500, STEP_KM, COUNT);
    for (let k = 1; k < COUNT; k++) {
      expect(cool[k]!).toBeLessThan(cool[k - 1]!);
      expect(hot[k]!).toBeLessThan(hot[k - 1]!);
      if (90 + k * STEP_KM >= 200) expect(hot[k]!).toBeGreaterThan(cool[k]!);
    }
  });
});
