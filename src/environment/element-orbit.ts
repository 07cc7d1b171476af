import type { MeanElements } from "../orbit/mean-elements.ts";
import type { AssessedOrbit } from "./disposal-assessment.ts";

const MU_KM3_S2 = 398600.4418;
const EARTH_RADIUS_KM = 6378.137;

/** Perigee and apogee altitude (km) and inclination of a mean element set (Keplerian semi-major axis from n). Pure. */
export function orbitOfElements(el: MeanElements): AssessedOrbit {
  const nRadS = (el.meanMotionRevPerDay * 2 * Math.PI) / 86400;
  const a = Math.cbrt(MU_KM3_S2 / (nRadS * nRadS));
  return { perigeeKm: a * (1 - el.eccentricity) - EARTH_RADIUS_KM, apogeeKm: a * (1 + el.eccentricity) - EARTH_RADIUS_KM, inclinationDeg: el.inclinationDeg };
}
