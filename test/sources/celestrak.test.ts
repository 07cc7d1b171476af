import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidInputError, SourceFetchError } from "../../src/core/concord-error.ts";
import {
  celestrakGroupUrl,
  fetchCelestrakGroup,
  fetchCelestrakSatcat,
  type CelestrakOptions,
} from "../../src/sources/celestrak.ts";
import { detectFormat } from "../../src/sources/detect-format.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { manualClock, startLoopbackServer, unusedLoopbackPort, type LoopbackServer } from "./loopback-server.ts";

const ACTIVE_CSV = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const ETAG = '"active-2026-08-18T15:22:32Z"';
const LAST_MODIFIED = "Tue, 18 Aug 2026 15:22:32 GMT";
const SATCAT_CSV =
  "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,PERIOD,INCLINATION,APOGEE,PERIGEE,RCS,DATA_STATUS_CODE,ORBIT_CENTER,ORBIT_TYPE\r\n" +
  "SL-1 R/B,1957-001A,1,R/B,D,CIS,1957-10-04,TYMSC,1957-12-01,96.19,65.10,938,214,20.4200,,EA,IMP\r\n";
const HOUR_MS = 60 * 60 * 1000;

describe.skipIf(!ACTIVE_CSV)("CelesTrak adapter against a loopback server serving the real active GP CSV", () => {
  let activeCsv = Buffer.alloc(0);
  let server: LoopbackServer;
  let cacheDir = "";
  let clock = manualClock("2026-08-18T16:00:00Z");

  beforeAll(async () => {
    activeCsv = await readFile(ACTIVE_CSV as string);
    server = await startLoopbackServer((request, response) => {
      const url = new URL(request.url, "http://loopback");
      const group = url.searchParams.get("GROUP");
      if (url.pathname === "/pub/satcat.csv") {
        response.setHeader("Content-Type", "text/csv");
        response.end(SATCAT_CSV);
      } else if (url.pathname !== "/NORAD/elements/gp.php") {
        response.statusCode = 404;
        response.end("Not Found");
      } else if (group === "active" && url.searchParams.get("FORMAT") === "csv") {
        if (request.headers["if-none-match"] === ETAG) {
          response.statusCode = 304;
          response.end();
          return;
        }
        response.setHeader("ETag", ETAG);
        response.setHeader("Last-Modified", LAST_MODIFIED);
        response.setHeader("Content-Type", "text/csv");
        response.end(activeCsv);
      } else if (group === "busy") {
        response.statusCode = 429;
        response.setHeader("Retry-After", "120");
        response.end("Too Many Requests");
      } else if (group === "blocked") {
        response.statusCode = 403;
        response.end("You have downloaded this data too many times in the last 2 hours.");
      } else if (group === "broken") {
        response.statusCode = 500;
        response.end("Internal Server Error");
      } else if (group === "moved") {
        response.statusCode = 301;
        response.setHeader("Location", "https://celestrak.org/NORAD/elements/gp.php?GROUP=moved&FORMAT=csv");
        response.end();
      } else {
        response.statusCode = 404;
        response.end("Invalid query");
      }
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), "concord-celestrak-"));
    clock = manualClock("2026-08-18T16:00:00Z");
    server.requests.length = 0;
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  const options = (): CelestrakOptions => ({ baseUrl: server.baseUrl, cacheDir, now: clock.now });
  const gpRequests = () => server.requests.filter((r) => r.url.startsWith("/NORAD/elements/gp.php"));

  it("builds the gp.php URL and rejects group names outside [a-z0-9-] without any request", async () => {
    expect(celestrakGroupUrl("cosmos-2251-debris", "tle")).toBe(
      "https://celestrak.org/NORAD/elements/gp.php?GROUP=cosmos-2251-debris&FORMAT=tle",
    );
    await expect(fetchCelestrakGroup("Active&FORMAT=tle", "csv", options())).rejects.toThrow(InvalidInputError);
    await expect(fetchCelestrakGroup("../etc", "csv", options())).rejects.toThrow(/invalid CelesTrak group/);
    await expect(fetchCelestrakGroup("active", "pdf" as "csv", options())).rejects.toThrow(/invalid CelesTrak format/);
    expect(server.requests).toHaveLength(0);
  });

  it("downloads the group once, with provenance, and serves the cache without any request within 2 hours", async () => {
    const first = await fetchCelestrakGroup("active", "csv", options());
    expect(first).toMatchObject({
      source: `${server.baseUrl}/NORAD/elements/gp.php?GROUP=active&FORMAT=csv`,
      sourceKind: "celestrak",
      bytes: 2_470_440,
      compressed: false,
      fromCache: false,
      retrievedAt: "2026-08-18T16:00:00.000Z",
      lastModified: "2026-08-18T15:22:32.000Z",
    });
    expect(first.sha256).toBe(createHash("sha256").update(activeCsv).digest("hex"));
    expect(detectFormat(first.text, first.source)).toBe("omm-csv");
    expect(first.text.split("\r\n").filter((line) => line !== "")).toHaveLength(16_345);
    expect(gpRequests()).toHaveLength(1);

    clock.advanceMs(2 * HOUR_MS - 60_000);
    const second = await fetchCelestrakGroup("active", "csv", options());
    expect(gpRequests()).toHaveLength(1);
    expect(second.fromCache).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    expect(second.text).toBe(first.text);
  });

  it("after 2 hours sends a conditional request, and on 304 reuses the cached body", async () => {
    const first = await fetchCelestrakGroup("active", "csv", options());
    clock.advanceMs(2 * HOUR_MS + 60_000);
    const revalidated = await fetchCelestrakGroup("active", "csv", options());
    expect(gpRequests()).toHaveLength(2);
    const conditional = gpRequests()[1];
    expect(conditional?.headers["if-none-match"]).toBe(ETAG);
    expect(conditional?.headers["if-modified-since"]).toBe(LAST_MODIFIED);
    expect(revalidated.fromCache).toBe(true);
    expect(revalidated.sha256).toBe(first.sha256);
    expect(revalidated.text.length).toBe(first.text.length);
    expect(revalidated.retrievedAt).toBe("2026-08-18T16:00:00.000Z");

    // The 304 counts as contact: the next 2 hours are served without a request again.
    clock.advanceMs(HOUR_MS);
    await fetchCelestrakGroup("active", "csv", options());
    expect(gpRequests()).toHaveLength(2);
  });

  it("re-downloads without conditional headers when the cached body no longer matches its hash", async () => {
    await fetchCelestrakGroup("active", "csv", options());
    const bodyFile = (await readdir(cacheDir)).find((name) => name.endsWith(".body"));
    await writeFile(join(cacheDir, bodyFile as string), "tampered");
    const again = await fetchCelestrakGroup("active", "csv", options());
    expect(gpRequests()).toHaveLength(2);
    expect(gpRequests()[1]?.headers["if-none-match"]).toBeUndefined();
    expect(again.fromCache).toBe(false);
    expect(again.bytes).toBe(2_470_440);
  });

  it("on 429 honours Retry-After: a clear error, then no request at all until it has passed", async () => {
    const error = await fetchCelestrakGroup("busy", "csv", options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect((error as SourceFetchError).status).toBe(429);
    expect((error as Error).message).toMatch(/HTTP 429 too many requests.*Retry-After 120 s.*not ask again before 2026-08-18T16:02:00.000Z/);

    clock.advanceMs(60_000);
    await expect(fetchCelestrakGroup("busy", "csv", options())).rejects.toThrow(/no request will be sent before 2026-08-18T16:02:00/);
    expect(gpRequests()).toHaveLength(1);

    clock.advanceMs(61_000);
    await expect(fetchCelestrakGroup("busy", "csv", options())).rejects.toThrow(/HTTP 429/);
    expect(gpRequests()).toHaveLength(2);
  });

  it("on 403 stops asking for the 2-hour interval and reports what the server said", async () => {
    await expect(fetchCelestrakGroup("blocked", "csv", options())).rejects.toThrow(
      /HTTP 403 forbidden.*not ask again before 2026-08-18T18:00:00.000Z.*too many times in the last 2 hours/,
    );
    clock.advanceMs(HOUR_MS);
    await expect(fetchCelestrakGroup("blocked", "csv", options())).rejects.toThrow(/no request will be sent/);
    expect(gpRequests()).toHaveLength(1);
  });

  it("reports a 5xx as a server error and a 301 as an outdated URL without following it", async () => {
    const serverError = await fetchCelestrakGroup("broken", "csv", options()).catch((e: unknown) => e);
    expect(serverError).toBeInstanceOf(SourceFetchError);
    expect((serverError as SourceFetchError).status).toBe(500);
    expect((serverError as Error).message).toMatch(/HTTP 500 server error: try again later/);

    await expect(fetchCelestrakGroup("moved", "csv", options())).rejects.toThrow(
      /HTTP 301 redirect to https:\/\/celestrak\.org\/NORAD.*the URL is outdated/,
    );
    expect(gpRequests()).toHaveLength(2);
  });

  it("reports connection refused as a network error naming the URL", async () => {
    const port = await unusedLoopbackPort();
    const error = await fetchCelestrakGroup("active", "csv", { ...options(), baseUrl: `http://127.0.0.1:${port}` }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceFetchError);
    expect((error as Error).message).toContain(`http://127.0.0.1:${port}/NORAD/elements/gp.php?GROUP=active&FORMAT=csv: network error`);
    expect((error as Error).message).toMatch(/ECONNREFUSED.*connection refused/);
  });

  it("fetches the SATCAT from /pub/satcat.csv as CelesTrak SATCAT CSV", async () => {
    const satcat = await fetchCelestrakSatcat(options());
    expect(satcat.source).toBe(`${server.baseUrl}/pub/satcat.csv`);
    expect(satcat.sourceKind).toBe("celestrak");
    expect(detectFormat(satcat.text, satcat.source)).toBe("satcat-celestrak-csv");
  });
});
