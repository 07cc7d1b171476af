import type { Vector3 } from "../propagate.ts";
import { dot, rtnToInertialCovariance, subtract } from "../rtn-frame.ts";
import { type EncounterPlane, type PcObjectState, encounterPlane } from "./encounter-plane.ts";
import { pcElrod } from "./pc-elrod.ts";
import { pcFoster } from "./pc-foster.ts";

export type Pc2dMethod = "foster" | "elrod";

export interface Pc2dResult {
  readonly pc: number;
  readonly method: Pc2dMethod;
  readonly hardBodyRadiusM: number;
  readonly plane: EncounterPlane;
}

/**
 * The 2D probability of collision of a short encounter: the combined position covariance projected on the
 * encounter plane, integrated over the hard-body circle (radius = the combined HBR, m). `foster` (default) is
 * the 2D numerical integral, `elrod` the error-function/Gauss–Chebyshev form; both agree to about 1e-8
 * relative. Returns null when the relative velocity is zero (no encounter plane; CARA returns NaN).
 * Assumes what every 2D Pc assumes: straight-line relative motion and constant covariance through the
 * encounter, and Gaussian errors.
 */
export function collisionProbability2d(primary: PcObjectState, secondary: PcObjectState, hardBodyRadiusM: number, method: Pc2dMethod = "foster"): Pc2dResult | null {
  const plane = encounterPlane(primary, secondary, hardBodyRadiusM);
  if (plane === null) return null;
  const pc = method === "foster" ? pcFoster(plane, hardBodyRadiusM) : pcElrod(plane, hardBodyRadiusM);
  return { pc, method, hardBodyRadiusM, plane };
}

/** A state whose covariance is given in its own RTN frame (as CDMs give it), with the covariance made inertial. */
export function pcObjectFromRtn(positionKm: Vector3, velocityKmS: Vector3, covarianceRtnM2: readonly (readonly number[])[]): PcObjectState {
  return { positionKm, velocityKmS, covarianceInertialM2: rtnToInertialCovariance(covarianceRtnM2, positionKm, velocityKmS) };
}

/**
 * Moves both states along straight lines to the time where their relative range is least (CARA's
 * FindNearbyCA, LINEAR mode): dt = −(Δr · Δv)/|Δv|², rᵢ += vᵢ dt, velocities and covariances unchanged.
 * CDM TCAs are rounded to the millisecond; this recovers the true TCA before a 2D Pc (CARA's `Pc2D`).
 */
export function adjustToLinearTca(primary: PcObjectState, secondary: PcObjectState): { primary: PcObjectState; secondary: PcObjectState; offsetS: number } {
  const dr = subtract(secondary.positionKm, primary.positionKm);
  const dv = subtract(secondary.velocityKmS, primary.velocityKmS);
  const speed2 = dot(dv, dv);
  if (!(speed2 > 0)) return { primary, secondary, offsetS: Number.NaN };
  const offsetS = -dot(dr, dv) / speed2;
  const move = (state: PcObjectState): PcObjectState => ({
    ...state,
    positionKm: [state.positionKm[0] + state.velocityKmS[0] * offsetS, state.positionKm[1] + state.velocityKmS[1] * offsetS, state.positionKm[2] + state.velocityKmS[2] * offsetS],
  });
  return { primary: move(primary), secondary: move(secondary), offsetS };
}
