import type { SolarIndexDay } from "../../../src/orbit/lifetime/solar-indices.ts";

const MS_PER_DAY = 86_400_000;
const CYCLE_DAYS = 11 * 365.25;
const FIRST_MINIMUM_MS = Date.UTC(1964, 9, 1);

/**
 * Observed-looking daily indices from 1957-10-01 to `endDate`: F10.7 following an 11-year cosine cycle from
 * `minimumSfu` to `maximumSfu` (minimum in October 1964 and every 11 years after), a constant ap.
 */
export function syntheticSolarIndices(options: { readonly minimumSfu?: number; readonly maximumSfu?: number; readonly ap?: number; readonly endDate?: string } = {}): SolarIndexDay[] {
  const low = options.minimumSfu ?? 70;
  const high = options.maximumSfu ?? 190;
  const ap = options.ap ?? 8;
  const end = Date.parse(`${options.endDate ?? "2030-12-31"}T00:00:00Z`);
  const days: SolarIndexDay[] = [];
  for (let ms = Date.UTC(1957, 9, 1); ms <= end; ms += MS_PER_DAY) {
    const phase = ((ms - FIRST_MINIMUM_MS) / MS_PER_DAY / CYCLE_DAYS) * 2 * Math.PI;
    const flux = low + ((high - low) * (1 - Math.cos(phase))) / 2;
    days.push({
      date: new Date(ms).toISOString().slice(0, 10),
      kind: "observed",
      f107ObsSfu: flux,
      f107AdjSfu: flux,
      f107ObsCenter81Sfu: null,
      apDaily: ap,
      ap3Hourly: [ap, ap, ap, ap, ap, ap, ap, ap],
    });
  }
  return days;
}
