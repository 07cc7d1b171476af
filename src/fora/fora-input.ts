import { InvalidInputError } from "../core/concord-error.ts";
import { isIsoDay } from "../diplomacy/partial-date.ts";

/**
 * Checks shared by the fora services. Each names the field it refuses (the API's camelCase name), so an error reads
 * `endDate: 2025-06-01 is before the start 2025-06-25`.
 */

export function requiredText(field: string, value: string, maxLength: number): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new InvalidInputError(field, "must not be empty");
  if (trimmed.length > maxLength) throw new InvalidInputError(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (trimmed.length > maxLength) throw new InvalidInputError(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function isoDay(field: string, value: string): string {
  if (!isIsoDay(value)) throw new InvalidInputError(field, `${JSON.stringify(value)} is not a date YYYY-MM-DD`);
  return value;
}

export function optionalUrl(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 2000);
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(field, `${JSON.stringify(text)} is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new InvalidInputError(field, "must be an http(s) URL");
  return text;
}

export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidInputError(field, `${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
  return value as T;
}

/** The day of an instant (UTC), `YYYY-MM-DD`. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
