import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpaceWeatherCsv } from "../../../src/environment/space-weather-csv-parse.ts";
import { SOLAR_CYCLE_MINIMA, buildMeanSolarCycle, meanCycleF107Sfu } from "../../../src/orbit/lifetime/mean-solar-cycle.ts";
import { orbitAveragedDensityTable } from "../../../src/orbit/lifetime/orbit-averaged-density.ts";
import { buildSolarActivityTimeline } from "../../../src/orbit/lifetime/solar-activity-timeline.ts";
import type { SolarActivityMode } from "../../../src/orbit/lifetime/solar-activity-timeline.ts";
import { dayNumberOfDate, isObservedKind } from "../../../src/orbit/lifetime/solar-indices.ts";
import type { SolarIndexDay } from "../../../src/orbit/lifetime/solar-indices.ts";
import { sharedDataFile } from "../../support/shared-data.ts";

const weatherFile = sharedDataFile("space-weather/SW-All.csv");
const ANALYSIS_MS = Date.UTC(2023, 9, 10);

function timeline(days: readonly SolarIndexDay[], mode: SolarActivityMode) {
  const analysisDay = Math.floor(ANALYSIS_MS / 86_400_000);
  return buildSolarActivityTimeline(days, {
    mode,
    analysisMs: ANALYSIS_MS,
    startMs: Date.UTC(2023, 6, 1),
    endMs: Date.UTC(2045, 0, 1),
    meanCycle: buildMeanSolarCycle(days, analysisDay),
    meanDiurnalFactor: orbitAveragedDensityTable().meanDiurnalFactor,
  });
}

describe.skipIf(!weatherFile)("solar activity from CelesTrak's SW-All.csv", () => {
  const days = weatherFile ? parseSpaceWeatherCsv(readFileSync(weatherFile, "utf8"), weatherFile).records : [];

  it("dates each cycle minimum at the lowest 13-month smoothed observed F10.7 (the months the forecast uses)", () => {
    const monthly = new Map<string, number[]>();
    for (const d of days) if (isObservedKind(d.kind)) monthly.set(d.date.slice(0, 7), [...(monthly.get(d.date.slice(0, 7)) ?? []), d.f107ObsSfu]);
    const months = [...monthly.keys()].sort();
    const means = months.map((m) => monthly.get(m)!.reduce((a, b) => a + b, 0) / monthly.get(m)!.length);
    const smoothed = new Map<string, number>();
    for (let i = 6; i + 6 < months.length; i++) {
      let sum = 0.5 * (means[i - 6]! + means[i + 6]!);
      for (let k = -5; k <= 5; k++) sum += means[i + k]!;
      smoothed.set(months[i]!, sum / 12);
    }
    for (const { month } of SOLAR_CYCLE_MINIMA) {
      const year = Number(month.slice(0, 4));
      const window = [...smoothed.keys()].filter((m) => Number(m.slice(0, 4)) >= year - 2 && Number(m.slice(0, 4)) <= year + 2);
      const lowest = window.reduce((best, m) => (smoothed.get(m)! < smoothed.get(best)! ? m : best));
      expect(lowest).toBe(month);
    }
  });

  it("averages cycles 20–24 for a 2023 forecast: about 11 years long, low at the minima, high mid-cycle", () => {
    const cycle = buildMeanSolarCycle(days, Math.floor(ANALYSIS_MS / 86_400_000));
    expect(cycle.cycles).toEqual([20, 21, 22, 23, 24]);
    expect(cycle.lengthDays / 365.25).toBeGreaterThan(10.5);
    expect(cycle.lengthDays / 365.25).toBeLessThan(11.5);
    const atMinimum = meanCycleF107Sfu(cycle, dayNumberOfDate("2019-12-15"));
    const midCycle = meanCycleF107Sfu(cycle, dayNumberOfDate("2024-10-15"));
    console.log(`mean cycle F10.7: ${atMinimum.toFixed(0)} sfu at the 2019-12 minimum, ${midCycle.toFixed(0)} sfu in 2024-10`);
    expect(atMinimum).toBeLessThan(85);
    expect(midCycle).toBeGreaterThan(140);
  });

  it("in forecast mode reads nothing observed after the analysis date; in hindcast mode it does", () => {
    const changed = days.map((d) => (d.date > "2023-10-10" && d.date < "2024-06-01" ? { ...d, f107ObsSfu: d.f107ObsSfu * 2 } : d));
    const forecastA = timeline(days, "forecast");
    const forecastB = timeline(changed, "forecast");
    expect([...forecastB.temperatureK]).toEqual([...forecastA.temperatureK]);
    expect(forecastA.provenance.observedThrough).toBe("2023-10-10");
    expect(forecastA.provenance.predictedRows).toBeNull();
    const hindcastA = timeline(days, "hindcast");
    const hindcastB = timeline(changed, "hindcast");
    expect([...hindcastB.temperatureK]).not.toEqual([...hindcastA.temperatureK]);
    expect(hindcastA.provenance.observedThrough).toBe("2026-08-06");
    expect(hindcastA.provenance.predictedRows).toEqual({ from: "2026-08-07", to: "2041-10-01" });
  });
});
