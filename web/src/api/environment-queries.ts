import { api } from "./api-client.ts";
import { ApiError, unwrap } from "./api-error.ts";
import { cachedQuery } from "./query-cache.ts";

export type ComplianceRule = "25y" | "5y";
export type ComplianceGrouping = "state" | "owner" | "regime" | "year" | "type";
export type TrendGrouping = "state" | "type" | "regime";

export type ComplianceReport = Awaited<ReturnType<typeof fetchCompliance>>;
export type FragmentationsReport = Awaited<ReturnType<typeof fetchFragmentations>>;
export type EnvironmentReport = Awaited<ReturnType<typeof loadEnvironment>>;
export type EnvironmentSources = ComplianceReport["sources"];

/**
 * The lifetime-based analyses need a space-weather ingest; without one the server answers 404 with what to run. That is
 * an expected state of a new store, not a failure: the page shows it as such.
 */
export interface SpaceWeatherMissing {
  readonly missing: "space-weather";
  readonly message: string;
}

function fetchCompliance(rule: ComplianceRule, by: ComplianceGrouping, at: string | undefined) {
  return unwrap(api.GET("/api/compliance", { params: { query: { rule, by, ...(at === undefined ? {} : { at }) } } }));
}

function fetchFragmentations(at: string | undefined) {
  return unwrap(api.GET("/api/fragmentations", { params: { query: at === undefined ? {} : { at } } }));
}

async function orMissingSpaceWeather<T>(load: Promise<T>): Promise<T | SpaceWeatherMissing> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && /space.weather/i.test(error.message)) return { missing: "space-weather", message: error.message };
    throw error;
  }
}

/** `at`: the analysis time (ISO 8601), or undefined for now. */
export function loadCompliance(rule: ComplianceRule, by: ComplianceGrouping, at: string | undefined) {
  return cachedQuery(`compliance:${rule}:${by}:${at ?? "now"}`, () => orMissingSpaceWeather(fetchCompliance(rule, by, at)));
}

export function loadFragmentations(at: string | undefined) {
  return cachedQuery(`fragmentations:${at ?? "now"}`, () => orMissingSpaceWeather(fetchFragmentations(at)));
}

export function loadEnvironment(by: TrendGrouping, at: string | undefined) {
  return cachedQuery(`environment:${by}:${at ?? "now"}`, () => unwrap(api.GET("/api/environment", { params: { query: { by, ...(at === undefined ? {} : { at }) } } })));
}

export function isSpaceWeatherMissing(value: object): value is SpaceWeatherMissing {
  return "missing" in value && value.missing === "space-weather";
}
