import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import { parseOmmCsv } from "../../src/orbit/omm-csv-parse.ts";
import { parseOmmJson } from "../../src/orbit/omm-json-parse.ts";
import { formatOmmKvn } from "../../src/orbit/omm-kvn-format.ts";
import { parseOmmKvn } from "../../src/orbit/omm-kvn-parse.ts";
import { formatOmmXml } from "../../src/orbit/omm-xml-format.ts";
import { parseOmmXml } from "../../src/orbit/omm-xml-parse.ts";
import { parseTle } from "../../src/orbit/tle-parse.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const HEADER =
  "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT";
const CALSPHERE = "CALSPHERE 1,1964-063C,2026-08-18T00:55:00.137856,13.76679809,.00278136,90.2179,73.2093,103.4323,44.8474,0,U,900,999,7993,.39713338E-3,.4E-5,0";
const WRITE = { creationDate: "2026-08-18T15:22:32" };

describe("OMM CSV", () => {
  it("reads CelesTrak's columns with CRLF, exponent notation and a six-digit catalog number", () => {
    const sixDigit = CALSPHERE.replace(",900,", ",270045,");
    const { records, rejections } = parseOmmCsv(`${HEADER}\r\n${CALSPHERE}\r\n${sixDigit}\r\n`, "active.csv");
    expect(rejections).toEqual([]);
    expect(records[0]).toMatchObject({
      catalogNumber: 900,
      objectName: "CALSPHERE 1",
      objectId: "1964-063C",
      epoch: "2026-08-18T00:55:00.137856Z",
      bstarPerEarthRadii: 0.39713338e-3,
      meanMotionDotRevPerDay2: 0.4e-5,
      revAtEpoch: 7993,
    });
    expect(records[1]?.catalogNumber).toBe(270045);
  });

  it("rejects a bad row naming its line and column, and keeps the others", () => {
    const bad = CALSPHERE.replace(",.00278136,", ",1.2,");
    const { records, rejections } = parseOmmCsv(`${HEADER}\n${CALSPHERE}\n${bad}\n${CALSPHERE}\nshort,row\n`, "active.csv");
    expect(records).toHaveLength(2);
    expect(rejections.map((r) => [r.line, r.recordIndex, r.field])).toEqual([
      [3, 1, "ECCENTRICITY"],
      [5, 3, null],
    ]);
    expect(rejections[0]?.reason).toContain("column 5");
    console.log(rejections.map((r) => `line ${r.line}: ${r.reason}`).join("\n"));
  });

  it("refuses a header without a required column as a whole-source error", () => {
    expect(() => parseOmmCsv("OBJECT_NAME,EPOCH\nX,2026-08-18T00:00:00\n", "x.csv")).toThrow(SourceFormatError);
  });

  const csvPath = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
  describe.skipIf(!csvPath)("on CelesTrak's 16,344 active objects (2026-08-18)", () => {
    const text = csvPath ? readFileSync(csvPath, "utf8") : "";
    let records: MeanElements[] = [];

    it("parses all records, 265 of them six-digit, in well under 200 ms", () => {
      parseOmmCsv(text, "warm-up");
      const started = performance.now();
      const result = parseOmmCsv(text, "active.csv");
      const elapsedMs = performance.now() - started;
      records = result.records;
      console.log(`parsed ${records.length} OMM CSV records in ${elapsedMs.toFixed(1)} ms (limit 200 ms)`);
      expect(result.rejections).toEqual([]);
      expect(records).toHaveLength(16344);
      expect(records.filter((r) => r.catalogNumber >= 100000)).toHaveLength(265);
      expect(elapsedMs).toBeLessThan(200);
    });

    it("round-trips every record through OMM KVN unchanged", () => {
      const kvn = formatOmmKvn(records, WRITE);
      const back = parseOmmKvn(kvn, "all.kvn");
      expect(back.rejections).toEqual([]);
      expect(back.records).toEqual(records);
    });

    it("round-trips every record through OMM XML unchanged", () => {
      const xml = formatOmmXml(records, WRITE);
      const back = parseOmmXml(xml, "all.xml");
      expect(back.rejections).toEqual([]);
      expect(back.records).toEqual(records);
    });

    it("round-trips every record through OMM JSON (numbers, and Space-Track's strings) unchanged", () => {
      const asJson = records.map((r) => ({
        OBJECT_NAME: r.objectName, OBJECT_ID: r.objectId, EPOCH: r.epoch.slice(0, -1), MEAN_MOTION: r.meanMotionRevPerDay,
        ECCENTRICITY: r.eccentricity, INCLINATION: r.inclinationDeg, RA_OF_ASC_NODE: r.raOfAscNodeDeg, ARG_OF_PERICENTER: r.argOfPericenterDeg,
        MEAN_ANOMALY: r.meanAnomalyDeg, EPHEMERIS_TYPE: r.ephemerisType, CLASSIFICATION_TYPE: r.classificationType, NORAD_CAT_ID: r.catalogNumber,
        ELEMENT_SET_NO: r.elementSetNumber, REV_AT_EPOCH: r.revAtEpoch, BSTAR: r.bstarPerEarthRadii, MEAN_MOTION_DOT: r.meanMotionDotRevPerDay2,
        MEAN_MOTION_DDOT: r.meanMotionDdotRevPerDay3,
      }));
      expect(parseOmmJson(JSON.stringify(asJson), "numbers.json").records).toEqual(records);
      const asStrings = asJson.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? null : String(v)])));
      expect(parseOmmJson(JSON.stringify(asStrings), "strings.json").records).toEqual(records);
    });
  });
});

describe("OMM JSON", () => {
  it("reads Space-Track's all-string values and rejects a non-numeric field by record index", () => {
    const good = { OBJECT_NAME: "ISS (ZARYA)", OBJECT_ID: "1998-067A", EPOCH: "2019-06-05T12:12:58.000032", MEAN_MOTION: "15.51174618", ECCENTRICITY: "0.0008217", INCLINATION: "51.6433", RA_OF_ASC_NODE: "59.2583", ARG_OF_PERICENTER: "16.4489", MEAN_ANOMALY: "347.6017", EPHEMERIS_TYPE: "0", CLASSIFICATION_TYPE: "U", NORAD_CAT_ID: "25544", ELEMENT_SET_NO: "999", REV_AT_EPOCH: "17344", BSTAR: "0.59442E-4", MEAN_MOTION_DOT: "0.00003075", MEAN_MOTION_DDOT: "0" };
    const { records, rejections } = parseOmmJson(JSON.stringify([good, { ...good, BSTAR: "0x10" }, 7]), "st.json");
    const fromTle = parseTle(
      "1 25544U 98067A   19156.50900463  .00003075  00000-0  59442-4 0  9992\n2 25544  51.6433  59.2583 0008217  16.4489 347.6017 15.51174618173442",
      "tle",
    ).records;
    expect(records).toEqual(fromTle.map((r) => ({ ...r, objectName: "ISS (ZARYA)" })));
    expect(rejections.map((r) => [r.recordIndex, r.field])).toEqual([
      [1, "BSTAR"],
      [2, null],
    ]);
  });

  it("refuses text that is not JSON as a whole-source error", () => {
    expect(() => parseOmmJson("[{", "x.json")).toThrow(SourceFormatError);
  });
});

describe("OMM KVN", () => {
  const one = parseOmmCsv(`${HEADER}\n${CALSPHERE}\n`, "x").records;

  it("reads COMMENT lines, units in brackets and the CCSDS day-of-year epoch", () => {
    const kvn = formatOmmKvn(one, WRITE)
      .replace("EPOCH = 2026-08-18T00:55:00.137856", "COMMENT converted by hand\nEPOCH = 2026-230T00:55:00.137856")
      .replace(/MEAN_MOTION = (\S+)/, "MEAN_MOTION = $1 [rev/day]");
    expect(parseOmmKvn(kvn, "x.kvn").records).toEqual(one);
  });

  it("splits concatenated messages and rejects the bad one naming the line of the bad keyword", () => {
    const kvn = formatOmmKvn([...one, { ...one[0], eccentricity: 1.5 } as MeanElements, ...one], WRITE);
    const { records, rejections } = parseOmmKvn(kvn, "x.kvn");
    expect(records).toHaveLength(2);
    expect(rejections).toHaveLength(1);
    const lineText = kvn.split("\n")[(rejections[0]?.line ?? 0) - 1];
    expect(lineText).toBe("ECCENTRICITY = 1.5");
    expect(rejections[0]).toMatchObject({ recordIndex: 1, field: "ECCENTRICITY" });
  });
});

describe("OMM XML", () => {
  const one = parseOmmCsv(`${HEADER}\n${CALSPHERE}\n`, "x").records;

  it("reads a single <omm> document and escapes names with & and <", () => {
    const named = [{ ...one[0], objectName: "AT&T <TEST>" } as MeanElements];
    const xml = formatOmmXml(named, WRITE);
    const single = xml.replace(/<ndm[^>]*>\n/, "").replace("</ndm>\n", "");
    expect(parseOmmXml(single, "one.xml").records).toEqual(named);
  });

  it("refuses malformed XML as a whole-source error naming the line", () => {
    expect(() => parseOmmXml("<ndm><omm>\n<body></omm>", "bad.xml")).toThrow(/line/);
  });
});
