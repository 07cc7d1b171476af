/**
 * Orbit regimes as defined by ESA's Space Debris Office in "ESA's Annual Space Environment Report"
 * (GEN-DB-LOG-00288-OPS-SD), section 1.1 "Definitions", table of orbital regimes; the same ranges
 * appear in every issue we know of, the latest being Issue 10.0 of 1 May 2026. The numeric ranges
 * below were cross-checked against the CCSDS Orbit Comprehensive Message orbit categories, which
 * reproduce ESA's table (as implemented in Orekit's `OrbitCategory`). hp, ha: perigee and apogee
 * altitude (km); a: semi-major axis (km); e: eccentricity; i: inclination (deg).
 *
 * Classes are tried in the report's order and the first match wins. Altitude bands are read as
 * half-open [low, high) so a boundary value belongs to the higher band; ranges of a, e and i are closed.
 */
export const ORBIT_REGIME_SOURCE = {
  title: "ESA's Annual Space Environment Report",
  reference: "GEN-DB-LOG-00288-OPS-SD, Issue 10.0",
  dateOfIssue: "2026-05-01",
  section: "1.1 Definitions (orbital regimes table)",
  url: "https://www.sdo.esoc.esa.int/environment_report/",
  asOf: "2026-11-26",
} as const;

export const ORBIT_REGIME_CODES = [
  "GEO",
  "IGO",
  "EGO",
  "NSO",
  "GTO",
  "MEO",
  "GHO",
  "LEO",
  "HAO",
  "MGO",
  "HEO",
  "LMO",
  "ESO",
  "UNDEFINED",
] as const;
export type OrbitRegimeCode = (typeof ORBIT_REGIME_CODES)[number];

export interface OrbitRegimeDefinition {
  readonly code: OrbitRegimeCode;
  readonly label: string;
  /** The defining ranges, in words, for display. */
  readonly definition: string;
}

export const ORBIT_REGIMES: Readonly<Record<OrbitRegimeCode, OrbitRegimeDefinition>> = {
  GEO: { code: "GEO", label: "Geostationary Orbit", definition: "i in [0, 25] deg, hp and ha in [35,586, 35,986] km" },
  IGO: { code: "IGO", label: "Inclined Geosynchronous Orbit", definition: "a in [37,948, 46,380] km, e in [0, 0.25], i in [25, 180] deg" },
  EGO: { code: "EGO", label: "Extended Geostationary Orbit", definition: "a in [37,948, 46,380] km, e in [0, 0.25], i in [0, 25] deg" },
  NSO: { code: "NSO", label: "Navigation Satellites Orbit", definition: "i in [50, 70] deg, hp and ha in [18,100, 24,300] km" },
  GTO: { code: "GTO", label: "GEO Transfer Orbit", definition: "i in [0, 90] deg, hp in [0, 2,000] km, ha in [31,570, 40,002] km" },
  MEO: { code: "MEO", label: "Medium Earth Orbit", definition: "hp and ha in [2,000, 31,570] km" },
  GHO: { code: "GHO", label: "GEO-superGEO Crossing Orbit", definition: "hp in [31,570, 40,002] km, ha above 40,002 km" },
  LEO: { code: "LEO", label: "Low Earth Orbit", definition: "hp and ha in [0, 2,000] km" },
  HAO: { code: "HAO", label: "High Altitude Orbit", definition: "hp and ha above 40,002 km" },
  MGO: { code: "MGO", label: "MEO-GEO Crossing Orbit", definition: "hp in [2,000, 31,570] km, ha in [31,570, 40,002] km" },
  HEO: { code: "HEO", label: "Highly Eccentric Earth Orbit", definition: "hp in [0, 31,570] km, ha above 40,002 km" },
  LMO: { code: "LMO", label: "LEO-MEO Crossing Orbit", definition: "hp in [0, 2,000] km, ha in [2,000, 31,570] km" },
  ESO: { code: "ESO", label: "Escape Orbit", definition: "not bound to the Earth (eccentricity 1 or more)" },
  UNDEFINED: {
    code: "UNDEFINED",
    label: "Undefined orbit",
    definition: "matches no other class, or the orbit is not known (ESA's UFO)",
  },
};
