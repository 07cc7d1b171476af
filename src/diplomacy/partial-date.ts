/**
 * Dates of diplomatic acts are often known only to the month or the year (`2023-08`: "reported in August 2023").
 * A partial date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a missing date is unknown (null), never "no date".
 * Pure: no clock. Comparisons take the reference day as a parameter.
 */

export type DatePrecision = "year" | "month" | "day";

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision of a valid partial date, or null when the text is not one (bad form, month 13, 31 April …). */
export function partialDatePrecision(text: string): DatePrecision | null {
  const match = PARTIAL.exec(text);
  if (match === null) return null;
  const [, year, month, day] = match;
  if (month === undefined) return "year";
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return null;
  if (day === undefined) return "month";
  const dayNumber = Number(day);
  return dayNumber >= 1 && dayNumber <= daysInMonth(Number(year), monthNumber) ? "day" : null;
}

export function isPartialDate(text: string): boolean {
  return partialDatePrecision(text) !== null;
}

/** A full calendar date `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  return partialDatePrecision(text) === "day";
}

/** The first day a valid partial date can mean: `2023` → `2023-01-01`, `2023-08` → `2023-08-01`. */
export function earliestDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a valid partial date can mean: `2023` → `2023-12-31`, `2024-02` → `2024-02-29`. */
export function latestDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return `${date}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, "0")}`;
  return date;
}

/** True when the partial date cannot lie after `day` (`YYYY-MM-DD`): even its earliest reading is on or before it. */
export function isOnOrBefore(date: string, day: string): boolean {
  return earliestDay(date) <= day;
}

/** True when the partial date certainly lies on or before `day`: its latest reading is. */
export function isCertainlyOnOrBefore(date: string, day: string): boolean {
  return latestDay(date) <= day;
}

/** Orders partial dates by their earliest day, the less precise first on a tie; unknown (null) dates last. */
export function comparePartialDates(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const byDay = earliestDay(a).localeCompare(earliestDay(b));
  return byDay !== 0 ? byDay : a.length - b.length;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
