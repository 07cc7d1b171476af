import type { z } from "@hono/zod-openapi";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import type { IngestSourceReport } from "../../src/catalog/catalog-ingest.service.ts";
import { createApp } from "../../src/server/app.ts";
import type { ActorsResponseSchema } from "../../src/server/schemas/actor.schemas.ts";
import type { ErrorResponseSchema } from "../../src/server/schemas/common.schemas.ts";
import type { HealthResponseSchema } from "../../src/server/schemas/health.schemas.ts";
import type { ObjectDetailSchema, ObjectListResponseSchema } from "../../src/server/schemas/object.schemas.ts";
import type { RejectionsResponseSchema, SourcesResponseSchema } from "../../src/server/schemas/source.schemas.ts";
import type { StatsResponseSchema } from "../../src/server/schemas/stats.schemas.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { ingestFiles, jsonOf, openTemporaryContext } from "./server-fixtures.ts";

type Health = z.infer<typeof HealthResponseSchema>;
type ObjectList = z.infer<typeof ObjectListResponseSchema>;
type ObjectDetail = z.infer<typeof ObjectDetailSchema>;
type Stats = z.infer<typeof StatsResponseSchema>;
type Sources = z.infer<typeof SourcesResponseSchema>;
type Rejections = z.infer<typeof RejectionsResponseSchema>;
type Actors = z.infer<typeof ActorsResponseSchema>;
type ErrorBody = z.infer<typeof ErrorResponseSchema>;

const SATCAT = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const ACTIVE_GP = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const IRIDIUM_33_DEBRIS = sharedDataFile("gp/debris/iridium-33-debris_2025-02-15.txt");
const SATCAT_OBJECTS = 67_422;

describe.skipIf(!SATCAT || !ACTIVE_GP || !IRIDIUM_33_DEBRIS)("the HTTP API over a store holding the real 2026-01-20 SATCAT and real element sets", () => {
  let context: ConcordContext;
  let dispose: () => Promise<void>;
  let reports: IngestSourceReport[];
  let app: ReturnType<typeof createApp>;
  let brokenTle = "";
  const get = (path: string) => app.request(path);

  beforeAll(async () => {
    let dataDir: string;
    ({ context, dispose, dataDir } = await openTemporaryContext());
    // The first two Iridium 33 sets with the first line's checksum digit changed: one rejected record, one duplicate.
    const lines = (await readFile(IRIDIUM_33_DEBRIS as string, "utf8")).split("\n").slice(0, 6);
    lines[1] = `${lines[1]?.trimEnd().slice(0, -1)}${(Number(lines[1]?.trimEnd().slice(-1)) + 1) % 10}`;
    brokenTle = join(dataDir, "iridium-33-broken-checksum.txt");
    await writeFile(brokenTle, `${lines.join("\n")}\n`);
    reports = await ingestFiles(context, [SATCAT as string, ACTIVE_GP as string, IRIDIUM_33_DEBRIS as string, brokenTle]);
    app = createApp(context, { log: () => {} });
  });
  afterAll(async () => {
    await dispose();
  });

  const satcatReport = () => reports[0] as IngestSourceReport;
  const activeReport = () => reports[1] as IngestSourceReport;
  const objectsInStore = () => reports.reduce((sum, r) => sum + r.objectsInserted, 0);

  describe("GET /api/health", () => {
    it("names the store and its dialect, counts the objects, shows the last ingest and an idle bootstrap", async () => {
      const response = await get("/api/health");
      expect(response.status).toBe(200);
      const body = await jsonOf<Health>(response);
      expect(body.status).toBe("ok");
      expect(body.dialect).toBe("sqlite");
      expect(body.store).toMatch(/^SQLite .*concord\.sqlite$/);
      expect(body.objects).toBe(objectsInStore());
      expect(body.objects).toBeGreaterThan(SATCAT_OBJECTS);
      expect(body.lastIngest?.source).toBe(brokenTle);
      expect(body.lastIngest?.format).toBe("tle");
      expect(body.lastIngest?.rejected).toBe(1);
      expect(body.bootstrap.state).toBe("idle");
      expect(body.asOf.satcat?.dataAsOf).toBe(satcatReport().dataAsOf);
    });
  });

  describe("GET /api/objects", () => {
    it("pages through every object by catalog number with the total, 50 at a time by default", async () => {
      const body = await jsonOf<ObjectList>(await get("/api/objects"));
      expect(body.total).toBe(objectsInStore());
      expect(body.limit).toBe(50);
      expect(body.offset).toBe(0);
      expect(body.items).toHaveLength(50);
      expect(body.items[0]?.catalogNumber).toBe(1);
      expect(body.items[0]?.name).toBe("SL-1 R/B");
      expect(body.items.map((o) => o.catalogNumber)).toEqual([...body.items.map((o) => o.catalogNumber)].sort((a, b) => a - b));
    });

    it("gives the next page at an offset, without overlap", async () => {
      const first = await jsonOf<ObjectList>(await get("/api/objects?limit=10"));
      const second = await jsonOf<ObjectList>(await get("/api/objects?limit=10&offset=10"));
      expect(second.offset).toBe(10);
      expect(second.items).toHaveLength(10);
      expect(Math.min(...second.items.map((o) => o.catalogNumber))).toBeGreaterThan(Math.max(...first.items.map((o) => o.catalogNumber)));
    });

    it("filters by actor, type, regime and status together, and every item matches", async () => {
      const body = await jsonOf<ObjectList>(await get("/api/objects?actor=chn&type=payload&regime=LEO&status=on-orbit&limit=1000"));
      expect(body.total).toBeGreaterThan(500);
      for (const item of body.items) {
        expect(item).toMatchObject({ actorCode: "CHN", actorName: "China", objectType: "PAYLOAD", orbitRegime: "LEO", decayDate: null });
      }
    });

    it("filters by SATCAT owner code, and the owner filter and the status split add up", async () => {
      const all = await jsonOf<ObjectList>(await get("/api/objects?owner=PRC&limit=1"));
      const onOrbit = await jsonOf<ObjectList>(await get("/api/objects?owner=PRC&status=on-orbit&limit=1"));
      const decayed = await jsonOf<ObjectList>(await get("/api/objects?owner=PRC&status=decayed&limit=1"));
      expect(all.total).toBe(onOrbit.total + decayed.total);
      expect(decayed.total).toBeGreaterThan(0);
    });

    it("searches names and designators, and an exact catalog number", async () => {
      const byName = await jsonOf<ObjectList>(await get("/api/objects?search=iss%20(zarya)"));
      expect(byName.items.map((o) => o.catalogNumber)).toContain(25544);
      const byNumber = await jsonOf<ObjectList>(await get("/api/objects?search=25544"));
      expect(byNumber.items.map((o) => o.catalogNumber)).toContain(25544);
    });

    it("says where its figures come from: the SATCAT and the newest element-set ingest with their as-of dates", async () => {
      const body = await jsonOf<ObjectList>(await get("/api/objects?limit=1"));
      expect(body.asOf.satcat).toMatchObject({ source: SATCAT, format: "satcat-spacetrack-json", dataAsOf: satcatReport().dataAsOf });
      expect(body.asOf.satcat?.retrievedAt).toBe(satcatReport().retrievedAt);
      // The active GP (August 2026) is newer data than the Iridium 33 debris sets (February 2025).
      expect(body.asOf.elementSets).toMatchObject({ source: ACTIVE_GP, format: "omm-csv", dataAsOf: activeReport().dataAsOf });
      expect(body.asOf.elementSets?.dataAsOf).toMatch(/^2026-08-1\d$/);
    });

    it("answers 400 naming `limit` for limit=5000, above the maximum of 1000", async () => {
      const response = await get("/api/objects?limit=5000");
      expect(response.status).toBe(400);
      const body = await jsonOf<ErrorBody>(response);
      expect(body.error.code).toBe("INVALID_INPUT");
      expect(body.error.field).toBe("limit");
      expect(body.error.message).toMatch(/^limit: .*1000/);
    });

    it("answers 400 naming the field for a negative offset, an unknown regime, a non-numeric limit and a bad status", async () => {
      for (const [query, field] of [
        ["offset=-1", "offset"],
        ["regime=LOW", "regime"],
        ["limit=ten", "limit"],
        ["status=alive", "status"],
        ["type=SATELLITE", "type"],
      ] as const) {
        const response = await get(`/api/objects?${query}`);
        expect(response.status, query).toBe(400);
        expect((await jsonOf<ErrorBody>(response)).error.field, query).toBe(field);
      }
    });
  });

  describe("GET /api/objects/{catalogNumber}", () => {
    it("gives the ISS (25544) as a LEO payload of owner CIS attributed to Russia (launched after 1991), with its regime's label and source", async () => {
      const response = await get("/api/objects/25544");
      expect(response.status).toBe(200);
      const body = await jsonOf<ObjectDetail>(response);
      expect(body).toMatchObject({
        catalogNumber: 25544,
        name: "ISS (ZARYA)",
        internationalDesignator: "1998-067A",
        objectType: "PAYLOAD",
        ownerCode: "CIS",
        actorCode: "RUS",
        launchDate: "1998-11-20",
        decayDate: null,
        orbitRegime: "LEO",
        recordOrigin: "satcat",
      });
      expect(body.owner?.name).toMatch(/Commonwealth of Independent States/);
      expect(body.actor).toMatchObject({ code: "RUS", name: "Russian Federation", kind: "state", memberStates: [] });
      expect(body.regime).toMatchObject({ code: "LEO", label: "Low Earth Orbit" });
      expect(body.regime.source).toMatch(/ESA's Annual Space Environment Report/);
    });

    it("gives the provenance of the ISS: first stored from the SATCAT file, with its retrieved-at", async () => {
      const body = await jsonOf<ObjectDetail>(await get("/api/objects/25544"));
      expect(body.provenance.recordOrigin).toBe("satcat");
      expect(body.provenance.firstIngest).toMatchObject({ ingestId: satcatReport().ingestId, source: SATCAT, retrievedAt: satcatReport().retrievedAt });
      expect(body.provenance.lastIngest?.ingestId).toBe(satcatReport().ingestId);
    });

    it("gives the ISS's element history from the active GP, newest first", async () => {
      const body = await jsonOf<ObjectDetail>(await get("/api/objects/25544"));
      expect(body.elementHistory.limit).toBe(100);
      expect(body.elementHistory.items.length).toBeGreaterThanOrEqual(1);
      const newest = body.elementHistory.items[0];
      expect(newest).toMatchObject({ format: "omm-csv", ingestId: activeReport().ingestId, objectId: "1998-067A" });
      expect(newest?.epoch).toMatch(/^2026-08-1\d/);
      expect(newest?.meanMotionRevPerDay).toBeGreaterThan(15);
      expect(newest?.meanMotionRevPerDay).toBeLessThan(16);
    });

    it("gives an organisation's member states: an object attributed to ESA lists France and Germany among them", async () => {
      const list = await jsonOf<ObjectList>(await get("/api/objects?actor=ESA&limit=1"));
      const first = list.items[0];
      expect(first).toBeDefined();
      const body = await jsonOf<ObjectDetail>(await get(`/api/objects/${first?.catalogNumber}`));
      expect(body.actor?.kind).toBe("organisation");
      expect(body.actor?.memberStates).toEqual(expect.arrayContaining(["FRA", "DEU"]));
    });

    it("limits the history with historyLimit: Iridium 33 debris holds one set per piece from its own file", async () => {
      const list = await jsonOf<ObjectList>(await get("/api/objects?search=IRIDIUM%2033%20DEB&status=on-orbit&limit=1"));
      const number = list.items[0]?.catalogNumber;
      const body = await jsonOf<ObjectDetail>(await get(`/api/objects/${number}?historyLimit=0`));
      expect(body.elementHistory.items).toEqual([]);
      const withHistory = await jsonOf<ObjectDetail>(await get(`/api/objects/${number}?historyLimit=5`));
      expect(withHistory.elementHistory.items.length).toBeGreaterThanOrEqual(1);
      const epochs = withHistory.elementHistory.items.map((s) => s.epochMs);
      expect(epochs).toEqual([...epochs].sort((a, b) => b - a));
    });

    it("answers 404 with a clear message for a catalog number the store does not hold", async () => {
      const response = await get("/api/objects/999999999");
      expect(response.status).toBe(404);
      const body = await jsonOf<ErrorBody>(response);
      expect(body.error.code).toBe("NOT_FOUND");
      expect(body.error.message).toMatch(/no object with catalog number 999999999/);
    });

    it("answers 400 naming catalogNumber for a number that is not one", async () => {
      const response = await get("/api/objects/ISS");
      expect(response.status).toBe(400);
      expect((await jsonOf<ErrorBody>(response)).error.field).toBe("catalogNumber");
    });
  });

  describe("GET /api/stats", () => {
    it("by state attributes every object to an actor, with USA, RUS, SUN, CHN and UNKNOWN groups, summing to every object", async () => {
      const body = await jsonOf<Stats>(await get("/api/stats?by=state"));
      const byKey = new Map(body.groups.map((g) => [g.key, g]));
      expect(byKey.get("USA")).toMatchObject({ label: "United States of America", kind: "state" });
      expect(byKey.get("RUS")).toMatchObject({ label: "Russian Federation", kind: "state" });
      expect(byKey.get("SUN")).toMatchObject({ label: "Union of Soviet Socialist Republics", kind: "historic-state" });
      expect(byKey.get("CHN")).toMatchObject({ label: "China", kind: "state" });
      expect(byKey.get("UNKNOWN")).toMatchObject({ kind: "unknown" });
      expect(byKey.has(null)).toBe(false);
      expect(body.groups.every((g) => g.label !== null && g.kind !== null)).toBe(true);
      expect(body.totals.total).toBe(objectsInStore());
      expect(body.groups.reduce((sum, g) => sum + g.total, 0)).toBe(objectsInStore());
      for (const g of body.groups) expect(g.onOrbit + g.decayed).toBe(g.total);
      expect(body.asOf.satcat?.source).toBe(SATCAT);
    });

    it("by state over the SATCAT alone sums to its 67,422 objects: the total less the objects known only from element sets", async () => {
      const body = await jsonOf<Stats>(await get("/api/stats?by=state"));
      const elementSetOnly = reports.slice(1).reduce((sum, r) => sum + r.objectsInserted, 0);
      expect(elementSetOnly).toBeGreaterThan(2000);
      expect(satcatReport().objectsInserted).toBe(SATCAT_OBJECTS);
      expect(body.totals.total - elementSetOnly).toBe(SATCAT_OBJECTS);
    });

    it("by state with status=on-orbit counts only on-orbit objects", async () => {
      const all = await jsonOf<Stats>(await get("/api/stats?by=state"));
      const onOrbit = await jsonOf<Stats>(await get("/api/stats?by=state&status=on-orbit"));
      expect(onOrbit.status).toBe("on-orbit");
      expect(onOrbit.totals.decayed).toBe(0);
      expect(onOrbit.totals.total).toBe(all.totals.onOrbit);
    });

    it("by regime labels ESA's regimes and cites the definition", async () => {
      const body = await jsonOf<Stats>(await get("/api/stats?by=regime"));
      expect(body.groups.find((g) => g.key === "GEO")?.label).toBe("Geostationary Orbit");
      expect(body.groups[0]?.key).toBe("LEO");
      expect(body.definitions).toMatch(/ESA's Annual Space Environment Report/);
    });

    it("by type, owner and launch-year sum to the same total", async () => {
      for (const by of ["type", "owner", "launch-year"]) {
        const body = await jsonOf<Stats>(await get(`/api/stats?by=${by}`));
        expect(body.totals.total, by).toBe(objectsInStore());
      }
      const years = await jsonOf<Stats>(await get("/api/stats?by=launch-year"));
      expect(years.groups.find((g) => g.key === "1957")?.total).toBeGreaterThanOrEqual(3);
    });

    it("answers 400 naming `by` when it is missing or unknown", async () => {
      for (const query of ["", "?by=country"]) {
        const response = await get(`/api/stats${query}`);
        expect(response.status).toBe(400);
        expect((await jsonOf<ErrorBody>(response)).error.field).toBe("by");
      }
    });
  });

  describe("GET /api/sources and /api/sources/{id}/rejections", () => {
    it("lists the ingests newest first with source, kind, format, retrieved-at, sha256, counts and epochs", async () => {
      const body = await jsonOf<Sources>(await get("/api/sources"));
      expect(body.items.map((i) => i.source)).toEqual([brokenTle, IRIDIUM_33_DEBRIS, ACTIVE_GP, SATCAT]);
      const satcat = body.items[3];
      expect(satcat).toMatchObject({ sourceKind: "file", format: "satcat-spacetrack-json", status: "succeeded", accepted: SATCAT_OBJECTS });
      expect(satcat?.sha256).toMatch(/^[0-9a-f]{64}$/);
      const active = body.items[2];
      expect(active?.format).toBe("omm-csv");
      expect(active?.accepted).toBe(activeReport().accepted);
      const [min, median, max] = [active?.epochMin ?? "", active?.epochMedian ?? "", active?.epochMax ?? ""];
      expect(min).toMatch(/^2026-0[78]-/);
      expect(min <= median && median <= max).toBe(true);
    });

    it("gives one ingest's rejected record with file, line, field and reason, and answers 404 for an unknown ingest", async () => {
      const broken = reports[3] as IngestSourceReport;
      expect(broken.rejected).toBe(1);
      const body = await jsonOf<Rejections>(await get(`/api/sources/${broken.ingestId}/rejections`));
      expect(body.ingest).toMatchObject({ id: broken.ingestId, source: brokenTle, rejected: 1 });
      expect(body).toMatchObject({ total: 1, limit: 100, offset: 0 });
      expect(body.items[0]).toMatchObject({ source: brokenTle, line: 2 });
      expect(body.items[0]?.reason).toMatch(/checksum/i);
      const beyond = await jsonOf<Rejections>(await get(`/api/sources/${broken.ingestId}/rejections?offset=1`));
      expect(beyond.items).toEqual([]);
      const none = await jsonOf<Rejections>(await get(`/api/sources/${satcatReport().ingestId}/rejections`));
      expect(none.total).toBe(0);
      const missing = await get("/api/sources/9999/rejections");
      expect(missing.status).toBe(404);
      expect((await jsonOf<ErrorBody>(missing)).error.message).toMatch(/no ingest #9999/);
    });
  });

  describe("GET /api/actors", () => {
    it("gives the attribution table: CIS maps to Russia with the USSR for earlier launches, TBD to the explicit unknown", async () => {
      const body = await jsonOf<Actors>(await get("/api/actors"));
      const owner = new Map(body.ownerCodes.map((o) => [o.ownerCode, o]));
      expect(owner.get("CIS")).toMatchObject({ actorCode: "RUS", historicActorCode: "SUN" });
      expect(owner.get("TBD")?.actorCode).toBe("UNKNOWN");
      const iss = body.actors.find((a) => a.code === "ISS");
      expect(iss?.kind).toBe("organisation");
      expect(iss?.memberStates).toEqual(expect.arrayContaining(["USA", "RUS", "JPN", "CAN"]));
      expect(body.actors.every((a) => a.source.length > 0)).toBe(true);
    });
  });

  describe("GET /openapi.json and /api/docs", () => {
    it("is an OpenAPI 3.1 document listing every evidence route with its parameters (the workspace's routes: authorization-walk.test.ts)", async () => {
      const response = await get("/openapi.json");
      expect(response.status).toBe(200);
      const document = await jsonOf<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>(response);
      expect(document.openapi).toBe("3.1.0");
      const workspace = ["/api/auth/", "/api/users", "/api/audit", "/api/fora", "/api/speaker-groups", "/api/calendar", "/api/forum-sessions", "/api/statements/", "/api/agenda-items/", "/api/session-documents/", "/api/proposals", "/api/positions", "/api/consultations", "/api/invitations/"];
      const evidencePaths = Object.keys(document.paths).filter((path) => !workspace.some((prefix) => path.startsWith(prefix)));
      expect(evidencePaths.sort()).toEqual(
        [
          "/api/actors",
          "/api/conjunctions/{eventId}",
          "/api/health",
          "/api/objects",
          "/api/objects/{catalogNumber}",
          "/api/screening/runs",
          "/api/screening/runs/{id}",
          "/api/screening/runs/{id}/events",
          "/api/screening/runs/{id}/exposure",
          "/api/sources",
          "/api/sources/{id}/rejections",
          "/api/stats",
          "/api/states",
          "/api/states/{state}",
          "/api/instruments",
          "/api/instruments/{id}",
          "/api/votes/{id}",
          "/api/outreach/{id}",
          "/api/compliance",
          "/api/fragmentations",
          "/api/environment",
          "/api/lifetime/{catalogNumber}",
        ].sort(),
      );
      const listParameters = document.paths["/api/objects"]?.["get"]?.parameters?.map((p) => p.name);
      expect(listParameters).toEqual(expect.arrayContaining(["owner", "actor", "type", "regime", "status", "search", "limit", "offset"]));
    });

    it("serves a human-readable page listing the routes", async () => {
      const response = await get("/api/docs");
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      const html = await response.text();
      expect(html).toContain("GET /api/objects/{catalogNumber}");
      expect(html).toContain('href="/openapi.json"');
    });

    it("answers an unknown route with a JSON 404 pointing at the document", async () => {
      const response = await get("/api/satellites");
      expect(response.status).toBe(404);
      expect((await jsonOf<ErrorBody>(response)).error.message).toMatch(/openapi\.json/);
    });
  });
});
