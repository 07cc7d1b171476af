import { type OMMJsonObject, type SatRec, jday, json2satrec, twoline2satrec } from "satellite.js";
import { epochMicrosFromMs, isoFromEpochMicros, yearDayOfEpochMicros } from "./epoch.ts";
import type { MeanElements } from "./mean-elements.ts";
import { TleUnrepresentableError, formatTle } from "./tle-format.ts";
import { parseTle } from "./tle-parse.ts";

/**
 * Julian date of the epoch computed the way satellite.js's `twoline2satrec` computes it (days2mdhms, then
 * jday with fractional seconds), so that a record read from a TLE propagates to the same positions as the
 * original lines.
 */
export function twolineJulianDate(epochMs: number): number {
  const { year, dayOfYear, microsOfDay } = yearDayOfEpochMicros(epochMicrosFromMs(epochMs));
  const days = dayOfYear + microsOfDay / 86_400_000_000; // the TLE day-of-year number, as parsed
  const dayOfYearInt = Math.floor(days);
  const monthLengths = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let month = 1;
  let before = 0;
  while (month < 12 && dayOfYearInt > before + (monthLengths[month - 1] ?? 0)) {
    before += monthLengths[month - 1] ?? 0;
    month++;
  }
  let temp = (days - dayOfYearInt) * 24.0;
  const hour = Math.floor(temp);
  temp = (temp - hour) * 60.0;
  const minute = Math.floor(temp);
  const second = (temp - minute) * 60.0;
  return jday(year, month, dayOfYearInt - before, hour, minute, second);
}

/**
 * TLE lines carrying exactly the SGP4 inputs of an element set (catalog number, designator and counters
 * replaced by neutral values, as SGP4 does not use them), or null when some input needs more digits than
 * the TLE columns hold (OMM B* with 8 significant digits, a sub-10-µs epoch …).
 */
export function losslessTleLines(el: MeanElements): [string, string] | null {
  const neutral: MeanElements = { ...el, catalogNumber: 1, objectId: null, classificationType: "U", elementSetNumber: 0, revAtEpoch: 0 };
  let lines: [string, string];
  try {
    lines = formatTle(neutral);
  } catch (error) {
    if (error instanceof TleUnrepresentableError) return null;
    throw error;
  }
  const back = parseTle(`${lines[0]}\n${lines[1]}`, "toSatrec").records[0];
  if (back === undefined) return null;
  const same =
    epochMicrosFromMs(back.epochMs) === epochMicrosFromMs(el.epochMs) &&
    back.meanMotionRevPerDay === el.meanMotionRevPerDay &&
    back.eccentricity === el.eccentricity &&
    back.inclinationDeg === el.inclinationDeg &&
    back.raOfAscNodeDeg === el.raOfAscNodeDeg &&
    back.argOfPericenterDeg === el.argOfPericenterDeg &&
    back.meanAnomalyDeg === el.meanAnomalyDeg &&
    back.bstarPerEarthRadii === el.bstarPerEarthRadii &&
    back.meanMotionDotRevPerDay2 === el.meanMotionDotRevPerDay2 &&
    back.meanMotionDdotRevPerDay3 === el.meanMotionDdotRevPerDay3;
  return same ? lines : null;
}

/**
 * An SGP4 satellite record (WGS-72, opsmode 'i') for an element set; any catalog number (up to 9 digits).
 *
 * Where the SGP4 inputs fit the TLE columns exactly (every element set that came from a TLE, and most
 * CelesTrak OMM) it is satellite.js `twoline2satrec` on those lines, so positions are identical to
 * propagating the original TLE. Otherwise it is satellite.js `json2satrec`, which reads EPOCH through `Date`
 * and so keeps only milliseconds: the epoch (`jdsatepoch`) is then set to the exact value, computed as
 * `twoline2satrec` computes it; SGP4's initialisation still saw the epoch rounded to the millisecond, which
 * moves deep-space (period >= 225 min) positions by up to ~2e-5 km over a day (measured on the 2023
 * catalog) and near-Earth ones not at all. `satnum` is the decimal catalog number in both cases.
 */
export function toSatrec(el: MeanElements): SatRec {
  const lines = losslessTleLines(el);
  if (lines !== null) {
    const satrec = twoline2satrec(lines[0], lines[1]);
    satrec.satnum = String(el.catalogNumber);
    return satrec;
  }
  return toSatrecThroughOmm(el);
}

/** The `json2satrec` route of toSatrec, with the exact epoch patched in (see toSatrec). */
export function toSatrecThroughOmm(el: MeanElements): SatRec {
  const micros = epochMicrosFromMs(el.epochMs);
  const omm: OMMJsonObject = {
    OBJECT_NAME: el.objectName ?? "",
    OBJECT_ID: el.objectId ?? "",
    EPOCH: isoFromEpochMicros(Math.round(micros / 1000) * 1000),
    MEAN_MOTION: el.meanMotionRevPerDay,
    ECCENTRICITY: el.eccentricity,
    INCLINATION: el.inclinationDeg,
    RA_OF_ASC_NODE: el.raOfAscNodeDeg,
    ARG_OF_PERICENTER: el.argOfPericenterDeg,
    MEAN_ANOMALY: el.meanAnomalyDeg,
    NORAD_CAT_ID: el.catalogNumber,
    ELEMENT_SET_NO: el.elementSetNumber,
    REV_AT_EPOCH: el.revAtEpoch,
    BSTAR: el.bstarPerEarthRadii,
    MEAN_MOTION_DOT: el.meanMotionDotRevPerDay2,
    MEAN_MOTION_DDOT: el.meanMotionDdotRevPerDay3,
  };
  const satrec = json2satrec(omm, "i");
  satrec.jdsatepoch = twolineJulianDate(el.epochMs);
  return satrec;
}
