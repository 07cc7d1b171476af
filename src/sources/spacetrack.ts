import { SourceFetchError } from "../core/concord-error.ts";
import { describeNetworkError, fetchPayloadThroughCache } from "./http-cache.ts";
import { SlidingWindowRateLimiter, type RateLimit } from "./rate-limiter.ts";
import type { SourcePayload } from "./source-payload.ts";

/*
 * Space-Track.org API (account required). Session: POST /ajaxauth/login with the form fields `identity` and
 * `password` sets a session cookie; queries under /basicspacedata/query/… send it; GET /ajaxauth/logout ends it
 * (https://www.space-track.org/documentation, "Introduction to the API" and "How To").
 *
 * Published limits (https://www.space-track.org/documentation, "API Use Guidelines"; also summarised by
 * https://duncaneddy.github.io/brahe/latest/learn/ephemeris/spacetrack/rate_limiting.html):
 * - 30 requests per minute and 300 per hour across the account (older text of the same page asked for fewer
 *   than 20 per minute); exceeding them suspends the account for a while. Enforced by SPACETRACK_RATE_LIMITS
 *   on every request this module sends, login and logout included.
 * - GP (TLE/OMM) data at most once per hour; SATCAT once per day (after 17:00 UTC). Enforced as minimum
 *   refresh intervals of the on-disk cache: within them the cached body is returned without logging in.
 * Recommended full-catalog query: current GP of every object not decayed, with an epoch in the last 30 days,
 * ordered by catalog number — the query below.
 */

export const SPACETRACK_BASE_URL = "https://www.space-track.org";
export const SPACETRACK_LOGIN_PATH = "/ajaxauth/login";
export const SPACETRACK_LOGOUT_PATH = "/ajaxauth/logout";
/** `>` written as %3E so the URL (the payload's `source` and cache key) is exactly what goes on the wire. */
export const SPACETRACK_GP_FULL_CATALOG_PATH =
  "/basicspacedata/query/class/gp/decay_date/null-val/epoch/%3Enow-30/orderby/norad_cat_id/format/json";
export const SPACETRACK_SATCAT_PATH = "/basicspacedata/query/class/satcat/format/json";

export const SPACETRACK_RATE_LIMITS: readonly RateLimit[] = [
  { maxRequests: 30, windowMs: 60 * 1000 },
  { maxRequests: 300, windowMs: 60 * 60 * 1000 },
];
export const SPACETRACK_GP_MIN_REFRESH_MS = 60 * 60 * 1000;
export const SPACETRACK_SATCAT_MIN_REFRESH_MS = 24 * 60 * 60 * 1000;

export const SPACETRACK_ENV_IDENTITY = "SPACETRACK_IDENTITY";
export const SPACETRACK_ENV_PASSWORD = "SPACETRACK_PASSWORD";

export type SpaceTrackCredentials = { identity: string; password: string };

export type SpaceTrackOptions = {
  /** Usually `{ identity: env.SPACETRACK_IDENTITY, password: env.SPACETRACK_PASSWORD }`, passed in by the caller. */
  credentials: { identity?: string | undefined; password?: string | undefined };
  /** `<dataDir>/cache`. */
  cacheDir: string;
  /** Default https://www.space-track.org; tests point it at a loopback server. */
  baseUrl?: string;
  now?: () => Date;
  fetch?: typeof fetch;
  /** Defaults to one limiter shared by the whole process (the limits are per account). */
  rateLimiter?: SlidingWindowRateLimiter;
};

let processRateLimiter: SlidingWindowRateLimiter | null = null;

/** The process-wide limiter with Space-Track's published limits. */
export function sharedSpaceTrackRateLimiter(): SlidingWindowRateLimiter {
  processRateLimiter ??= new SlidingWindowRateLimiter(SPACETRACK_RATE_LIMITS);
  return processRateLimiter;
}

/** Checks that both credentials are present; otherwise says which environment variables to set. Never echoes them. */
export function requireSpaceTrackCredentials(input: SpaceTrackOptions["credentials"]): SpaceTrackCredentials {
  const missing = [
    ...(input.identity ? [] : [SPACETRACK_ENV_IDENTITY]),
    ...(input.password ? [] : [SPACETRACK_ENV_PASSWORD]),
  ];
  if (missing.length > 0 || !input.identity || !input.password) {
    throw new SourceFetchError(
      "space-track",
      `Space-Track credentials missing: set ${missing.join(" and ")} (your space-track.org login e-mail and password) in the environment`,
    );
  }
  return { identity: input.identity, password: input.password };
}

/**
 * One Space-Track session: logs in lazily (only when a query really has to go out), sends the session cookie,
 * rate-limits every request, and logs out. Credentials travel only in the login form body.
 */
export class SpaceTrackSession {
  private readonly credentials: SpaceTrackCredentials;
  private readonly baseUrl: string;
  private readonly limiter: SlidingWindowRateLimiter;
  private readonly doFetch: typeof fetch;
  private cookie: string | null = null;

  constructor(private readonly options: SpaceTrackOptions) {
    this.credentials = requireSpaceTrackCredentials(options.credentials);
    this.baseUrl = (options.baseUrl ?? SPACETRACK_BASE_URL).replace(/\/+$/, "");
    this.limiter = options.rateLimiter ?? sharedSpaceTrackRateLimiter();
    this.doFetch = options.fetch ?? globalThis.fetch;
  }

  /** Current GP of the whole on-orbit catalog as OMM JSON (at most once per hour). */
  fullCatalogGp(): Promise<SourcePayload> {
    return this.query(SPACETRACK_GP_FULL_CATALOG_PATH, SPACETRACK_GP_MIN_REFRESH_MS);
  }

  /** The whole SATCAT as JSON (at most once per day). */
  satcat(): Promise<SourcePayload> {
    return this.query(SPACETRACK_SATCAT_PATH, SPACETRACK_SATCAT_MIN_REFRESH_MS);
  }

  /** Ends the session when one was opened. Best effort: a failed logout does not hide the data already fetched. */
  async logout(): Promise<void> {
    if (this.cookie === null) return;
    const cookie = this.cookie;
    this.cookie = null;
    await this.limiter.acquire();
    try {
      const response = await this.doFetch(`${this.baseUrl}${SPACETRACK_LOGOUT_PATH}`, {
        headers: { Cookie: cookie },
        redirect: "manual",
      });
      await response.body?.cancel();
    } catch {
      // The session expires on its own; nothing to report.
    }
  }

  private query(path: string, minRefreshIntervalMs: number): Promise<SourcePayload> {
    return fetchPayloadThroughCache(`${this.baseUrl}${path}`, "spacetrack", {
      cacheDir: this.options.cacheDir,
      minRefreshIntervalMs,
      followRedirects: false,
      prepareRequest: async () => {
        const cookie = await this.ensureLoggedIn();
        await this.limiter.acquire();
        return { Cookie: cookie };
      },
      ...(this.options.now ? { now: this.options.now } : {}),
      fetch: this.doFetch,
    });
  }

  private async ensureLoggedIn(): Promise<string> {
    if (this.cookie !== null) return this.cookie;
    const loginUrl = `${this.baseUrl}${SPACETRACK_LOGIN_PATH}`;
    await this.limiter.acquire();
    let response: Response;
    try {
      response = await this.doFetch(loginUrl, {
        method: "POST",
        body: new URLSearchParams({ identity: this.credentials.identity, password: this.credentials.password }),
        redirect: "manual",
      });
    } catch (error) {
      throw new SourceFetchError(loginUrl, `network error during login: ${describeNetworkError(error)}`);
    }
    const text = await response.text().catch(() => "");
    if (response.status === 429) {
      throw new SourceFetchError(loginUrl, "HTTP 429 too many requests at login: Space-Track is rate-limiting this account; wait and retry", 429);
    }
    if (response.status !== 200 || /"Login"\s*:\s*"Failed"/i.test(text)) {
      throw new SourceFetchError(
        loginUrl,
        `login failed (HTTP ${response.status}): check ${SPACETRACK_ENV_IDENTITY} and ${SPACETRACK_ENV_PASSWORD}`,
        response.status === 200 ? 401 : response.status,
      );
    }
    const cookies = response.headers.getSetCookie().map((header) => header.split(";", 1)[0]?.trim() ?? "");
    const cookie = cookies.filter((pair) => pair.includes("=")).join("; ");
    if (cookie === "") throw new SourceFetchError(loginUrl, "login answered without a session cookie", response.status);
    this.cookie = cookie;
    return cookie;
  }
}

/** Logs in, fetches the full-catalog GP, logs out. */
export async function fetchSpaceTrackFullCatalogGp(options: SpaceTrackOptions): Promise<SourcePayload> {
  return withSpaceTrackSession(options, (session) => session.fullCatalogGp());
}

/** Logs in, fetches the SATCAT, logs out. */
export async function fetchSpaceTrackSatcat(options: SpaceTrackOptions): Promise<SourcePayload> {
  return withSpaceTrackSession(options, (session) => session.satcat());
}

/** Runs `work` in one session (one login for several queries) and always logs out afterwards. */
export async function withSpaceTrackSession<T>(
  options: SpaceTrackOptions,
  work: (session: SpaceTrackSession) => Promise<T>,
): Promise<T> {
  const session = new SpaceTrackSession(options);
  try {
    return await work(session);
  } finally {
    await session.logout();
  }
}
