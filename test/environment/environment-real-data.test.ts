import { beforeAll, describe, expect, it } from "vitest";
import { loadEnvironmentFileInputs } from "../../bench/environment-file-inputs.ts";
import type { EnvironmentFileInputs } from "../../bench/environment-file-inputs.ts";
import { complianceRowsTable } from "../../src/cli/commands/compliance.ts";
import { loadDestructiveAsatTests } from "../../src/diplomacy/destructive-asat-test.ts";
import { lifetimesByCatalogNumber } from "../../src/environment/catalog-lifetime-map.ts";
import { needsLifetime } from "../../src/environment/compliance-analysis.ts";
import { buildComplianceReport } from "../../src/environment/compliance-report.ts";
import { environmentTrends } from "../../src/environment/environment-trends.ts";
import { loadFragmentationEvents } from "../../src/environment/fragmentation-events.ts";
import { fragmentationDebrisInOrbit, summariseFragmentations } from "../../src/environment/fragmentations.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const files = [
  sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt"),
  sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz"),
  sharedDataFile("space-weather/SW-All.csv"),
  sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv"),
  sharedDataFile("ucs/UCS-Satellite-Database_5-1-2023.tsv"),
];

describe.skipIf(files.some((f) => f === null))("environment analytics on the 2023-10-09 catalog and the 2026-01-20 SATCAT (pure, from files)", () => {
  let inputs: EnvironmentFileInputs;
  beforeAll(async () => {
    inputs = await loadEnvironmentFileInputs();
  }, 60_000);

  it("prints the compliance table (25-year and 5-year rules) and keeps its totals consistent", () => {
    const sets = inputs.objects
      .filter((o) => needsLifetime(o, inputs.orbits.get(o.catalogNumber), inputs.activeSet, inputs.analysisMs))
      .map((o) => inputs.latest.get(o.catalogNumber))
      .filter((s) => s !== undefined);
    const { lifetimes } = lifetimesByCatalogNumber(sets, inputs.validation.spaceWeather, inputs.analysisMs);
    const base = { objects: inputs.objects, orbits: inputs.orbits, operationalOrbits: new Map(), activeSet: inputs.activeSet, analysisMs: inputs.analysisMs };
    for (const rule of ["25y", "5y"] as const) {
      const { report } = buildComplianceReport(base, lifetimes, rule, "state");
      console.log(`\n${report.rule.name}, as of ${new Date(inputs.analysisMs).toISOString()}:\n${complianceRowsTable([report.totals, ...report.rows.slice(0, 10)], "state")}`);
      console.log(`LEO (all; launched in the last ten years):\n${complianceRowsTable([...report.leo.all, ...report.leo.launchedLastDecade], "type")}`);
      const t = report.totals;
      expect(t.assessed).toBe(t.naturallyCompliant + t.compliantAfterManoeuvre + t.notCompliant);
      expect(report.rows.reduce((s, r) => s + r.assessed, 0)).toBe(t.assessed);
      expect(report.endOfMissionBasis["assumed-no-status-no-active-set"]).toBe(0);
      expect(t.assessed).toBeGreaterThan(10_000);
    }
    const y25 = buildComplianceReport(base, lifetimes, "25y", "regime").report;
    const y5 = buildComplianceReport(base, lifetimes, "5y", "regime").report;
    // A stricter rule can only lower the compliant count.
    expect(y5.totals.naturallyCompliant).toBeLessThan(y25.totals.naturallyCompliant);
    console.log(`\nby regime, 25-year rule:\n${complianceRowsTable(y25.rows, "regime")}`);
  }, 120_000);

  it("counts Fengyun-1C's debris near the published 3,532 and Cosmos 1408's near 1,807 (±5 %), with projections", () => {
    const debris = fragmentationDebrisInOrbit(inputs.objects, inputs.analysisMs);
    const sets = debris.map((o) => inputs.latest.get(o.catalogNumber)).filter((s) => s !== undefined);
    const { lifetimes } = lifetimesByCatalogNumber(sets, inputs.validation.spaceWeather, inputs.analysisMs);
    const events = summariseFragmentations(inputs.objects, lifetimes, loadFragmentationEvents(), loadDestructiveAsatTests("2026-11-26"), inputs.analysisMs);
    for (const e of events.slice(0, 20)) {
      console.log(
        `${e.name.padEnd(60)} ${e.date ?? "?"} ${e.responsible.slice(0, 2).join(";").padEnd(8)} catalogued ${e.piecesCatalogued} (published ${e.publishedCatalogued ?? "—"}), in orbit ${e.piecesInOrbit} (${e.piecesWithElements} with sets), +5 y ${e.projectedRemaining.after5Years}, +10 y ${e.projectedRemaining.after10Years}, +25 y ${e.projectedRemaining.after25Years}${e.asatTest ? " ASAT" : ""}`,
      );
    }
    console.log(`debris in orbit ${debris.length}, without an element set ${debris.length - sets.length}`);
    const fy = events.find((e) => e.id === "fengyun-1c")!;
    const cosmos = events.find((e) => e.id === "cosmos-1408")!;
    expect(Math.abs(fy.piecesCatalogued - 3532) / 3532).toBeLessThan(0.05);
    expect(Math.abs(cosmos.piecesCatalogued - 1807) / 1807).toBeLessThan(0.05);
    expect(fy.asatTest).toMatchObject({ state: "CHN" });
    expect(fy.projectedRemaining.after25Years).toBeLessThanOrEqual(fy.projectedRemaining.after10Years);
    expect(fy.projectedRemaining.after10Years).toBeLessThanOrEqual(fy.projectedRemaining.after5Years);
    expect(fy.projectedRemaining.after5Years).toBeLessThanOrEqual(fy.piecesWithElements);
  }, 120_000);

  it("environment trends: the population at the analysis date and the LEO shares add up", () => {
    const trends = environmentTrends(inputs.objects, "type", inputs.analysisMs);
    const last = trends.totals.at(-1)!;
    console.log(`in orbit at ${new Date(inputs.analysisMs).toISOString().slice(0, 10)}: ${last}; LEO ${trends.leoTotal}; top LEO shares ${trends.leoShare.slice(0, 5).map((r) => `${r.key} ${(r.share * 100).toFixed(1)} %`).join(", ")}`);
    expect(trends.series.reduce((s, x) => s + (x.inOrbit.at(-1) ?? 0), 0)).toBe(last);
    expect(trends.leoShare.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
    expect(trends.totals[trends.totals.length - 1]).toBeGreaterThan(trends.totals[trends.totals.length - 11]!);
  }, 60_000);
});
