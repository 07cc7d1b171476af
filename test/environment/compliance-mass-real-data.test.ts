import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadEnvironmentFileInputs } from "../../bench/environment-file-inputs.ts";
import type { EnvironmentFileInputs } from "../../bench/environment-file-inputs.ts";
import { complianceMassTable, complianceRowsTable } from "../../src/cli/commands/compliance.ts";
import { lifetimesByCatalogNumber } from "../../src/environment/catalog-lifetime-map.ts";
import { needsLifetime } from "../../src/environment/compliance-analysis.ts";
import { describeMassCoverage } from "../../src/environment/compliance-mass.ts";
import type { ComplianceMassEntry } from "../../src/environment/compliance-mass.ts";
import { buildComplianceReport } from "../../src/environment/compliance-report.ts";
import { parseCaraMassCsv } from "../../src/environment/cara-mass-csv-parse.ts";
import { usableMassKg } from "../../src/environment/object-mass-estimate.ts";
import type { LifetimeEstimate } from "../../src/orbit/lifetime/estimate-lifetime.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const CARA = "cara/HBRMassEstimates/HBR_Mass_Estimates_20260601_ForDistribution.csv";
const files = [
  sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt"),
  sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz"),
  sharedDataFile("space-weather/SW-All.csv"),
  sharedDataFile("ucs/UCS-Satellite-Database_5-1-2023.tsv"),
  sharedDataFile(CARA),
];

describe.skipIf(files.some((f) => f === null))("compliance by mass on the 2023-10-09 catalog, the 2026-01-20 SATCAT and CARA's 2026-06-01 masses (pure, from files)", () => {
  let inputs: EnvironmentFileInputs;
  let lifetimes: Map<number, LifetimeEstimate>;
  let masses: Map<number, ComplianceMassEntry>;
  beforeAll(async () => {
    inputs = await loadEnvironmentFileInputs();
    const sets = inputs.objects
      .filter((o) => needsLifetime(o, inputs.orbits.get(o.catalogNumber), inputs.activeSet, inputs.analysisMs))
      .map((o) => inputs.latest.get(o.catalogNumber))
      .filter((s) => s !== undefined);
    lifetimes = lifetimesByCatalogNumber(sets, inputs.validation.spaceWeather, inputs.analysisMs).lifetimes;
    const path = files[4]!;
    masses = new Map(parseCaraMassCsv(readFileSync(path, "utf8"), path).records.map((e) => [e.catalogNumber, { massKg: usableMassKg(e), massSource: e.massSource }]));
  }, 120_000);

  it("prints LEO payloads and rocket bodies by count and by mass with the coverage, and the figures add up", () => {
    const base = { objects: inputs.objects, orbits: inputs.orbits, operationalOrbits: new Map(), activeSet: inputs.activeSet, analysisMs: inputs.analysisMs, masses };
    const source = { ingestId: 0, source: CARA, sha256: null, dataAsOf: "2026-06-01", objectsListed: masses.size, objectsWithMass: [...masses.values()].filter((m) => m.massKg !== null).length };
    for (const rule of ["25y", "5y"] as const) {
      const { report } = buildComplianceReport(base, lifetimes, rule, "state", source);
      const leo = [...report.leo.all, ...report.leo.launchedLastDecade];
      console.log(`\n${report.rule.name}, as of ${new Date(inputs.analysisMs).toISOString()}; LEO (all, then launched in the last ten years):`);
      console.log(complianceRowsTable(leo, "type"));
      console.log(complianceMassTable(leo, "type"));
      for (const r of report.leo.all) console.log(`LEO ${r.key}: ${describeMassCoverage(r.mass)}; by source ${r.mass.bySource.map((s) => `${s.source} ${s.objects} (${(s.massKg / 1000).toFixed(0)} t)`).join(", ")}`);
      console.log(`all assessed: ${describeMassCoverage(report.totals.mass)}`);
      console.log(`by state (top 8):\n${complianceMassTable(report.rows.slice(0, 8), "state")}`);
      for (const row of [report.totals, ...report.rows, ...leo]) {
        const m = row.mass;
        expect(m.massKnownObjects + m.massUnknownObjects).toBe(row.assessed);
        expect(m.naturallyCompliant.massKnownObjects + m.naturallyCompliant.massUnknownObjects).toBe(row.naturallyCompliant);
        expect(m.notCompliant.massKnownObjects + m.notCompliant.massUnknownObjects).toBe(row.notCompliant);
        expect(m.assessedMassKg).toBeCloseTo(m.naturallyCompliant.massKg + m.compliantAfterManoeuvre.massKg + m.notCompliant.massKg, 6);
        expect(m.bySource.reduce((s, t) => s + t.objects, 0)).toBe(m.massKnownObjects);
      }
      expect(report.rows.reduce((s, r) => s + r.mass.assessedMassKg, 0)).toBeCloseTo(report.totals.mass.assessedMassKg, 3);
      const [payloads, rocketBodies] = report.leo.all;
      expect(payloads!.mass.massKnownObjects).toBeGreaterThan(0);
      expect(rocketBodies!.mass.massKnownObjects).toBeGreaterThan(0);
      expect(report.notes.at(-1)).toContain("never as zero");
    }
  }, 120_000);
});
