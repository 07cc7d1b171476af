import type { OrbitRegimeCode } from "./orbit-regime-definitions.ts";

/** Earth equatorial radius (km, WGS 84), to turn perigee/apogee altitudes into a semi-major axis. */
export const EARTH_EQUATORIAL_RADIUS_KM = 6378.137;

export interface OrbitShape {
  readonly perigeeKm: number | null;
  readonly apogeeKm: number | null;
  readonly inclinationDeg: number | null;
  /** Where known; otherwise computed from the perigee and apogee altitudes. */
  readonly eccentricity?: number | null;
  /** Not used by ESA's definitions; accepted so callers can pass a catalog record's orbit as it is. */
  readonly periodMin?: number | null;
}

const GEO_LOW_KM = 35586;
const GEO_HIGH_KM = 35986;
const GEOSYNC_A_LOW_KM = 37948;
const GEOSYNC_A_HIGH_KM = 46380;
const LEO_TOP_KM = 2000;
const MEO_TOP_KM = 31570;
const GEO_TOP_KM = 40002;
const NSO_LOW_KM = 18100;
const NSO_HIGH_KM = 24300;

/**
 * Pure: the orbit regime of ESA's Annual Space Environment Report (see orbit-regime-definitions.ts)
 * for an orbit given by perigee and apogee altitude (km) and inclination (deg). Missing or non-finite
 * altitudes give "UNDEFINED"; classes that need the inclination are skipped when it is missing.
 */
export function classifyOrbitRegime(orbit: OrbitShape): OrbitRegimeCode {
  const { perigeeKm: hp, apogeeKm: ha, inclinationDeg: i } = orbit;
  if (orbit.eccentricity != null && orbit.eccentricity >= 1) return "ESO";
  if (hp === null || ha === null || !Number.isFinite(hp) || !Number.isFinite(ha) || ha < hp) return "UNDEFINED";
  const hasI = i !== null && Number.isFinite(i);
  const aKm = EARTH_EQUATORIAL_RADIUS_KM + (hp + ha) / 2;
  const e = orbit.eccentricity ?? (ha - hp) / (2 * aKm);
  const geosynchronous = aKm >= GEOSYNC_A_LOW_KM && aKm <= GEOSYNC_A_HIGH_KM && e >= 0 && e <= 0.25;

  if (hasI && i >= 0 && i <= 25 && hp >= GEO_LOW_KM && hp <= GEO_HIGH_KM && ha >= GEO_LOW_KM && ha <= GEO_HIGH_KM) return "GEO";
  if (hasI && geosynchronous && i >= 25 && i <= 180) return "IGO";
  if (hasI && geosynchronous && i >= 0 && i <= 25) return "EGO";
  if (hasI && i >= 50 && i <= 70 && hp >= NSO_LOW_KM && hp <= NSO_HIGH_KM && ha >= NSO_LOW_KM && ha <= NSO_HIGH_KM) return "NSO";
  const hpBand = band(hp);
  const haBand = band(ha);
  if (hasI && i >= 0 && i <= 90 && hpBand === "LEO" && haBand === "GEO") return "GTO";
  if (hpBand === "MEO" && haBand === "MEO") return "MEO";
  if (hpBand === "GEO" && haBand === "SUPER") return "GHO";
  if (hpBand === "LEO" && haBand === "LEO") return "LEO";
  if (hpBand === "SUPER" && haBand === "SUPER") return "HAO";
  if (hpBand === "MEO" && haBand === "GEO") return "MGO";
  if ((hpBand === "LEO" || hpBand === "MEO") && haBand === "SUPER") return "HEO";
  if (hpBand === "LEO" && haBand === "MEO") return "LMO";
  return "UNDEFINED";
}

type Band = "BELOW" | "LEO" | "MEO" | "GEO" | "SUPER";

/** Altitude bands, half-open: [0, 2000), [2000, 31570), [31570, 40002], above 40002. */
function band(altitudeKm: number): Band {
  if (altitudeKm < 0) return "BELOW";
  if (altitudeKm < LEO_TOP_KM) return "LEO";
  if (altitudeKm < MEO_TOP_KM) return "MEO";
  if (altitudeKm <= GEO_TOP_KM) return "GEO";
  return "SUPER";
}
