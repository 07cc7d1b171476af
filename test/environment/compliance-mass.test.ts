import { describe, expect, it } from "vitest";
import { complianceRow, complianceTable } from "../../src/environment/compliance-analysis.ts";
import type { AssessedObject } from "../../src/environment/compliance-analysis.ts";
import { complianceMass, describeMassCoverage } from "../../src/environment/compliance-mass.ts";
import type { ComplianceMassEntry } from "../../src/environment/compliance-mass.ts";
import type { DisposalClass } from "../../src/environment/disposal-assessment.ts";
import type { EnvironmentObject } from "../../src/environment/environment-object.ts";

/** Nine objects: five with a usable mass, one listed without one (DISCOS withheld), three not listed. */
const MASSES = new Map<number, ComplianceMassEntry>([
  [1, { massKg: 100, massSource: "SFK RCS Estimate" }],
  [2, { massKg: 448.3, massSource: "Default" }],
  [3, { massKg: 50, massSource: "CARA Protected Primary" }],
  [4, { massKg: 1000, massSource: "SFK RCS Estimate" }],
  [5, { massKg: null, massSource: "DISCOS DB" }],
  [7, { massKg: 700, massSource: "SFK RCS Estimate" }],
  [9, { massKg: 2550, massSource: "Default" }],
]);
const CLASSES: readonly [number, DisposalClass, string][] = [
  [1, "naturally-compliant", "USA"],
  [2, "naturally-compliant", "USA"],
  [3, "compliant-after-manoeuvre", "FRA"],
  [4, "not-compliant", "USA"],
  [5, "not-compliant", "FRA"],
  [6, "naturally-compliant", "FRA"],
  [7, "not-assessable", "USA"],
  [8, "out-of-scope", "USA"],
  [9, "not-compliant", "USA"],
];

function assessed(catalogNumber: number, disposalClass: DisposalClass, actorCode: string): AssessedObject {
  const object: EnvironmentObject = {
    catalogNumber,
    internationalDesignator: null,
    name: null,
    objectType: "PAYLOAD",
    ownerCode: actorCode === "USA" ? "US" : "FR",
    actorCode,
    orbitRegime: "LEO",
    launchDate: "2000-01-01",
    decayDate: null,
    operationalStatus: null,
    perigeeKm: 600,
    apogeeKm: 600,
    inclinationDeg: 98,
  };
  return { object, endOfMission: "operational-status", assessment: { disposalClass, region: "LEO", residenceYears: null, reason: "test" } };
}

const ITEMS = CLASSES.map(([n, cls, actor]) => assessed(n, cls, actor));

describe("compliance by mass", () => {
  it("sums each class's known masses, counts the rest as mass unknown (never zero), and shares over the known-mass objects only", () => {
    const mass = complianceMass(
      CLASSES.map(([catalogNumber, disposalClass]) => ({ catalogNumber, disposalClass })),
      MASSES,
    );
    expect(mass.naturallyCompliant).toEqual({ massKg: 548.3, massKnownObjects: 2, massUnknownObjects: 1 });
    expect(mass.compliantAfterManoeuvre).toEqual({ massKg: 50, massKnownObjects: 1, massUnknownObjects: 0 });
    expect(mass.notCompliant).toEqual({ massKg: 3550, massKnownObjects: 2, massUnknownObjects: 1 });
    expect(mass.assessedMassKg).toBeCloseTo(4148.3, 9);
    // (548.3 + 50) / 4148.3; the not-assessable object 7 (700 kg) and the out-of-scope object 8 are in no share.
    expect(mass.compliantShareByMass).toBeCloseTo(598.3 / 4148.3, 12);
    // Without CARA's class defaults (objects 2 and 9): (100 + 50) / (100 + 50 + 1000).
    expect(mass.compliantShareByMassWithoutDefaults).toBeCloseTo(150 / 1150, 12);
    expect(mass).toMatchObject({ massKnownObjects: 5, massUnknownObjects: 2, massUnknownListed: 1, massUnknownNotListed: 1, defaultMassObjects: 2 });
    expect(mass.defaultMassKg).toBeCloseTo(2998.3, 9);
    expect(mass.bySource).toEqual([
      { source: "Default", objects: 2, massKg: 2998.3 },
      { source: "SFK RCS Estimate", objects: 2, massKg: 1100 },
      { source: "CARA Protected Primary", objects: 1, massKg: 50 },
    ]);
    expect(describeMassCoverage(mass)).toBe("mass known for 5 of 7 assessed: CARA class default 2, SFK RCS estimate 2, CARA 1; unknown 2 (listed without a mass 1, not listed 1)");
  });

  it("without a mass source every assessed object is mass unknown and no share by mass is given", () => {
    const row = complianceRow("all", ITEMS);
    expect(row.assessed).toBe(7);
    expect(row.compliantShare).toBeCloseTo(4 / 7, 12);
    expect(row.mass).toMatchObject({ assessedMassKg: 0, compliantShareByMass: null, compliantShareByMassWithoutDefaults: null, massKnownObjects: 0, massUnknownObjects: 7, massUnknownNotListed: 7, bySource: [] });
  });

  it("a group whose only known masses are class defaults has a share by mass but none without defaults", () => {
    const mass = complianceMass([{ catalogNumber: 2, disposalClass: "naturally-compliant" }], MASSES);
    expect(mass.compliantShareByMass).toBe(1);
    expect(mass.compliantShareByMassWithoutDefaults).toBeNull();
  });

  it("the groups of a table add up to the whole, by count and by mass", () => {
    const rows = complianceTable(ITEMS, "state", MASSES);
    const all = complianceRow("all", ITEMS, MASSES);
    expect(rows.map((r) => r.key)).toEqual(["USA", "FRA"]);
    const usa = rows[0]!;
    expect(usa.mass).toMatchObject({ massKnownObjects: 4, massUnknownObjects: 0, naturallyCompliant: { massKg: 548.3 }, notCompliant: { massKg: 3550 } });
    expect(usa.mass.compliantShareByMass).toBeCloseTo(548.3 / 4098.3, 12);
    const fra = rows[1]!;
    expect(fra.mass).toMatchObject({ massKnownObjects: 1, massUnknownObjects: 2, compliantShareByMass: 1, assessedMassKg: 50 });
    expect(rows.reduce((s, r) => s + r.mass.assessedMassKg, 0)).toBeCloseTo(all.mass.assessedMassKg, 9);
    expect(rows.reduce((s, r) => s + r.mass.massKnownObjects + r.mass.massUnknownObjects, 0)).toBe(all.assessed);
  });
});
