import { geomagneticTemperatureIncreaseK } from "./exospheric-temperature.ts";
import { dayNumberOfDate, isObservedKind } from "./solar-indices.ts";
import type { SolarIndexDay } from "./solar-indices.ts";

/**
 * The solar-cycle forecast used beyond the last index a source gives: the MEAN SOLAR CYCLE, the average of
 * completed cycles 20–24 as observed in the indices themselves, each cycle stretched to a common length
 * (phase 0 at its minimum, 1 at the next), repeated with the mean cycle length from the last minimum on.
 *
 * Cycle minima are the months of lowest 13-month smoothed observed F10.7 in CelesTrak's SW-All.csv (checked
 * against the file in test/orbit/lifetime); they lie within three months of the sunspot-number minima of
 * SILSO (Royal Observatory of Belgium). Only cycles completed before the analysis date enter the mean, so a
 * forecast made "as of" a past date uses no later knowledge.
 */
export const SOLAR_CYCLE_MINIMA: readonly { readonly cycle: number; readonly month: string }[] = [
  { cycle: 20, month: "1964-10" },
  { cycle: 21, month: "1976-06" },
  { cycle: 22, month: "1986-09" },
  { cycle: 23, month: "1996-05" },
  { cycle: 24, month: "2008-10" },
  { cycle: 25, month: "2019-12" },
];

export const MEAN_SOLAR_CYCLE_NAME = "mean solar cycle (cycles 20–24 observed in the indices, phase-stretched, repeated from the last minimum)";

const PHASE_BINS = 132;

export interface MeanSolarCycle {
  readonly name: string;
  /** The cycles averaged (those completed before the analysis date). */
  readonly cycles: readonly number[];
  /** Mean cycle length (days) and the minimum (day number) the forecast counts phase from. */
  readonly lengthDays: number;
  readonly anchorDay: number;
  readonly anchorMonth: string;
  /** Mean daily F10.7 (sfu) and mean daily geomagnetic heating ΔT (K) per phase bin. */
  readonly f107Sfu: Float64Array;
  readonly geomagneticHeatingK: Float64Array;
}

/** Daily geomagnetic heating of the exospheric temperature: the mean over the day's 3-hourly ap, else from daily Ap. */
export function dailyGeomagneticHeatingK(day: Pick<SolarIndexDay, "apDaily" | "ap3Hourly">): number | null {
  if (day.ap3Hourly !== null && day.ap3Hourly.length > 0) {
    let sum = 0;
    for (const ap of day.ap3Hourly) sum += geomagneticTemperatureIncreaseK(ap);
    return sum / day.ap3Hourly.length;
  }
  return day.apDaily === null ? null : geomagneticTemperatureIncreaseK(day.apDaily);
}

function monthStartDay(month: string): number {
  return dayNumberOfDate(`${month}-01`);
}

/**
 * The mean cycle from the observed days of `days`, using only cycles that ended on or before `cyclesEndingByDay`
 * (the analysis date for a forecast; any later day for a hindcast). Phase is counted from the last minimum on or
 * before `analysisDay`. Throws when no complete cycle is observed (the indices do not reach back far enough).
 */
export function buildMeanSolarCycle(days: readonly SolarIndexDay[], analysisDay: number, cyclesEndingByDay: number = analysisDay): MeanSolarCycle {
  const minima = SOLAR_CYCLE_MINIMA.map((m) => ({ ...m, day: monthStartDay(m.month) }));
  const firstObserved = days.find((d) => isObservedKind(d.kind));
  const firstDay = firstObserved === undefined ? Number.POSITIVE_INFINITY : dayNumberOfDate(firstObserved.date);
  const complete: { cycle: number; start: number; end: number }[] = [];
  for (let i = 0; i + 1 < minima.length; i++) {
    const start = minima[i]!;
    const end = minima[i + 1]!;
    if (start.day >= firstDay && end.day <= cyclesEndingByDay) complete.push({ cycle: start.cycle, start: start.day, end: end.day });
  }
  if (complete.length < 1) {
    throw new RangeError(`the indices cover no complete solar cycle before ${new Date(cyclesEndingByDay * 86_400_000).toISOString().slice(0, 10)}`);
  }
  const fSum = new Float64Array(PHASE_BINS);
  const gSum = new Float64Array(PHASE_BINS);
  const cycleF = new Float64Array(PHASE_BINS);
  const cycleG = new Float64Array(PHASE_BINS);
  const cycleN = new Float64Array(PHASE_BINS);
  for (const c of complete) {
    cycleF.fill(0);
    cycleG.fill(0);
    cycleN.fill(0);
    for (const d of days) {
      if (!isObservedKind(d.kind)) continue;
      const day = dayNumberOfDate(d.date);
      if (day < c.start || day >= c.end) continue;
      const heating = dailyGeomagneticHeatingK(d);
      if (heating === null) continue;
      const bin = Math.min(PHASE_BINS - 1, Math.floor(((day - c.start) / (c.end - c.start)) * PHASE_BINS));
      cycleF[bin]! += d.f107ObsSfu;
      cycleG[bin]! += heating;
      cycleN[bin]! += 1;
    }
    for (let b = 0; b < PHASE_BINS; b++) {
      const n = cycleN[b]!;
      if (n === 0) throw new RangeError(`cycle ${c.cycle} has no observed days in phase bin ${b}`);
      fSum[b]! += cycleF[b]! / n / complete.length;
      gSum[b]! += cycleG[b]! / n / complete.length;
    }
  }
  const last = complete[complete.length - 1]!;
  const anchor = [...minima].reverse().find((m) => m.day <= analysisDay) ?? minima[minima.length - 1]!;
  return {
    name: MEAN_SOLAR_CYCLE_NAME,
    cycles: complete.map((c) => c.cycle),
    lengthDays: (last.end - complete[0]!.start) / complete.length,
    anchorDay: anchor.day,
    anchorMonth: anchor.month,
    f107Sfu: smoothCyclic(fSum),
    geomagneticHeatingK: smoothCyclic(gSum),
  };
}

/** A 3-bin centred moving average, wrapping around the cycle. */
function smoothCyclic(values: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((values[(i + n - 1) % n] ?? 0) + (values[i] ?? 0) + (values[(i + 1) % n] ?? 0)) / 3;
  return out;
}

/** Phase bin of a day in the repeated mean cycle. */
function phaseBin(cycle: MeanSolarCycle, day: number): number {
  const phase = (day - cycle.anchorDay) / cycle.lengthDays;
  const fraction = phase - Math.floor(phase);
  return Math.min(PHASE_BINS - 1, Math.floor(fraction * PHASE_BINS));
}

/** The mean cycle's daily F10.7 (sfu) on a day (day number). */
export function meanCycleF107Sfu(cycle: MeanSolarCycle, day: number): number {
  return cycle.f107Sfu[phaseBin(cycle, day)] ?? 0;
}

/** The mean cycle's geomagnetic heating (K) on a day (day number). */
export function meanCycleGeomagneticHeatingK(cycle: MeanSolarCycle, day: number): number {
  return cycle.geomagneticHeatingK[phaseBin(cycle, day)] ?? 0;
}
