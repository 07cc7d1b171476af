/**
 * Compliance benchmark phase (issue 4): post-mission-disposal compliance of the whole catalog (2023-10-09 elements,
 * 2026-01-20 SATCAT, as of the day after the catalog's median epoch), 25-year and 5-year rules: the lifetimes it needs
 * and the classification, timed on one core, with peak memory, plus the LEO figures set beside ESA's.
 *   npx tsx bench/compliance.bench.ts
 * Prints one JSON line (CompliancePhaseResult); progress on stderr.
 */
import { lifetimesByCatalogNumber } from "../src/environment/catalog-lifetime-map.ts";
import { needsLifetime } from "../src/environment/compliance-analysis.ts";
import type { ComplianceRow } from "../src/environment/compliance-analysis.ts";
import { buildComplianceReport } from "../src/environment/compliance-report.ts";
import type { DisposalRuleCode } from "../src/environment/disposal-rules.ts";
import { loadEnvironmentFileInputs } from "./environment-file-inputs.ts";

export interface ComplianceRuleFigures {
  readonly rule: DisposalRuleCode;
  readonly classifyMs: number;
  readonly totals: ComplianceRow;
  readonly leo: { readonly all: readonly ComplianceRow[]; readonly launchedLastDecade: readonly ComplianceRow[] };
  readonly byState: readonly ComplianceRow[];
  readonly byRegime: readonly ComplianceRow[];
  readonly endOfMissionBasis: Record<string, number>;
}

export interface CompliancePhaseResult {
  readonly phase: "compliance";
  readonly analysisDate: string;
  readonly readParseMs: number;
  readonly objects: number;
  readonly lifetimes: number;
  readonly lifetimeMs: number;
  /** Lifetimes + both rules' classification: the "whole catalog" figure (target under 10 s). */
  readonly totalMs: number;
  readonly rules: readonly ComplianceRuleFigures[];
  readonly maxRssKb: number;
}

const readStart = performance.now();
const inputs = await loadEnvironmentFileInputs();
const readParseMs = performance.now() - readStart;
const analysisMs = inputs.analysisMs;
const lifetimeStart = performance.now();
const sets = inputs.objects
  .filter((o) => needsLifetime(o, inputs.orbits.get(o.catalogNumber), inputs.activeSet, analysisMs))
  .map((o) => inputs.latest.get(o.catalogNumber))
  .filter((s) => s !== undefined);
const { lifetimes } = lifetimesByCatalogNumber(sets, inputs.validation.spaceWeather, analysisMs);
const lifetimeMs = performance.now() - lifetimeStart;
process.stderr.write(`  ${lifetimes.size} lifetimes in ${(lifetimeMs / 1000).toFixed(2)} s\n`);
const base = { objects: inputs.objects, orbits: inputs.orbits, operationalOrbits: new Map(), activeSet: inputs.activeSet, analysisMs };
const rules = (["25y", "5y"] as const).map((rule): ComplianceRuleFigures => {
  const start = performance.now();
  const { report, items } = buildComplianceReport(base, lifetimes, rule, "state");
  const classifyMs = performance.now() - start;
  const regime = buildComplianceReport(base, lifetimes, rule, "regime").report.rows;
  process.stderr.write(`  ${rule}: ${items.length} ended objects, ${report.totals.assessed} assessed, compliant ${((report.totals.compliantShare ?? 0) * 100).toFixed(1)} %\n`);
  return { rule, classifyMs, totals: report.totals, leo: report.leo, byState: report.rows.slice(0, 12), byRegime: regime, endOfMissionBasis: report.endOfMissionBasis };
});
const result: CompliancePhaseResult = {
  phase: "compliance",
  analysisDate: new Date(analysisMs).toISOString(),
  readParseMs,
  objects: inputs.objects.length,
  lifetimes: lifetimes.size,
  lifetimeMs,
  totalMs: lifetimeMs + rules.reduce((sum, r) => sum + r.classifyMs, 0),
  rules,
  maxRssKb: process.resourceUsage().maxRSS,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
