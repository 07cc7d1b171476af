import { EARTH_RADIUS_KM, orbitAveragedDecayRates } from "./orbit-averaged-decay.ts";
import type { DecayRates } from "./orbit-averaged-decay.ts";
import type { DensityLookup } from "./orbit-averaged-density.ts";
import { maxTemperatureFromK, temperatureWindow } from "./solar-activity-timeline.ts";
import type { SolarActivityTimeline, TemperatureWindow } from "./solar-activity-timeline.ts";
import { MS_PER_DAY } from "./solar-indices.ts";

/** Re-entry: perigee below 100 km, or the whole orbit (semi-major axis) below 130 km altitude. */
export const REENTRY_PERIGEE_KM = 100;
export const REENTRY_MEAN_ALTITUDE_KM = 130;
/** Step control of the integrator. */
export interface DecayStepSettings {
  /** Bounds of the longest step (days). */
  readonly minMaxStepDays: number;
  readonly maxMaxStepDays: number;
  /** The longest step as a fraction of the local decay time scale (a scale height over the perigee decay rate). */
  readonly maxStepTimescaleFraction: number;
  /** Largest change of perigee per step, in local scale heights. */
  readonly perigeeStepScaleHeights: number;
  /** Largest change of apogee per step, as a fraction of the apogee–perigee span. */
  readonly apogeeStepFraction: number;
}

/**
 * Default steps: the longest is 1/60 of the local decay time scale, between 30 and 365 days; the perigee sinks at
 * most 0.2 scale heights per step. Each step takes the window-mean density of its days (setWindowAtmosphere), so
 * long steps keep the effect of the solar rotation, storms and seasons. Against 5-day, 0.01-scale-height steps the
 * lifetimes of the 2023 catalog differ by under 2 % for 80 % of the objects (test/orbit/lifetime).
 */
export const DEFAULT_DECAY_STEPS: DecayStepSettings = {
  minMaxStepDays: 30,
  maxMaxStepDays: 365,
  maxStepTimescaleFraction: 1 / 60,
  perigeeStepScaleHeights: 0.2,
  apogeeStepFraction: 0.2,
};
const MIN_STEP_DAYS = 1e-4;

export interface DecayStart {
  readonly semiMajorAxisKm: number;
  readonly eccentricity: number;
  readonly inclinationRad: number;
  /** B = C_D·A/m (m²/kg). */
  readonly ballisticCoefficientM2Kg: number;
  readonly startMs: number;
}

export interface DecayIntegration {
  /** Re-entry instant, or null when the object is still in orbit at the horizon. */
  readonly reentryMs: number | null;
  readonly steps: number;
  /** Perigee and apogee altitude (km) at re-entry or at the horizon. */
  readonly finalPerigeeKm: number;
  readonly finalApogeeKm: number;
}

/**
 * Integrates the orbit-averaged decay (a, e) from `start` with the explicit midpoint rule and adaptive steps
 * until re-entry or `horizonMs`. Over each step the atmosphere takes the mean exospheric temperature of the
 * step's days and the semi-annual phase of its middle. Pure apart from the reusable `lookup`.
 */
export function integrateDecay(
  start: DecayStart,
  timeline: SolarActivityTimeline,
  lookup: DensityLookup,
  horizonMs: number,
  settings: DecayStepSettings = DEFAULT_DECAY_STEPS,
): DecayIntegration {
  const b = start.ballisticCoefficientM2Kg;
  const inclination = start.inclinationRad;
  const horizonDay = horizonMs / MS_PER_DAY;
  let t = start.startMs / MS_PER_DAY;
  let a = start.semiMajorAxisKm;
  let e = Math.max(0, start.eccentricity);
  const k1: DecayRates = { semiMajorAxisKmPerDay: 0, eccentricityPerDay: 0 };
  const k2: DecayRates = { semiMajorAxisKmPerDay: 0, eccentricityPerDay: 0 };
  let next = 1;
  let steps = 0;
  let maxStepDays = settings.minMaxStepDays;
  if (reentered(a, e)) return { reentryMs: start.startMs, steps, finalPerigeeKm: perigeeOf(a, e), finalApogeeKm: apogeeOf(a, e) };
  if (cannotReenterBy(a, e, inclination, b, t, horizonDay, timeline, lookup)) {
    return { reentryMs: null, steps, finalPerigeeKm: perigeeOf(a, e), finalApogeeKm: apogeeOf(a, e) };
  }
  while (t < horizonDay) {
    let dt = Math.min(maxStepDays, next, horizonDay - t);
    setWindowAtmosphere(lookup, timeline, t, t + dt, perigeeOf(a, e));
    orbitAveragedDecayRates(a, e, inclination, lookup, k1);
    const da = k1.semiMajorAxisKmPerDay * b;
    const de = k1.eccentricityPerDay * b;
    const perigeeRate = Math.abs(da * (1 - e) - a * de);
    const perigee = perigeeOf(a, e);
    const scaleHeight = Math.max(2, 10 / Math.max(1e-3, lookup.lnDensity(perigee) - lookup.lnDensity(perigee + 10)));
    if (perigeeRate > 0) {
      const timescaleDays = scaleHeight / perigeeRate;
      dt = Math.min(dt, settings.perigeeStepScaleHeights * timescaleDays);
      maxStepDays = Math.min(settings.maxMaxStepDays, Math.max(settings.minMaxStepDays, timescaleDays * settings.maxStepTimescaleFraction));
    }
    if (e > 1e-4) {
      const apogeeRate = Math.abs(da * (1 + e) + a * de);
      if (apogeeRate > 0) dt = Math.min(dt, (settings.apogeeStepFraction * Math.max(2 * a * e, scaleHeight)) / apogeeRate);
    }
    dt = Math.max(dt, Math.min(MIN_STEP_DAYS, horizonDay - t));
    const aMid = a + (da * dt) / 2;
    const eMid = Math.max(0, e + (de * dt) / 2);
    orbitAveragedDecayRates(aMid, eMid, inclination, lookup, k2);
    const aNew = a + k2.semiMajorAxisKmPerDay * b * dt;
    const eNew = Math.max(0, e + k2.eccentricityPerDay * b * dt);
    steps++;
    if (reentered(aNew, eNew)) {
      const fraction = crossingFraction(a, e, aNew, eNew);
      return { reentryMs: (t + fraction * dt) * MS_PER_DAY, steps, finalPerigeeKm: perigeeOf(aNew, eNew), finalApogeeKm: apogeeOf(aNew, eNew) };
    }
    a = aNew;
    e = eNew;
    t += dt;
    next = dt * 2;
  }
  return { reentryMs: null, steps, finalPerigeeKm: perigeeOf(a, e), finalApogeeKm: apogeeOf(a, e) };
}

const windowScratch: TemperatureWindow = { meanK: 0, varianceK2: 0, semiAnnualMean: 0, semiAnnualVariance: 0 };

/**
 * Sets `lookup` to the atmosphere of a window of days: the mean temperature and semi-annual phase, with the
 * temperature raised so that the density at the given altitude is the window's mean density rather than the
 * density of its mean conditions. With ln ρ locally linear in T (slope s) and in g (slope f), and both roughly
 * Gaussian over the window, E[ρ] = ρ(T̄, ḡ) exp((s²σ_T² + f²σ_g²)/2) = ρ(T̄ + (s²σ_T² + f²σ_g²)/(2s), ḡ). Without
 * this, long steps would smooth the solar rotation, storms and seasons away and underestimate the decay.
 */
export function setWindowAtmosphere(lookup: DensityLookup, timeline: SolarActivityTimeline, fromDay: number, toDay: number, altitudeKm: number): void {
  const window = temperatureWindow(timeline, fromDay, toDay, windowScratch);
  lookup.setConditions(window.meanK, window.semiAnnualMean);
  if (window.varianceK2 > 0 || window.semiAnnualVariance > 0) {
    const s = lookup.temperatureSensitivity(altitudeKm);
    const f = lookup.semiAnnualSensitivity(altitudeKm);
    if (s > 1e-6) lookup.setConditions(window.meanK + (s * s * window.varianceK2 + f * f * window.semiAnnualVariance) / (2 * s), window.semiAnnualMean);
  }
}

/** Highest semi-annual phase g(t) of Jacchia's formula (about 0.46). */
const MAX_SEMI_ANNUAL = 0.5;
/** The bound below holds while the orbit sinks less than this many local scale heights. */
const BOUND_SCALE_HEIGHTS = 0.5;

/**
 * A sufficient condition for staying in orbit until the horizon: with the hottest atmosphere the timeline has from
 * now on, the perigee and the semi-major axis would sink by less than half a scale height, so the density never
 * exceeds e^0.5 times today's and the rates stay below that multiple. Only for near-circular orbits, whose
 * perigee decay does not speed up as the orbit circularises.
 */
function cannotReenterBy(a: number, e: number, inclination: number, b: number, day: number, horizonDay: number, timeline: SolarActivityTimeline, lookup: DensityLookup): boolean {
  if (e > 0.02) return false;
  lookup.setConditions(maxTemperatureFromK(timeline, day), MAX_SEMI_ANNUAL);
  const rates = orbitAveragedDecayRates(a, e, inclination, lookup, boundScratch);
  const perigee = perigeeOf(a, e);
  const scaleHeight = 10 / Math.max(1e-3, lookup.lnDensity(perigee - 10) - lookup.lnDensity(perigee));
  const fastest = Math.max(Math.abs(rates.semiMajorAxisKmPerDay), Math.abs(rates.semiMajorAxisKmPerDay * (1 - e) - a * rates.eccentricityPerDay)) * b;
  return Math.exp(BOUND_SCALE_HEIGHTS) * fastest * (horizonDay - day) < BOUND_SCALE_HEIGHTS * scaleHeight;
}

const boundScratch: DecayRates = { semiMajorAxisKmPerDay: 0, eccentricityPerDay: 0 };

function perigeeOf(a: number, e: number): number {
  return a * (1 - e) - EARTH_RADIUS_KM;
}

function apogeeOf(a: number, e: number): number {
  return a * (1 + e) - EARTH_RADIUS_KM;
}

function reentered(a: number, e: number): boolean {
  return perigeeOf(a, e) <= REENTRY_PERIGEE_KM || a - EARTH_RADIUS_KM <= REENTRY_MEAN_ALTITUDE_KM;
}

/** Where along a step the re-entry criterion was met (linear in perigee and in mean altitude). */
function crossingFraction(a0: number, e0: number, a1: number, e1: number): number {
  const fractions: number[] = [];
  const p0 = perigeeOf(a0, e0);
  const p1 = perigeeOf(a1, e1);
  if (p1 <= REENTRY_PERIGEE_KM && p0 > p1) fractions.push((p0 - REENTRY_PERIGEE_KM) / (p0 - p1));
  const m0 = a0 - EARTH_RADIUS_KM;
  const m1 = a1 - EARTH_RADIUS_KM;
  if (m1 <= REENTRY_MEAN_ALTITUDE_KM && m0 > m1) fractions.push((m0 - REENTRY_MEAN_ALTITUDE_KM) / (m0 - m1));
  const fraction = fractions.length === 0 ? 1 : Math.min(...fractions);
  return Math.min(1, Math.max(0, fraction));
}
