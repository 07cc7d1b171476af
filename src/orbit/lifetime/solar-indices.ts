/**
 * Daily solar and geomagnetic indices as the lifetime model reads them (the content of CelesTrak's SW-All.csv,
 * whatever store or file they came from). Pure data.
 */

/** What a day's values are: measured, filled in by the source, or a forecast (daily, or one per month). */
export type SolarIndexKind = "observed" | "interpolated" | "daily-predicted" | "monthly-predicted";

export interface SolarIndexDay {
  /** `YYYY-MM-DD` (UTC day). */
  readonly date: string;
  readonly kind: SolarIndexKind;
  /** 10.7 cm solar radio flux as observed at the Earth (sfu). */
  readonly f107ObsSfu: number;
  /** The same, adjusted to 1 AU (sfu). */
  readonly f107AdjSfu: number;
  /** 81-day centred mean of the observed flux, as the source gives it (sfu); null where absent. */
  readonly f107ObsCenter81Sfu: number | null;
  /** Daily planetary Ap; null where the source has none (monthly forecasts). */
  readonly apDaily: number | null;
  /** The eight 3-hourly ap values of the day, or null. */
  readonly ap3Hourly: readonly number[] | null;
}

export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumberOfDate(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True for measured (or source-interpolated) days, false for forecasts. */
export function isObservedKind(kind: SolarIndexKind): boolean {
  return kind === "observed" || kind === "interpolated";
}
