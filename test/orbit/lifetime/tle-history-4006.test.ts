import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseSpacetrackSatcatJson } from "../../../src/catalog/satcat-spacetrack-json-parse.ts";
import { parseSpaceWeatherCsv } from "../../../src/environment/space-weather-csv-parse.ts";
import { estimateLifetime } from "../../../src/orbit/lifetime/estimate-lifetime.ts";
import { calibrationForAnalysis } from "../../../src/orbit/lifetime/lifetime-calibration.ts";
import { buildLifetimeScenarios } from "../../../src/orbit/lifetime/lifetime-scenarios.ts";
import type { SolarActivityMode } from "../../../src/orbit/lifetime/solar-activity-timeline.ts";
import type { MeanElements } from "../../../src/orbit/mean-elements.ts";
import { parseTle } from "../../../src/orbit/tle-parse.ts";
import { sharedDataFile } from "../../support/shared-data.ts";

const historyFile = sharedDataFile("tle-history/04006_tle_history_1969-2000.txt");
const weatherFile = sharedDataFile("space-weather/SW-All.csv");
const satcatFile = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const MS_PER_YEAR = 365.25 * 86_400_000;
const ANALYSIS_YEARS = [1990, 1992, 1994, 1996, 1997, 1998, 1999, 2000];

/**
 * NORAD 4006 (THOR ABLESTAR DEB, 1961-015JL): 6,904 element sets from 1969 until it re-entered in June 2000. From
 * the sets up to each 1 January, predict the re-entry (ballistic coefficient fitted on the last 60 days of history)
 * and compare with the SATCAT's decay date.
 */
describe.skipIf(!historyFile || !weatherFile || !satcatFile)("the whole history of NORAD 4006", () => {
  const load = () => {
    const parsed = parseTle(readFileSync(historyFile!, "utf8"), historyFile!);
    const byEpoch = new Map<number, MeanElements>();
    for (const set of parsed.records) byEpoch.set(set.epochMs, set);
    const sets = [...byEpoch.values()].sort((a, b) => a.epochMs - b.epochMs);
    const days = parseSpaceWeatherCsv(readFileSync(weatherFile!, "utf8"), weatherFile!).records;
    const satcat = parseSpacetrackSatcatJson(gunzipSync(readFileSync(satcatFile!)).toString("utf8"), satcatFile!).records;
    const decayDate = satcat.find((r) => r.catalogNumber === 4006)?.decayDate ?? null;
    return { parsed, sets, days, decayDate };
  };
  const { parsed, sets, days, decayDate } = load();

  const predict = (year: number, mode: SolarActivityMode) => {
    const analysisMs = Date.UTC(year, 0, 1);
    const usable = sets.filter((s) => s.epochMs <= analysisMs);
    const latest = usable[usable.length - 1]!;
    const scenarios = buildLifetimeScenarios(days, { mode, analysisMs, earliestEpochMs: usable[0]!.epochMs, horizonYears: 200, calibration: calibrationForAnalysis(analysisMs) });
    return estimateLifetime({ elements: latest, history: usable.slice(0, -1), analysisMs }, scenarios);
  };

  it("reads the whole file: every line valid, duplicate epochs removed, the last set in June 2000", () => {
    expect(parsed.rejections).toEqual([]);
    expect(parsed.records.length).toBe(6904);
    expect(sets[sets.length - 1]!.epoch.slice(0, 10)).toBe("2000-06-09");
    expect(decayDate).toBe("2000-06-10");
  });

  it("predicts the June 2000 re-entry from the history up to 1990–2000 within 25 % of the remaining life (hindcast)", () => {
    const decayMs = Date.parse(`${decayDate}T12:00:00Z`);
    let largest = 0;
    const lines: string[] = [];
    const ballistic: number[] = [];
    for (const year of ANALYSIS_YEARS) {
      const estimate = predict(year, "hindcast");
      const actualYears = (decayMs - Date.UTC(year, 0, 1)) / MS_PER_YEAR;
      const error = (estimate.remainingYears! - actualYears) / actualYears;
      largest = Math.max(largest, Math.abs(error));
      ballistic.push(estimate.ballistic.valueM2Kg);
      lines.push(`${year}: perigee ${estimate.perigeeKm.toFixed(0)} km, B ${estimate.ballistic.valueM2Kg.toFixed(3)} (${estimate.ballistic.source}), predicted ${estimate.remainingYears!.toFixed(2)} y, actual ${actualYears.toFixed(2)} y, error ${(error * 100).toFixed(1)} %`);
      expect(estimate.ballistic.source).toBe("element-history");
      expect(estimate.status).toBe("reentry");
    }
    console.log(`NORAD 4006, hindcast from its element history:\n  ${lines.join("\n  ")}\n  largest |error| ${(largest * 100).toFixed(1)} % (limit 25 %)`);
    expect(largest).toBeLessThan(0.25);
    // A physical ballistic coefficient: the history fits of 1994–2000 agree within ±30 % of their median.
    const recent = ballistic.slice(2).sort((a, b) => a - b);
    const median = recent[Math.floor(recent.length / 2)]!;
    for (const b of recent) expect(Math.abs(b / median - 1)).toBeLessThan(0.3);
  });

  it("prints the forecast-mode errors (indices only up to each 1 January, then the mean solar cycle)", () => {
    const decayMs = Date.parse(`${decayDate}T12:00:00Z`);
    const errors = ANALYSIS_YEARS.map((year) => {
      const estimate = predict(year, "forecast");
      const actualYears = (decayMs - Date.UTC(year, 0, 1)) / MS_PER_YEAR;
      return { year, error: ((estimate.remainingYears ?? Number.POSITIVE_INFINITY) - actualYears) / actualYears };
    });
    console.log(`NORAD 4006, forecast mode: ${errors.map((e) => `${e.year} ${(e.error * 100).toFixed(0)} %`).join(", ")}`);
    for (const e of errors) expect(Math.abs(e.error)).toBeLessThan(1);
  });
});
