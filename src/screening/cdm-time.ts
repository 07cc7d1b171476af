/**
 * CCSDS time values (CCSDS 502.0-B / 508.0-B-1 §6.3.2.6): calendar `YYYY-MM-DDThh:mm:ss[.d…][Z]` and
 * day-of-year `YYYY-DDDThh:mm:ss[.d…][Z]`, both UTC. Held as milliseconds since 1970 (sub-ms as a fraction).
 */

const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?$/;
const DAY_OF_YEAR = /^(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?$/;

/** Milliseconds since 1970 of a CCSDS time string, or null when it is not one (a bad date counts as not one). */
export function parseCcsdsTimeMs(text: string): number | null {
  const value = text.trim();
  const calendar = CALENDAR.exec(value);
  if (calendar !== null) {
    const [, y, mo, d, h, mi, s, fraction] = calendar;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const base = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s));
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
    return base + fractionMs(fraction);
  }
  const ordinal = DAY_OF_YEAR.exec(value);
  if (ordinal !== null) {
    const [, y, doy, h, mi, s, fraction] = ordinal;
    const year = Number(y);
    const dayOfYear = Number(doy);
    const daysInYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
    if (dayOfYear < 1 || dayOfYear > daysInYear || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
    return Date.UTC(year, 0, dayOfYear, Number(h), Number(mi), Number(s)) + fractionMs(fraction);
  }
  return null;
}

function fractionMs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(`0${fraction}`) * 1000;
}

/**
 * The calendar form with three fractional digits, or six where the time has sub-millisecond digits
 * (`2023-06-13T00:19:23.766`). No `Z`: CDMs conventionally omit it.
 */
export function formatCcsdsTime(timeMs: number): string {
  const wholeMs = Math.floor(timeMs);
  const subMs = timeMs - wholeMs;
  const iso = new Date(wholeMs).toISOString().slice(0, 23);
  if (subMs === 0) return iso;
  const micros = Math.round(subMs * 1000);
  return micros === 0 ? iso : `${iso}${String(micros).padStart(3, "0").replace(/0+$/, "")}`;
}
