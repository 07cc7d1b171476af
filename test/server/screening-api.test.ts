import type { z } from "@hono/zod-openapi";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { ingestPayloads } from "../../src/catalog/catalog-ingest.service.ts";
import { parseCdmKvn } from "../../src/screening/cdm-kvn-parse.ts";
import { parseCdmXml } from "../../src/screening/cdm-xml-parse.ts";
import { parsePrimarySelector } from "../../src/screening/primary-selector.ts";
import { defaultScreeningDependencies } from "../../src/app/screening-run-dependencies.ts";
import { runScreening } from "../../src/screening/screening-run.service.ts";
import { createApp } from "../../src/server/app.ts";
import type { ErrorResponseSchema } from "../../src/server/schemas/common.schemas.ts";
import type {
  ConjunctionDetailSchema,
  ExposureResponseSchema,
  RunEventsResponseSchema,
  ScreeningRunSchema,
  ScreeningRunsResponseSchema,
} from "../../src/server/schemas/screening.schemas.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import type { ScreeningRunRecord } from "../../src/store/screening-run.repository.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { ingestFiles, jsonOf, openTemporaryContext } from "./server-fixtures.ts";

const SATCAT = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const FENGYUN = sharedDataFile("gp/debris/fengyun-1c-debris_2025-02-15.txt");
const ACTIVE = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const FROM_MS = Date.parse("2026-08-21T00:00:00Z");

describe.skipIf(!SATCAT || !FENGYUN || !ACTIVE)("the screening HTTP API over a real run (FY-1C debris and active payloads at 650–1,000 km)", () => {
  let context: ConcordContext;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let run: ScreeningRunRecord;
  const get = (path: string) => app.request(path);

  beforeAll(async () => {
    let dataDir: string;
    ({ context, dispose, dataDir } = await openTemporaryContext());
    const lines = readFileSync(ACTIVE as string, "utf8").split(/\r?\n/).filter((l) => l !== "");
    const meanMotion = lines[0]!.split(",").indexOf("MEAN_MOTION");
    const rows = lines.slice(1).filter((l) => Number(l.split(",")[meanMotion]) >= 13.9 && Number(l.split(",")[meanMotion]) <= 14.7);
    const subset = join(dataDir, "active-subset.csv");
    writeFileSync(subset, `${[lines[0], ...rows].join("\n")}\n`);
    await ingestFiles(context, [SATCAT as string, FENGYUN as string]);
    await ingestPayloads(context.database.db, context.actors, [await readFileSource(subset)], { strict: false, isActiveSet: () => true });
    ({ run } = await runScreening(
      context.database.db,
      { fromMs: FROM_MS, toMs: FROM_MS + 86_400_000, thresholdKm: 20, selector: parsePrimarySelector("active"), threads: 2 },
      defaultScreeningDependencies("test"),
    ));
    app = createApp(context, { log: () => {} });
  }, 300_000);
  afterAll(async () => {
    await dispose?.();
  });

  it("GET /api/screening/runs lists the run with its window, snapshot, active set and guarantee", async () => {
    const response = await get("/api/screening/runs");
    expect(response.status).toBe(200);
    const body = await jsonOf<z.infer<typeof ScreeningRunsResponseSchema>>(response);
    expect(body.items.map((r) => r.id)).toEqual([run.id]);
    const [item] = body.items;
    expect(item?.window.from).toBe("2026-08-21T00:00:00.000Z");
    expect(item?.primaries).toMatchObject({ selector: "active", count: 464 });
    expect(item?.activeSet.asOf).toMatch(/^2026-08-/);
    expect(item?.warnings.some((w) => w.includes("more than 14 days old"))).toBe(true);
    const one = await jsonOf<z.infer<typeof ScreeningRunSchema>>(await get(`/api/screening/runs/${run.id}`));
    expect(one).toEqual(item);
  });

  it("GET /api/screening/runs/{id}/events pages and filters events, closest first", async () => {
    const all = await jsonOf<z.infer<typeof RunEventsResponseSchema>>(await get(`/api/screening/runs/${run.id}/events?limit=1000`));
    expect(all.total).toBe(run.eventsCount);
    expect(all.total).toBeGreaterThan(0);
    const misses = all.items.map((e) => e.missDistanceKm);
    expect(misses).toEqual([...misses].sort((a, b) => a - b));
    // Every primary is an active payload: every event involves one of the 464.
    const second = await jsonOf<z.infer<typeof RunEventsResponseSchema>>(await get(`/api/screening/runs/${run.id}/events?limit=1&offset=1`));
    expect(second.items[0]?.id).toBe(all.items[1]?.id);
    const chn = await jsonOf<z.infer<typeof RunEventsResponseSchema>>(await get(`/api/screening/runs/${run.id}/events?actor=CHN&limit=1000`));
    expect(chn.items.every((e) => e.primary.actorCode === "CHN" || e.secondary.actorCode === "CHN")).toBe(true);
    const near = await jsonOf<z.infer<typeof RunEventsResponseSchema>>(await get(`/api/screening/runs/${run.id}/events?maxMissKm=5&limit=1000`));
    expect(near.total).toBe(misses.filter((m) => m <= 5).length);
    const withPc = all.items.filter((e) => e.pc !== null);
    expect(withPc.length).toBeGreaterThan(0);
    const minPc = withPc.map((e) => e.pc!).sort((a, b) => b - a)[0]!;
    const high = await jsonOf<z.infer<typeof RunEventsResponseSchema>>(await get(`/api/screening/runs/${run.id}/events?minPc=${minPc}&limit=1000`));
    expect(high.items.every((e) => e.pc !== null && e.pc >= minPc)).toBe(true);
    expect(high.total).toBeGreaterThanOrEqual(1);
  });

  it("GET /api/conjunctions/{eventId} gives the event with its CDM in KVN and XML, both readable", async () => {
    const first = (await jsonOf<z.infer<typeof RunEventsResponseSchema>>(await get(`/api/screening/runs/${run.id}/events?limit=1`))).items[0]!;
    const response = await get(`/api/conjunctions/${first.id}`);
    expect(response.status).toBe(200);
    const body = await jsonOf<z.infer<typeof ConjunctionDetailSchema>>(response);
    expect(body.event).toEqual(first);
    expect(body.run.id).toBe(run.id);
    for (const cdm of [parseCdmKvn(body.cdm.kvn, "kvn").cdm, parseCdmXml(body.cdm.xml, "xml").cdm]) {
      expect(cdm.relative.missDistanceM).toBeCloseTo(first.missDistanceKm * 1000, 0);
      expect(cdm.object1.metadata.objectDesignator).toBe(String(first.primary.catalogNumber));
    }
  });

  it("GET /api/screening/runs/{id}/exposure attributes FY-1C debris to CHN and names FENGYUN 1C as the parent", async () => {
    const body = await jsonOf<z.infer<typeof ExposureResponseSchema>>(await get(`/api/screening/runs/${run.id}/exposure`));
    expect(body.totals.events).toBe(run.eventsCount);
    expect(body.actors).toContain("CHN");
    const parents = body.debrisExposure.flatMap((d) => d.parents);
    expect(parents.length).toBeGreaterThan(0);
    expect(new Set(parents.map((p) => `${p.launchDesignator} ${p.name} ${p.actorCode}`))).toEqual(new Set(["1999-025 FENGYUN 1C CHN"]));
    for (const d of body.debrisExposure) expect(d.share).toBeCloseTo(d.byOtherActorsDebris / d.activeApproaches, 12);
  });

  it("answers unknown runs and events with 404 and bad parameters with 400", async () => {
    expect((await get("/api/screening/runs/999999")).status).toBe(404);
    expect((await get("/api/screening/runs/999999/exposure")).status).toBe(404);
    expect((await get("/api/conjunctions/999999999")).status).toBe(404);
    const bad = await get(`/api/screening/runs/${run.id}/events?minPc=2`);
    expect(bad.status).toBe(400);
    expect((await jsonOf<z.infer<typeof ErrorResponseSchema>>(bad)).error.field).toBe("minPc");
  });
});
