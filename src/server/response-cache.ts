import type { MiddlewareHandler } from "hono";

/** What the cache needs to know about the store: a token that changes whenever the data behind any answer changes. */
export type GenerationSource = () => Promise<string>;

interface CachedResponse {
  readonly key: string;
  readonly status: number;
  readonly body: ArrayBuffer;
  readonly contentType: string;
}

/** Most bytes of cached answers held; the least recently used are dropped first. */
export const RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Caches successful GET answers of the API by URL, valid for one store generation and one UTC day (answers whose
 * default analysis date is today change at midnight). Every request first asks the store for its generation (a few
 * primary-key maxima), so an ingest, a screening run or an act import is visible on the very next request; identical
 * requests that arrive while one is being computed wait for it instead of computing it again. Answers carry
 * `X-Concord-Cache: hit|miss` so a client (and the benchmark) can tell.
 * Only PUBLIC routes' answers are cached (the route-access middleware, which runs first, says which access a route
 * declares): the public evidence base answers everyone alike, signed in or not, so a signed-in analyst gets the same
 * cached answers. Never cached: `/api/auth/*` (the session, sign-in redirects: they depend on who asks) and any answer
 * marked `Cache-Control: no-store` (e.g. an invitation preview).
 */
export function responseCache(
  generation: GenerationSource,
  options: { readonly uncachedPaths?: readonly string[]; readonly maxBytes?: number; readonly now?: () => number } = {},
): MiddlewareHandler {
  const maxBytes = options.maxBytes ?? RESPONSE_CACHE_MAX_BYTES;
  const now = options.now ?? Date.now;
  const uncached = new Set(options.uncachedPaths ?? []);
  const entries = new Map<string, CachedResponse>();
  const pending = new Map<string, Promise<CachedResponse | null>>();
  let bytes = 0;

  const remember = (url: string, entry: CachedResponse): void => {
    const old = entries.get(url);
    if (old !== undefined) bytes -= old.body.byteLength;
    entries.delete(url);
    if (entry.body.byteLength > maxBytes) return;
    entries.set(url, entry);
    bytes += entry.body.byteLength;
    for (const [oldest, value] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(oldest);
      bytes -= value.body.byteLength;
    }
  };
  const respond = (entry: CachedResponse, hit: boolean): Response =>
    new Response(entry.body.slice(0), { status: entry.status, headers: { "content-type": entry.contentType, "x-concord-cache": hit ? "hit" : "miss" } });

  return async (c, next) => {
    if (c.req.method !== "GET" || uncached.has(c.req.path)) return next();
    if (c.get("routeAccess") !== "public" || c.req.path.startsWith("/api/auth/")) return next();
    const url = c.req.url;
    const key = `${await generation()}|${new Date(now()).toISOString().slice(0, 10)}`;
    const cached = entries.get(url);
    if (cached !== undefined && cached.key === key) {
      entries.delete(url);
      entries.set(url, cached);
      c.res = respond(cached, true);
      return;
    }
    const inFlight = pending.get(`${key}|${url}`);
    if (inFlight !== undefined) {
      const shared = await inFlight;
      if (shared !== null) {
        c.res = respond(shared, true);
        return;
      }
    }
    let settle: (entry: CachedResponse | null) => void = () => undefined;
    pending.set(`${key}|${url}`, new Promise((resolve) => (settle = resolve)));
    try {
      await next();
      const contentType = c.res.headers.get("content-type") ?? "";
      const noStore = /no-store/i.test(c.res.headers.get("cache-control") ?? "");
      if (c.res.status === 200 && contentType.startsWith("application/json") && !noStore) {
        const entry = { key, status: 200, body: await c.res.clone().arrayBuffer(), contentType };
        remember(url, entry);
        c.res.headers.set("x-concord-cache", "miss");
        settle(entry);
      } else settle(null);
    } catch (error) {
      settle(null);
      throw error;
    } finally {
      pending.delete(`${key}|${url}`);
    }
  };
}
