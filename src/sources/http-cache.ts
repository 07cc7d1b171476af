import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SourceFetchError } from "../core/concord-error.ts";
import { buildSourcePayload, sha256Hex, type SourceKind, type SourcePayload } from "./source-payload.ts";

/*
 * An on-disk HTTP cache, one entry per URL: body, ETag, Last-Modified, when it was fetched and last confirmed.
 *
 * Why a minimum refresh interval and a hard stop on refusals:
 * - CelesTrak updates GP data no more often than every 2 hours and asks clients not to check more often
 *   ("CelesTrak does not update any data more often than every 2 hours … please consider limiting checks",
 *   T.S. Kelso's notice of 2022-07-19, e.g. https://github.com/shashwatak/satellite-js/issues/105; see also
 *   https://celestrak.org/NORAD/documentation/gp-data-formats.php).
 * - CelesTrak's usage policy (https://celestrak.org/usage-policy.php, updated 2026-05-22) enforces limits on
 *   large sets such as the Active GP group and SATCAT, answers overuse with HTTP errors (301, 403, 404, 50x),
 *   and says machine-to-machine software "should immediately stop querying when it receives any non-HTTP 200
 *   responses and report the results to a human"; ignoring them gets the IP address firewalled.
 * So: within the interval the cache answers without any request; after it, a conditional request
 * (If-None-Match / If-Modified-Since) lets a 304 reuse the body; a 403/429/503 records a block (Retry-After, or
 * the refresh interval when the server gives none) during which no request is sent, and is reported as an error.
 */

export type HttpCacheOptions = {
  /** Directory of the cache (the caller passes `<dataDir>/cache`). Created when missing. */
  cacheDir: string;
  /** Within this long after the last successful contact, the cached body is served without any request. */
  minRefreshIntervalMs: number;
  now?: () => Date;
  fetch?: typeof fetch;
  /**
   * Called only when a request will really be sent (not when the cache answers); returns extra headers such as
   * a session cookie. Those headers are never written to the cache.
   */
  prepareRequest?: () => Promise<Record<string, string>>;
  /** Follow HTTP redirects (default true). When false a 3xx is an error naming the new location. */
  followRedirects?: boolean;
};

export type CachedFetch = {
  url: string;
  /** The body as received (HTTP content-encoding already undone by fetch; a gzip file stays gzip). */
  body: Buffer;
  /** True when the body came from the cache (fresh, or confirmed by a 304). */
  fromCache: boolean;
  /** True when a request was sent (false: served from cache within the refresh interval). */
  requested: boolean;
  /** ISO time the body was downloaded. */
  fetchedAt: string;
  /** The server's Last-Modified as ISO, or null. */
  lastModified: string | null;
};

type CacheEntry = {
  url: string;
  etag: string | null;
  /** Last-Modified exactly as the server sent it (sent back verbatim in If-Modified-Since). */
  lastModifiedHeader: string | null;
  fetchedAt: string | null;
  checkedAt: string | null;
  bodySha256: string | null;
  bytes: number | null;
  blockedUntil: string | null;
  blockedStatus: number | null;
};

const REFUSAL_STATUSES = new Set([403, 429, 503]);
const SNIPPET_CHARS = 200;

/** Fetches a URL through the on-disk cache, honouring the refresh interval, conditional requests and refusals. */
export async function fetchThroughCache(url: string, options: HttpCacheOptions): Promise<CachedFetch> {
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? globalThis.fetch;
  const paths = entryPaths(options.cacheDir, url);
  const entry = (await readEntry(paths.meta, url)) ?? emptyEntry(url);
  const cachedBody = await readCachedBody(paths.body, entry);
  const nowMs = now().getTime();

  if (entry.blockedUntil !== null && nowMs < Date.parse(entry.blockedUntil)) {
    throw new SourceFetchError(
      url,
      `the server refused earlier requests (HTTP ${entry.blockedStatus ?? "error"}) and asked us to wait; ` +
        `no request will be sent before ${entry.blockedUntil}`,
      entry.blockedStatus,
    );
  }
  if (cachedBody !== null && entry.checkedAt !== null && nowMs - Date.parse(entry.checkedAt) < options.minRefreshIntervalMs) {
    return cachedResult(url, cachedBody, entry, false);
  }

  const headers: Record<string, string> = {};
  if (cachedBody !== null && entry.etag !== null) headers["If-None-Match"] = entry.etag;
  if (cachedBody !== null && entry.lastModifiedHeader !== null) headers["If-Modified-Since"] = entry.lastModifiedHeader;
  Object.assign(headers, options.prepareRequest ? await options.prepareRequest() : {});

  let response: Response;
  try {
    response = await doFetch(url, { headers, redirect: options.followRedirects === false ? "manual" : "follow" });
  } catch (error) {
    throw new SourceFetchError(url, `network error: ${describeNetworkError(error)}`);
  }
  const checkedAt = now().toISOString();

  if (response.status === 304 && cachedBody !== null) {
    await response.body?.cancel();
    await writeEntry(paths.meta, { ...entry, checkedAt, blockedUntil: null, blockedStatus: null });
    return cachedResult(url, cachedBody, entry, true);
  }
  if (response.status === 200) {
    const body = Buffer.from(await response.arrayBuffer());
    const lastModifiedHeader = response.headers.get("last-modified");
    const fresh: CacheEntry = {
      url,
      etag: response.headers.get("etag"),
      lastModifiedHeader,
      fetchedAt: checkedAt,
      checkedAt,
      bodySha256: sha256Hex(body),
      bytes: body.byteLength,
      blockedUntil: null,
      blockedStatus: null,
    };
    await mkdir(options.cacheDir, { recursive: true });
    await atomicWrite(paths.body, body);
    await writeEntry(paths.meta, fresh);
    return { url, body, fromCache: false, requested: true, fetchedAt: checkedAt, lastModified: isoOrNull(lastModifiedHeader) };
  }
  throw await refusal(url, response, entry, paths.meta, nowMs, options.minRefreshIntervalMs);
}

/** Fetches a URL through the cache and turns the body into a `SourcePayload` (gunzipped when gzip). */
export async function fetchPayloadThroughCache(
  url: string,
  sourceKind: SourceKind,
  options: HttpCacheOptions,
  source: string = url,
): Promise<SourcePayload> {
  const result = await fetchThroughCache(url, options);
  return buildSourcePayload(source, sourceKind, result.body, {
    retrievedAt: result.fetchedAt,
    lastModified: result.lastModified,
    fromCache: result.fromCache,
  });
}

async function refusal(
  url: string,
  response: Response,
  entry: CacheEntry,
  metaPath: string,
  nowMs: number,
  minRefreshIntervalMs: number,
): Promise<SourceFetchError> {
  const status = response.status;
  const snippet = await bodySnippet(response);
  const said = snippet === "" ? "" : ` Server said: ${JSON.stringify(snippet)}`;
  if (REFUSAL_STATUSES.has(status)) {
    const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"), nowMs);
    const waitMs = retryAfterMs ?? (status === 503 ? 0 : minRefreshIntervalMs);
    const blockedUntil = waitMs > 0 ? new Date(nowMs + waitMs).toISOString() : null;
    await writeEntry(metaPath, { ...entry, blockedUntil, blockedStatus: blockedUntil === null ? null : status });
    const why =
      status === 429
        ? "too many requests: the server is rate-limiting this client"
        : status === 403
          ? "forbidden: the server refuses this client (CelesTrak answers overuse with 403)"
          : "service unavailable";
    const wait = blockedUntil === null ? "" : `; Concord will not ask again before ${blockedUntil}`;
    const retry = retryAfterMs === null ? "" : ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)`;
    return new SourceFetchError(url, `HTTP ${status} ${why}${retry}${wait}.${said}`, status);
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get("location") ?? "(no location)";
    return new SourceFetchError(url, `HTTP ${status} redirect to ${location}: the URL is outdated, update it.${said}`, status);
  }
  if (status === 304) {
    return new SourceFetchError(url, "HTTP 304 Not Modified but no cached body is available", status);
  }
  if (status === 401) return new SourceFetchError(url, `HTTP 401 unauthorized: authentication required or expired.${said}`, status);
  if (status === 404) return new SourceFetchError(url, `HTTP 404 not found: check the URL or group name.${said}`, status);
  if (status >= 500) return new SourceFetchError(url, `HTTP ${status} server error: try again later.${said}`, status);
  return new SourceFetchError(url, `HTTP ${status} ${response.statusText}: unexpected response.${said}`, status);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or bad. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === "") return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Explains why fetch rejected (undici wraps the socket error in `cause`: ECONNREFUSED, ENOTFOUND …). */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error instanceof Error ? error : null;
  if (inner === null) return String(error);
  const code = (inner as { code?: unknown }).code;
  const hint =
    code === "ECONNREFUSED"
      ? " (connection refused: nothing is listening there)"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? " (host not found: no network or wrong host name)"
        : "";
  return `${inner.message}${hint}`;
}

function cachedResult(url: string, body: Buffer, entry: CacheEntry, requested: boolean): CachedFetch {
  return {
    url,
    body,
    fromCache: true,
    requested,
    fetchedAt: entry.fetchedAt ?? new Date(0).toISOString(),
    lastModified: isoOrNull(entry.lastModifiedHeader),
  };
}

function entryPaths(cacheDir: string, url: string): { meta: string; body: string } {
  const key = sha256Hex(Buffer.from(url, "utf8"));
  return { meta: join(cacheDir, `${key}.json`), body: join(cacheDir, `${key}.body`) };
}

function emptyEntry(url: string): CacheEntry {
  return {
    url,
    etag: null,
    lastModifiedHeader: null,
    fetchedAt: null,
    checkedAt: null,
    bodySha256: null,
    bytes: null,
    blockedUntil: null,
    blockedStatus: null,
  };
}

async function readEntry(metaPath: string, url: string): Promise<CacheEntry | null> {
  try {
    const parsed = JSON.parse(await readFile(metaPath, "utf8")) as Partial<CacheEntry>;
    if (parsed.url !== url) return null;
    return { ...emptyEntry(url), ...parsed };
  } catch {
    return null;
  }
}

/** The cached body, or null when absent or when it no longer matches its recorded hash. */
async function readCachedBody(bodyPath: string, entry: CacheEntry): Promise<Buffer | null> {
  if (entry.bodySha256 === null) return null;
  try {
    const body = await readFile(bodyPath);
    return sha256Hex(body) === entry.bodySha256 ? body : null;
  } catch {
    return null;
  }
}

async function writeEntry(metaPath: string, entry: CacheEntry): Promise<void> {
  await mkdir(join(metaPath, ".."), { recursive: true });
  await atomicWrite(metaPath, Buffer.from(JSON.stringify(entry, null, 2), "utf8"));
}

async function atomicWrite(path: string, data: Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

async function bodySnippet(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, " ").trim();
    return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text;
  } catch {
    return "";
  }
}

function isoOrNull(httpDate: string | null): string | null {
  if (httpDate === null) return null;
  const ms = Date.parse(httpDate);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
