import { InvalidInputError } from "../core/concord-error.ts";
import { CELESTRAK_MIN_REFRESH_MS } from "./celestrak.ts";
import { fetchPayloadThroughCache } from "./http-cache.ts";
import { readFileSource } from "./read-file-source.ts";
import type { SourcePayload } from "./source-payload.ts";

export type ReadSourceOptions = {
  /** `<dataDir>/cache`; required for URLs. */
  cacheDir?: string;
  now?: () => Date;
  fetch?: typeof fetch;
  /**
   * Minimum refresh interval for URLs. Default: 2 hours for celestrak.org (its update cadence and request),
   * 0 elsewhere (every call sends a conditional request).
   */
  minRefreshIntervalMs?: number;
};

const URL_SPEC = /^https?:\/\//i;

/** True when the spec is an http(s) URL rather than a path. */
export function isUrlSpec(spec: string): boolean {
  return URL_SPEC.test(spec);
}

/** Reads a source given as a path or an http(s) URL (through the cache); gzip is handled for both. */
export async function readSource(spec: string, options: ReadSourceOptions = {}): Promise<SourcePayload> {
  if (!isUrlSpec(spec)) return readFileSource(spec, options.now ? { now: options.now } : {});
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new InvalidInputError("source", `invalid URL ${JSON.stringify(spec)}`);
  }
  if (options.cacheDir === undefined) {
    throw new InvalidInputError("cacheDir", "a cache directory is required to fetch URLs");
  }
  const isCelestrak = url.hostname === "celestrak.org" || url.hostname.endsWith(".celestrak.org");
  return fetchPayloadThroughCache(
    spec,
    "url",
    {
      cacheDir: options.cacheDir,
      minRefreshIntervalMs: options.minRefreshIntervalMs ?? (isCelestrak ? CELESTRAK_MIN_REFRESH_MS : 0),
      ...(options.now ? { now: options.now } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
    spec,
  );
}
