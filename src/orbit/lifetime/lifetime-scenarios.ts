import type { LifetimeScenarios } from "./estimate-lifetime.ts";
import { UNCALIBRATED } from "./lifetime-calibration.ts";
import type { LifetimeCalibration } from "./lifetime-calibration.ts";
import { buildMeanSolarCycle } from "./mean-solar-cycle.ts";
import { DensityLookup, orbitAveragedDensityTable } from "./orbit-averaged-density.ts";
import { buildSolarActivityTimeline } from "./solar-activity-timeline.ts";
import type { SolarActivityMode } from "./solar-activity-timeline.ts";
import { MS_PER_DAY } from "./solar-indices.ts";
import type { SolarIndexDay } from "./solar-indices.ts";

export interface LifetimeScenarioOptions {
  readonly mode: SolarActivityMode;
  readonly analysisMs: number;
  /** Earliest element-set epoch the estimates will start from (history fits included). */
  readonly earliestEpochMs: number;
  readonly horizonYears: number;
  readonly calibration?: LifetimeCalibration;
}

/** Relative change of forecast F10.7 above 65 sfu for the band's high and low activity scenarios. */
export const FORECAST_ACTIVITY_UNCERTAINTY = 0.25;

/**
 * The atmosphere scenarios of an analysis: the mean solar cycle (cycles completed before the analysis date for a
 * forecast; all observed ones for a hindcast), and the nominal, high and low activity timelines from the earliest
 * epoch to the horizon. Pure; about 0.2 s (the density table is built once per process).
 */
export function buildLifetimeScenarios(days: readonly SolarIndexDay[], options: LifetimeScenarioOptions): LifetimeScenarios {
  const table = orbitAveragedDensityTable();
  const analysisDay = Math.floor(options.analysisMs / MS_PER_DAY);
  const meanCycle = buildMeanSolarCycle(days, analysisDay, options.mode === "hindcast" ? Number.POSITIVE_INFINITY : analysisDay);
  const calibration = options.calibration ?? UNCALIBRATED;
  const common = {
    mode: options.mode,
    analysisMs: options.analysisMs,
    startMs: Math.min(options.earliestEpochMs, options.analysisMs),
    endMs: options.analysisMs + (options.horizonYears + 1) * 365.25 * MS_PER_DAY,
    meanCycle,
    meanDiurnalFactor: table.meanDiurnalFactor,
    solarResponseFactor: calibration.solarResponseFactor,
  };
  return {
    nominal: buildSolarActivityTimeline(days, common),
    high: buildSolarActivityTimeline(days, { ...common, forecastActivityScale: 1 + FORECAST_ACTIVITY_UNCERTAINTY }),
    low: buildSolarActivityTimeline(days, { ...common, forecastActivityScale: 1 - FORECAST_ACTIVITY_UNCERTAINTY }),
    lookup: new DensityLookup(table),
    calibration,
  };
}
