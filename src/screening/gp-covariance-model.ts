import { type Pc2dResult, collisionProbability2d } from "../orbit/collision-probability/pc-2d.ts";
import type { EncounterPlane, PcObjectState } from "../orbit/collision-probability/encounter-plane.ts";
import { pcElrod } from "../orbit/collision-probability/pc-elrod.ts";

/**
 * A default covariance for general-perturbations (TLE/OMM, SGP4) element sets, which carry none.
 *
 * Model: independent radial, in-track and cross-track errors with
 *   σ(age) = √(σ₀² + (ġ · |age|)²)
 * per component, σ₀ the error at epoch and ġ the growth per day, by orbit regime. The magnitudes follow the
 * published assessments of TLE accuracy: Flohrer, Krag & Klinkrad, "Assessment and categorization of TLE orbit
 * errors for the US SSN catalogue" (AMOS 2008), which derives RTN sigma look-up tables by perigee height,
 * eccentricity and inclination for ESA's CRASS (in-track error dominant, of order 0.1–1 km at epoch in LEO
 * and growing by about a kilometre per day), and Vallado & Cefola, "Two-line element sets — practice and use"
 * (IAC-12, 2012). The figures below are round values in those ranges, not a transcription of either paper's
 * tables; treat Pc from them as indicative and prefer the maximum-Pc figure (`maximumPc`) when reporting.
 */
export type GpOrbitRegime = "LEO" | "MEO" | "GEO" | "HEO";

export interface RtnSigmaKm {
  readonly radialKm: number;
  readonly inTrackKm: number;
  readonly crossTrackKm: number;
}

/** σ at epoch and growth per day (km, km/day), radial / in-track / cross-track. */
export const GP_COVARIANCE_TABLE: Readonly<Record<GpOrbitRegime, { atEpoch: RtnSigmaKm; growthPerDay: RtnSigmaKm }>> = {
  LEO: { atEpoch: { radialKm: 0.1, inTrackKm: 0.5, crossTrackKm: 0.15 }, growthPerDay: { radialKm: 0.05, inTrackKm: 1.0, crossTrackKm: 0.05 } },
  MEO: { atEpoch: { radialKm: 0.3, inTrackKm: 1.0, crossTrackKm: 0.3 }, growthPerDay: { radialKm: 0.1, inTrackKm: 0.8, crossTrackKm: 0.1 } },
  GEO: { atEpoch: { radialKm: 0.5, inTrackKm: 2.0, crossTrackKm: 0.5 }, growthPerDay: { radialKm: 0.2, inTrackKm: 1.0, crossTrackKm: 0.2 } },
  HEO: { atEpoch: { radialKm: 0.5, inTrackKm: 3.0, crossTrackKm: 0.5 }, growthPerDay: { radialKm: 0.3, inTrackKm: 3.0, crossTrackKm: 0.3 } },
};

/** The regime used by the model: perigee below 2,000 km LEO, eccentricity above 0.25 HEO, period 1,300–1,600 min GEO, else MEO. */
export function gpOrbitRegime(perigeeAltitudeKm: number, eccentricity: number, periodMin: number): GpOrbitRegime {
  if (eccentricity > 0.25) return "HEO";
  if (perigeeAltitudeKm < 2000) return "LEO";
  if (periodMin >= 1300 && periodMin <= 1600) return "GEO";
  return "MEO";
}

/** RTN sigmas of a GP element set `ageDays` from its epoch (either side), km. */
export function gpSigmaRtnKm(regime: GpOrbitRegime, ageDays: number): RtnSigmaKm {
  const { atEpoch, growthPerDay } = GP_COVARIANCE_TABLE[regime];
  const age = Math.abs(ageDays);
  const grow = (s0: number, g: number): number => Math.sqrt(s0 * s0 + (g * age) ** 2);
  return {
    radialKm: grow(atEpoch.radialKm, growthPerDay.radialKm),
    inTrackKm: grow(atEpoch.inTrackKm, growthPerDay.inTrackKm),
    crossTrackKm: grow(atEpoch.crossTrackKm, growthPerDay.crossTrackKm),
  };
}

/** The model's 3×3 diagonal RTN position covariance, m². */
export function gpCovarianceRtnM2(regime: GpOrbitRegime, ageDays: number): number[][] {
  const s = gpSigmaRtnKm(regime, ageDays);
  return [
    [(s.radialKm * 1000) ** 2, 0, 0],
    [0, (s.inTrackKm * 1000) ** 2, 0],
    [0, 0, (s.crossTrackKm * 1000) ** 2],
  ];
}

function scaledPlane(plane: EncounterPlane, factor: number): EncounterPlane {
  const [[a, b], [, c]] = plane.remediatedCovarianceM2;
  return {
    ...plane,
    remediatedCovarianceM2: [
      [a * factor, b * factor],
      [b * factor, c * factor],
    ],
    sigmaMajorM: plane.sigmaMajorM * Math.sqrt(factor),
    sigmaMinorM: plane.sigmaMinorM * Math.sqrt(factor),
  };
}

export interface MaximumPc {
  readonly pcMax: number;
  /** The factor on the combined covariance (variance, not sigma) that gives `pcMax`. */
  readonly covarianceScale: number;
}

/**
 * The largest 2D Pc over all scalings k·C of the combined covariance's shape, for the encounter's miss vector
 * and HBR (Alfano, "Relating position uncertainty to maximum conjunction probability", J. Astronaut. Sci. 53,
 * 2005; the "maximum probability" CelesTrak SOCRATES reports for TLE-based conjunctions, which have no
 * covariance). For a circular covariance and HBR ≪ miss it tends to R²/(e·d²). Found by a scan of log k over
 * 1e-8…1e8 (0.05 decades) and a golden-section refinement; Pc by Elrod's method.
 */
export function maximumPc(plane: EncounterPlane, hardBodyRadiusM: number): MaximumPc {
  const pcAt = (log10Scale: number): number => pcElrod(scaledPlane(plane, 10 ** log10Scale), hardBodyRadiusM, 1e-9);
  let bestLog = -8;
  let best = -1;
  for (let log = -8; log <= 8 + 1e-9; log += 0.05) {
    const pc = pcAt(log);
    if (pc > best) {
      best = pc;
      bestLog = log;
    }
  }
  let lo = bestLog - 0.05;
  let hi = bestLog + 0.05;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let f1 = pcAt(x1);
  let f2 = pcAt(x2);
  for (let i = 0; i < 40; i++) {
    if (f1 > f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - ratio * (hi - lo);
      f1 = pcAt(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + ratio * (hi - lo);
      f2 = pcAt(x2);
    }
  }
  const candidates: [number, number][] = [[best, bestLog], [f1, x1], [f2, x2]];
  candidates.sort((p, q) => q[0] - p[0]);
  const [pcMax, log] = candidates[0]!;
  return { pcMax, covarianceScale: 10 ** log };
}

/** Convenience: the 2D Pc and the maximum Pc of two states with covariances, or null without relative velocity. */
export function pcWithMaximum(primary: PcObjectState, secondary: PcObjectState, hardBodyRadiusM: number): { pc: Pc2dResult; maximum: MaximumPc } | null {
  const pc = collisionProbability2d(primary, secondary, hardBodyRadiusM);
  if (pc === null) return null;
  return { pc, maximum: maximumPc(pc.plane, hardBodyRadiusM) };
}
