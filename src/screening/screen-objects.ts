import { InvalidInputError } from "../core/concord-error.ts";
import type { MeanElements } from "../orbit/mean-elements.ts";
import { EARTH_EQUATORIAL_RADIUS_KM, summariseOrbit } from "../orbit/orbit-summary.ts";
import { FAR_PERIGEE_RADIUS_KM, LOW_PERIGEE_ALTITUDE_KM, LYDDANE_BAND_DEG, LYDDANE_JUMP_ALLOWANCE_KM, LYDDANE_SWITCH_INCLINATION_DEG } from "./screen-settings.ts";
import type { ScreeningEngineSettings } from "./screen-settings.ts";

/**
 * How an object's nodes are made. `near`: SGP4 velocity as the node derivative. `near-low` (mean perigee altitude
 * under LOW_PERIGEE_ALTITUDE_KM), `deep` and `far` (period >= 225 min): the derivative is a central difference of
 * SGP4 positions, because SGP4's velocity is not the derivative of its position there (measured: up to 0.08 km/s
 * apart for deep-space rocket bodies, which spoils a Hermite interpolant by km).
 */
export type NodeClass = "near" | "near-low" | "deep" | "far";
export const NODE_CLASSES: readonly NodeClass[] = ["near", "near-low", "deep", "far"];

/** The catalog as structure-of-arrays, what every block of a run needs about each object. */
export interface ScreeningObjects {
  readonly count: number;
  readonly catalogNumber: Int32Array;
  readonly isPrimary: Uint8Array;
  /** Index into NODE_CLASSES. */
  readonly nodeClass: Uint8Array;
  readonly eccentricity: Float64Array;
  /** Mean-element perigee radius, km. */
  readonly perigeeRadiusKm: Float64Array;
  /**
   * Largest plausible radius, km: mean apogee radius × 1.05 + 300. A state beyond it (or under MIN_PLAUSIBLE_RADIUS_KM)
   * is an SGP4 failure (stale element sets of long-decayed objects make SGP4 diverge to 1e10 km without an error code).
   */
  readonly maxRadiusKm: Float64Array;
  /** Element-set epoch, ms since 1970. */
  readonly epochMs: Float64Array;
  /**
   * Index of the object's SGP4 inputs among the distinct ones: objects with equal values fly the same trajectory
   * (modules docked to the ISS carry its element set), have no closest approach, and are not paired.
   */
  readonly trajectoryId: Int32Array;
  /** Added to the interpolation bound, km: the SDP4 Lyddane-switch jump allowance for deep-space objects near 11.46°. */
  readonly boundAllowanceKm: Float64Array;
  /** Time from which the object is left out of the whole run (set by probeObjects; Infinity: not excluded). */
  readonly excludedFromMs: Float64Array;
}

/** Smallest plausible radius, km: a state 50 km above the equatorial radius or lower is a decay (no object flies there). */
export const MIN_PLAUSIBLE_RADIUS_KM = EARTH_EQUATORIAL_RADIUS_KM + 50;

/** The node step of a class, s. */
export function classStepS(nodeClass: number, settings: ScreeningEngineSettings): number {
  const name = NODE_CLASSES[nodeClass];
  return name === "far" ? settings.farStepS : name === "deep" ? settings.deepStepS : settings.nearStepS;
}

/** Whether a class takes its node derivative by central difference (else SGP4's velocity). */
export function classUsesDifference(nodeClass: number): boolean {
  return NODE_CLASSES[nodeClass] !== "near";
}

/** Lays out the catalog for screening; refuses duplicate catalog numbers. `primaries` null: every object is a primary. */
export function prepareScreeningObjects(elements: readonly MeanElements[], primaries: readonly number[] | null): ScreeningObjects {
  const count = elements.length;
  const objects: ScreeningObjects = {
    count,
    catalogNumber: new Int32Array(count),
    isPrimary: new Uint8Array(count),
    nodeClass: new Uint8Array(count),
    eccentricity: new Float64Array(count),
    perigeeRadiusKm: new Float64Array(count),
    maxRadiusKm: new Float64Array(count),
    epochMs: new Float64Array(count),
    trajectoryId: new Int32Array(count),
    boundAllowanceKm: new Float64Array(count),
    excludedFromMs: new Float64Array(count).fill(Infinity),
  };
  const trajectories = new Map<string, number>();
  const primarySet = primaries === null ? null : new Set(primaries);
  const seen = new Set<number>();
  elements.forEach((el, i) => {
    if (seen.has(el.catalogNumber)) throw new InvalidInputError("elements", `catalog number ${el.catalogNumber} has more than one element set`);
    seen.add(el.catalogNumber);
    const orbit = summariseOrbit(el);
    const perigeeRadiusKm = orbit.perigeeKm + EARTH_EQUATORIAL_RADIUS_KM;
    const apogeeRadiusKm = orbit.apogeeKm + EARTH_EQUATORIAL_RADIUS_KM;
    const deep = orbit.periodMin >= 225;
    const nodeClass: NodeClass = deep
      ? perigeeRadiusKm >= FAR_PERIGEE_RADIUS_KM
        ? "far"
        : "deep"
      : orbit.perigeeKm < LOW_PERIGEE_ALTITUDE_KM
        ? "near-low"
        : "near";
    objects.catalogNumber[i] = el.catalogNumber;
    objects.isPrimary[i] = primarySet === null || primarySet.has(el.catalogNumber) ? 1 : 0;
    objects.nodeClass[i] = NODE_CLASSES.indexOf(nodeClass);
    objects.eccentricity[i] = el.eccentricity;
    objects.perigeeRadiusKm[i] = perigeeRadiusKm;
    objects.maxRadiusKm[i] = Number.isFinite(apogeeRadiusKm) ? apogeeRadiusKm * 1.05 + 300 : Infinity;
    objects.epochMs[i] = el.epochMs;
    objects.boundAllowanceKm[i] = deep && Math.abs(el.inclinationDeg - LYDDANE_SWITCH_INCLINATION_DEG) < LYDDANE_BAND_DEG ? LYDDANE_JUMP_ALLOWANCE_KM : 0;
    const key = [
      el.epochMs,
      el.meanMotionRevPerDay,
      el.eccentricity,
      el.inclinationDeg,
      el.raOfAscNodeDeg,
      el.argOfPericenterDeg,
      el.meanAnomalyDeg,
      el.bstarPerEarthRadii,
      el.meanMotionDotRevPerDay2,
      el.meanMotionDdotRevPerDay3,
    ].join(" ");
    let id = trajectories.get(key);
    if (id === undefined) trajectories.set(key, (id = trajectories.size));
    objects.trajectoryId[i] = id;
  });
  return objects;
}
