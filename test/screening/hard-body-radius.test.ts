import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HBR_BY_RCS_SIZE_M, combinedHardBodyRadiusM, hardBodyRadiusFromRcsM, loadCaraHbrTable } from "../../src/screening/hard-body-radius.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const hbrFile = sharedDataFile("cara/HBRMassEstimates/HBR_Mass_Estimates_20260601_ForDistribution.csv");

describe("hard-body radius from the RCS size class", () => {
  it("is the radius of a disc of the class's upper RCS bound, increasing SMALL < MEDIUM < LARGE", () => {
    expect(hardBodyRadiusFromRcsM("SMALL")).toBeCloseTo(0.1784, 4);
    expect(hardBodyRadiusFromRcsM("MEDIUM")).toBeCloseTo(0.5642, 4);
    expect(hardBodyRadiusFromRcsM("LARGE")).toBeCloseTo(1.7841, 4);
    expect(hardBodyRadiusFromRcsM(null)).toBe(HBR_BY_RCS_SIZE_M.MEDIUM);
  });

  it("sums the two radii for an encounter", () => {
    expect(combinedHardBodyRadiusM(hardBodyRadiusFromRcsM("LARGE"), hardBodyRadiusFromRcsM("SMALL"))).toBeCloseTo(1.9625, 4);
  });
});

describe.skipIf(!hbrFile)("CARA's HBR and mass table", () => {
  it("loads every row with an HBR and counts the blank DISCOS rows (58,609 rows, 35,026 blank)", () => {
    const { entries, blank, rejections } = loadCaraHbrTable(readFileSync(hbrFile!, "utf8"), hbrFile!);
    console.log(`CARA HBR table: ${entries.size} objects with an HBR, ${blank} blank (DISCOS), ${rejections.length} rejected`);
    expect(rejections).toEqual([]);
    expect(blank).toBe(35026);
    expect(entries.size).toBe(58609 - 35026);
    expect(entries.get(51)).toEqual({ catalogNumber: 51, hbrM: 0.964231173853356, hbrSigmaM: 1.13290042146033, source: "SFK RCS Estimate", massKg: 68.5679843290701 });
    expect(entries.get(1)).toBeUndefined();
  });

  it("rejects a malformed row naming its line and field", () => {
    const { rejections } = loadCaraHbrTable("ObjectID,HBR,HBRSigma,HBRSource,Mass,MassSigma,MassSource\n51,abc,0,X,1,0,X\nx,1,0,X,1,0,X\n", "t.csv");
    expect(rejections.map((r) => [r.line, r.field])).toEqual([
      [2, "HBR"],
      [3, "ObjectID"],
    ]);
  });
});
