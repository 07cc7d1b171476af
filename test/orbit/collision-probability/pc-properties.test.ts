import { describe, expect, it } from "vitest";
import type { PcObjectState } from "../../../src/orbit/collision-probability/encounter-plane.ts";
import { erf, erfDifference, erfc } from "../../../src/orbit/collision-probability/erf.ts";
import { adjustToLinearTca, collisionProbability2d, pcObjectFromRtn } from "../../../src/orbit/collision-probability/pc-2d.ts";
import { inertialToRtn, rtnToInertial, rtnToInertialCovariance } from "../../../src/orbit/rtn-frame.ts";
import type { Vector3 } from "../../../src/orbit/propagate.ts";

const isotropic = (sigmaM: number): number[][] => [
  [sigmaM ** 2, 0, 0],
  [0, sigmaM ** 2, 0],
  [0, 0, sigmaM ** 2],
];

function head(positionKm: Vector3, covariance: number[][]): PcObjectState {
  return { positionKm, velocityKmS: [0, 7.5, 0], covarianceInertialM2: covariance };
}

describe("error function", () => {
  it("matches Python's math.erf/erfc to 1e-12 relative, tails included", () => {
    const reference: [number, number, number][] = [
      [0.5, 0.5204998778130465, 0.4795001221869535],
      [2, 0.9953222650189527, 0.004677734981047266],
      [3, 0.9999779095030014, 2.209049699858544e-5],
      [8, 1, 1.1224297172982928e-29],
    ];
    for (const [x, e, c] of reference) {
      expect(Math.abs(erf(x) - e) / e).toBeLessThan(1e-12);
      expect(Math.abs(erfc(x) - c) / c).toBeLessThan(1e-12);
    }
    expect(Math.abs(erfDifference(9, 8) / 1.1224296759279753e-29 - 1)).toBeLessThan(1e-12);
  });
});

describe("2D Pc, exact cases", () => {
  it("equals 1 − exp(−R²/2σ²) for a head-on encounter with zero miss and an isotropic covariance", () => {
    const sigma = 50;
    const hbr = 20;
    const exact = 1 - Math.exp(-(hbr * hbr) / (2 * sigma * sigma));
    for (const method of ["foster", "elrod"] as const) {
      const result = collisionProbability2d(head([7000, 0, 0], isotropic(sigma / Math.SQRT2)), { ...head([7000, 0, 1e-9], isotropic(sigma / Math.SQRT2)), velocityKmS: [0, 0, 7.5] }, hbr, method)!;
      expect(Math.abs(result.pc - exact) / exact, method).toBeLessThan(1e-9);
    }
  });

  it("is symmetric: swapping primary and secondary gives the same Pc", () => {
    const a: PcObjectState = { positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0.2], covarianceInertialM2: [[400, 30, 0], [30, 90000, 10], [0, 10, 200]] };
    const b: PcObjectState = { positionKm: [7000.1, 0.05, 0.02], velocityKmS: [0, -1, 7.4], covarianceInertialM2: [[900, 0, 0], [0, 40000, 0], [0, 0, 500]] };
    expect(collisionProbability2d(a, b, 12)!.pc).toBeCloseTo(collisionProbability2d(b, a, 12)!.pc, 14);
  });

  it("grows with the hard-body radius and is 0 at zero radius", () => {
    const a = head([7000, 0, 0], isotropic(100));
    const b = { ...head([7000.2, 0, 0], isotropic(100)), velocityKmS: [0, 0, 7.5] as Vector3 };
    const values = [0, 1, 5, 20, 100].map((r) => collisionProbability2d(a, b, r)!.pc);
    expect(values[0]).toBe(0);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
  });
});

describe("RTN frame and TCA adjustment", () => {
  const r: Vector3 = [-5087.5, -3347.7, -3253.9];
  const v: Vector3 = [3.98, -6.46, 0.43];

  it("round-trips vectors and keeps covariance traces", () => {
    const back = inertialToRtn(rtnToInertial([1, 2, 3], r, v), r, v);
    back.forEach((x, i) => expect(x).toBeCloseTo([1, 2, 3][i]!, 12));
    const c = rtnToInertialCovariance([[885, -265435, -33], [-265435, 84938293, 11241], [-33, 11241, 105]], r, v);
    expect(c[0][0] + c[1][1] + c[2][2]).toBeCloseTo(885 + 84938293 + 105, 4);
    expect(pcObjectFromRtn(r, v, [[1, 0, 0], [0, 0, 0], [0, 0, 0]]).covarianceInertialM2[0]?.[0]).toBeCloseTo((r[0] / Math.hypot(...r)) ** 2, 12);
  });

  it("moves both states to where the relative range rate is zero", () => {
    const a: PcObjectState = { positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0], covarianceInertialM2: isotropic(1) };
    const b: PcObjectState = { positionKm: [7000.01, 0.3, 0], velocityKmS: [0, 0, 7.5], covarianceInertialM2: isotropic(1) };
    const moved = adjustToLinearTca(a, b);
    const dr = moved.secondary.positionKm.map((x, i) => x - moved.primary.positionKm[i]!);
    const dv = b.velocityKmS.map((x, i) => x - a.velocityKmS[i]!);
    expect(dr.reduce((s, x, i) => s + x * dv[i]!, 0)).toBeCloseTo(0, 12);
    expect(moved.offsetS).toBeCloseTo(0.02, 12);
  });
});
