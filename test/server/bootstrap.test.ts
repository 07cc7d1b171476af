import type { z } from "@hono/zod-openapi";
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { startBootstrapIfEmpty } from "../../src/server/bootstrap.ts";
import type { HealthResponseSchema } from "../../src/server/schemas/health.schemas.ts";
import type { ObjectDetailSchema } from "../../src/server/schemas/object.schemas.ts";
import { startServer } from "../../src/server/start-server.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { startLoopbackServer, unusedLoopbackPort } from "../sources/loopback-server.ts";
import type { LoopbackServer } from "../sources/loopback-server.ts";
import { ingestFiles, jsonOf, openTemporaryContext } from "./server-fixtures.ts";

type Health = z.infer<typeof HealthResponseSchema>;
type ObjectDetail = z.infer<typeof ObjectDetailSchema>;

const ACTIVE_CSV = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const IRIDIUM_33_DEBRIS = sharedDataFile("gp/debris/iridium-33-debris_2025-02-15.txt");
/** Three rows of CelesTrak's SATCAT CSV, with the values of the 2026-01-20 Space-Track SATCAT. */
const SMALL_SATCAT_CSV =
  "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,PERIOD,INCLINATION,APOGEE,PERIGEE,RCS,DATA_STATUS_CODE,ORBIT_CENTER,ORBIT_TYPE\r\n" +
  "SL-1 R/B,1957-001A,1,R/B,D,CIS,1957-10-04,TTMTR,1957-12-01,96.19,65.10,938,214,20.4200,,EA,IMP\r\n" +
  "HST,1990-037B,20580,PAY,+,US,1990-04-24,AFETR,,94.20,28.47,481,479,,,EA,ORB\r\n" +
  "ISS (ZARYA),1998-067A,25544,PAY,+,CIS,1998-11-20,TTMTR,,92.93,51.63,423,413,,,EA,ORB\r\n";
const LOCAL_INGEST = "npx concord ingest path/to/satcat.json.gz path/to/elements.txt";

type Fixture = Awaited<ReturnType<typeof openTemporaryContext>>;

describe.skipIf(!ACTIVE_CSV)("first-start bootstrap from a loopback CelesTrak serving the real active GP CSV", () => {
  let celestrak: LoopbackServer;
  let activeCsv = Buffer.alloc(0);
  let satcatStatus = 200;
  let releaseActive: () => void = () => {};
  let activeGate: Promise<void> = Promise.resolve();
  let fixture: Fixture | null = null;

  beforeAll(async () => {
    activeCsv = await readFile(ACTIVE_CSV as string);
    celestrak = await startLoopbackServer(async (request, response) => {
      const url = new URL(request.url, "http://loopback");
      if (url.pathname === "/pub/satcat.csv" && satcatStatus === 200) {
        response.setHeader("Content-Type", "text/csv");
        response.end(SMALL_SATCAT_CSV);
      } else if (url.pathname === "/NORAD/elements/gp.php" && url.searchParams.get("GROUP") === "active" && url.searchParams.get("FORMAT") === "csv") {
        await activeGate;
        response.setHeader("Content-Type", "text/csv");
        response.end(activeCsv);
      } else {
        response.statusCode = 404;
        response.end("Not Found");
      }
    });
  });
  afterAll(async () => {
    await celestrak.close();
  });
  afterEach(async () => {
    await fixture?.dispose();
    fixture = null;
    celestrak.requests.length = 0;
    satcatStatus = 200;
    activeGate = Promise.resolve();
  });

  it("fetches the SATCAT and the active group, ingests them with progress on the log, and keeps serving while it runs", async () => {
    fixture = await openTemporaryContext({ CELESTRAK_BASE_URL: celestrak.baseUrl });
    activeGate = new Promise((resolve) => (releaseActive = resolve));
    const logged: string[] = [];
    const bootstrap = await startBootstrapIfEmpty(fixture.context, { log: (line) => logged.push(line) });
    const app = createApp(fixture.context, { bootstrapStatus: bootstrap.status, log: () => {} });

    // While CelesTrak holds the active GP back, the API answers and shows the bootstrap running.
    await expect.poll(() => logged.some((line) => line.includes("fetching CelesTrak active GP"))).toBe(true);
    const during = await jsonOf<Health>(await app.request("/api/health"));
    expect(during.bootstrap.state).toBe("running");
    expect(during.bootstrap.message).toMatch(/fetching CelesTrak active GP/);
    expect(during.objects).toBe(0);
    releaseActive();

    const final = await bootstrap.done;
    expect(final.state).toBe("done");
    expect(logged[0]).toMatch(/^bootstrap: the store is empty; fetching CelesTrak SATCAT…/);
    expect(logged).toContain("bootstrap: writing 10000/16344 from " + `${celestrak.baseUrl}/NORAD/elements/gp.php?GROUP=active&FORMAT=csv`);
    expect(logged.at(-1)).toMatch(/^bootstrap: ingested CelesTrak SATCAT and active GP/);
    expect(celestrak.requests.map((r) => r.url)).toEqual(["/pub/satcat.csv", "/NORAD/elements/gp.php?GROUP=active&FORMAT=csv"]);

    const after = await jsonOf<Health>(await app.request("/api/health"));
    expect(after.bootstrap).toMatchObject({ state: "done", progress: { phase: "write", done: 16344, total: 16344 } });
    // 3 SATCAT objects plus every other active object, known only from its element set.
    expect(after.objects).toBe(3 + 16344 - 2);
    expect(after.asOf.satcat).toMatchObject({ sourceKind: "celestrak", format: "satcat-celestrak-csv", source: `${celestrak.baseUrl}/pub/satcat.csv` });
    expect(after.asOf.elementSets).toMatchObject({ sourceKind: "celestrak", format: "omm-csv", dataAsOf: "2026-08-18" });

    const iss = await jsonOf<ObjectDetail>(await app.request("/api/objects/25544"));
    expect(iss).toMatchObject({ name: "ISS (ZARYA)", actorCode: "RUS", orbitRegime: "LEO", recordOrigin: "satcat" });
    expect(iss.elementHistory.items[0]?.format).toBe("omm-csv");
  });

  it("fails without stopping anything when CelesTrak answers 404 for the SATCAT, and says how to ingest local files", async () => {
    fixture = await openTemporaryContext({ CELESTRAK_BASE_URL: celestrak.baseUrl });
    satcatStatus = 404;
    const logged: string[] = [];
    const bootstrap = await startBootstrapIfEmpty(fixture.context, { log: (line) => logged.push(line) });
    const final = await bootstrap.done;
    expect(final.state).toBe("failed");
    expect(final.message).toMatch(/could not fetch from CelesTrak .*HTTP 404/);
    expect(final.message).toContain("The server keeps serving");
    expect(final.message).toContain(LOCAL_INGEST);
    expect(logged.at(-1)).toBe(`bootstrap: ${final.message}`);
    const app = createApp(fixture.context, { bootstrapStatus: bootstrap.status, log: () => {} });
    const health = await jsonOf<Health>(await app.request("/api/health"));
    expect(health).toMatchObject({ status: "ok", objects: 0, lastIngest: null, bootstrap: { state: "failed", message: final.message } });
  });

  it.skipIf(!IRIDIUM_33_DEBRIS)("does nothing when the store already holds objects", async () => {
    fixture = await openTemporaryContext({ CELESTRAK_BASE_URL: celestrak.baseUrl });
    await ingestFiles(fixture.context, [IRIDIUM_33_DEBRIS as string]);
    const bootstrap = await startBootstrapIfEmpty(fixture.context, { log: () => {} });
    expect(bootstrap.status()).toMatchObject({ state: "idle", message: "not needed: the store holds 119 objects" });
    expect(celestrak.requests).toEqual([]);
  });

  it("does nothing when bootstrapping is switched off (CONCORD_BOOTSTRAP=0)", async () => {
    fixture = await openTemporaryContext({ CELESTRAK_BASE_URL: celestrak.baseUrl, CONCORD_BOOTSTRAP: "0" });
    const bootstrap = await startBootstrapIfEmpty(fixture.context, { log: () => {} });
    expect((await bootstrap.done).state).toBe("idle");
    expect(bootstrap.status().message).toMatch(/disabled/);
    expect(celestrak.requests).toEqual([]);
  });
});

describe("a server started with no network", () => {
  it("keeps serving /api/health over HTTP with the failed bootstrap and the instructions to ingest local files", async () => {
    const closedPort = await unusedLoopbackPort();
    const fixture = await openTemporaryContext({ CELESTRAK_BASE_URL: `http://127.0.0.1:${closedPort}` });
    const logged: string[] = [];
    const log = (line: string) => logged.push(line);
    try {
      const bootstrap = await startBootstrapIfEmpty(fixture.context, { log });
      const server = await startServer(fixture.context, { host: "127.0.0.1", port: 0, bootstrap, log });
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(logged.some((line) => line.includes(`listening on ${server.url}`))).toBe(true);
        const final = await bootstrap.done;
        expect(final.state).toBe("failed");
        expect(final.message).toMatch(/network error: .*connection refused/);
        const response = await fetch(`${server.url}/api/health`);
        expect(response.status).toBe(200);
        const health = await jsonOf<Health>(response);
        expect(health).toMatchObject({ status: "ok", objects: 0, bootstrap: { state: "failed" } });
        expect(health.bootstrap.message).toContain(LOCAL_INGEST);
        expect(health.bootstrap.finishedAt).not.toBeNull();
        const again = await fetch(`${server.url}/api/objects?limit=1`);
        expect(again.status).toBe(200);
      } finally {
        await server.close();
      }
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    } finally {
      await fixture.dispose();
    }
  });

  it("names --port when the port is already taken", async () => {
    const fixture = await openTemporaryContext();
    const first = await startServer(fixture.context, { host: "127.0.0.1", port: 0, log: () => {} });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startServer(fixture.context, { host: "127.0.0.1", port, log: () => {} })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        field: "--port",
        message: expect.stringMatching(/already in use/),
      });
    } finally {
      await first.close();
      await fixture.dispose();
    }
  });
});
