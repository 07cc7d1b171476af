/**
 * The one epoch conversion every element-set format uses. An epoch is held as an integer count of
 * microseconds since 1970-01-01T00:00:00Z (exact in a double until the year 287,000), and rendered as
 * an ISO 8601 UTC string with six fractional digits plus `epochMs` (= micros / 1000).
 *
 * TLE epochs (two-digit year + day of year with 8 decimals) are exact in microseconds, because
 * 1e-8 day = 864 µs; ISO epochs with more than six fractional digits are rounded to the microsecond.
 */

const MICROS_PER_DAY = 86_400_000_000;
const MICROS_PER_MS = 1000;

export interface EpochValue {
  /** ISO 8601 UTC with microseconds and `Z`, e.g. `2023-10-09T04:12:33.123456Z`. */
  readonly epoch: string;
  readonly epochMs: number;
  /** Integer microseconds since 1970-01-01T00:00:00Z. */
  readonly epochMicros: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function yearStartMicros(year: number): number {
  return Date.UTC(year, 0, 1) * MICROS_PER_MS;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The ISO string (microseconds, `Z`) of an integer microsecond count. */
export function isoFromEpochMicros(epochMicros: number): string {
  const ms = Math.floor(epochMicros / MICROS_PER_MS);
  const micros = epochMicros - ms * MICROS_PER_MS;
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ for years 0..9999
  return `${iso.slice(0, -1)}${pad(micros, 3)}Z`;
}

export function epochFromMicros(epochMicros: number): EpochValue {
  return { epoch: isoFromEpochMicros(epochMicros), epochMs: epochMicros / MICROS_PER_MS, epochMicros };
}

/** Integer microseconds from `epochMs` (which may carry a sub-millisecond fraction), rounded to the microsecond. */
export function epochMicrosFromMs(epochMs: number): number {
  return Math.round(epochMs * MICROS_PER_MS);
}

/**
 * Epoch from a full year, an integer day of year (1-based) and the digits of the day fraction
 * (`fractionDigits` digits as an integer, e.g. 54072583 with 8 digits for `.54072583`).
 * Returns null when the day is outside the year.
 */
export function epochFromYearDay(year: number, dayOfYear: number, fraction: number, fractionDigits: number): EpochValue | null {
  if (!Number.isInteger(dayOfYear) || dayOfYear < 1 || dayOfYear > daysInYear(year)) return null;
  let fractionMicros: number;
  if (fractionDigits <= 8) {
    fractionMicros = fraction * (MICROS_PER_DAY / 10 ** fractionDigits); // exact: 86400e6 = 864 * 10^8
  } else {
    fractionMicros = Math.round((fraction * MICROS_PER_DAY) / 10 ** fractionDigits);
  }
  return epochFromMicros(yearStartMicros(year) + (dayOfYear - 1) * MICROS_PER_DAY + fractionMicros);
}

/** Full year, 1-based day of year and microseconds into that day of an epoch. */
export function yearDayOfEpochMicros(epochMicros: number): { year: number; dayOfYear: number; microsOfDay: number } {
  const year = new Date(Math.floor(epochMicros / MICROS_PER_MS)).getUTCFullYear();
  const sinceYearStart = epochMicros - yearStartMicros(year);
  const dayIndex = Math.floor(sinceYearStart / MICROS_PER_DAY);
  return { year, dayOfYear: dayIndex + 1, microsOfDay: sinceYearStart - dayIndex * MICROS_PER_DAY };
}

/** Reads `count` decimal digits at `start`; -1 when any is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a CCSDS/ISO epoch: `YYYY-MM-DDThh:mm:ss[.f…][Z]` or the day-of-year form `YYYY-DDDThh:mm:ss[.f…][Z]`,
 * with any number of fractional digits (rounded to the microsecond). Also accepts a space for `T`.
 * Returns null for anything else. UTC is assumed; offsets other than `Z` are refused.
 */
export function parseIsoEpoch(raw: string): EpochValue | null {
  const text = raw.trim();
  const year = digitsAt(text, 0, 4);
  if (year < 0 || text.charCodeAt(4) !== 45 /* - */) return null;
  let dayMicros: number;
  let i: number;
  const sep = text.charCodeAt(8);
  if (sep === 84 /* T */ || sep === 32 /* space */) {
    const dayOfYear = digitsAt(text, 5, 3);
    if (dayOfYear < 1 || dayOfYear > daysInYear(year)) return null;
    dayMicros = yearStartMicros(year) + (dayOfYear - 1) * MICROS_PER_DAY;
    i = 9;
  } else {
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    const sep2 = text.charCodeAt(10);
    if (text.charCodeAt(7) !== 45 || (sep2 !== 84 && sep2 !== 32) || month < 1 || month > 12 || day < 1) return null;
    const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
    if (day > monthDays) return null;
    dayMicros = Date.UTC(year, month - 1, day) * MICROS_PER_MS;
    i = 11;
  }
  const hour = digitsAt(text, i, 2);
  const minute = digitsAt(text, i + 3, 2);
  const second = digitsAt(text, i + 6, 2);
  if (text.charCodeAt(i + 2) !== 58 || text.charCodeAt(i + 5) !== 58) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return null;
  i += 8;
  let fractionMicros = 0;
  if (text.charCodeAt(i) === 46 /* . */) {
    i++;
    let scaled = 0;
    let digits = 0;
    let roundUp = false;
    while (i < text.length) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (digits < 6) scaled = scaled * 10 + d;
      else if (digits === 6) roundUp = d >= 5;
      digits++;
      i++;
    }
    if (digits === 0) return null;
    fractionMicros = (digits < 6 ? scaled * 10 ** (6 - digits) : scaled) + (roundUp ? 1 : 0);
  }
  if (i < text.length && !(i === text.length - 1 && text.charCodeAt(i) === 90 /* Z */)) return null;
  const micros = dayMicros + ((hour * 60 + minute) * 60 + second) * 1_000_000 + fractionMicros;
  return epochFromMicros(micros);
}
