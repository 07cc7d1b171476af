import type { SatcatRecord } from "../catalog/satcat-record.ts";
import type { LifetimeEstimate } from "../orbit/lifetime/estimate-lifetime.ts";
import { MS_PER_DAY } from "../orbit/lifetime/solar-indices.ts";

/**
 * Lifetime predictions from a catalog snapshot scored against later decay dates (issue 4, point 3): for objects
 * that re-entered between the analysis date and the truth date, the absolute error of the predicted re-entry as a
 * fraction of the actual remaining life; for the others (survivors), the share predicted to have re-entered by the
 * truth date. Pure.
 *
 * Payloads maintained at the analysis date (operating, so station-keeping or de-orbiting at will) get no re-entry
 * prediction from a drag model: Concord states their natural-decay lifetime as "if operations ended now", not as a
 * forecast. The headline figures are therefore those of the unmaintained population; the maintained payloads and
 * the whole population are reported beside them. What counts as maintained must be known at the analysis date
 * (no later active set).
 */

/** Perigee bands (km) of the report. */
export const PERIGEE_BANDS: readonly { readonly name: string; readonly fromKm: number; readonly toKm: number }[] = [
  { name: "<300 km", fromKm: Number.NEGATIVE_INFINITY, toKm: 300 },
  { name: "300-400 km", fromKm: 300, toKm: 400 },
  { name: "400-500 km", fromKm: 400, toKm: 500 },
  { name: "500-600 km", fromKm: 500, toKm: 600 },
  { name: "600-700 km", fromKm: 600, toKm: 700 },
  { name: "700-800 km", fromKm: 700, toKm: 800 },
  { name: "800-1000 km", fromKm: 800, toKm: 1000 },
  { name: ">=1000 km", fromKm: 1000, toKm: Number.POSITIVE_INFINITY },
];

export interface ValidationFigures {
  readonly group: string;
  /** Objects that re-entered between the analysis date and the truth date. */
  readonly decayed: number;
  /** Median and 90th percentile of |predicted − actual re-entry| / actual remaining life, or null without decays. */
  readonly medianRelativeError: number | null;
  readonly p90RelativeError: number | null;
  /** Median signed error (predicted − actual) / actual: negative = predicted too early. */
  readonly medianSignedError: number | null;
  /** Share of decayed objects whose actual re-entry lies inside the predicted band. */
  readonly withinBand: number | null;
  /** Objects still in orbit at the truth date. */
  readonly survivors: number;
  /** Survivors whose nominal prediction re-enters by the truth date, and their share. */
  readonly survivorsWronglyReentered: number;
  readonly survivorsWronglyReenteredShare: number | null;
  /** The same, counting only survivors whose whole band (its latest edge) re-enters by the truth date. */
  readonly survivorsConfidentlyWrong: number;
}

export interface LifetimeValidationReport {
  readonly analysisDate: string;
  readonly truthDate: string;
  /** Every object, maintained or not: the drag model alone. */
  readonly overall: ValidationFigures;
  /** The headline: objects not maintained at the analysis date (all of them when no maintained set was given). */
  readonly unmaintained: ValidationFigures;
  /** Payloads operating at the analysis date, scored as if their natural decay were a forecast; null without a set. */
  readonly maintained: ValidationFigures | null;
  /** The unmaintained population by object type and by perigee band. */
  readonly byObjectType: readonly ValidationFigures[];
  readonly byPerigeeBand: readonly ValidationFigures[];
  /** Unmaintained objects by where their ballistic coefficient came from. */
  readonly byBallisticSource: readonly ValidationFigures[];
  /** Unmaintained objects with odd and even catalog numbers apart: calibrations are fitted on the odd ones only. */
  readonly byCatalogParity: readonly ValidationFigures[];
  /**
   * Out of time: unmaintained objects still in orbit after `afterDate`, scored on the later outcomes only (decays
   * after that date; survivors at the truth date); null unless asked for.
   */
  readonly laterOutcomes: (ValidationFigures & { readonly afterDate: string }) | null;
  readonly excluded: { readonly notInSatcat: number; readonly decayedBeforeAnalysis: number };
}

export interface ValidationInput {
  readonly estimates: readonly LifetimeEstimate[];
  readonly satcat: ReadonlyMap<number, Pick<SatcatRecord, "objectType" | "decayDate">>;
  readonly analysisMs: number;
  /** The truth's date (`YYYY-MM-DD`): decays on or before it count as decayed. */
  readonly truthDate: string;
  /** Catalog numbers of payloads maintained (operating) at the analysis date, known at that date. */
  readonly maintainedAtAnalysis?: ReadonlySet<number>;
  /** Also score the outcomes after this date (`YYYY-MM-DD`) apart (out-of-time check of a calibration). */
  readonly laterOutcomesAfter?: string;
}

interface Scored {
  readonly estimate: LifetimeEstimate;
  readonly objectType: string;
  /** Actual decay instant (noon of the SATCAT day) when decayed by the truth date, else null. */
  readonly decayMs: number | null;
}

/** Scores the estimates against the SATCAT's decay dates. */
export function summariseLifetimeValidation(input: ValidationInput): LifetimeValidationReport {
  const truthEndMs = Date.parse(`${input.truthDate}T00:00:00Z`) + MS_PER_DAY;
  const scored: Scored[] = [];
  let notInSatcat = 0;
  let decayedBeforeAnalysis = 0;
  for (const estimate of input.estimates) {
    const record = input.satcat.get(estimate.catalogNumber);
    if (record === undefined) {
      notInSatcat++;
      continue;
    }
    const decayMs = record.decayDate === null ? null : Date.parse(`${record.decayDate}T12:00:00Z`);
    if (decayMs !== null && decayMs <= input.analysisMs) {
      decayedBeforeAnalysis++;
      continue;
    }
    scored.push({ estimate, objectType: record.objectType, decayMs: decayMs !== null && decayMs < truthEndMs ? decayMs : null });
  }
  const figures = (group: string, rows: readonly Scored[]) => figuresOf(group, rows, input.analysisMs, truthEndMs);
  const maintainedSet = input.maintainedAtAnalysis;
  const unmaintained = maintainedSet === undefined ? scored : scored.filter((s) => !maintainedSet.has(s.estimate.catalogNumber));
  const types = [...new Set(unmaintained.map((s) => s.objectType))].sort();
  const sources = [...new Set(unmaintained.map((s) => s.estimate.ballistic.source))].sort();
  let laterOutcomes: LifetimeValidationReport["laterOutcomes"] = null;
  if (input.laterOutcomesAfter !== undefined) {
    const afterMs = Date.parse(`${input.laterOutcomesAfter}T00:00:00Z`) + MS_PER_DAY;
    const later = unmaintained.filter((s) => s.decayMs === null || s.decayMs >= afterMs);
    laterOutcomes = { ...figures(`outcomes after ${input.laterOutcomesAfter}`, later), afterDate: input.laterOutcomesAfter };
  }
  return {
    analysisDate: new Date(input.analysisMs).toISOString(),
    truthDate: input.truthDate,
    overall: figures("all objects", scored),
    unmaintained: figures(maintainedSet === undefined ? "all objects (no maintained set)" : "not maintained at the analysis date", unmaintained),
    maintained: maintainedSet === undefined ? null : figures("maintained at the analysis date", scored.filter((s) => maintainedSet.has(s.estimate.catalogNumber))),
    byObjectType: types.map((type) => figures(type, unmaintained.filter((s) => s.objectType === type))),
    byPerigeeBand: PERIGEE_BANDS.map((band) =>
      figures(band.name, unmaintained.filter((s) => s.estimate.perigeeKm >= band.fromKm && s.estimate.perigeeKm < band.toKm)),
    ),
    byBallisticSource: sources.map((source) => figures(source, unmaintained.filter((s) => s.estimate.ballistic.source === source))),
    byCatalogParity: [
      figures("odd catalog numbers", unmaintained.filter((s) => s.estimate.catalogNumber % 2 === 1)),
      figures("even catalog numbers", unmaintained.filter((s) => s.estimate.catalogNumber % 2 === 0)),
    ],
    laterOutcomes,
    excluded: { notInSatcat, decayedBeforeAnalysis },
  };
}

function figuresOf(group: string, rows: readonly Scored[], analysisMs: number, truthEndMs: number): ValidationFigures {
  const absolute: number[] = [];
  const signed: number[] = [];
  let inBand = 0;
  let survivors = 0;
  let wrong = 0;
  let confidentlyWrong = 0;
  for (const { estimate, decayMs } of rows) {
    if (decayMs !== null) {
      const actual = decayMs - analysisMs;
      const predicted = (estimate.reentryMs ?? estimate.horizonMs) - analysisMs;
      signed.push((predicted - actual) / actual);
      absolute.push(Math.abs(predicted - actual) / actual);
      if ((estimate.earliestMs ?? Number.NEGATIVE_INFINITY) <= decayMs && decayMs <= (estimate.latestMs ?? Number.POSITIVE_INFINITY)) inBand++;
    } else {
      survivors++;
      if (estimate.reentryMs !== null && estimate.reentryMs < truthEndMs) wrong++;
      if (estimate.latestMs !== null && estimate.latestMs < truthEndMs) confidentlyWrong++;
    }
  }
  absolute.sort((a, b) => a - b);
  signed.sort((a, b) => a - b);
  return {
    group,
    decayed: absolute.length,
    medianRelativeError: quantile(absolute, 0.5),
    p90RelativeError: quantile(absolute, 0.9),
    medianSignedError: quantile(signed, 0.5),
    withinBand: absolute.length === 0 ? null : inBand / absolute.length,
    survivors,
    survivorsWronglyReentered: wrong,
    survivorsWronglyReenteredShare: survivors === 0 ? null : wrong / survivors,
    survivorsConfidentlyWrong: confidentlyWrong,
  };
}

/** The q-quantile of sorted values (linear interpolation between order statistics), or null when empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return (sorted[lower] ?? 0) + ((sorted[upper] ?? 0) - (sorted[lower] ?? 0)) * (position - lower);
}
