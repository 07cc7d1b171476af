import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { massEstimatesDateFromName, parseCaraMassCsv } from "../../src/environment/cara-mass-csv-parse.ts";
import { summariseMassEstimates, usableMassKg } from "../../src/environment/object-mass-estimate.ts";
import { detectFormat } from "../../src/sources/detect-format.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const CARA_FILE = sharedDataFile("cara/HBRMassEstimates/HBR_Mass_Estimates_20260601_ForDistribution.csv");
const CARA_HEADER = "ObjectID,HBR,HBRSigma,HBRSource,Mass,MassSigma,MassSource";

describe("CARA HBR and mass estimates CSV", () => {
  it("is told by its header and read row by row: blanks are null, scientific notation is a number", () => {
    const text = [
      CARA_HEADER,
      "1,,0,DISCOS DB,,0,DISCOS DB",
      "51,0.964231173853356,1.13290042146033,SFK RCS Estimate,68.5679843290701,228.986867543411,SFK RCS Estimate",
      "45911,0.0609586789606356,0.0392758345314543,SFK RCS Estimate,5.77780076367014e-05,8.86736560537179e-05,SFK RCS Estimate",
      "74,3.7,0,Default,,0,DISCOS DB",
      "25544,66.1,0,CARA Protected Primary,419725,0,CARA Protected Primary",
    ].join("\r\n");
    expect(detectFormat(text, "masses.csv")).toBe("cara-hbr-mass-csv");
    const { records, rejections } = parseCaraMassCsv(text, "masses.csv");
    expect(rejections).toEqual([]);
    expect(records[0]).toEqual({ catalogNumber: 1, massKg: null, massSigmaKg: 0, massSource: "DISCOS DB", hbrM: null, hbrSigmaM: 0, hbrSource: "DISCOS DB" });
    expect(records[1]).toMatchObject({ catalogNumber: 51, massKg: 68.5679843290701, massSigmaKg: 228.986867543411, hbrM: 0.964231173853356 });
    expect(records[2]!.massKg).toBe(5.77780076367014e-5);
    expect(records[3]).toMatchObject({ catalogNumber: 74, hbrM: 3.7, hbrSource: "Default", massKg: null, massSource: "DISCOS DB" });
    expect(records[4]).toMatchObject({ catalogNumber: 25544, massKg: 419725, massSource: "CARA Protected Primary" });
    expect(records.map(usableMassKg)).toEqual([null, 68.5679843290701, 5.77780076367014e-5, null, 419725]);
  });

  it("rejects each malformed row naming its line and field, and keeps the good ones", () => {
    const text = [
      CARA_HEADER,
      "100,1,0,SFK RCS Estimate,10,5,SFK RCS Estimate",
      "101,1,0,SFK RCS Estimate,ten,5,SFK RCS Estimate",
      "x12,1,0,SFK RCS Estimate,10,5,SFK RCS Estimate",
      "102,1,0,SFK RCS Estimate,-3,5,SFK RCS Estimate",
      "103,1,0,SFK RCS Estimate,0,5,SFK RCS Estimate",
      "104,1,-1,SFK RCS Estimate,10,5,SFK RCS Estimate",
      "105,1,0,SFK RCS Estimate,10,5,",
      "106,1,0,SFK RCS Estimate,10,5",
      "100,2,0,SFK RCS Estimate,20,5,SFK RCS Estimate",
      "107,1,0,,10,5,Default",
      "108,1,0,Default,448.3,0,Default",
    ].join("\n");
    const { records, rejections } = parseCaraMassCsv(text, "bad.csv");
    expect(records.map((r) => r.catalogNumber)).toEqual([100, 108]);
    expect(rejections.map((r) => [r.line, r.field])).toEqual([
      [3, "Mass"],
      [4, "ObjectID"],
      [5, "Mass"],
      [6, "Mass"],
      [7, "HBRSigma"],
      [8, "MassSource"],
      [9, null],
      [10, "ObjectID"],
      [11, "HBRSource"],
    ]);
    expect(rejections[0]).toMatchObject({ source: "bad.csv", reason: '"ten" is not a number', raw: "101,1,0,SFK RCS Estimate,ten,5,SFK RCS Estimate" });
    expect(rejections[2]!.reason).toBe("-3 is outside 0..10000000");
    expect(rejections[6]!.reason).toBe("has 6 fields, the header has 7");
    expect(rejections[7]!.reason).toBe("100 repeats line 2");
  });

  it("reads a licensed merged file's DISCOS DB values as masses like any other source's", () => {
    const { records } = parseCaraMassCsv([CARA_HEADER, "1,0.29,0,DISCOS DB,83.6,0,DISCOS DB"].join("\n"), "HBR_Mass_Estimates_20231101_Merged_NotForDistribution.csv");
    expect(records.map(usableMassKg)).toEqual([83.6]);
  });

  it("refuses a file without the seven columns as a whole", () => {
    expect(() => parseCaraMassCsv("ObjectID,HBR,Mass\n1,2,3\n", "short.csv")).toThrow(SourceFormatError);
    expect(() => parseCaraMassCsv("ObjectID,HBR,Mass\n1,2,3\n", "short.csv")).toThrow("header lacks HBRSigma, HBRSource, MassSigma, MassSource");
  });

  it("reads the as-of date from the file name, or none", () => {
    expect(massEstimatesDateFromName("/data/cara/HBR_Mass_Estimates_20260601_ForDistribution.csv")).toBe("2026-06-01");
    expect(massEstimatesDateFromName("HBR_Mass_Estimates_20231101_Merged_NotForDistribution.csv")).toBe("2023-11-01");
    expect(massEstimatesDateFromName("masses.csv")).toBeNull();
    expect(massEstimatesDateFromName("HBR_Mass_Estimates_20261301.csv")).toBeNull();
  });

  it.skipIf(!CARA_FILE)("reads the real 2026-06-01 file: 58,609 rows as the README counts them, DISCOS DB rows blank", () => {
    const { records, rejections } = parseCaraMassCsv(readFileSync(CARA_FILE!, "utf8"), CARA_FILE!);
    expect(rejections).toEqual([]);
    expect(records.length).toBe(58_609);
    const byHbrSource: Record<string, number> = {};
    for (const r of records) byHbrSource[r.hbrSource] = (byHbrSource[r.hbrSource] ?? 0) + 1;
    // The README counts rows by source as the HBR column gives it.
    expect(byHbrSource).toEqual({ "DISCOS DB": 35_026, "SFK RCS Estimate": 17_765, Default: 5_581, "CARA Protected Primary": 235, "CARA Override": 2 });
    expect(records.filter((r) => r.hbrSource === "DISCOS DB").every((r) => r.hbrM === null)).toBe(true);
    const summary = summariseMassEstimates(records);
    console.log(`CARA 2026-06-01: ${records.length} rows; by HBR source ${JSON.stringify(byHbrSource)}; mass given ${JSON.stringify(summary.withMass)}; no mass ${JSON.stringify(summary.withoutMass)}`);
    // By the mass column: every DISCOS DB mass is blank, every other source gives one.
    expect(summary.withMass).toEqual({ "SFK RCS Estimate": 16_863, Default: 5_686, "CARA Protected Primary": 125, "CARA Override": 4 });
    expect(summary.withoutMass).toEqual({ "DISCOS DB": 35_931 });
    expect(records.find((r) => r.catalogNumber === 25544)).toMatchObject({ massKg: 419_725, massSource: "CARA Protected Primary" });
  });
});
