/**
 * The post-mission-disposal rules Concord assesses, with their sources. Pure data and one formula.
 *
 * - 25-year rule: IADC Space Debris Mitigation Guidelines (IADC-02-01, rev. 3, 2021), 5.3.2, and the UN COPUOS Space
 *   Debris Mitigation Guidelines (2007), guideline 6: a spacecraft or orbital stage passing through the LEO region
 *   should leave it (re-enter) within 25 years of the end of its mission.
 * - 5-year rule: US FCC Second Report and Order, FCC 22-74 (29 Sept 2022), 47 CFR 25.114(d)(14)(vii): disposal by
 *   atmospheric re-entry no more than 5 years after the end of the mission; ESA's Zero Debris approach (2023) and ESA
 *   Space Debris Mitigation Requirements ESSB-ST-U-007 (2023) set the same 5 years for ESA missions.
 * - GEO: IADC guidelines 5.3.1: re-orbit above the GEO protected region (GEO altitude ± 200 km, latitude ± 15°) by a
 *   perigee increase of at least ΔH = 235 km + 1000·C_R·A/m km (A/m in m²/kg; the brief's "1,000,000·C_R·A/m" is the
 *   same formula in metres), with eccentricity at most 0.003.
 */
export const DISPOSAL_RULES = {
  "25y": {
    code: "25y",
    years: 25,
    name: "25-year rule (IADC guideline 5.3.2; UN Space Debris Mitigation Guidelines, guideline 6)",
    source: "IADC-02-01 rev. 3 (2021) 5.3.2; UN COPUOS Space Debris Mitigation Guidelines (A/62/20 annex, 2007), guideline 6",
  },
  "5y": {
    code: "5y",
    years: 5,
    name: "5-year rule (US FCC 22-74, 2022; ESA Zero Debris approach)",
    source: "FCC Second Report and Order FCC 22-74 (2022-09-29), 47 CFR 25.114(d)(14)(vii); ESA Zero Debris approach / ESSB-ST-U-007 (2023)",
  },
} as const;

export type DisposalRuleCode = keyof typeof DISPOSAL_RULES;
export const DISPOSAL_RULE_CODES: readonly DisposalRuleCode[] = ["25y", "5y"];

/** Geostationary altitude (km): semi-major axis 42,164.17 km less the equatorial radius 6,378.137 km. */
export const GEO_ALTITUDE_KM = 35786;
/** Half-height of the GEO protected region (km) and its latitude limit (deg), IADC 3.3.2. */
export const GEO_PROTECTED_HALF_HEIGHT_KM = 200;
export const GEO_PROTECTED_LATITUDE_DEG = 15;
/** Largest eccentricity of a compliant GEO disposal orbit (IADC 5.3.1). */
export const GEO_DISPOSAL_MAX_ECCENTRICITY = 0.003;
/**
 * C_R·A/m (m²/kg) assumed when the object's is unknown (always, with the public SATCAT): C_R = 1.5 and A/m = 0.02 m²/kg,
 * a typical large GEO communications satellite (e.g. 40 m² over 2,000 kg), so ΔH = 265 km. A lighter, larger
 * satellite needs more; the assumption is stated with every GEO result.
 */
export const DEFAULT_CR_AREA_TO_MASS_M2_KG = 0.03;

/** IADC minimum perigee increase above GEO altitude for a disposal orbit (km). */
export function geoReorbitMinimumKm(crAreaToMassM2Kg: number = DEFAULT_CR_AREA_TO_MASS_M2_KG): number {
  return 235 + 1000 * crAreaToMassM2Kg;
}

/** LEO protected region: up to 2,000 km altitude (IADC 3.3.2). */
export const LEO_PROTECTED_TOP_KM = 2000;
