import { describe, expect, it } from "vitest";
import { encounterPlane } from "../../src/orbit/collision-probability/encounter-plane.ts";
import { pcElrod } from "../../src/orbit/collision-probability/pc-elrod.ts";
import { type GpOrbitRegime, gpCovarianceRtnM2, gpOrbitRegime, gpSigmaRtnKm, maximumPc } from "../../src/screening/gp-covariance-model.ts";

const REGIMES: GpOrbitRegime[] = ["LEO", "MEO", "GEO", "HEO"];

describe("GP default covariance model", () => {
  it("gives strictly larger sigmas for older element sets, in every regime and component, on both sides of epoch", () => {
    for (const regime of REGIMES) {
      let previous = gpSigmaRtnKm(regime, 0);
      for (const age of [0.5, 1, 3, 7, 14, 30]) {
        const next = gpSigmaRtnKm(regime, age);
        expect(next.radialKm).toBeGreaterThan(previous.radialKm);
        expect(next.inTrackKm).toBeGreaterThan(previous.inTrackKm);
        expect(next.crossTrackKm).toBeGreaterThan(previous.crossTrackKm);
        expect(gpSigmaRtnKm(regime, -age)).toEqual(next);
        previous = next;
      }
    }
  });

  it("is in-track dominated and diagonal, in m²", () => {
    const c = gpCovarianceRtnM2("LEO", 2);
    const s = gpSigmaRtnKm("LEO", 2);
    expect(c[1]![1]).toBeCloseTo((s.inTrackKm * 1000) ** 2, 6);
    expect(c[1]![1]).toBeGreaterThan(c[0]![0]!);
    expect(c[0]![1]).toBe(0);
  });

  it("classifies regimes by perigee, eccentricity and period", () => {
    expect(gpOrbitRegime(550, 0.001, 95)).toBe("LEO");
    expect(gpOrbitRegime(20000, 0.01, 718)).toBe("MEO");
    expect(gpOrbitRegime(35780, 0.0002, 1436)).toBe("GEO");
    expect(gpOrbitRegime(500, 0.7, 720)).toBe("HEO");
  });
});

describe("maximum Pc over covariance scale", () => {
  const primary = { positionKm: [7000, 0, 0] as [number, number, number], velocityKmS: [0, 7.5, 0] as [number, number, number], covarianceInertialM2: [[200 ** 2, 0, 0], [0, 1000 ** 2, 0], [0, 0, 150 ** 2]] };
  const secondary = { positionKm: [7000.3, 0, 0.1] as [number, number, number], velocityKmS: [0, 0.5, 7.4] as [number, number, number], covarianceInertialM2: [[300 ** 2, 0, 0], [0, 2000 ** 2, 0], [0, 0, 300 ** 2]] };
  const hbr = 5;
  const plane = encounterPlane(primary, secondary, hbr)!;

  it("is at least the Pc of every scaling of the same covariance shape", () => {
    const { pcMax, covarianceScale } = maximumPc(plane, hbr);
    expect(pcMax).toBeGreaterThan(0);
    for (const factor of [1e-4, 0.01, 0.1, 0.5, 1, 2, 10, 100, 1e4, covarianceScale * 1.01, covarianceScale / 1.01]) {
      const [[a, b], [, c]] = plane.remediatedCovarianceM2;
      const scaled = { ...plane, remediatedCovarianceM2: [[a * factor, b * factor], [b * factor, c * factor]] as const, sigmaMajorM: plane.sigmaMajorM * Math.sqrt(factor), sigmaMinorM: plane.sigmaMinorM * Math.sqrt(factor) };
      expect(pcElrod(scaled, hbr)).toBeLessThanOrEqual(pcMax * (1 + 1e-9));
    }
  });

  it("tends to Alfano's R²/(e·d²) for a circular covariance and HBR much smaller than the miss", () => {
    const round = (s: number) => [[s * s, 0, 0], [0, s * s, 0], [0, 0, s * s]];
    const a = { ...primary, covarianceInertialM2: round(100) };
    const b = { ...secondary, positionKm: [7001, 0, 0] as [number, number, number], velocityKmS: [0, 0, 7.5] as [number, number, number], covarianceInertialM2: round(100) };
    const flat = encounterPlane(a, b, 1)!;
    const { pcMax } = maximumPc(flat, 1);
    const analytic = 1 / (Math.E * 1000 * 1000);
    expect(Math.abs(pcMax / analytic - 1)).toBeLessThan(1e-5);
  });
});
