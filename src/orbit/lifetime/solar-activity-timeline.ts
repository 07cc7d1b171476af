import { nightMinimumExosphericTemperatureK, semiAnnualTimeFactor } from "./exospheric-temperature.ts";
import { dailyGeomagneticHeatingK, meanCycleF107Sfu, meanCycleGeomagneticHeatingK } from "./mean-solar-cycle.ts";
import type { MeanSolarCycle } from "./mean-solar-cycle.ts";
import { MS_PER_DAY, dateOfDayNumber, dayNumberOfDate, isObservedKind } from "./solar-indices.ts";
import type { SolarIndexDay } from "./solar-indices.ts";

/**
 * `hindcast`: every row the source gives (observations after the analysis date included), the mean cycle after
 * its last row. `forecast`: only observations up to the analysis date; the source's predicted rows only when its
 * observations end on or before the analysis date (the forecast it carries was then issued by that date); the
 * mean solar cycle after that.
 */
export type SolarActivityMode = "hindcast" | "forecast";

/** What a timeline is made of, for the provenance of every result. */
export interface SolarActivityProvenance {
  readonly mode: SolarActivityMode;
  /** Last observed day used (`YYYY-MM-DD`), or null. */
  readonly observedThrough: string | null;
  /** First and last day of the source's predicted rows used, or null when none were. */
  readonly predictedRows: { readonly from: string; readonly to: string } | null;
  /** The mean solar cycle, from the first day it fills. */
  readonly meanCycle: { readonly name: string; readonly cycles: readonly number[]; readonly anchorMonth: string; readonly lengthYears: number; readonly from: string };
  /** Multiplier of forecast F10.7 above 65 sfu (1 nominal; the uncertainty band uses others). */
  readonly forecastActivityScale: number;
}

/**
 * Daily atmospheric drivers from `firstDay` (day number) on: the effective night-time exospheric temperature
 * (Jacchia Tc plus geomagnetic heating over the mean diurnal factor) and the semi-annual phase g(t).
 */
export interface SolarActivityTimeline {
  readonly firstDay: number;
  readonly dayCount: number;
  readonly temperatureK: Float64Array;
  /** Prefix sums of temperatureK and of its square (length dayCount + 1), for window means and variances. */
  readonly temperaturePrefixK: Float64Array;
  readonly temperatureSquaredPrefixK2: Float64Array;
  readonly semiAnnual: Float64Array;
  /** Prefix sums of semiAnnual and of its square (length dayCount + 1). */
  readonly semiAnnualPrefix: Float64Array;
  readonly semiAnnualSquaredPrefix: Float64Array;
  /** Highest temperature from each day to the end (bounds the decay rate from then on). */
  readonly maxTemperatureFromK: Float64Array;
  readonly provenance: SolarActivityProvenance;
}

export interface SolarActivityTimelineOptions {
  readonly mode: SolarActivityMode;
  readonly analysisMs: number;
  /** First and last instant the timeline must cover. */
  readonly startMs: number;
  readonly endMs: number;
  readonly meanCycle: MeanSolarCycle;
  /** Mean of Jacchia's diurnal factor (the density table's), which scales geomagnetic heating. */
  readonly meanDiurnalFactor: number;
  readonly forecastActivityScale?: number;
  /** Multiplier of the exospheric temperature's response to F10.7 (a calibration; 1 = Jacchia as published). */
  readonly solarResponseFactor?: number;
}

const CENTRED_HALF_WINDOW_DAYS = 40;
const DEPARTURE_EFOLDING_DAYS = 365;
/** Flux level (sfu) about which a solar response factor other than 1 scales departures. */
const RESPONSE_REFERENCE_F107_SFU = 150;
const QUIET_F107_SFU = 65;

/** Builds the daily timeline from source days (sorted or not) and the options. Pure. */
export function buildSolarActivityTimeline(days: readonly SolarIndexDay[], options: SolarActivityTimelineOptions): SolarActivityTimeline {
  const analysisDay = Math.floor(options.analysisMs / MS_PER_DAY);
  const firstDay = Math.floor(options.startMs / MS_PER_DAY) - CENTRED_HALF_WINDOW_DAYS - 1;
  const lastDay = Math.ceil(options.endMs / MS_PER_DAY) + CENTRED_HALF_WINDOW_DAYS + 1;
  const count = lastDay - firstDay + 1;
  const scale = options.forecastActivityScale ?? 1;

  const lastObservedInSource = days.reduce((latest, d) => (isObservedKind(d.kind) ? Math.max(latest, dayNumberOfDate(d.date)) : latest), Number.NEGATIVE_INFINITY);
  const predictionsAllowed = options.mode === "hindcast" || lastObservedInSource <= analysisDay;

  const flux = new Float64Array(count).fill(Number.NaN);
  const heating = new Float64Array(count).fill(Number.NaN);
  let observedThrough = Number.NEGATIVE_INFINITY;
  let predictedFrom = Number.POSITIVE_INFINITY;
  let predictedTo = Number.NEGATIVE_INFINITY;
  let lastSourceDay = Number.NEGATIVE_INFINITY;
  for (const d of days) {
    const day = dayNumberOfDate(d.date);
    const observed = isObservedKind(d.kind);
    if (observed ? options.mode === "forecast" && day > analysisDay : !predictionsAllowed) continue;
    const i = day - firstDay;
    if (i < 0 || i >= count) continue;
    flux[i] = observed ? d.f107ObsSfu : QUIET_F107_SFU + (d.f107ObsSfu - QUIET_F107_SFU) * scale;
    heating[i] = dailyGeomagneticHeatingK(d) ?? Number.NaN;
    if (observed) observedThrough = Math.max(observedThrough, day);
    else {
      predictedFrom = Math.min(predictedFrom, day);
      predictedTo = Math.max(predictedTo, day);
    }
    lastSourceDay = Math.max(lastSourceDay, day);
  }
  // Gaps inside the source's span (monthly forecasts): linear in flux; after its end, and for heating gaps: the mean cycle.
  let previous = -1;
  for (let i = 0; i < count; i++) {
    if (Number.isNaN(flux[i]!)) continue;
    if (previous >= 0 && i - previous > 1) {
      for (let j = previous + 1; j < i; j++) {
        flux[j] = flux[previous]! + ((flux[i]! - flux[previous]!) * (j - previous)) / (i - previous);
      }
    }
    previous = i;
  }
  // The mean cycle continues from the level the source ends at: the departure of the last 81 source days from the
  // mean cycle decays with an e-folding time of a year (a simplified McNish–Lincoln forecast).
  const departure = sourceDeparture(flux, firstDay, lastSourceDay, options.meanCycle);
  let meanCycleFrom = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const day = firstDay + i;
    if (Number.isNaN(flux[i]!)) {
      const blend = day > lastSourceDay ? departure * Math.exp(-(day - lastSourceDay) / DEPARTURE_EFOLDING_DAYS) : 0;
      flux[i] = QUIET_F107_SFU + (Math.max(QUIET_F107_SFU, meanCycleF107Sfu(options.meanCycle, day) + blend) - QUIET_F107_SFU) * scale;
      if (day > lastSourceDay) meanCycleFrom = Math.min(meanCycleFrom, day);
    }
    if (Number.isNaN(heating[i]!)) heating[i] = meanCycleGeomagneticHeatingK(options.meanCycle, day);
  }

  // The calibration's solar response: flux departures from the reference level count λ times (linear, so the
  // 81-day mean of the scaled flux is the scaled 81-day mean).
  const response = options.solarResponseFactor ?? 1;
  if (response !== 1) for (let i = 0; i < count; i++) flux[i] = RESPONSE_REFERENCE_F107_SFU + (flux[i]! - RESPONSE_REFERENCE_F107_SFU) * response;
  const prefixFlux = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) prefixFlux[i + 1] = prefixFlux[i]! + flux[i]!;
  const temperatureK = new Float64Array(count);
  const semiAnnual = new Float64Array(count);
  const temperaturePrefixK = new Float64Array(count + 1);
  const temperatureSquaredPrefixK2 = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    const lo = Math.max(0, i - CENTRED_HALF_WINDOW_DAYS);
    const hi = Math.min(count, i + CENTRED_HALF_WINDOW_DAYS + 1);
    const mean81 = (prefixFlux[hi]! - prefixFlux[lo]!) / (hi - lo);
    const previousDayFlux = flux[Math.max(0, i - 1)]!;
    const t = nightMinimumExosphericTemperatureK(previousDayFlux, mean81) + heating[i]! / options.meanDiurnalFactor;
    temperatureK[i] = t;
    temperaturePrefixK[i + 1] = temperaturePrefixK[i]! + t;
    temperatureSquaredPrefixK2[i + 1] = temperatureSquaredPrefixK2[i]! + t * t;
    semiAnnual[i] = semiAnnualTimeFactor((firstDay + i + 0.5) * MS_PER_DAY);
  }
  const semiAnnualPrefix = new Float64Array(count + 1);
  const semiAnnualSquaredPrefix = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    const g = semiAnnual[i]!;
    semiAnnualPrefix[i + 1] = semiAnnualPrefix[i]! + g;
    semiAnnualSquaredPrefix[i + 1] = semiAnnualSquaredPrefix[i]! + g * g;
  }
  const maxTemperatureFromK = new Float64Array(count);
  for (let i = count - 1, max = 0; i >= 0; i--) maxTemperatureFromK[i] = max = Math.max(max, temperatureK[i]!);
  return {
    firstDay,
    dayCount: count,
    temperatureK,
    temperaturePrefixK,
    temperatureSquaredPrefixK2,
    semiAnnual,
    semiAnnualPrefix,
    semiAnnualSquaredPrefix,
    maxTemperatureFromK,
    provenance: {
      mode: options.mode,
      observedThrough: Number.isFinite(observedThrough) ? dateOfDayNumber(observedThrough) : null,
      predictedRows: Number.isFinite(predictedFrom) ? { from: dateOfDayNumber(predictedFrom), to: dateOfDayNumber(predictedTo) } : null,
      meanCycle: {
        name: options.meanCycle.name,
        cycles: options.meanCycle.cycles,
        anchorMonth: options.meanCycle.anchorMonth,
        lengthYears: options.meanCycle.lengthDays / 365.25,
        from: dateOfDayNumber(Number.isFinite(meanCycleFrom) ? meanCycleFrom : lastDay),
      },
      forecastActivityScale: scale,
    },
  };
}

/** Mean departure (sfu) of the source's last 81 days of flux from the mean cycle; 0 without source days. */
function sourceDeparture(flux: Float64Array, firstDay: number, lastSourceDay: number, cycle: MeanSolarCycle): number {
  let sum = 0;
  let n = 0;
  for (let day = lastSourceDay - 2 * CENTRED_HALF_WINDOW_DAYS; day <= lastSourceDay; day++) {
    const value = flux[day - firstDay];
    if (value === undefined || Number.isNaN(value)) continue;
    sum += value - meanCycleF107Sfu(cycle, day);
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/** Mean and variance over a window of days of the effective temperature and of the semi-annual phase. */
export interface TemperatureWindow {
  meanK: number;
  varianceK2: number;
  semiAnnualMean: number;
  semiAnnualVariance: number;
}

/**
 * Mean (K) and variance (K²) of the daily effective temperature over [fromDay, toDay) (fractional day numbers,
 * clamped to the timeline); a window shorter than a day takes its middle day's value.
 */
export function temperatureWindow(timeline: SolarActivityTimeline, fromDay: number, toDay: number, out: TemperatureWindow): TemperatureWindow {
  const a = Math.min(Math.max(fromDay - timeline.firstDay, 0), timeline.dayCount - 1e-9);
  const b = Math.min(Math.max(toDay - timeline.firstDay, 0), timeline.dayCount - 1e-9);
  if (b - a < 1) {
    const middle = Math.floor((a + b) / 2);
    out.meanK = timeline.temperatureK[middle] ?? 0;
    out.varianceK2 = 0;
    out.semiAnnualMean = timeline.semiAnnual[middle] ?? 0;
    out.semiAnnualVariance = 0;
    return out;
  }
  const t = timeline.temperatureK;
  const mean = (prefixAt(timeline.temperaturePrefixK, t, b, 1) - prefixAt(timeline.temperaturePrefixK, t, a, 1)) / (b - a);
  const meanSquare = (prefixAt(timeline.temperatureSquaredPrefixK2, t, b, 2) - prefixAt(timeline.temperatureSquaredPrefixK2, t, a, 2)) / (b - a);
  out.meanK = mean;
  out.varianceK2 = Math.max(0, meanSquare - mean * mean);
  const g = timeline.semiAnnual;
  const gMean = (prefixAt(timeline.semiAnnualPrefix, g, b, 1) - prefixAt(timeline.semiAnnualPrefix, g, a, 1)) / (b - a);
  const gMeanSquare = (prefixAt(timeline.semiAnnualSquaredPrefix, g, b, 2) - prefixAt(timeline.semiAnnualSquaredPrefix, g, a, 2)) / (b - a);
  out.semiAnnualMean = gMean;
  out.semiAnnualVariance = Math.max(0, gMeanSquare - gMean * gMean);
  return out;
}

/** Mean effective temperature (K) over [fromDay, toDay). */
export function meanTemperatureK(timeline: SolarActivityTimeline, fromDay: number, toDay: number): number {
  return temperatureWindow(timeline, fromDay, toDay, { meanK: 0, varianceK2: 0, semiAnnualMean: 0, semiAnnualVariance: 0 }).meanK;
}

function prefixAt(prefix: Float64Array, values: Float64Array, x: number, power: 1 | 2): number {
  const i = Math.floor(x);
  const v = values[i] ?? 0;
  return (prefix[i] ?? 0) + (power === 1 ? v : v * v) * (x - i);
}

/** The highest effective temperature (K) from a (fractional) day number to the end of the timeline. */
export function maxTemperatureFromK(timeline: SolarActivityTimeline, day: number): number {
  const i = Math.min(Math.max(Math.floor(day - timeline.firstDay), 0), timeline.dayCount - 1);
  return timeline.maxTemperatureFromK[i] ?? 0;
}

/** The semi-annual phase g(t) on a (fractional) day number. */
export function semiAnnualAt(timeline: SolarActivityTimeline, day: number): number {
  const i = Math.min(Math.max(Math.floor(day - timeline.firstDay), 0), timeline.dayCount - 1);
  return timeline.semiAnnual[i] ?? 0;
}
