import type { SolarIndexDay, SolarIndexKind } from "../orbit/lifetime/solar-indices.ts";

/**
 * One day of CelesTrak's space-weather file (SW-All.csv / SW-Last5Years.csv, https://celestrak.org/SpaceData/):
 * every column kept, so a stored row can be checked against the file. Kp values are in Kp units (the file's
 * tenths divided by 10, so 3⅓ is 3.3); ap and Ap in nT-equivalent units; fluxes in sfu.
 */
export interface SpaceWeatherRecord extends SolarIndexDay {
  /** Bartels solar rotation number and day within it. */
  readonly bartelsRotation: number | null;
  readonly dayInRotation: number | null;
  readonly kp3Hourly: readonly number[] | null;
  /** Sum of the day's eight Kp. */
  readonly kpSum: number | null;
  readonly cp: number | null;
  readonly c9: number | null;
  /** International sunspot number. */
  readonly sunspotNumber: number | null;
  readonly f107ObsLast81Sfu: number | null;
  readonly f107AdjCenter81Sfu: number | null;
  readonly f107AdjLast81Sfu: number | null;
}

/** The file's F10.7_DATA_TYPE codes. */
export const SPACE_WEATHER_DATA_TYPES: Readonly<Record<string, SolarIndexKind>> = {
  OBS: "observed",
  INT: "interpolated",
  PRD: "daily-predicted",
  PRM: "monthly-predicted",
};

/** What a space-weather source covers: its observed span and its forecast span. */
export interface SpaceWeatherCoverage {
  readonly rows: number;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly firstObserved: string | null;
  readonly lastObserved: string | null;
  readonly observedRows: number;
  readonly interpolatedRows: number;
  readonly dailyPredictedRows: number;
  readonly monthlyPredictedRows: number;
}

/** Counts and date spans of a set of records (any order). */
export function describeSpaceWeatherCoverage(records: readonly SolarIndexDay[]): SpaceWeatherCoverage {
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  let firstObserved: string | null = null;
  let lastObserved: string | null = null;
  const counts: Record<SolarIndexKind, number> = { observed: 0, interpolated: 0, "daily-predicted": 0, "monthly-predicted": 0 };
  for (const r of records) {
    counts[r.kind]++;
    if (firstDate === null || r.date < firstDate) firstDate = r.date;
    if (lastDate === null || r.date > lastDate) lastDate = r.date;
    if (r.kind === "observed" || r.kind === "interpolated") {
      if (firstObserved === null || r.date < firstObserved) firstObserved = r.date;
      if (lastObserved === null || r.date > lastObserved) lastObserved = r.date;
    }
  }
  return {
    rows: records.length,
    firstDate,
    lastDate,
    firstObserved,
    lastObserved,
    observedRows: counts.observed,
    interpolatedRows: counts.interpolated,
    dailyPredictedRows: counts["daily-predicted"],
    monthlyPredictedRows: counts["monthly-predicted"],
  };
}
