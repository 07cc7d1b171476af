import { encounterPlane } from "../orbit/collision-probability/encounter-plane.ts";
import type { Vector3 } from "../orbit/propagate.ts";
import { pcObjectFromRtn } from "../orbit/collision-probability/pc-2d.ts";
import { maximumPc } from "./gp-covariance-model.ts";

/**
 * CelesTrak SOCRATES's "Max Probability" for conjunctions between element sets, which carry no covariance:
 * "Given fixed spherical object radii and relative distance at the time of closest approach (TCA), the projected
 * covariance ellipse is sized and oriented to produce the maximum probability. For these reports the ratio of
 * major-to-minor axes of the projected covariance ellipse is set using radial, in-track, and cross-track values of
 * 100 m, 300 m, 100 m, respectively." (CelesTrak SOCRATES report field descriptions,
 * https://celestrak.org/SOCRATES/, as read 2026-11-26; method: Alfano, "Relating Position Uncertainty to Maximum
 * Conjunction Probability", J. Astronaut. Sci. 53(2), 2005.) The "Dilution Threshold" is the standard deviation that
 * gives the maximum: a smaller one means the data is good enough that a low Pc means low risk, a larger one dilutes.
 */
export const SOCRATES_RTN_SIGMA_M = { radial: 100, inTrack: 300, crossTrack: 100 } as const;

/** Miss distance over combined HBR above which the closed form is used (relative error under 1e-3, see the tests). */
export const CLOSED_FORM_MIN_MISS_OVER_HBR = 50;

export interface SocratesMaximumPc {
  /** The largest 2D Pc over all sizes of the fixed-shape covariance. */
  readonly pcMax: number;
  /** The scaled projected major-axis standard deviation at the maximum, km (SOCRATES's "Dilution Threshold"). */
  readonly dilutionThresholdKm: number;
}

const SHAPE_RTN_M2 = [
  [SOCRATES_RTN_SIGMA_M.radial ** 2, 0, 0],
  [0, SOCRATES_RTN_SIGMA_M.inTrack ** 2, 0],
  [0, 0, SOCRATES_RTN_SIGMA_M.crossTrack ** 2],
];

/**
 * SOCRATES's maximum Pc of an encounter (TEME or any inertial states at TCA, km and km/s; combined hard-body radius,
 * m): both objects get the 100 / 300 / 100 m RTN shape, projected on the encounter plane; the size is then chosen to
 * maximise the 2D Pc. Where the hard body is small against the miss, the density is constant over it and the maximum
 * has a closed form: with σx, σy the projected principal sigmas and u = x²/σx² + y²/σy² the miss in their units,
 * Pc(k) = R²/(2kσxσy)·exp(−u/(2k)) over variance scale k peaks at k = u/2, Pc = R²/(e·u·σxσy). Closer in, the scale
 * is searched numerically (maximumPc, Elrod's integral). Null without relative velocity, 1 when the hard body covers
 * the miss (as SOCRATES says).
 */
export function socratesMaximumPc(
  primary: { readonly positionKm: Vector3; readonly velocityKmS: Vector3 },
  secondary: { readonly positionKm: Vector3; readonly velocityKmS: Vector3 },
  hardBodyRadiusM: number,
): SocratesMaximumPc | null {
  const plane = encounterPlane(
    pcObjectFromRtn(primary.positionKm, primary.velocityKmS, SHAPE_RTN_M2),
    pcObjectFromRtn(secondary.positionKm, secondary.velocityKmS, SHAPE_RTN_M2),
    hardBodyRadiusM,
  );
  if (plane === null) return null;
  if (plane.missDistanceM <= hardBodyRadiusM) return { pcMax: 1, dilutionThresholdKm: 0 };
  const sx = plane.sigmaMajorM;
  const sy = plane.sigmaMinorM;
  if (plane.missDistanceM >= CLOSED_FORM_MIN_MISS_OVER_HBR * hardBodyRadiusM) {
    const u = (plane.missMajorM / sx) ** 2 + (plane.missMinorM / sy) ** 2;
    return { pcMax: (hardBodyRadiusM * hardBodyRadiusM) / (Math.E * u * sx * sy), dilutionThresholdKm: (Math.sqrt(u / 2) * sx) / 1000 };
  }
  const { pcMax, covarianceScale } = maximumPc(plane, hardBodyRadiusM);
  return { pcMax, dilutionThresholdKm: (Math.sqrt(covarianceScale) * sx) / 1000 };
}
