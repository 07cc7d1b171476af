/** BENCHMARKS.md's section for the lifetime (issue 4 validation) and compliance phases. */
import type { ComplianceRow } from "../src/environment/compliance-analysis.ts";
import type { ValidationFigures } from "../src/environment/lifetime-validation.ts";
import type { CompliancePhaseResult } from "./compliance.bench.ts";
import type { LifetimePhaseResult } from "./lifetime.bench.ts";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function figureRow(f: ValidationFigures): string {
  return `| ${f.group} | ${f.decayed} | ${pct(f.medianRelativeError)} | ${pct(f.p90RelativeError)} | ${f.survivors} | ${pct(f.survivorsWronglyReenteredShare)} |`;
}

function complianceRow(r: ComplianceRow): string {
  return `| ${r.key} | ${r.assessed} | ${r.naturallyCompliant} | ${r.compliantAfterManoeuvre} | ${r.notCompliant} | ${pct(r.compliantShare)} | ${r.notAssessable} | ${r.outOfScope} |`;
}

export function renderLifetime(lifetime: { result: LifetimePhaseResult; command: string }, compliance: { result: CompliancePhaseResult; command: string }): string {
  const lines = ["## Orbital lifetime and post-mission-disposal compliance (issue 4)", ""];
  const l = lifetime.result;
  lines.push(`\`${lifetime.command}\`: every object of the 2023-10-09 catalog from ${l.analysisDate}, scored against decays to ${l.truthDate}; read and parse ${(l.readParseMs / 1000).toFixed(1)} s; peak memory ${mb(l.maxRssKb)}.`, "");
  for (const m of l.modes) {
    lines.push(`**${m.mode}** (calibration ${m.calibration}): ${m.objects} lifetimes in ${(m.lifetimeMs / 1000).toFixed(2)} s (${m.objectsPerS.toFixed(0)} objects/s, one core).`, "");
    lines.push(
      `Maintained at the analysis date (no re-entry forecast; their natural decay is stated as "if operations ended now"): ${m.maintainedBasis ?? "none identified"}. ` +
        "The first row is the headline (targets: median at most 20 % in hindcast, survivors wrongly re-entered at most 2 %); types and bands below are of that population.",
      "",
    );
    lines.push("| group | decayed | median \\|err\\| | p90 \\|err\\| | survivors | wrongly re-entered |", "|---|---|---|---|---|---|");
    const context = [m.overall, ...(m.maintained ? [m.maintained] : []), ...(m.laterOutcomes ? [m.laterOutcomes] : [])];
    for (const f of [m.unmaintained, ...context, ...m.byObjectType, ...m.byPerigeeBand]) lines.push(figureRow(f));
    lines.push("");
  }
  const c = compliance.result;
  lines.push(
    `\`${compliance.command}\`: ${c.objects} SATCAT objects as of ${c.analysisDate}: ${c.lifetimes} lifetimes in ${(c.lifetimeMs / 1000).toFixed(2)} s, whole-catalog compliance (lifetimes + both rules) ${(c.totalMs / 1000).toFixed(2)} s (target under 10 s), read and parse ${(c.readParseMs / 1000).toFixed(1)} s, peak memory ${mb(c.maxRssKb)}.`,
    "",
  );
  for (const r of c.rules) {
    lines.push(`**${r.rule} rule**`, "", "| group | assessed | naturally | after manoeuvre | not compliant | compliant | not assessable | out of scope |", "|---|---|---|---|---|---|---|---|");
    lines.push(complianceRow(r.totals), ...r.leo.all.map((x) => complianceRow({ ...x, key: `LEO ${x.key}` })), ...r.leo.launchedLastDecade.map((x) => complianceRow({ ...x, key: `LEO ${x.key}, launched last 10 y` })));
    lines.push(...r.byState.slice(0, 8).map(complianceRow), "");
  }
  return lines.join("\n");
}
