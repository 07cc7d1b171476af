import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { parseSpaceWeatherCsv } from "../../src/environment/space-weather-csv-parse.ts";
import { describeSpaceWeatherCoverage } from "../../src/environment/space-weather-record.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const swAll = sharedDataFile("space-weather/SW-All.csv");
const HEADER =
  "DATE,BSRN,ND,KP1,KP2,KP3,KP4,KP5,KP6,KP7,KP8,KP_SUM,AP1,AP2,AP3,AP4,AP5,AP6,AP7,AP8,AP_AVG,CP,C9,ISN,F10.7_OBS,F10.7_ADJ,F10.7_DATA_TYPE,F10.7_OBS_CENTER81,F10.7_OBS_LAST81,F10.7_ADJ_CENTER81,F10.7_ADJ_LAST81";
const OBS = "2023-10-09,2592,1,13,7,10,7,13,17,13,10,90,5,3,4,3,5,6,5,4,4,0.2,1,110,165.5,168.0,OBS,146.4,152.3,148.4,154.0";
const PRM = "2026-10-01,2634,3,,,,,,,,,,,,,,,,,,,,,85,121.2,121.5,PRM,125.0,126.6,125.4,129.3";

describe("parseSpaceWeatherCsv on CelesTrak's SW-All.csv", () => {
  it.skipIf(!swAll)("reads all 25,371 rows with no rejection: observed to 2026-08-06, forecasts to 2041-10-01", () => {
    const { records, rejections } = parseSpaceWeatherCsv(readFileSync(swAll!, "utf8"), swAll!);
    expect(rejections).toEqual([]);
    const coverage = describeSpaceWeatherCoverage(records);
    expect(coverage).toEqual({
      rows: 25_371,
      firstDate: "1957-10-01",
      lastDate: "2041-10-01",
      firstObserved: "1957-10-01",
      lastObserved: "2026-08-06",
      observedRows: 25_087,
      interpolatedRows: 60,
      dailyPredictedRows: 43,
      monthlyPredictedRows: 181,
    });
    expect(records[0]).toMatchObject({
      date: "1957-10-01",
      kind: "observed",
      f107ObsSfu: 269.3,
      f107AdjSfu: 269.8,
      f107ObsCenter81Sfu: 266.6,
      apDaily: 21,
      ap3Hourly: [32, 27, 15, 7, 22, 9, 32, 22],
      kp3Hourly: [4.3, 4, 3, 2, 3.7, 2.3, 4.3, 3.7],
      kpSum: 27.3,
      sunspotNumber: 334,
    });
    const monthly = records.find((r) => r.date === "2026-10-01");
    expect(monthly).toMatchObject({ kind: "monthly-predicted", f107ObsSfu: 121.2, apDaily: null, ap3Hourly: null, kp3Hourly: null });
  });
});

describe("parseSpaceWeatherCsv on bad input", () => {
  const parse = (...rows: string[]) => parseSpaceWeatherCsv([HEADER, ...rows].join("\r\n"), "sw.csv");

  it("accepts an observed and a monthly-predicted row (no Kp/Ap in the forecast), with CRLF line ends", () => {
    const { records, rejections } = parse(OBS, PRM);
    expect(rejections).toEqual([]);
    expect(records.map((r) => r.kind)).toEqual(["observed", "monthly-predicted"]);
  });

  it("rejects each bad row with its line and field, and keeps the good ones", () => {
    const { records, rejections } = parse(
      OBS,
      OBS.replace("2023-10-09", "2023-02-30"),
      OBS.replace("2023-10-09", "2023-10-10").replace(",OBS,", ",XYZ,"),
      OBS.replace("2023-10-09", "2023-10-11").replace("165.5", "abc"),
      OBS.replace("2023-10-09", "2023-10-12").replace(",4,0.2,", ",,0.2,"),
      OBS.replace("2023-10-09", "2023-10-13").replace("165.5", "1650.5"),
      OBS,
      "2023-10-14,2592,1",
      OBS.replace("2023-10-09", "2023-10-15").replace(",13,7,10,", ",13,,10,"),
    );
    expect(records.map((r) => r.date)).toEqual(["2023-10-09"]);
    expect(rejections.map((r) => [r.line, r.field])).toEqual([
      [3, "DATE"],
      [4, "F10.7_DATA_TYPE"],
      [5, "F10.7_OBS"],
      [6, "AP_AVG"],
      [7, "F10.7_OBS"],
      [8, "DATE"],
      [9, null],
      [10, "KP2"],
    ]);
    expect(rejections[0]!.reason).toContain("not a calendar date");
    expect(rejections[2]!.reason).toContain("not a number");
    expect(rejections[3]!.reason).toBe("is empty");
    expect(rejections[4]!.reason).toContain("outside");
    expect(rejections[5]!.reason).toContain("repeats an earlier row");
    expect(rejections[6]!.reason).toBe("has 3 fields, the header has 31");
    expect(rejections[0]!.raw).toContain("2023-02-30");
  });

  it("refuses a file that is not a space-weather CSV, naming the missing columns", () => {
    expect(() => parseSpaceWeatherCsv("OBJECT_NAME,OBJECT_ID,EPOCH\nISS,1998-067A,2024-01-01T00:00:00", "omm.csv")).toThrow(SourceFormatError);
    expect(() => parseSpaceWeatherCsv("DATE,F10.7_OBS\n2023-10-09,165.5", "short.csv")).toThrow(/lacks F10.7_ADJ, F10.7_DATA_TYPE, AP_AVG/);
    expect(() => parseSpaceWeatherCsv("", "empty.csv")).toThrow(/empty space-weather file/);
  });
});
