import { describe, expect, it } from "vitest";
import { encounterPlane } from "../../src/orbit/collision-probability/encounter-plane.ts";
import { pcObjectFromRtn } from "../../src/orbit/collision-probability/pc-2d.ts";
import type { Vector3 } from "../../src/orbit/propagate.ts";
import { maximumPc } from "../../src/screening/gp-covariance-model.ts";
import { CLOSED_FORM_MIN_MISS_OVER_HBR, SOCRATES_RTN_SIGMA_M, socratesMaximumPc } from "../../src/screening/socrates-maximum-pc.ts";

const primary = { positionKm: [7000, 0, 0] as Vector3, velocityKmS: [0, 7.5, 0] as Vector3 };
/** A crossing secondary whose miss vector at TCA is `missKm` along `direction` (unit, perpendicular to the relative velocity). */
function secondaryAt(missKm: number, direction: Vector3): { positionKm: Vector3; velocityKmS: Vector3 } {
  return { positionKm: [7000 + missKm * direction[0], missKm * direction[1], missKm * direction[2]], velocityKmS: [0, 0.4, 7.45] };
}
const SHAPE = [[SOCRATES_RTN_SIGMA_M.radial ** 2, 0, 0], [0, SOCRATES_RTN_SIGMA_M.inTrack ** 2, 0], [0, 0, SOCRATES_RTN_SIGMA_M.crossTrack ** 2]];

describe("SOCRATES's maximum Pc (100 / 300 / 100 m RTN shape)", () => {
  it("agrees with the numerical maximum over covariance scale to 1e-3 wherever the closed form is used, and prints the largest difference", () => {
    let largest = 0;
    for (const hbrM of [1, 5, 20]) {
      for (const ratio of [CLOSED_FORM_MIN_MISS_OVER_HBR, 50, 200, 2000]) {
        for (const direction of [[1, 0, 0], [0, 0.0536, -0.9986], [0.6, 0.043, -0.799]] as Vector3[]) {
          const secondary = secondaryAt((ratio * hbrM) / 1000, direction);
          const closed = socratesMaximumPc(primary, secondary, hbrM)!;
          const plane = encounterPlane(pcObjectFromRtn(primary.positionKm, primary.velocityKmS, SHAPE), pcObjectFromRtn(secondary.positionKm, secondary.velocityKmS, SHAPE), hbrM)!;
          const numeric = maximumPc(plane, hbrM);
          const difference = Math.abs(closed.pcMax / numeric.pcMax - 1);
          largest = Math.max(largest, difference);
          expect(difference).toBeLessThan(1e-3);
          expect(closed.dilutionThresholdKm).toBeCloseTo((Math.sqrt(numeric.covarianceScale) * plane.sigmaMajorM) / 1000, 2);
        }
      }
    }
    console.log(`SOCRATES max Pc, closed form vs numerical maximum: largest relative difference ${largest.toExponential(2)} (limit 1e-3)`);
  });

  it("falls with the square of the miss distance far from the hard body (Alfano's R²/(e·u·σxσy))", () => {
    const near = socratesMaximumPc(primary, secondaryAt(1, [1, 0, 0]), 5)!;
    const far = socratesMaximumPc(primary, secondaryAt(2, [1, 0, 0]), 5)!;
    expect(near.pcMax / far.pcMax).toBeCloseTo(4, 6);
    expect(far.dilutionThresholdKm / near.dilutionThresholdKm).toBeCloseTo(2, 6);
  });

  it("is 1 when the hard body covers the miss, and null without relative velocity", () => {
    expect(socratesMaximumPc(primary, secondaryAt(0.004, [1, 0, 0]), 5)?.pcMax).toBe(1);
    expect(socratesMaximumPc(primary, { positionKm: [7001, 0, 0], velocityKmS: [0, 7.5, 0] }, 5)).toBeNull();
  });

  it("uses the numerical maximum close to the hard body: larger the closer, never above 1", () => {
    const values = [0.006, 0.01, 0.05, 0.2].map((missKm) => socratesMaximumPc(primary, secondaryAt(missKm, [1, 0, 0]), 5)!.pcMax);
    for (let k = 1; k < values.length; k++) expect(values[k]!).toBeLessThan(values[k - 1]!);
    expect(values[0]!).toBeLessThanOrEqual(1);
    expect(values[0]!).toBeGreaterThan(0.05);
  });
});
