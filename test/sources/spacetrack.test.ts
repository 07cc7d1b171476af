import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SourceFetchError } from "../../src/core/concord-error.ts";
import { detectFormat } from "../../src/sources/detect-format.ts";
import { SlidingWindowRateLimiter, type RateLimiterClock } from "../../src/sources/rate-limiter.ts";
import {
  fetchSpaceTrackFullCatalogGp,
  fetchSpaceTrackSatcat,
  SPACETRACK_RATE_LIMITS,
  withSpaceTrackSession,
  type SpaceTrackOptions,
} from "../../src/sources/spacetrack.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { manualClock, startLoopbackServer, type LoopbackServer } from "./loopback-server.ts";

const SATCAT_GZ = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const ACTIVE_CSV = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const IDENTITY = "analyst@example.org";
const PASSWORD = "s3cret pass&word=1";
const SESSION_COOKIE = "chocolatechip=session-123";
const GP_PATH = "/basicspacedata/query/class/gp/decay_date/null-val/epoch/%3Enow-30/orderby/norad_cat_id/format/json";
const SATCAT_PATH = "/basicspacedata/query/class/satcat/format/json";
const HOUR_MS = 60 * 60 * 1000;

function limiterClock(): RateLimiterClock & { sleeps: number[] } {
  let ms = Date.parse("2026-08-18T16:00:00Z");
  const sleeps: number[] = [];
  return { sleeps, nowMs: () => ms, sleep: async (delay) => void (sleeps.push(delay), (ms += delay)) };
}

describe.skipIf(!SATCAT_GZ || !ACTIVE_CSV)("Space-Track adapter against a fake Space-Track on loopback", () => {
  let satcatGz = Buffer.alloc(0);
  let gpJson = "";
  let server: LoopbackServer;
  let cacheDir = "";
  let clock = manualClock("2026-08-18T16:00:00Z");
  let limiter: SlidingWindowRateLimiter;
  let refuseQueriesWith: number | null = null;

  beforeAll(async () => {
    satcatGz = await readFile(SATCAT_GZ as string);
    const [header = "", ...rows] = (await readFile(ACTIVE_CSV as string, "utf8")).split("\r\n").slice(0, 51);
    const names = header.split(",");
    gpJson = JSON.stringify(rows.map((row) => Object.fromEntries(row.split(",").map((v, i) => [names[i] ?? `C${i}`, v]))));

    server = await startLoopbackServer((request, response) => {
      const loggedIn = (request.headers.cookie ?? "").split("; ").includes(SESSION_COOKIE);
      if (request.method === "POST" && request.url === "/ajaxauth/login") {
        const form = new URLSearchParams(request.body);
        const isForm = (request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
        if (isForm && form.get("identity") === IDENTITY && form.get("password") === PASSWORD) {
          response.setHeader("Set-Cookie", [`${SESSION_COOKIE}; path=/; secure; HttpOnly`, "spacetrack_csrf_cookie=abc; path=/"]);
          response.end('""');
        } else {
          response.end('{"Login":"Failed"}');
        }
      } else if (request.url === "/ajaxauth/logout") {
        response.end("Successfully logged out");
      } else if (!loggedIn) {
        response.statusCode = 401;
        response.end('{"error":"You must be logged in to complete this action"}');
      } else if (refuseQueriesWith !== null) {
        response.statusCode = refuseQueriesWith;
        response.end("You've violated your query rate limit.");
      } else if (request.url === SATCAT_PATH) {
        response.setHeader("Content-Type", "application/json");
        response.setHeader("Content-Encoding", "gzip");
        response.end(satcatGz);
      } else if (request.url === GP_PATH) {
        response.setHeader("Content-Type", "application/json");
        response.end(gpJson);
      } else {
        response.statusCode = 404;
        response.end("unknown query");
      }
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), "concord-spacetrack-"));
    clock = manualClock("2026-08-18T16:00:00Z");
    limiter = new SlidingWindowRateLimiter(SPACETRACK_RATE_LIMITS, limiterClock());
    server.requests.length = 0;
    refuseQueriesWith = null;
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  const options = (credentials: SpaceTrackOptions["credentials"] = { identity: IDENTITY, password: PASSWORD }): SpaceTrackOptions => ({
    credentials,
    cacheDir,
    baseUrl: server.baseUrl,
    now: clock.now,
    rateLimiter: limiter,
  });
  const paths = () => server.requests.map((r) => `${r.method} ${r.url}`);

  it("requires credentials and says which environment variables to set, before any request", async () => {
    await expect(fetchSpaceTrackSatcat(options({}))).rejects.toThrow(
      "space-track: Space-Track credentials missing: set SPACETRACK_IDENTITY and SPACETRACK_PASSWORD",
    );
    await expect(fetchSpaceTrackSatcat(options({ identity: IDENTITY, password: "" }))).rejects.toThrow(
      /set SPACETRACK_PASSWORD \(/,
    );
    await expect(fetchSpaceTrackSatcat(options({ identity: undefined, password: PASSWORD }))).rejects.toThrow(SourceFetchError);
    expect(server.requests).toHaveLength(0);
  });

  it("logs in with a form, queries the SATCAT with the session cookie, logs out, and returns all 67,422 records", async () => {
    const payload = await fetchSpaceTrackSatcat(options());
    expect(paths()).toEqual(["POST /ajaxauth/login", `GET ${SATCAT_PATH}`, "GET /ajaxauth/logout"]);
    const [login, query, logout] = server.requests;
    expect(login?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(login?.body))).toEqual({ identity: IDENTITY, password: PASSWORD });
    expect(query?.headers.cookie).toBe(`${SESSION_COOKIE}; spacetrack_csrf_cookie=abc`);
    expect(logout?.headers.cookie).toContain(SESSION_COOKIE);
    for (const request of server.requests) {
      expect(request.url).not.toContain(encodeURIComponent(PASSWORD));
      expect(request.url).not.toContain("s3cret");
      expect(request.url).not.toContain("analyst");
    }
    expect(payload.sourceKind).toBe("spacetrack");
    expect(payload.source).toBe(`${server.baseUrl}${SATCAT_PATH}`);
    expect(payload.fromCache).toBe(false);
    expect(detectFormat(payload.text, payload.source)).toBe("satcat-spacetrack-json");
    expect((JSON.parse(payload.text) as unknown[]).length).toBe(67_422);
    expect(limiter.recentCount).toBe(3);
    for (const name of (await readdir(cacheDir)).filter((file) => file.endsWith(".json"))) {
      const meta = await readFile(join(cacheDir, name), "utf8");
      expect(meta).not.toContain("s3cret");
      expect(meta).not.toContain("session-123");
    }
  });

  it("asks for the SATCAT at most once a day: within 24 h no login and no query", async () => {
    const first = await fetchSpaceTrackSatcat(options());
    clock.advanceMs(23 * HOUR_MS);
    const second = await fetchSpaceTrackSatcat(options());
    expect(server.requests).toHaveLength(3);
    expect(second.fromCache).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    clock.advanceMs(2 * HOUR_MS);
    await fetchSpaceTrackSatcat(options());
    expect(server.requests).toHaveLength(6);
  });

  it("queries the full-catalog GP with the recommended query at most once an hour", async () => {
    const gp = await fetchSpaceTrackFullCatalogGp(options());
    expect(paths()).toEqual(["POST /ajaxauth/login", `GET ${GP_PATH}`, "GET /ajaxauth/logout"]);
    expect(detectFormat(gp.text, gp.source)).toBe("omm-json");
    expect((JSON.parse(gp.text) as unknown[]).length).toBe(50);

    clock.advanceMs(59 * 60_000);
    expect((await fetchSpaceTrackFullCatalogGp(options())).fromCache).toBe(true);
    expect(server.requests).toHaveLength(3);
    clock.advanceMs(2 * 60_000);
    expect((await fetchSpaceTrackFullCatalogGp(options())).fromCache).toBe(false);
    expect(server.requests).toHaveLength(6);
  });

  it("uses one login for several queries in a session", async () => {
    await withSpaceTrackSession(options(), async (session) => {
      await session.fullCatalogGp();
      await session.satcat();
    });
    expect(paths()).toEqual(["POST /ajaxauth/login", `GET ${GP_PATH}`, `GET ${SATCAT_PATH}`, "GET /ajaxauth/logout"]);
  });

  it("reports a refused login without echoing the password", async () => {
    const error = await fetchSpaceTrackSatcat(options({ identity: IDENTITY, password: "wrong s3cret" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect((error as SourceFetchError).status).toBe(401);
    expect((error as Error).message).toBe(
      `${server.baseUrl}/ajaxauth/login: login failed (HTTP 200): check SPACETRACK_IDENTITY and SPACETRACK_PASSWORD`,
    );
    expect(paths()).toEqual(["POST /ajaxauth/login"]);
  });

  it("reports a 429 on a query clearly and still logs out", async () => {
    refuseQueriesWith = 429;
    await expect(fetchSpaceTrackSatcat(options())).rejects.toThrow(/HTTP 429 too many requests.*violated your query rate limit/);
    expect(paths()).toEqual(["POST /ajaxauth/login", `GET ${SATCAT_PATH}`, "GET /ajaxauth/logout"]);
  });

  it("reports a 5xx on a query as a server error", async () => {
    refuseQueriesWith = 502;
    const error = await fetchSpaceTrackFullCatalogGp(options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect((error as SourceFetchError).status).toBe(502);
    expect((error as Error).message).toMatch(/HTTP 502 server error: try again later/);
  });

  it("waits for the rate limiter before logging in when 30 requests were already sent this minute", async () => {
    const clockForLimiter = limiterClock();
    const busyLimiter = new SlidingWindowRateLimiter(SPACETRACK_RATE_LIMITS, clockForLimiter);
    for (let i = 0; i < 30; i++) await busyLimiter.acquire();
    await fetchSpaceTrackFullCatalogGp({ ...options(), rateLimiter: busyLimiter });
    expect(clockForLimiter.sleeps).toEqual([60_000]);
    expect(server.requests).toHaveLength(3);
  });

  it("the fake server really requires the session cookie (sanity check of the fixture)", async () => {
    const response = await fetch(`${server.baseUrl}${SATCAT_PATH}`);
    expect(response.status).toBe(401);
  });
});
