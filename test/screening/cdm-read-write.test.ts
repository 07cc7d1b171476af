import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Cdm, CdmParseError, cdmCovarianceMatrix, cdmHardBodyRadiusM } from "../../src/screening/cdm.ts";
import { CDM_KEYWORDS } from "../../src/screening/cdm-keywords.ts";
import { formatCdmKvn } from "../../src/screening/cdm-kvn-format.ts";
import { parseCdmKvn } from "../../src/screening/cdm-kvn-parse.ts";
import { formatCdmXml } from "../../src/screening/cdm-xml-format.ts";
import { parseCdmXml } from "../../src/screening/cdm-xml-parse.ts";
import { formatCcsdsTime, parseCcsdsTimeMs } from "../../src/screening/cdm-time.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const sampleDir = sharedDataFile("cara/SampleCDMs");
const pcDir = sharedDataFile("cara/PcTestCaseCDMs");

function cdmFiles(): string[] {
  return [sampleDir, pcDir].flatMap((dir) => (dir === null ? [] : readdirSync(dir).filter((f) => f.endsWith(".cdm")).sort().map((f) => join(dir, f))));
}

const MANDATORY = CDM_KEYWORDS.filter((k) => k.mandatory).map((k) => k.key);

describe.skipIf(!sampleDir || !pcDir)("CDM readers and writers on every CARA CDM", () => {
  const files = cdmFiles();
  const parsed = files.map((file) => ({ file, ...parseCdmKvn(readFileSync(file, "utf8"), file) }));

  it("parses every KVN file in SampleCDMs and PcTestCaseCDMs (34 + 53)", () => {
    console.log(`CDM KVN files parsed: ${parsed.length} (SampleCDMs + PcTestCaseCDMs)`);
    expect(parsed).toHaveLength(87);
    for (const { cdm } of parsed) {
      expect(cdm.object1.metadata.object).toBe("OBJECT1");
      expect(cdm.object2.metadata.object).toBe("OBJECT2");
      expect(cdm.object1.covariance.lowerTriangle.length).toBeGreaterThanOrEqual(21);
    }
  });

  it("reads the HST vs DIAMANT R/B CDM field by field, HBR comment and units stripped", () => {
    const { cdm, warnings } = parsed.find((p) => p.file.includes("000020580_conj_000002017"))!;
    expect(warnings).toEqual([]);
    expect(formatCcsdsTime(cdm.relative.tcaMs)).toBe("2023-06-13T00:19:23.766");
    expect(cdm.relative).toMatchObject({ missDistanceM: 12303, relativeSpeedMS: 2224, relativePositionTM: 12297.9, relativeVelocityNMS: 2212.4, collisionProbability: 1.862e-5, collisionProbabilityMethod: "FOSTER-1992" });
    expect(cdm.relative.comments).toEqual(["SCREENING_OPTION = Covariance", "HBR = 10 [m]"]);
    expect(cdmHardBodyRadiusM(cdm)).toBe(10);
    expect(cdm.object2.metadata).toMatchObject({ objectDesignator: "000002017", objectName: "DIAMANT R/B", internationalDesignator: "1966-013B", refFrame: "EME2000", maneuverable: "N/A" });
    expect(cdm.object1.state.positionKm[0]).toBe(-5087.477994865218534);
    expect(cdm.object1.od.residualsAcceptedPercent).toBe(98.1);
    expect(cdm.object1.additional.sedrWKg).toBe(0.00125);
    const c = cdmCovarianceMatrix(cdm.object1.covariance, 6);
    expect(c[1]![0]).toBe(-2.654354388641188852e5);
    expect(c[0]![1]).toBe(c[1]![0]);
    expect(c[5]![5]).toBe(4.91720866284000007e-4);
  });

  it("reads the day-of-year time form (2017-232T05:02:35.819 is 20 August)", () => {
    const { cdm } = parsed.find((p) => p.file.endsWith("OmitronTestCase_Test08_3DNc.cdm"))!;
    expect(formatCcsdsTime(cdm.relative.tcaMs)).toBe("2017-08-20T05:02:35.819");
  });

  it("accepts CARA's wrong or broken units with a warning naming line and keyword", () => {
    const { warnings } = parsed.find((p) => p.file.endsWith("AlfanoTestCase01.cdm"))!;
    expect(warnings[0]).toMatchObject({ line: 11, keyword: "RELATIVE_VELOCITY_R" });
    expect(warnings[0]?.reason).toContain("[m]");
  });

  it("round-trips KVN → model → KVN → model for every file", () => {
    for (const { file, cdm } of parsed) expect(parseCdmKvn(formatCdmKvn(cdm), file).cdm, file).toEqual(cdm);
  });

  it("round-trips model → XML → model for every file, with no warnings", () => {
    for (const { file, cdm } of parsed) {
      const again = parseCdmXml(formatCdmXml(cdm), file);
      expect(again.cdm, file).toEqual(cdm);
      expect(again.warnings).toEqual([]);
    }
  });

  it("writes every mandatory keyword of 508.0-B-1 in both encodings", () => {
    for (const { cdm } of parsed.slice(0, 5)) {
      const kvn = formatCdmKvn(cdm);
      const xml = formatCdmXml(cdm);
      for (const key of MANDATORY) {
        expect(kvn.match(new RegExp(`^${key}\\s+=`, "gm"))?.length ?? 0, key).toBe(["CCSDS_CDM_VERS", "CREATION_DATE", "ORIGINATOR", "MESSAGE_ID", "TCA", "MISS_DISTANCE"].includes(key) ? 1 : 2);
        if (key !== "CCSDS_CDM_VERS") expect(xml).toContain(`<${key}`);
      }
      expect(xml).toContain('id="CCSDS_CDM_VERS" version="1.0"');
    }
  });
});

function minimalCdm(): string {
  const path = sharedDataFile("cara/PcTestCaseCDMs/000020580_conj_000002017_20230613_001923_20230608_063715.cdm");
  return path === null ? "" : readFileSync(path, "utf8");
}

describe.skipIf(!pcDir)("CDM bad input", () => {
  const text = minimalCdm();
  const failure = (bad: string): CdmParseError => {
    try {
      parseCdmKvn(bad, "bad.cdm");
    } catch (error) {
      if (error instanceof CdmParseError) return error;
      throw error;
    }
    throw new Error("no error thrown");
  };

  it("names file, line and keyword for a value that is not a number", () => {
    const error = failure(text.replace("MISS_DISTANCE                               = 12303 [m]", "MISS_DISTANCE = twelve [m]"));
    expect(error).toMatchObject({ code: "CDM_PARSE", source: "bad.cdm", line: 8, keyword: "MISS_DISTANCE" });
    expect(error.message).toBe('bad.cdm:8: MISS_DISTANCE: "twelve" is not a number');
  });

  it("rejects a bad time, an unknown keyword, a line without '=' and a missing mandatory keyword", () => {
    expect(failure(text.replace("2023-06-13T00:19:23.766", "2023-13-13T00:19:23.766"))).toMatchObject({ line: 7, keyword: "TCA" });
    expect(failure(text.replace("MESSAGE_FOR", "MESSAGE_TO"))).toMatchObject({ line: 4, keyword: "MESSAGE_TO" });
    expect(failure(text.replace("ORIGINATOR                                  = CARA", "ORIGINATOR CARA"))).toMatchObject({ line: 3, keyword: null });
    expect(failure(text.replace(/^CN_N .*$/m, "")).keyword).toBe("CN_N");
    expect(failure(text.replace(/^REF_FRAME .*$/m, "")).message).toContain("REF_FRAME: mandatory keyword missing in OBJECT1");
  });

  it("rejects XML that is not well formed or has an unknown element", () => {
    const { cdm } = parseCdmKvn(text, "ok.cdm");
    const xml = formatCdmXml(cdm);
    expect(() => parseCdmXml(xml.replace("</header>", ""), "bad.xml")).toThrow(CdmParseError);
    expect(() => parseCdmXml(xml.replace("<ORIGINATOR>", "<ORIGINATR>").replace("</ORIGINATOR>", "</ORIGINATR>"), "bad.xml")).toThrow(/bad.xml: ORIGINATR: unknown CDM element/);
  });
});

describe("CCSDS times", () => {
  it("reads both forms to the same instant and keeps sub-millisecond digits", () => {
    expect(parseCcsdsTimeMs("2017-232T05:02:35.819")).toBe(parseCcsdsTimeMs("2017-08-20T05:02:35.819"));
    expect(parseCcsdsTimeMs("2020-366T00:00:00")).toBe(Date.UTC(2020, 11, 31));
    expect(parseCcsdsTimeMs("2021-366T00:00:00")).toBeNull();
    expect(formatCcsdsTime(parseCcsdsTimeMs("2023-06-13T00:19:23.766125")!)).toBe("2023-06-13T00:19:23.766125");
  });
});

export type { Cdm };
