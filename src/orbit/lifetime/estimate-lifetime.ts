import type { MeanElements } from "../mean-elements.ts";
import { fitBallisticFromElementSet, fitBallisticFromHistory } from "./ballistic-coefficient-fit.ts";
import type { BallisticCoefficientFit } from "./ballistic-coefficient-fit.ts";
import { integrateDecay } from "./decay-integrator.ts";
import { EARTH_RADIUS_KM } from "./orbit-averaged-decay.ts";
import type { LifetimeCalibration } from "./lifetime-calibration.ts";
import type { DensityLookup } from "./orbit-averaged-density.ts";
import { sgp4DragTerms } from "./sgp4-drag-terms.ts";
import type { SolarActivityTimeline } from "./solar-activity-timeline.ts";
import { MS_PER_DAY } from "./solar-indices.ts";

/** The model's name, as every result cites it. */
export const LIFETIME_MODEL_NAME =
  "Jacchia 1970/71 static diffusion density (Roberts 1971 formulation, integrated numerically) averaged over local time; " +
  "Jacchia exospheric temperature from F10.7, its 81-day mean and ap; King-Hele orbit-averaged decay of a and e";

export const DEFAULT_HORIZON_YEARS = 200;
const MS_PER_YEAR = 365.25 * MS_PER_DAY;
/** Above this perigee (km) drag is negligible for any horizon: the object is beyond the horizon without integrating. */
const NO_DRAG_PERIGEE_KM = 2500;

/** The atmosphere scenarios one estimate runs: nominal, and the high and low activity of the band. */
export interface LifetimeScenarios {
  readonly nominal: SolarActivityTimeline;
  /** Forecast solar activity raised (earliest re-entry) and lowered (latest). */
  readonly high: SolarActivityTimeline;
  readonly low: SolarActivityTimeline;
  readonly lookup: DensityLookup;
  readonly calibration: LifetimeCalibration;
}

export interface LifetimeRequest {
  /** The element set the estimate starts from (the latest at or before the analysis date). */
  readonly elements: MeanElements;
  /** Earlier sets of the same object, for a history fit of the ballistic coefficient (may be empty). */
  readonly history?: readonly MeanElements[];
  readonly analysisMs: number;
  readonly horizonYears?: number;
}

/**
 * `reentry`: predicted to re-enter before the horizon (`reentryMs`); `beyond-horizon`: still in orbit at the
 * horizon; `reentered-before-analysis`: the prediction from a stale set puts re-entry before the analysis date.
 */
export type LifetimeStatus = "reentry" | "beyond-horizon" | "reentered-before-analysis";

export interface LifetimeEstimate {
  readonly catalogNumber: number;
  readonly status: LifetimeStatus;
  readonly analysisMs: number;
  readonly elementEpochMs: number;
  readonly horizonMs: number;
  /** Nominal re-entry, or null beyond the horizon. */
  readonly reentryMs: number | null;
  /** Band: earliest (higher B, higher forecast activity) and latest (lower B, lower activity; null = beyond horizon). */
  readonly earliestMs: number | null;
  readonly latestMs: number | null;
  /** Years from the analysis date to the nominal re-entry, or null. */
  readonly remainingYears: number | null;
  readonly perigeeKm: number;
  readonly apogeeKm: number;
  readonly ballistic: BallisticCoefficientFit;
  readonly integrationSteps: number;
}

/**
 * Remaining orbital lifetime of one object from its element set(s). Pure: the atmosphere scenarios are inputs.
 * B comes from the element history where it supports a fit, else from the set's ṅ/2 or B* (see
 * ballistic-coefficient-fit.ts); the orbit is integrated from the set's epoch.
 */
export function estimateLifetime(request: LifetimeRequest, scenarios: LifetimeScenarios): LifetimeEstimate {
  const el = request.elements;
  const horizonMs = request.analysisMs + (request.horizonYears ?? DEFAULT_HORIZON_YEARS) * MS_PER_YEAR;
  const terms = sgp4DragTerms(el);
  const a = terms.semiMajorAxisKm;
  const e = el.eccentricity;
  const perigeeKm = a * (1 - e) - EARTH_RADIUS_KM;
  const apogeeKm = a * (1 + e) - EARTH_RADIUS_KM;
  const history = request.history ?? [];
  const ballistic =
    (history.length > 0 ? fitBallisticFromHistory(el, history, scenarios.nominal, scenarios.lookup) : null) ??
    fitBallisticFromElementSet(el, scenarios.nominal, scenarios.lookup, scenarios.calibration.singleSetDecayBias);
  const base = { catalogNumber: el.catalogNumber, analysisMs: request.analysisMs, elementEpochMs: el.epochMs, horizonMs, perigeeKm, apogeeKm, ballistic };
  if (perigeeKm > NO_DRAG_PERIGEE_KM) {
    return { ...base, status: "beyond-horizon", reentryMs: null, earliestMs: null, latestMs: null, remainingYears: null, integrationSteps: 0 };
  }
  const start = { semiMajorAxisKm: a, eccentricity: e, inclinationRad: (el.inclinationDeg * Math.PI) / 180, startMs: el.epochMs };
  const nominal = integrateDecay({ ...start, ballisticCoefficientM2Kg: ballistic.valueM2Kg }, scenarios.nominal, scenarios.lookup, horizonMs);
  const spread = 1 + ballistic.relativeUncertainty;
  const early = integrateDecay({ ...start, ballisticCoefficientM2Kg: ballistic.valueM2Kg * spread }, scenarios.high, scenarios.lookup, horizonMs);
  const late =
    nominal.reentryMs === null
      ? nominal
      : integrateDecay({ ...start, ballisticCoefficientM2Kg: ballistic.valueM2Kg / spread }, scenarios.low, scenarios.lookup, horizonMs);
  const status = nominal.reentryMs === null ? "beyond-horizon" : nominal.reentryMs < request.analysisMs ? "reentered-before-analysis" : "reentry";
  return {
    ...base,
    status,
    reentryMs: nominal.reentryMs,
    earliestMs: early.reentryMs,
    latestMs: late.reentryMs,
    remainingYears: nominal.reentryMs === null ? null : (nominal.reentryMs - request.analysisMs) / MS_PER_YEAR,
    integrationSteps: nominal.steps + early.steps + (late === nominal ? 0 : late.steps),
  };
}
