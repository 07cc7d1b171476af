import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { detectFormat, type DetectedFormat } from "../../src/sources/detect-format.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const REAL_FILES: ReadonlyArray<[string, DetectedFormat]> = [
  ["satcat/spacetrack_satcat_2026-01-20.json.gz", "satcat-spacetrack-json"],
  ["gp/spacetrack_full_catalog_3le_2023-10-09.txt", "tle"],
  ["gp/celestrak_active_gp_2026-08-18.csv", "omm-csv"],
  ["gp/debris/fengyun-1c-debris_2025-02-15.txt", "tle"],
  ["gp/debris/cosmos-2251-debris_2025-02-15.txt", "tle"],
  ["gp/debris/iridium-33-debris_2025-02-15.txt", "tle"],
  ["gp/debris/cosmos-1408-debris_2025-02-15.txt", "tle"],
  ["tle-history/04006_tle_history_1969-2000.txt", "tle"],
  ["sgp4/SGP4-VER.TLE", "tle"],
];

describe("detectFormat on every real file kind in ../shared/data", () => {
  for (const [relative, expected] of REAL_FILES) {
    const path = sharedDataFile(relative);
    it.skipIf(!path)(`reads ${relative} as ${expected}`, async () => {
      const payload = await readFileSource(path as string);
      expect(detectFormat(payload.text, relative)).toBe(expected);
    });
  }

  const activeCsv = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
  it.skipIf(!activeCsv)("tells OMM JSON from SATCAT JSON by the first element's keys (MEAN_MOTION)", async () => {
    const [header = "", row = ""] = (await readFile(activeCsv as string, "utf8")).split("\r\n");
    const names = header.split(",");
    const values = row.split(",");
    const omm = Object.fromEntries(names.map((name, i) => [name, values[i] ?? null]));
    expect(detectFormat(JSON.stringify([omm]), "omm.json")).toBe("omm-json");
    expect(detectFormat(JSON.stringify(omm, null, 2), "one-omm.json")).toBe("omm-json");
  });
});

describe("detectFormat on snippets", () => {
  it("reads a two-line TLE without a name line", () => {
    const text =
      "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\n" +
      "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\n";
    expect(detectFormat(text, "iss.tle")).toBe("tle");
  });

  it("reads a three-line TLE with a bare name line and an Alpha-5 catalog number", () => {
    const text =
      "ISS (ZARYA)\n" +
      "1 A0001U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\n" +
      "2 A0001  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\n";
    expect(detectFormat(text, "alpha5.tle")).toBe("tle");
  });

  it("reads CCSDS OMM XML whether the root is <ndm> or <omm>, after a prolog and comment", () => {
    const ndm = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- CelesTrak -->\n<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><omm id="CCSDS_OMM_VERS" version="2.0"></omm></ndm>';
    const omm = '<omm id="CCSDS_OMM_VERS" version="2.0"><header><CREATION_DATE/></header></omm>';
    expect(detectFormat(ndm, "gp.xml")).toBe("omm-xml");
    expect(detectFormat(omm, "one.xml")).toBe("omm-xml");
  });

  it("reads OMM KVN by its CCSDS_OMM_VERS first keyword", () => {
    const kvn = "CCSDS_OMM_VERS = 2.0\nCREATION_DATE = 2026-08-18T15:22:32\nORIGINATOR = 18 SPCS\n";
    expect(detectFormat(kvn, "gp.kvn")).toBe("omm-kvn");
  });

  it("reads CelesTrak SATCAT CSV by its header, not confusing it with OMM CSV", () => {
    const csv =
      "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,PERIOD,INCLINATION,APOGEE,PERIGEE,RCS,DATA_STATUS_CODE,ORBIT_CENTER,ORBIT_TYPE\r\n" +
      "SL-1 R/B,1957-001A,1,R/B,D,CIS,1957-10-04,TYMSC,1957-12-01,96.19,65.10,938,214,20.4200,,EA,IMP\r\n";
    expect(detectFormat(csv, "satcat.csv")).toBe("satcat-celestrak-csv");
  });

  it("reads Space-Track SATCAT JSON from its first element's SATNAME / INTLDES / COUNTRY", () => {
    expect(detectFormat('[{"INTLDES":"1957-001A","SATNAME":"SL-1 R/B","COUNTRY":"CIS"}]', "s.json")).toBe(
      "satcat-spacetrack-json",
    );
  });

  it("ignores a leading BOM and blank lines", () => {
    expect(detectFormat("\uFEFF\n\n  CCSDS_OMM_VERS = 3.0\n", "bom.kvn")).toBe("omm-kvn");
  });
});

describe("detectFormat on garbage", () => {
  function failure(text: string, source = "junk.dat"): SourceFormatError {
    try {
      detectFormat(text, source);
    } catch (error) {
      if (error instanceof SourceFormatError) return error;
      throw error;
    }
    throw new Error("expected detectFormat to throw");
  }

  it("says 'unknown format: expected one of …' and quotes the first line", () => {
    const error = failure("hello world\nsecond line\n");
    expect(error.code).toBe("SOURCE_FORMAT");
    expect(error.message).toBe(
      'junk.dat: unknown format: expected one of TLE (2- or 3-line), OMM JSON, OMM CSV, OMM XML (<ndm>/<omm>), OMM KVN (CCSDS_OMM_VERS), Space-Track SATCAT JSON, CelesTrak SATCAT CSV, CelesTrak space-weather CSV (SW-All.csv), NASA CARA HBR and mass estimates CSV; first line: "hello world"',
    );
  });

  it("truncates a long first line to 80 characters in the message", () => {
    const error = failure(`${"x".repeat(500)}\n`);
    expect(error.message).toContain(`"${"x".repeat(80)}…"`);
    expect(error.message).not.toContain("x".repeat(81));
  });

  it("rejects empty input, an empty JSON array, JSON of other records, other XML and other CSV", () => {
    expect(failure("  \n\n").message).toMatch(/empty source/);
    expect(failure("[]").message).toMatch(/JSON array is empty/);
    expect(failure('[{"name":"x","value":1}]').message).toMatch(/JSON records with keys name, value/);
    expect(failure("{not json").message).toMatch(/unknown format: JSON without a readable first object/);
    expect(failure("<html><body>502 Bad Gateway</body></html>").message).toMatch(/first line: "<html>/);
    expect(failure("DATE,BSRN,ND,KP1\n1957-10-01,1700,19,43\n").message).toMatch(/first line: "DATE,BSRN/);
  });

  it("rejects a line 1 without its line 2", () => {
    expect(() => detectFormat("1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\nfoo\n", "half.tle")).toThrow(
      /unknown format/,
    );
  });
});
