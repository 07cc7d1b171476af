import { describe, expect, it } from "vitest";
import { assessDisposal, leoDisposalManoeuvreEvident } from "../../src/environment/disposal-assessment.ts";
import type { DisposalAssessmentInput } from "../../src/environment/disposal-assessment.ts";
import { endOfMissionOf } from "../../src/environment/compliance-analysis.ts";
import { GEO_ALTITUDE_KM, geoReorbitMinimumKm } from "../../src/environment/disposal-rules.ts";
import type { EnvironmentObject } from "../../src/environment/environment-object.ts";
import type { LifetimeEstimate } from "../../src/orbit/lifetime/estimate-lifetime.ts";

const MS_PER_YEAR = 365.25 * 86_400_000;
const ANALYSIS = Date.parse("2025-01-01T00:00:00Z");

function lifetime(remainingYears: number | null): LifetimeEstimate {
  return {
    catalogNumber: 1,
    status: remainingYears === null ? "beyond-horizon" : "reentry",
    analysisMs: ANALYSIS,
    elementEpochMs: ANALYSIS,
    horizonMs: ANALYSIS + 100 * MS_PER_YEAR,
    reentryMs: remainingYears === null ? null : ANALYSIS + remainingYears * MS_PER_YEAR,
    earliestMs: null,
    latestMs: null,
    remainingYears,
    perigeeKm: 550,
    apogeeKm: 560,
    ballistic: { valueM2Kg: 0.01, source: "bstar", relativeUncertainty: 0.3 } as unknown as LifetimeEstimate["ballistic"],
    integrationSteps: 0,
  };
}

function leo(overrides: Partial<DisposalAssessmentInput>): DisposalAssessmentInput {
  return {
    objectType: "PAYLOAD",
    launchDate: "2020-01-01",
    decayDate: null,
    endOfMission: "active-set",
    orbit: { perigeeKm: 550, apogeeKm: 560, inclinationDeg: 53 },
    operationalOrbit: null,
    lifetime: lifetime(10),
    analysisMs: ANALYSIS,
    ...overrides,
  };
}

describe("post-mission-disposal assessment", () => {
  it("a payload with 10 years left complies with the 25-year rule and not with the 5-year rule", () => {
    expect(assessDisposal(leo({}), "25y")).toMatchObject({ disposalClass: "naturally-compliant", region: "LEO", residenceYears: 10 });
    expect(assessDisposal(leo({}), "5y")).toMatchObject({ disposalClass: "not-compliant", residenceYears: 10 });
  });

  it("the boundaries are inclusive: exactly 25 and exactly 5 years comply, a day more does not", () => {
    expect(assessDisposal(leo({ lifetime: lifetime(25) }), "25y").disposalClass).toBe("naturally-compliant");
    expect(assessDisposal(leo({ lifetime: lifetime(25 + 1 / 365.25) }), "25y").disposalClass).toBe("not-compliant");
    expect(assessDisposal(leo({ lifetime: lifetime(5) }), "5y").disposalClass).toBe("naturally-compliant");
    expect(assessDisposal(leo({ lifetime: lifetime(5 + 1 / 365.25) }), "5y").disposalClass).toBe("not-compliant");
  });

  it("a rocket body's residence counts from its launch: 20 years in orbit plus 6 left breaks the 25-year rule", () => {
    const input = leo({ objectType: "ROCKET BODY", endOfMission: "rocket-body", launchDate: "2005-01-01", lifetime: lifetime(6) });
    const result = assessDisposal(input, "25y");
    expect(result.disposalClass).toBe("not-compliant");
    expect(result.residenceYears).toBeCloseTo(26, 2);
  });

  it("beyond the model horizon is not compliant; no element set is not assessable", () => {
    expect(assessDisposal(leo({ lifetime: lifetime(null) }), "25y")).toMatchObject({ disposalClass: "not-compliant", residenceYears: Number.POSITIVE_INFINITY });
    expect(assessDisposal(leo({ lifetime: null }), "25y").disposalClass).toBe("not-assessable");
    expect(assessDisposal(leo({ orbit: null, lifetime: null }), "25y").disposalClass).toBe("not-assessable");
  });

  it("re-entered objects: a payload within the rule complies; beyond it, its end of mission is unknown; a rocket body does not comply", () => {
    expect(assessDisposal(leo({ decayDate: "2024-01-01", endOfMission: "decayed" }), "5y").disposalClass).toBe("naturally-compliant");
    expect(assessDisposal(leo({ launchDate: "1990-01-01", decayDate: "2024-01-01", endOfMission: "decayed" }), "25y").disposalClass).toBe("not-assessable");
    expect(assessDisposal(leo({ objectType: "ROCKET BODY", launchDate: "1990-01-01", decayDate: "2024-01-01", endOfMission: "decayed" }), "25y").disposalClass).toBe("not-compliant");
  });

  it("a perigee lowered 200 km from the operational orbit with the apogee kept is a disposal manoeuvre", () => {
    const operationalOrbit = { perigeeKm: 750, apogeeKm: 760, inclinationDeg: 98 };
    const orbit = { perigeeKm: 550, apogeeKm: 740, inclinationDeg: 98 };
    expect(leoDisposalManoeuvreEvident(operationalOrbit, orbit)).toBe(true);
    expect(leoDisposalManoeuvreEvident(operationalOrbit, { perigeeKm: 600, apogeeKm: 610, inclinationDeg: 98 })).toBe(false);
    expect(assessDisposal(leo({ operationalOrbit, orbit, lifetime: lifetime(8) }), "25y").disposalClass).toBe("compliant-after-manoeuvre");
  });

  it("the IADC GEO re-orbit: ΔH = 235 km + 1000·C_R·A/m, 265 km with the default 0.03 m²/kg", () => {
    expect(geoReorbitMinimumKm(0)).toBe(235);
    expect(geoReorbitMinimumKm(0.03)).toBeCloseTo(265, 12);
    expect(geoReorbitMinimumKm(0.1)).toBeCloseTo(335, 12);
    expect(geoReorbitMinimumKm()).toBeCloseTo(265, 12);
  });

  it("near GEO: re-orbited 300 km up with e ≤ 0.003 complies after a manoeuvre; 250 km, eccentric, or left in place does not", () => {
    const geo = (perigeeKm: number, apogeeKm: number, inclinationDeg = 2) => leo({ orbit: { perigeeKm, apogeeKm, inclinationDeg }, lifetime: null });
    const g = GEO_ALTITUDE_KM;
    expect(assessDisposal(geo(g + 300, g + 320), "25y")).toMatchObject({ disposalClass: "compliant-after-manoeuvre", region: "GEO" });
    expect(assessDisposal(geo(g + 250, g + 260), "25y").disposalClass).toBe("not-compliant");
    expect(assessDisposal(geo(g + 300, g + 700), "25y").reason).toContain("e 0.0047");
    expect(assessDisposal(geo(g - 10, g + 10), "25y").reason).toBe("left in the GEO protected region");
    expect(assessDisposal(geo(g - 10, g + 10, 40), "25y").disposalClass).toBe("out-of-scope");
    expect(assessDisposal(geo(20000, 20200, 55), "25y").disposalClass).toBe("out-of-scope");
  });

  it("end of mission: status first, then the active set; with neither every payload is taken as ended and flagged", () => {
    const o = { catalogNumber: 7, objectType: "PAYLOAD", decayDate: null, operationalStatus: null } as unknown as EnvironmentObject;
    expect(endOfMissionOf({ ...o, operationalStatus: "+" }, new Set(), ANALYSIS)).toBeNull();
    expect(endOfMissionOf({ ...o, operationalStatus: "-" }, new Set([7]), ANALYSIS)).toBe("operational-status");
    expect(endOfMissionOf(o, new Set([7]), ANALYSIS)).toBeNull();
    expect(endOfMissionOf(o, new Set([8]), ANALYSIS)).toBe("active-set");
    expect(endOfMissionOf(o, null, ANALYSIS)).toBe("assumed-no-status-no-active-set");
    expect(endOfMissionOf({ ...o, objectType: "ROCKET BODY" }, new Set([7]), ANALYSIS)).toBe("rocket-body");
  });
});
