import { LIFETIME_MODEL_NAME } from "../orbit/lifetime/estimate-lifetime.ts";
import type { LifetimeEstimate } from "../orbit/lifetime/estimate-lifetime.ts";
import { calibrationForAnalysis } from "../orbit/lifetime/lifetime-calibration.ts";
import { buildLifetimeScenarios } from "../orbit/lifetime/lifetime-scenarios.ts";
import type { SolarActivityProvenance } from "../orbit/lifetime/solar-activity-timeline.ts";
import type { SolarIndexDay } from "../orbit/lifetime/solar-indices.ts";
import type { MeanElements } from "../orbit/mean-elements.ts";
import { estimateCatalogLifetimes } from "./catalog-lifetime.ts";

/** The horizon of the environment analytics' lifetimes: beyond it an object counts as "still in orbit" (years). */
export const ENVIRONMENT_HORIZON_YEARS = 100;

export interface LifetimeMapResult {
  readonly lifetimes: Map<number, LifetimeEstimate>;
  /** What the lifetimes used, for every result to cite. */
  readonly model: { readonly name: string; readonly mode: "forecast"; readonly calibration: string; readonly horizonYears: number; readonly spaceWeather: SolarActivityProvenance };
}

/**
 * Forecast-mode lifetimes (indices observed up to the analysis date, then the mean solar cycle) of the given element
 * sets, by catalog number. Pure.
 */
export function lifetimesByCatalogNumber(sets: readonly MeanElements[], days: readonly SolarIndexDay[], analysisMs: number): LifetimeMapResult {
  const calibration = calibrationForAnalysis(analysisMs);
  const earliestEpochMs = sets.reduce((min, el) => Math.min(min, el.epochMs), analysisMs);
  const scenarios = buildLifetimeScenarios(days, { mode: "forecast", analysisMs, earliestEpochMs, horizonYears: ENVIRONMENT_HORIZON_YEARS, calibration });
  const estimates = estimateCatalogLifetimes(sets, scenarios, { analysisMs, horizonYears: ENVIRONMENT_HORIZON_YEARS });
  return {
    lifetimes: new Map(estimates.map((e) => [e.catalogNumber, e])),
    model: { name: LIFETIME_MODEL_NAME, mode: "forecast", calibration: calibration.name, horizonYears: ENVIRONMENT_HORIZON_YEARS, spaceWeather: scenarios.nominal.provenance },
  };
}
