import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { ingestSpaceWeather } from "../../src/environment/space-weather-ingest.service.ts";
import { createApp } from "../../src/server/app.ts";
import type { ComplianceResultSchema, EnvironmentResultSchema, FragmentationsResultSchema, LifetimeResultSchema } from "../../src/server/schemas/environment.schemas.ts";
import type { StateProfileSchema } from "../../src/server/schemas/diplomacy.schemas.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import { REAL_FULL_CATALOG, REAL_SATCAT, ingestRealFiles, openDiplomacyContext } from "../diplomacy/diplomacy-store-fixture.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { testDatabases } from "../support/test-databases.ts";
import { jsonOf } from "./server-fixtures.ts";

const SW_ALL = sharedDataFile("space-weather/SW-All.csv");
const AT = "2023-10-10T00:00:00Z";

/** The 2023 catalog's sets of Fengyun-1C and Cosmos 1408 debris and of every Chinese-registered payload or stage launched 1999-2010 (3LE). */
function catalogSubset(path: string): string {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const id = lines[i + 1]!.slice(9, 17).trim();
    if (/^(99025|82092)/.test(id) || /^(0[0-9])\d{3}[AB]$/.test(id)) out.push(lines[i]!, lines[i + 1]!, lines[i + 2]!);
  }
  return `${out.join("\n")}\n`;
}

describe.skipIf(REAL_SATCAT === null || REAL_FULL_CATALOG === null || SW_ALL === null).each(testDatabases())("the environment HTTP API on %s", (target) => {
  let context: ConcordContext;
  let app: ReturnType<typeof createApp>;
  const dir = mkdtempSync(join(tmpdir(), "concord-env-api-"));
  const get = (path: string) => app.request(path);
  let pieceNumber = 0;

  beforeAll(async () => {
    context = await openDiplomacyContext(target);
    const subset = join(dir, "subset-2023-10-09.txt");
    writeFileSync(subset, catalogSubset(REAL_FULL_CATALOG!));
    await ingestRealFiles(context, [REAL_SATCAT!, subset]);
    await ingestSpaceWeather(context.database.db, [await readFileSource(SW_ALL!)], { strict: false });
    pieceNumber = Number(/\n1 (\d{5})U 99025/.exec(readFileSync(subset, "utf8"))![1]);
    app = createApp(context, { log: () => {} });
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("GET /api/compliance gives the classes by state with the analysis date and every source", async () => {
    const response = await get(`/api/compliance?rule=25y&by=state&at=${AT}`);
    expect(response.status).toBe(200);
    const body = await jsonOf<z.infer<typeof ComplianceResultSchema>>(response);
    expect(body.analysisDate).toBe("2023-10-10T00:00:00.000Z");
    expect(body.sources.satcat?.source).toBe(REAL_SATCAT);
    expect(body.sources.spaceWeather?.source).toBe(SW_ALL);
    expect(body.sources.activeSet).toBeNull();
    expect(body.sources.endOfMission).toContain("every payload is treated as ended");
    expect(body.endOfMissionBasis["assumed-no-status-no-active-set"]).toBeGreaterThan(0);
    const t = body.totals;
    expect(t.assessed).toBe(t.naturallyCompliant + t.compliantAfterManoeuvre + t.notCompliant);
    expect(body.rows.find((r) => r.key === "CHN")!.assessed).toBeGreaterThan(0);
    // ESA's and the IADC's published ranges for the 25-year rule and GEO come with it, each sourced and dated.
    expect(body.publishedReferences.map((r) => r.id)).toContain("esa-leo-payload-mass-25y");
    expect(body.publishedReferences.every((r) => r.rule === "25y" || r.rule === "geo")).toBe(true);
    expect(body.publishedReferences.find((r) => r.id === "iadc-leo-stages-25y")).toMatchObject({ low: 0.7, high: 0.95, asOf: "2023-12-31" });
    const strict = await jsonOf<z.infer<typeof ComplianceResultSchema>>(await get(`/api/compliance?rule=5y&by=regime&at=${AT}`));
    expect(strict.rule.years).toBe(5);
    expect(strict.totals.naturallyCompliant).toBeLessThanOrEqual(t.naturallyCompliant);
    expect((await get("/api/compliance?rule=10y")).status).toBe(400);
  });

  it("GET /api/fragmentations counts Fengyun-1C's 3,534 catalogued pieces, flags the ASAT test and projects the rest", async () => {
    const body = await jsonOf<z.infer<typeof FragmentationsResultSchema>>(await get(`/api/fragmentations?at=${AT}`));
    const fy = body.events.find((e) => e.id === "fengyun-1c")!;
    expect(fy).toMatchObject({ piecesCatalogued: 3534, piecesInOrbit: 2659, date: "2007-01-11", asatTest: { state: "CHN" } });
    expect(fy.projectedRemaining.after25Years).toBeLessThan(fy.projectedRemaining.after5Years);
    expect(body.events.find((e) => e.id === "cosmos-1408")!.piecesCatalogued).toBe(1806);
    expect(body.lifetimeModel.calibration).toBe("cycle-25");
  });

  it("GET /api/environment and GET /api/lifetime/{catalogNumber} answer with their sources", async () => {
    const env = await jsonOf<z.infer<typeof EnvironmentResultSchema>>(await get(`/api/environment?by=type&at=${AT}`));
    expect(env.lastYear).toBe(2023);
    expect(env.leoShare.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
    const piece = await jsonOf<z.infer<typeof LifetimeResultSchema>>(await get(`/api/lifetime/${pieceNumber}?at=${AT}`));
    expect(piece).toMatchObject({ catalogNumber: pieceNumber, analysisDate: "2023-10-10T00:00:00.000Z", calibration: "cycle-25" });
    expect(piece.spaceWeather.source).toBe(SW_ALL);
    // The first 1999-025 object of the subset is the Fengyun-1C payload itself; with no active set ingested, whether it
    // operates is unknown (never assumed), so its date carries no "if operations ended" note.
    expect(piece.maintenance).toEqual({ operating: null, basis: "no operational status and no active set in the store", note: null });
    expect((await get(`/api/lifetime/999999999?at=${AT}`)).status).toBe(404);
  });

  it("GET /api/states/CHN fills the disposal-compliance slot with a rate, its source and as-of", async () => {
    const body = await jsonOf<z.infer<typeof StateProfileSchema>>(await get("/api/states/CHN"));
    const slot = body.conduct.disposalCompliance;
    expect(slot.status).toBe("known");
    if (slot.status === "known") {
      expect(slot.value.rule).toContain("25-year");
      expect(slot.value.compliantShare).toBeGreaterThan(0);
      expect(slot.value.source).toContain("SATCAT ingest #");
      console.log(`CHN: ${(slot.value.compliantShare * 100).toFixed(1)} % of ${slot.value.assessed} (${slot.value.asOf}; ${slot.value.source})`);
    }
  });
});
