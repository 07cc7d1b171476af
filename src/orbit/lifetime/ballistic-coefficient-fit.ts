import type { MeanElements } from "../mean-elements.ts";
import { EARTH_RADIUS_KM, orbitAveragedDecayRates } from "./orbit-averaged-decay.ts";
import type { DecayRates } from "./orbit-averaged-decay.ts";
import type { DensityLookup } from "./orbit-averaged-density.ts";
import { setWindowAtmosphere } from "./decay-integrator.ts";
import type { SolarActivityTimeline } from "./solar-activity-timeline.ts";
import { sgp4DragTerms } from "./sgp4-drag-terms.ts";
import { MS_PER_DAY } from "./solar-indices.ts";

/**
 * Where an object's ballistic coefficient B = C_D·A/m came from:
 * - `element-history`: the decay of its mean semi-major axis between element sets, divided by the model's decay
 *   per unit B along the observed path (the energy-dissipation method);
 * - `mean-motion-derivative`: the decay rate the set's ṅ/2 field states, divided by the model's rate at epoch;
 * - `bstar`: the decay rate SGP4 draws from B* (C1), divided by the model's rate at epoch;
 * - `assumed`: none of these was usable (no decay observed); a typical value for the object, very uncertain.
 */
export type BallisticCoefficientSource = "element-history" | "mean-motion-derivative" | "bstar" | "assumed";

export interface BallisticCoefficientFit {
  readonly valueM2Kg: number;
  readonly source: BallisticCoefficientSource;
  /** 1-sigma relative uncertainty used for the result's band. */
  readonly relativeUncertainty: number;
  /** The observed decay the fit used (km/day, negative), or null for `assumed`. */
  readonly observedDecayKmPerDay: number | null;
  /** Element sets and days the history fit spanned, else null. */
  readonly historySets: number | null;
  readonly historySpanDays: number | null;
}

/**
 * Plausible range of B for catalogued objects (m²/kg): dense stages (~0.002) to high area-to-mass debris such as
 * multi-layer insulation (A/m up to ~20 m²/kg, so B up to ~50).
 */
export const BALLISTIC_MIN_M2_KG = 1e-4;
export const BALLISTIC_MAX_M2_KG = 50;
/** B assumed when nothing about the decay is known (C_D 2.2 × 0.01 m²/kg). */
export const ASSUMED_BALLISTIC_M2_KG = 0.022;

/** Averaging window before the epoch for the atmosphere a single set's drag terms describe (days). */
export const SINGLE_SET_FIT_WINDOW_DAYS = 3;
/** History fits use sets from at most this many days before the latest. */
const HISTORY_MAX_SPAN_DAYS = 60;
const HISTORY_MIN_SPAN_DAYS = 2;
/** The decay must exceed this many km over the window (beyond element-set noise) for a history fit. */
const HISTORY_MIN_DECAY_KM = 0.3;
/** A rise of the mean semi-major axis by more than this between sets is a manoeuvre (km). */
const MANOEUVRE_RISE_KM = 0.5;

const scratch: DecayRates = { semiMajorAxisKmPerDay: 0, eccentricityPerDay: 0 };

/** The model's da/dt (km/day) per unit B for an orbit at a time, with the mean atmosphere over [fromDay, toDay]. */
export function modelDecayPerBallistic(
  semiMajorAxisKm: number,
  eccentricity: number,
  inclinationRad: number,
  fromDay: number,
  toDay: number,
  timeline: SolarActivityTimeline,
  lookup: DensityLookup,
): number {
  setWindowAtmosphere(lookup, timeline, fromDay, toDay, semiMajorAxisKm * (1 - eccentricity) - EARTH_RADIUS_KM);
  return orbitAveragedDecayRates(semiMajorAxisKm, eccentricity, inclinationRad, lookup, scratch).semiMajorAxisKmPerDay;
}

/**
 * B from one element set: its ṅ/2 field, else its B*, else assumed. The decay rate the field implies is divided by
 * `decayBias` (the calibration's κ) first.
 */
export function fitBallisticFromElementSet(el: MeanElements, timeline: SolarActivityTimeline, lookup: DensityLookup, decayBias = 1): BallisticCoefficientFit {
  const terms = sgp4DragTerms(el);
  const epochDay = el.epochMs / MS_PER_DAY;
  const perUnitB = modelDecayPerBallistic(terms.semiMajorAxisKm, el.eccentricity, (el.inclinationDeg * Math.PI) / 180, epochDay - SINGLE_SET_FIT_WINDOW_DAYS, epochDay, timeline, lookup);
  const candidates: [BallisticCoefficientSource, number, number][] = [
    ["mean-motion-derivative", terms.meanMotionDerivativeDecayKmPerDay, 0.45],
    ["bstar", terms.bstarDecayKmPerDay, 0.6],
  ];
  for (const [source, observed, relativeUncertainty] of candidates) {
    if (!(observed < 0) || !(perUnitB < 0)) continue;
    const value = observed / perUnitB / decayBias;
    if (value >= BALLISTIC_MIN_M2_KG && value <= BALLISTIC_MAX_M2_KG) {
      return { valueM2Kg: value, source, relativeUncertainty, observedDecayKmPerDay: observed / decayBias, historySets: null, historySpanDays: null };
    }
  }
  return assumedFit();
}

function assumedFit(): BallisticCoefficientFit {
  return { valueM2Kg: ASSUMED_BALLISTIC_M2_KG, source: "assumed", relativeUncertainty: 1, observedDecayKmPerDay: null, historySets: null, historySpanDays: null };
}

/**
 * B from an object's element history: the sets within 60 days before (and including) `latest`, after the last
 * manoeuvre, when they span at least 2 days and show at least 0.3 km of decay; the model's decay per unit B is
 * integrated along the observed (linearly interpolated) path with the atmosphere of each interval. Null when
 * the history cannot support a fit.
 */
export function fitBallisticFromHistory(
  latest: MeanElements,
  history: readonly MeanElements[],
  timeline: SolarActivityTimeline,
  lookup: DensityLookup,
): BallisticCoefficientFit | null {
  const sets = history
    .filter((s) => s.epochMs <= latest.epochMs && s.epochMs >= latest.epochMs - HISTORY_MAX_SPAN_DAYS * MS_PER_DAY)
    .sort((p, q) => p.epochMs - q.epochMs);
  if (sets.length === 0 || sets[sets.length - 1]!.epochMs !== latest.epochMs) sets.push(latest);
  const points = sets.map((s) => ({ day: s.epochMs / MS_PER_DAY, a: sgp4DragTerms(s).semiMajorAxisKm, e: s.eccentricity, i: (s.inclinationDeg * Math.PI) / 180 }));
  // Keep the points after the last manoeuvre (a rise of the mean semi-major axis).
  let first = 0;
  for (let k = 1; k < points.length; k++) if (points[k]!.a - points[k - 1]!.a > MANOEUVRE_RISE_KM) first = k;
  const used = points.slice(first);
  if (used.length < 2) return null;
  const start = used[0]!;
  const end = used[used.length - 1]!;
  const spanDays = end.day - start.day;
  const observedDecayKm = end.a - start.a;
  if (spanDays < HISTORY_MIN_SPAN_DAYS || observedDecayKm > -HISTORY_MIN_DECAY_KM) return null;
  let modelDecayPerB = 0;
  for (let k = 1; k < used.length; k++) {
    const p = used[k - 1]!;
    const q = used[k]!;
    const dt = q.day - p.day;
    if (dt <= 0) continue;
    modelDecayPerB += modelDecayPerBallistic((p.a + q.a) / 2, (p.e + q.e) / 2, (p.i + q.i) / 2, p.day, q.day, timeline, lookup) * dt;
  }
  if (!(modelDecayPerB < 0)) return null;
  const value = observedDecayKm / modelDecayPerB;
  if (value < BALLISTIC_MIN_M2_KG || value > BALLISTIC_MAX_M2_KG) return null;
  // Mean-element noise of ~0.05 km at each end against the observed decay, and 15 % for the model (the spread of
  // the NORAD 4006 history check, test/orbit/lifetime).
  const relativeUncertainty = Math.sqrt(0.15 * 0.15 + (0.07 / observedDecayKm) ** 2);
  return {
    valueM2Kg: value,
    source: "element-history",
    relativeUncertainty,
    observedDecayKmPerDay: observedDecayKm / spanDays,
    historySets: used.length,
    historySpanDays: spanDays,
  };
}
