import { ConcordError } from "../core/concord-error.ts";
import { epochMicrosFromMs, yearDayOfEpochMicros } from "./epoch.ts";
import type { MeanElements } from "./mean-elements.ts";
import {
  formatCatalogNumber,
  formatDesignator,
  formatImpliedDecimal,
  formatMeanMotionDot,
  tleChecksum,
} from "./tle-fields.ts";

/** An element set holds a value the fixed TLE columns cannot carry (six-digit catalog number above 339999, epoch outside 1957-2056 …). */
export class TleUnrepresentableError extends ConcordError {
  readonly code = "TLE_UNREPRESENTABLE";
  constructor(
    readonly catalogNumber: number,
    readonly field: string,
    message: string,
  ) {
    super(`catalog number ${catalogNumber}: ${field}: ${message}`);
    this.name = "TleUnrepresentableError";
  }
}

function fixed(value: number, width: number, decimals: number, field: string, el: MeanElements): string {
  const text = value.toFixed(decimals);
  if (text.length > width) throw new TleUnrepresentableError(el.catalogNumber, field, `${value} does not fit ${width} columns`);
  return text.padStart(width, " ");
}

function required<T>(value: T | null, el: MeanElements, field: string, what: string): T {
  if (value === null) throw new TleUnrepresentableError(el.catalogNumber, field, what);
  return value;
}

/** Day of year with 8 decimals, `282.54072583`; exact for epochs that came from a TLE (1e-8 day = 864 µs). */
function formatEpoch(el: MeanElements): string {
  const { year, dayOfYear, microsOfDay } = yearDayOfEpochMicros(epochMicrosFromMs(el.epochMs));
  if (year < 1957 || year > 2056) throw new TleUnrepresentableError(el.catalogNumber, "EPOCH", `year ${year} is outside 1957-2056`);
  let fraction = Math.round(microsOfDay / 864);
  let day = dayOfYear;
  if (fraction === 100_000_000) {
    fraction = 0;
    day += 1; // rounding reached the next day (cannot pass the year's end for TLE-derived epochs)
  }
  return `${String(year % 100).padStart(2, "0")}${String(day).padStart(3, "0")}.${String(fraction).padStart(8, "0")}`;
}

/**
 * Writes the two TLE lines (69 columns each, with checksums) of an element set; Alpha-5 for catalog numbers
 * 100000-339999. Lossy where TLE columns are narrower than the record: B* and n̈/6 keep 5 significant
 * digits, ṅ/2 8 decimals, angles 4, eccentricity 7, mean motion 8, the epoch 1e-8 day; the revolution
 * number is written modulo 100000 and the element set number modulo 10000, as the counters roll over.
 * Throws TleUnrepresentableError (code `TLE_UNREPRESENTABLE`) when a value cannot be carried at all.
 */
export function formatTle(el: MeanElements): [string, string] {
  const catalog = required(formatCatalogNumber(el.catalogNumber), el, "NORAD_CAT_ID", "TLE carries catalog numbers 0-339999 only (Alpha-5)");
  if (el.classificationType.length !== 1) {
    throw new TleUnrepresentableError(el.catalogNumber, "CLASSIFICATION_TYPE", `"${el.classificationType}" is not one character`);
  }
  if (!Number.isInteger(el.ephemerisType) || el.ephemerisType < 0 || el.ephemerisType > 9) {
    throw new TleUnrepresentableError(el.catalogNumber, "EPHEMERIS_TYPE", `${el.ephemerisType} is not one digit`);
  }
  const designator = required(formatDesignator(el.objectId), el, "OBJECT_ID", `"${el.objectId}" has no TLE form`);
  const ndot = required(formatMeanMotionDot(el.meanMotionDotRevPerDay2), el, "MEAN_MOTION_DOT", "|ṅ/2| must be below 1 rev/day²");
  const nddot = required(formatImpliedDecimal(el.meanMotionDdotRevPerDay3), el, "MEAN_MOTION_DDOT", "value too large");
  const bstar = required(formatImpliedDecimal(el.bstarPerEarthRadii), el, "BSTAR", "value too large");
  const eccentricityDigits = Math.round(el.eccentricity * 1e7);
  if (!(eccentricityDigits >= 0 && eccentricityDigits < 1e7)) {
    throw new TleUnrepresentableError(el.catalogNumber, "ECCENTRICITY", `${el.eccentricity} is outside [0, 1) at 7 digits`);
  }
  const elementSet = String(el.elementSetNumber % 10_000).padStart(4, " ");
  const body1 = `1 ${catalog}${el.classificationType} ${designator} ${formatEpoch(el)} ${ndot} ${nddot} ${bstar} ${el.ephemerisType} ${elementSet}`;
  const body2 =
    `2 ${catalog} ${fixed(el.inclinationDeg, 8, 4, "INCLINATION", el)} ${fixed(el.raOfAscNodeDeg, 8, 4, "RA_OF_ASC_NODE", el)} ` +
    `${String(eccentricityDigits).padStart(7, "0")} ${fixed(el.argOfPericenterDeg, 8, 4, "ARG_OF_PERICENTER", el)} ` +
    `${fixed(el.meanAnomalyDeg, 8, 4, "MEAN_ANOMALY", el)} ${fixed(el.meanMotionRevPerDay, 11, 8, "MEAN_MOTION", el)}` +
    `${String(el.revAtEpoch % 100_000).padStart(5, " ")}`;
  return [`${body1}${tleChecksum(body1)}`, `${body2}${tleChecksum(body2)}`];
}
