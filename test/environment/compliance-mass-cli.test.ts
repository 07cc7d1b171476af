import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConcordContext } from "../../src/app/concord-context.ts";
import { loadConfig } from "../../src/core/config.ts";
import { createApp } from "../../src/server/app.ts";
import type { ComplianceResultSchema } from "../../src/server/schemas/environment.schemas.ts";
import { runCli } from "../support/run-cli.ts";
import { sharedDataFile } from "../support/shared-data.ts";

type ComplianceJson = z.infer<typeof ComplianceResultSchema>;

const catalog = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const satcat = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const swAll = sharedDataFile("space-weather/SW-All.csv");
const cara = sharedDataFile("cara/HBRMassEstimates/HBR_Mass_Estimates_20260601_ForDistribution.csv");
const AT = "2023-10-10T00:00:00Z";
const HEADER = "ObjectID,HBR,HBRSigma,HBRSource,Mass,MassSigma,MassSource";

describe("concord ingest of a CARA mass-estimate file with a malformed row", () => {
  const dir = mkdtempSync(join(tmpdir(), "concord-mass-bad-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--strict stores nothing and names the line and field; without it the good rows are stored and the bad one reported", async () => {
    const file = join(dir, "HBR_Mass_Estimates_20260601_ForDistribution.csv");
    writeFileSync(file, [HEADER, "51,0.96,1.13,SFK RCS Estimate,68.5,229,SFK RCS Estimate", "52,0.5,0.1,SFK RCS Estimate,12,,", "53,1,0,Default,448.3,0,Default"].join("\n"));
    const strict = await runCli(["ingest", "--data-dir", dir, "--strict", file]);
    expect(strict.code).toBe(4);
    expect(strict.stderr).toContain(`${file}, line 3, record 1: MassSource: is empty`);
    expect((await runCli(["sources", "--data-dir", dir, "--json"])).stdout).not.toContain("cara-hbr-mass-csv");
    const loose = await runCli(["ingest", "--data-dir", dir, file]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(/#\d+\s+\S+HBR_Mass_Estimates_20260601_ForDistribution\.csv\s+cara-hbr-mass-csv\s+2\s+1\s+2\s+2026-06-01/);
    expect(loose.stdout).toContain("line 3, record 1: MassSource: is empty");
    expect((await runCli(["ingest", "--data-dir", dir, "--as-of", "2026-06-01", swAll ?? file])).code).toBe(swAll === null ? 0 : 2);
  }, 60_000);
});

describe.skipIf(!catalog || !satcat || !swAll || !cara)("concord compliance and GET /api/compliance by mass on the real 2023 catalog, SATCAT, SW-All and CARA's masses", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "concord-mass-cli-"));
  let json: ComplianceJson;
  beforeAll(async () => {
    // Fengyun-1C and Cosmos 1408 debris and everything launched 2000-2009 with piece A or B (3LE of the 2023 catalog).
    const lines = readFileSync(catalog!, "utf8").split(/\r?\n/);
    const out: string[] = [];
    for (let i = 0; i + 2 < lines.length; i += 3) {
      const id = lines[i + 1]!.slice(9, 17).trim();
      if (/^(99025|82092)/.test(id) || /^0\d{4}[AB]$/.test(id)) out.push(lines[i]!, lines[i + 1]!, lines[i + 2]!);
    }
    const subset = join(dataDir, "subset.txt");
    writeFileSync(subset, `${out.join("\n")}\n`);
    const ingest = await runCli(["ingest", "--data-dir", dataDir, "--json", satcat!, subset, swAll!, cara!]);
    expect(ingest.code).toBe(0);
    const report = JSON.parse(ingest.stdout) as { massEstimates: { accepted: number; rejected: number; dataAsOf: string; summary: { withMass: Record<string, number> } }[] };
    expect(report.massEstimates).toMatchObject([{ accepted: 58_609, rejected: 0, dataAsOf: "2026-06-01" }]);
    const result = await runCli(["compliance", "--data-dir", dataDir, "--at", AT, "--json"]);
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout) as ComplianceJson;
  }, 300_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("--json carries each class's mass, the share by mass over known-mass objects, the coverage and the mass source", () => {
    expect(json.massSource).toMatchObject({ source: cara, dataAsOf: "2026-06-01", objectsListed: 58_609, objectsWithMass: 22_678 });
    for (const row of [json.totals, ...json.rows, ...json.leo.all]) {
      const m = row.mass;
      expect(m.massKnownObjects + m.massUnknownObjects).toBe(row.assessed);
      expect(m.massUnknownListed + m.massUnknownNotListed).toBe(m.massUnknownObjects);
      expect(m.assessedMassKg).toBeCloseTo(m.naturallyCompliant.massKg + m.compliantAfterManoeuvre.massKg + m.notCompliant.massKg, 6);
      if (m.massKnownObjects === 0) expect(m.compliantShareByMass).toBeNull();
    }
    const t = json.totals.mass;
    expect(t.massKnownObjects).toBeGreaterThan(0);
    expect(t.compliantShareByMass).toBeCloseTo((t.naturallyCompliant.massKg + t.compliantAfterManoeuvre.massKg) / t.assessedMassKg, 12);
    expect(json.notes.at(-1)).toContain("counted as mass unknown, never as zero");
    const [payloads, rocketBodies] = json.leo.all;
    console.log(
      `store (subset of the 2023 catalog; every payload taken as ended): all ${json.totals.assessed} assessed, by count ${((json.totals.compliantShare ?? 0) * 100).toFixed(1)} %, ` +
        `by mass ${((t.compliantShareByMass ?? 0) * 100).toFixed(1)} % of ${(t.assessedMassKg / 1000).toFixed(1)} t (mass known for ${t.massKnownObjects}); ` +
        `LEO payloads mass known ${payloads!.mass.massKnownObjects}/${payloads!.assessed}, rocket bodies ${rocketBodies!.mass.massKnownObjects}/${rocketBodies!.assessed}`,
    );
  });

  it("the text output shows the mass table, the coverage and what the Default masses are", async () => {
    const text = await runCli(["compliance", "--data-dir", dataDir, "--at", AT, "--by", "regime"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("By mass (tonnes; known-mass objects only, shares over them), from CARA estimates as of 2026-06-01");
    expect(text.stdout).toMatch(/regime\s+assessed\s+mass known\s+default\s+naturally t\s+after manoeuvre t\s+not compliant t\s+compliant by mass\s+w\/o defaults\s+by count/);
    expect(text.stdout).toMatch(/Coverage: mass known for [\d,]+ of [\d,]+ assessed ended objects: /);
    expect(text.stdout).toContain('"Default" masses are CARA\'s class-level defaults');
    console.log(text.stdout.slice(text.stdout.indexOf("By mass"), text.stdout.indexOf("Sources:")));
  }, 60_000);

  it("GET /api/compliance gives the same mass figures, public", async () => {
    const context = await openConcordContext(loadConfig({ dataDir }, {}));
    try {
      const app = createApp(context, { log: () => {} });
      const response = await app.request(`/api/compliance?rule=25y&by=state&at=${AT}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as ComplianceJson;
      expect(body.massSource).toEqual(json.massSource);
      expect(body.totals.mass).toEqual(json.totals.mass);
      expect(body.leo).toEqual(json.leo);
      const spec = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, { get: Record<string, unknown> }>; components: { schemas: Record<string, unknown> } };
      expect(spec.paths["/api/compliance"]!.get["x-concord-access"]).toBe("public");
      expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(["ComplianceMass", "ComplianceMassSource"]));
    } finally {
      await context.close();
    }
  }, 120_000);
});
