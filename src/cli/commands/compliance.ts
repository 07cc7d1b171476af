import { openConcordContext } from "../../app/concord-context.ts";
import { COMPLIANCE_GROUPINGS } from "../../environment/compliance-analysis.ts";
import type { ComplianceRow } from "../../environment/compliance-analysis.ts";
import { describeMassCoverage } from "../../environment/compliance-mass.ts";
import { loadComplianceReport } from "../../environment/compliance.service.ts";
import { DISPOSAL_RULE_CODES } from "../../environment/disposal-rules.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs, parseInstantFlag } from "../global-flags.ts";

/**
 * `concord compliance [--rule 25y|5y] [--by state|owner|regime|year|type] [--at ISO] [--json]`: post-mission-disposal
 * compliance of ended payloads and rocket bodies from the store, classed like ESA's Annual Space Environment Report,
 * with the analysis date and the SATCAT, element-set, active-set and space-weather sources used.
 */
export async function runCompliance(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("compliance", args, { rule: { type: "string" }, by: { type: "string" }, at: { type: "string" }, json: { type: "boolean" } }, false);
  const rule = parseChoiceFlag("rule", values.rule, DISPOSAL_RULE_CODES) ?? "25y";
  const by = parseChoiceFlag("by", values.by, COMPLIANCE_GROUPINGS) ?? "state";
  const analysisMs = values.at === undefined ? Date.now() : parseInstantFlag("at", values.at);
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const result = await loadComplianceReport(context.database.db, { analysisMs, rule, by });
    if (values.json) {
      writeJson(io, result);
      return EXIT.ok;
    }
    writeLine(io, `Post-mission-disposal compliance, ${result.rule.name}, as of ${result.analysisDate}.`);
    writeLine(io, `End of mission: ${result.sources.endOfMission}.`);
    writeLine(io, complianceRowsTable([result.totals, ...result.rows], by));
    writeLine(io);
    writeLine(io, "LEO (payloads and rocket bodies; all, then launched in the last ten years):");
    writeLine(io, complianceRowsTable([...result.leo.all, ...result.leo.launchedLastDecade], "type"));
    writeLine(io);
    if (result.massSource === null) {
      writeLine(io, "By mass: no mass source in the store (ingest NASA CARA's HBR_Mass_Estimates_<yyyymmdd>_ForDistribution.csv to add one).");
    } else {
      const m = result.massSource;
      writeLine(io, `By mass (tonnes; known-mass objects only, shares over them), from CARA estimates as of ${m.dataAsOf ?? "?"} (ingest #${m.ingestId}, ${m.source}):`);
      writeLine(io, complianceMassTable([result.totals, ...result.rows], by));
      writeLine(io);
      writeLine(io, "LEO by mass (all, then launched in the last ten years):");
      writeLine(io, complianceMassTable([...result.leo.all, ...result.leo.launchedLastDecade], "type"));
      writeLine(io);
      writeLine(io, `Coverage: ${describeMassCoverage(result.totals.mass, "assessed ended objects")}.`);
      for (const r of result.leo.all) writeLine(io, `  LEO ${r.key.toLowerCase()}: ${describeMassCoverage(r.mass)}.`);
      writeLine(io, `"Default" masses are CARA's class-level defaults, not estimates of the object: included above, counted in "default", and left out in "w/o defaults".`);
    }
    writeLine(io);
    writeLine(io, "Published adherence, for comparison (objects reaching end of life each year, not every ended object in orbit; see the README):");
    for (const r of result.publishedReferences) {
      writeLine(io, `  ${r.publisher}, ${r.population}, ${r.measure} (by ${r.basis}, ${r.period}): ${Math.round(r.low * 100)}–${Math.round(r.high * 100)} % [as of ${r.asOf}]`);
    }
    writeLine(io);
    const sw = result.sources.spaceWeather;
    writeLine(
      io,
      `Sources: SATCAT ${result.sources.satcat ? `ingest #${result.sources.satcat.ingestId} (${result.sources.satcat.source}, as of ${result.sources.satcat.dataAsOf ?? "?"})` : "none"}; ` +
        `element sets of ${result.sources.elementSets.objectsWithSets} objects (${result.sources.elementSets.ingests.map((i) => `#${i.ingestId} ${i.source}`).join(", ")}; ${result.sources.elementSets.staleSets} older than 30 days); ` +
        `space weather ${sw ? `ingest #${sw.ingestId} (${sw.source}, observed to ${sw.observedTo ?? "?"})` : "none"}; lifetime model forecast mode, calibration ${result.lifetimeModel.calibration}.`,
    );
    for (const note of result.notes) writeLine(io, `- ${note}`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

function share(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)} %`;
}

export function complianceRowsTable(rows: readonly ComplianceRow[], by: string): string {
  return formatTable(
    [by, "assessed", "naturally", "after manoeuvre", "not compliant", "compliant", "not assessable", "out of scope"],
    rows.map((r) => [r.key, r.assessed, r.naturallyCompliant, r.compliantAfterManoeuvre, r.notCompliant, share(r.compliantShare), r.notAssessable, r.outOfScope]),
  );
}

const tonnes = (kg: number) => Math.round(kg / 100) / 10;

/** The mass columns: coverage, mass by class (t), the shares by mass with and without CARA's class defaults. */
export function complianceMassTable(rows: readonly ComplianceRow[], by: string): string {
  return formatTable(
    [by, "assessed", "mass known", "default", "naturally t", "after manoeuvre t", "not compliant t", "compliant by mass", "w/o defaults", "by count"],
    rows.map((r) => [
      r.key,
      r.assessed,
      r.mass.massKnownObjects,
      r.mass.defaultMassObjects,
      tonnes(r.mass.naturallyCompliant.massKg),
      tonnes(r.mass.compliantAfterManoeuvre.massKg),
      tonnes(r.mass.notCompliant.massKg),
      share(r.mass.compliantShareByMass),
      share(r.mass.compliantShareByMassWithoutDefaults),
      share(r.compliantShare),
    ]),
  );
}
