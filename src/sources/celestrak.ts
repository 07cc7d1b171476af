import { InvalidInputError } from "../core/concord-error.ts";
import { fetchPayloadThroughCache } from "./http-cache.ts";
import type { SourcePayload } from "./source-payload.ts";

/*
 * CelesTrak (no account). GP groups: `/NORAD/elements/gp.php?GROUP=<group>&FORMAT=<format>`
 * (https://celestrak.org/NORAD/documentation/gp-data-formats.php); SATCAT: `/pub/satcat.csv`.
 * CelesTrak updates GP data at most every 2 hours and asks clients not to fetch the same data more often;
 * it answers overuse with 403 and asks software to stop on any non-200 answer (https://celestrak.org/usage-policy.php).
 * Both rules are enforced by the on-disk cache (see http-cache.ts). Redirects are not followed: CelesTrak uses
 * 301 for outdated URLs and asks that they be fixed, not retried.
 */

export const CELESTRAK_BASE_URL = "https://celestrak.org";
/** CelesTrak's update cadence; the same GP query is never sent more often than this. */
export const CELESTRAK_MIN_REFRESH_MS = 2 * 60 * 60 * 1000;

export const CELESTRAK_GP_FORMATS = ["csv", "json", "tle", "xml", "kvn"] as const;
export type CelestrakGpFormat = (typeof CELESTRAK_GP_FORMATS)[number];

export type CelestrakOptions = {
  /** Default https://celestrak.org; tests point it at a loopback server. */
  baseUrl?: string;
  /** `<dataDir>/cache`. */
  cacheDir: string;
  now?: () => Date;
  fetch?: typeof fetch;
  /** Override of the 2-hour minimum refresh interval (never below it unless you run your own mirror). */
  minRefreshIntervalMs?: number;
};

const GROUP_NAME = /^[a-z0-9-]+$/;

/** The gp.php URL of a CelesTrak GP group in a format; validates both. */
export function celestrakGroupUrl(group: string, format: CelestrakGpFormat, baseUrl: string = CELESTRAK_BASE_URL): string {
  if (!GROUP_NAME.test(group)) {
    throw new InvalidInputError("group", `invalid CelesTrak group ${JSON.stringify(group)}: use lower-case letters, digits and hyphens (e.g. active, starlink, cosmos-2251-debris)`);
  }
  if (!(CELESTRAK_GP_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidInputError("format", `invalid CelesTrak format ${JSON.stringify(format)}: expected one of ${CELESTRAK_GP_FORMATS.join(", ")}`);
  }
  return `${trimSlash(baseUrl)}/NORAD/elements/gp.php?GROUP=${group}&FORMAT=${format}`;
}

/** The URL of CelesTrak's full SATCAT in CSV. */
export function celestrakSatcatUrl(baseUrl: string = CELESTRAK_BASE_URL): string {
  return `${trimSlash(baseUrl)}/pub/satcat.csv`;
}

/** Fetches one CelesTrak GP group (through the cache, at most once per 2 hours). */
export async function fetchCelestrakGroup(
  group: string,
  format: CelestrakGpFormat,
  options: CelestrakOptions,
): Promise<SourcePayload> {
  return fetchFromCelestrak(celestrakGroupUrl(group, format, options.baseUrl), options);
}

/** Fetches CelesTrak's full SATCAT CSV (through the cache, at most once per 2 hours). */
export async function fetchCelestrakSatcat(options: CelestrakOptions): Promise<SourcePayload> {
  return fetchFromCelestrak(celestrakSatcatUrl(options.baseUrl), options);
}

async function fetchFromCelestrak(url: string, options: CelestrakOptions): Promise<SourcePayload> {
  return fetchPayloadThroughCache(url, "celestrak", {
    cacheDir: options.cacheDir,
    minRefreshIntervalMs: Math.max(0, options.minRefreshIntervalMs ?? CELESTRAK_MIN_REFRESH_MS),
    followRedirects: false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

function trimSlash(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}
