import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { describeRejection } from "../../src/core/rejection.ts";
import { toCelestrakObjectType } from "../../src/catalog/object-type.ts";
import {
  CELESTRAK_SATCAT_COLUMNS,
  parseCelestrakSatcatCsv,
  rcsSizeFromSquareMetres,
} from "../../src/catalog/satcat-celestrak-csv-parse.ts";
import type { SatcatRecord } from "../../src/catalog/satcat-record.ts";
import { parseSpacetrackSatcatRecords } from "../../src/catalog/satcat-spacetrack-json-parse.ts";
import { loadSpacetrackSatcat } from "./satcat-fixture.ts";

const HEADER = CELESTRAK_SATCAT_COLUMNS.join(",");

/** Quotes a CSV field where RFC 4180 requires it. */
function field(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A representative RCS in m² for each Space-Track size class, so the class survives the round trip. */
const RCS_FOR_SIZE = { SMALL: 0.05, MEDIUM: 0.5, LARGE: 5 } as const;

/** Writes a parsed Space-Track record as a CelesTrak SATCAT CSV row (same column order as CelesTrak). */
function toCelestrakRow(r: SatcatRecord): string {
  return [
    r.name,
    r.internationalDesignator,
    r.catalogNumber,
    toCelestrakObjectType(r.objectType),
    r.decayDate === null ? null : "D",
    r.ownerCode,
    r.launchDate,
    r.launchSite,
    r.decayDate,
    r.periodMin,
    r.inclinationDeg,
    r.apogeeKm,
    r.perigeeKm,
    r.rcsSize === null ? null : RCS_FOR_SIZE[r.rcsSize],
    null,
    "EA",
    r.decayDate === null ? "ORB" : "IMP",
  ]
    .map(field)
    .join(",");
}

const satcat = loadSpacetrackSatcat();

describe.skipIf(satcat === null)("parseCelestrakSatcatCsv on real Space-Track records converted to CelesTrak CSV", () => {
  const spacetrack = parseSpacetrackSatcatRecords(satcat?.parsed ?? [], satcat?.path ?? "");
  const sample = spacetrack.records.filter((_, i) => i % 200 === 0 || _.catalogNumber === 25544);
  const csv = [HEADER, ...sample.map(toCelestrakRow)].join("\r\n") + "\r\n";
  const result = parseCelestrakSatcatCsv(csv, "converted.csv");

  it(`reads back all ${sample.length} rows with every field equal to the Space-Track record`, () => {
    expect(sample.length).toBeGreaterThan(300);
    expect(result.rejections.map(describeRejection)).toEqual([]);
    expect(result.records).toHaveLength(sample.length);
    result.records.forEach((record, i) => {
      const original = sample[i] as SatcatRecord;
      expect(record).toEqual({ ...original, operationalStatus: original.decayDate === null ? null : "D" });
    });
    console.log(`CelesTrak CSV round trip: ${result.records.length} real records, 0 differences`);
  });
});

describe("parseCelestrakSatcatCsv", () => {
  const good = "ISS (ZARYA),1998-067A,25544,PAY,+,ISS,1998-11-20,TTMTR,,92.93,51.63,423,413,399.05,,EA,ORB";

  it("maps CelesTrak codes, the operational status and a numeric RCS onto the record", () => {
    const { records, rejections } = parseCelestrakSatcatCsv(`${HEADER}\n${good}\n`, "t.csv");
    expect(rejections).toEqual([]);
    expect(records[0]).toEqual({
      catalogNumber: 25544,
      internationalDesignator: "1998-067A",
      name: "ISS (ZARYA)",
      objectType: "PAYLOAD",
      ownerCode: "ISS",
      launchDate: "1998-11-20",
      launchSite: "TTMTR",
      decayDate: null,
      periodMin: 92.93,
      inclinationDeg: 51.63,
      apogeeKm: 423,
      perigeeKm: 413,
      rcsSize: "LARGE",
      operationalStatus: "+",
    });
  });

  it("reads quoted names holding commas, quotes and line breaks, and finds columns by name", () => {
    const reordered = ["NORAD_CAT_ID", ...CELESTRAK_SATCAT_COLUMNS.filter((c) => c !== "NORAD_CAT_ID")].join(",");
    const csv = `${reordered}\n99001,"SAT, ""ONE""\nSECOND LINE",2099-001A,R/B,,US,2099-01-01,AFETR,2099-02-01,,,,,0.1,,EA,IMP\n`;
    const { records, rejections } = parseCelestrakSatcatCsv(csv, "t.csv");
    expect(rejections).toEqual([]);
    expect(records[0]?.name).toBe('SAT, "ONE"\nSECOND LINE');
    expect(records[0]?.objectType).toBe("ROCKET BODY");
    expect(records[0]?.decayDate).toBe("2099-02-01");
    expect(records[0]?.periodMin).toBeNull();
    expect(records[0]?.rcsSize).toBe("MEDIUM");
  });

  it("rejects bad rows with 1-based line numbers counting the header as line 1", () => {
    const rows = [
      HEADER, // line 1
      good, // line 2
      '"MULTI\nLINE",1998-067B,25545,DEB,,US,1998-11-20,TTMTR,,,,,,,,EA,ORB', // lines 3-4, good
      good.replace(",PAY,", ",SATELLITE,"), // line 5
      good.replace("1998-11-20", "1998-13-01"), // line 6
      good.replace("92.93", "n/a"), // line 7
      good.replace(",+,", ",Q,"), // line 8
      good.replace("25544", "-4"), // line 9
      "TOO,FEW,FIELDS", // line 10
      good.replace("399.05", "-1"), // line 11
      '"UNTERMINATED,1998-067C,25546,DEB,,US,1998-11-20,TTMTR,,,,,,,,EA,ORB', // line 12
    ];
    const { records, rejections } = parseCelestrakSatcatCsv(rows.join("\n"), "bad.csv");
    expect(records.map((r) => r.catalogNumber)).toEqual([25544, 25545]);
    expect(rejections.map((r) => [r.line, r.recordIndex, r.field])).toEqual([
      [5, 2, "OBJECT_TYPE"],
      [6, 3, "LAUNCH_DATE"],
      [7, 4, "PERIOD"],
      [8, 5, "OPS_STATUS_CODE"],
      [9, 6, "NORAD_CAT_ID"],
      [10, 7, null],
      [11, 8, "RCS"],
      [12, 9, null],
    ]);
    expect(rejections[0]?.raw).toContain("SATELLITE");
    console.log(rejections.map(describeRejection).join("\n"));
  });

  it("refuses a file without the CelesTrak header as a source format error", () => {
    expect(() => parseCelestrakSatcatCsv("OBJECT_NAME,NORAD_CAT_ID\nX,1\n", "wrong.csv")).toThrow(SourceFormatError);
    expect(() => parseCelestrakSatcatCsv("", "empty.csv")).toThrow(SourceFormatError);
  });

  it("turns an RCS in m² into Space-Track's size classes: SMALL below 0.1, LARGE above 1", () => {
    expect(rcsSizeFromSquareMetres(0.0999)).toBe("SMALL");
    expect(rcsSizeFromSquareMetres(0.1)).toBe("MEDIUM");
    expect(rcsSizeFromSquareMetres(1)).toBe("MEDIUM");
    expect(rcsSizeFromSquareMetres(1.0001)).toBe("LARGE");
  });
});
