import type { LifetimeEstimate } from "../orbit/lifetime/estimate-lifetime.ts";
import {
  DISPOSAL_RULES,
  GEO_ALTITUDE_KM,
  GEO_DISPOSAL_MAX_ECCENTRICITY,
  GEO_PROTECTED_HALF_HEIGHT_KM,
  GEO_PROTECTED_LATITUDE_DEG,
  LEO_PROTECTED_TOP_KM,
  geoReorbitMinimumKm,
} from "./disposal-rules.ts";
import type { DisposalRuleCode } from "./disposal-rules.ts";

const MS_PER_YEAR = 365.25 * 86_400_000;
const EARTH_RADIUS_KM = 6378.137;
/** Perigee lowered by at least this much (km) relative to the operational orbit, with the apogee kept: a deorbit burn. */
export const MANOEUVRE_PERIGEE_DROP_KM = 50;
/** Semi-major axis within this distance of GEO (km): the object is assessed under the GEO rule. */
const NEAR_GEO_KM = 2000;

/**
 * ESA's classes (Annual Space Environment Report, ch. 6): compliant without a manoeuvre, compliant after a disposal
 * manoeuvre, not compliant; `not-assessable` where data is missing; `out-of-scope` for orbits no rule covers (neither
 * crossing LEO nor near GEO), counted apart and never in a share.
 */
export const DISPOSAL_CLASSES = ["naturally-compliant", "compliant-after-manoeuvre", "not-compliant", "not-assessable", "out-of-scope"] as const;
export type DisposalClass = (typeof DISPOSAL_CLASSES)[number];

export type EndOfMissionBasis = "rocket-body" | "decayed" | "operational-status" | "active-set" | "assumed-no-status-no-active-set";

/** The orbit used: the newest element set's, or the SATCAT's where none. */
export interface AssessedOrbit {
  readonly perigeeKm: number;
  readonly apogeeKm: number;
  readonly inclinationDeg: number;
}

export interface DisposalAssessmentInput {
  readonly objectType: string;
  readonly launchDate: string | null;
  readonly decayDate: string | null;
  readonly endOfMission: EndOfMissionBasis;
  /** The orbit at the analysis date (newest element set), or null when unknown. */
  readonly orbit: AssessedOrbit | null;
  /** The earliest known orbit (oldest element set), a proxy for the operational orbit; null without history. */
  readonly operationalOrbit: AssessedOrbit | null;
  /** Lifetime from the newest element set, or null where there is none (or it was not needed). */
  readonly lifetime: LifetimeEstimate | null;
  readonly analysisMs: number;
}

export interface DisposalAssessment {
  readonly disposalClass: DisposalClass;
  readonly region: "LEO" | "GEO" | "other" | "unknown";
  /** Years from end of mission to re-entry (observed or predicted; Infinity beyond the model's horizon); null where not used. */
  readonly residenceYears: number | null;
  /** Why, in words. */
  readonly reason: string;
}

function eccentricityOf(orbit: AssessedOrbit): number {
  const a = EARTH_RADIUS_KM + (orbit.perigeeKm + orbit.apogeeKm) / 2;
  return (orbit.apogeeKm - orbit.perigeeKm) / (2 * a);
}

/** Evidence of a disposal manoeuvre in LEO: the perigee came down by ≥ 50 km while the apogee came down by less than half that. */
export function leoDisposalManoeuvreEvident(operational: AssessedOrbit | null, now: AssessedOrbit | null): boolean {
  if (operational === null || now === null) return false;
  const perigeeDrop = operational.perigeeKm - now.perigeeKm;
  const apogeeDrop = operational.apogeeKm - now.apogeeKm;
  return perigeeDrop >= MANOEUVRE_PERIGEE_DROP_KM && apogeeDrop < perigeeDrop / 2;
}

/**
 * Assesses one ended payload or rocket body against a rule. Pure.
 *
 * End of mission: a rocket body's is its launch; a payload's is unknown in the public catalog, so for a payload still
 * in orbit the residence counted is the remaining lifetime from the analysis date (the end of mission taken as the
 * analysis date: a lower bound on the real residence, so "compliant" may be optimistic for long-dead payloads), and
 * a payload that has re-entered is compliant when launch-to-decay fits the rule, else not assessable.
 */
export function assessDisposal(input: DisposalAssessmentInput, rule: DisposalRuleCode): DisposalAssessment {
  const years = DISPOSAL_RULES[rule].years;
  const launchMs = input.launchDate === null ? null : Date.parse(input.launchDate);
  const decayMs = input.decayDate === null ? null : Date.parse(input.decayDate);
  const rocketBody = input.objectType === "ROCKET BODY";
  if (decayMs !== null && decayMs <= input.analysisMs) {
    if (launchMs === null) return { disposalClass: "not-assessable", region: "unknown", residenceYears: null, reason: "re-entered; no launch date" };
    const lived = (decayMs - launchMs) / MS_PER_YEAR;
    if (lived <= years) return { disposalClass: "naturally-compliant", region: "LEO", residenceYears: lived, reason: `re-entered ${lived.toFixed(1)} years after launch` };
    if (rocketBody) return { disposalClass: "not-compliant", region: "LEO", residenceYears: lived, reason: `rocket body re-entered ${lived.toFixed(1)} years after launch` };
    return { disposalClass: "not-assessable", region: "LEO", residenceYears: null, reason: `re-entered ${lived.toFixed(1)} years after launch; end of mission unknown` };
  }
  const orbit = input.orbit;
  if (orbit === null) return { disposalClass: "not-assessable", region: "unknown", residenceYears: null, reason: "no orbit known (no element set, no SATCAT orbit)" };
  const aAltitudeKm = (orbit.perigeeKm + orbit.apogeeKm) / 2;
  if (orbit.perigeeKm >= LEO_PROTECTED_TOP_KM && Math.abs(aAltitudeKm - GEO_ALTITUDE_KM) <= NEAR_GEO_KM) return assessGeo(orbit);
  if (orbit.perigeeKm >= LEO_PROTECTED_TOP_KM) return { disposalClass: "out-of-scope", region: "other", residenceYears: null, reason: "orbit crosses neither protected region" };
  const lifetime = input.lifetime;
  if (lifetime === null) return { disposalClass: "not-assessable", region: "LEO", residenceYears: null, reason: "no element set for a lifetime estimate" };
  const remaining = lifetime.status === "beyond-horizon" ? Number.POSITIVE_INFINITY : Math.max(0, lifetime.remainingYears ?? 0);
  const sinceEnd = rocketBody && launchMs !== null ? Math.max(0, (input.analysisMs - launchMs) / MS_PER_YEAR) : 0;
  const residence = sinceEnd + remaining;
  const manoeuvre = leoDisposalManoeuvreEvident(input.operationalOrbit, orbit);
  const text = Number.isFinite(residence) ? `${residence.toFixed(1)} years` : "beyond the model horizon";
  if (residence <= years) {
    return manoeuvre
      ? { disposalClass: "compliant-after-manoeuvre", region: "LEO", residenceYears: residence, reason: `perigee lowered from the operational orbit; residence ${text}` }
      : { disposalClass: "naturally-compliant", region: "LEO", residenceYears: residence, reason: `residence ${text}` };
  }
  return { disposalClass: "not-compliant", region: "LEO", residenceYears: residence, reason: `${manoeuvre ? "perigee lowered but not enough; " : ""}residence ${text}` };
}

function assessGeo(orbit: AssessedOrbit): DisposalAssessment {
  const e = eccentricityOf(orbit);
  const minimumPerigeeKm = GEO_ALTITUDE_KM + geoReorbitMinimumKm();
  const inProtected =
    orbit.perigeeKm <= GEO_ALTITUDE_KM + GEO_PROTECTED_HALF_HEIGHT_KM &&
    orbit.apogeeKm >= GEO_ALTITUDE_KM - GEO_PROTECTED_HALF_HEIGHT_KM &&
    orbit.inclinationDeg <= GEO_PROTECTED_LATITUDE_DEG;
  const base: { region: DisposalAssessment["region"]; residenceYears: null } = { region: "GEO", residenceYears: null };
  if (orbit.perigeeKm >= minimumPerigeeKm && e <= GEO_DISPOSAL_MAX_ECCENTRICITY) {
    return { ...base, disposalClass: "compliant-after-manoeuvre", reason: `re-orbited: perigee ${orbit.perigeeKm.toFixed(0)} km ≥ ${minimumPerigeeKm.toFixed(0)} km, e ${e.toFixed(4)}` };
  }
  if (orbit.perigeeKm >= minimumPerigeeKm) return { ...base, disposalClass: "not-compliant", reason: `re-orbited high enough but e ${e.toFixed(4)} > ${GEO_DISPOSAL_MAX_ECCENTRICITY}` };
  if (inProtected) return { ...base, disposalClass: "not-compliant", reason: "left in the GEO protected region" };
  if (orbit.inclinationDeg > GEO_PROTECTED_LATITUDE_DEG) return { ...base, region: "other", disposalClass: "out-of-scope", reason: "near GEO but outside the protected region's latitudes" };
  if (orbit.perigeeKm > GEO_ALTITUDE_KM) return { ...base, disposalClass: "not-compliant", reason: `re-orbited ${(orbit.perigeeKm - GEO_ALTITUDE_KM).toFixed(0)} km above GEO, short of ${geoReorbitMinimumKm().toFixed(0)} km` };
  return { ...base, disposalClass: "not-compliant", reason: "left near GEO outside the disposal region" };
}
