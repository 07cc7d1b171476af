import type { MeanElements } from "./mean-elements.ts";

/** WGS-72 constants, as SGP4 uses them (Vallado et al. 2006). */
export const EARTH_MU_KM3_S2 = 398600.8;
export const EARTH_EQUATORIAL_RADIUS_KM = 6378.135;

export interface OrbitSummary {
  readonly semiMajorAxisKm: number;
  readonly perigeeKm: number;
  readonly apogeeKm: number;
  readonly periodMin: number;
}

/**
 * Perigee and apogee altitude above the equatorial radius, and period, from the mean motion and eccentricity
 * (Kepler's third law on the mean elements; the same approximation CelesTrak's SATCAT uses for its figures).
 */
export function summariseOrbit(el: Pick<MeanElements, "meanMotionRevPerDay" | "eccentricity">): OrbitSummary {
  const meanMotionRadS = (el.meanMotionRevPerDay * 2 * Math.PI) / 86400;
  const semiMajorAxisKm = Math.cbrt(EARTH_MU_KM3_S2 / (meanMotionRadS * meanMotionRadS));
  return {
    semiMajorAxisKm,
    perigeeKm: semiMajorAxisKm * (1 - el.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM,
    apogeeKm: semiMajorAxisKm * (1 + el.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM,
    periodMin: 1440 / el.meanMotionRevPerDay,
  };
}
