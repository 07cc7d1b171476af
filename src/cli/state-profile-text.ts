import type { AsatConsistency, DebrisMitigationConsistency } from "../diplomacy/consistency-view.ts";
import type { Knowledge } from "../diplomacy/knowledge.ts";
import type { StandingStatement } from "../diplomacy/standing-statement.ts";
import type { ActorConduct } from "../diplomacy/state-conduct.ts";
import type { StateConductProfile, StateProfile } from "../diplomacy/state-profile.ts";
import { formatTable } from "./cli-io.ts";

/** `concord state` in a terminal: the profile as text, every figure with its source and as-of date (whole in --json). */
export function stateProfileText(profile: StateProfile): string {
  const { state } = profile;
  const lines = [
    `${state.name} (${state.iso3}): UN ${state.unStatus === "member" ? "Member" : "non-member observer"} State; ${state.regionalGroupName}` +
      (state.groupStatus === "observer" ? " (observer)" : ""),
    `  source: ${clip(state.source, 110)}, as of ${state.asOf}`,
  ];
  if (profile.agencies.length > 0) lines.push(`  agencies: ${profile.agencies.map((a) => `${a.code} (${a.name})`).join(", ")}`);
  lines.push("", "Commitments (unknown is not no)", statementTable(profile.commitments.map((c) => c.answer)));
  lines.push("", "Fora", statementTable(profile.fora));
  lines.push("", ...conductText(profile.conduct));
  lines.push("", "Consistency: commitments beside conduct");
  for (const item of profile.consistency) lines.push(...(item.topic === "destructive-asat-tests" ? asatText(item) : debrisText(item)));
  return lines.join("\n");
}

function statementTable(statements: readonly StandingStatement[]): string {
  return formatTable(
    ["", "answer", "as of", "source"],
    statements.map((s) => [clip(s.label, 45), clip(s.statement, 70), s.asOf, s.source === null ? null : clip(s.source, 60)]),
  );
}

function conductText(conduct: StateConductProfile): string[] {
  const lines = [`Conduct in orbit`, `  source: ${conduct.catalog.source}`];
  if (!conduct.catalog.ingested) lines.push("  unknown: no catalog is stored (run `concord ingest`)");
  for (const actor of conduct.actors) lines.push("", ...actorText(actor));
  if (conduct.shared.length > 0) {
    lines.push("", "Objects of organisations and companies it belongs to (not counted as its own):");
    lines.push(formatTable(["actor", "name", "members", "on orbit", "decayed"], conduct.shared.map((s) => [s.actorCode, clip(s.actorName, 50), s.memberStates, s.onOrbit, s.decayed])));
  }
  lines.push("", `Conjunctions: ${knowledgeText(conduct.conjunctions, (c) => c.source)}`);
  if (conduct.conjunctions.status === "known") {
    for (const share of conduct.conjunctions.value.shares) {
      lines.push(
        `  ${share.actorCode}: ${share.events} of ${share.runEvents} events involve its objects, ${share.withOtherActors} with other actors' objects ` +
          `(${(share.shareOfRun * 100).toFixed(1)}% of the run); its active satellites: ${share.activeApproaches} approaches, ${share.byOtherActorsDebris} by others' debris; ` +
          `others' active satellites approached by its debris: ${share.othersActiveApproachedByItsDebris}`,
      );
    }
  }
  lines.push(`Post-mission-disposal compliance: ${knowledgeText(conduct.disposalCompliance, (d) => `${(d.compliantShare * 100).toFixed(1)}% of ${d.assessed} (${d.rule}; ${d.source}, as of ${d.asOf})`)}`);
  return lines;
}

function actorText(actor: ActorConduct): string[] {
  const label = actor.relation === "self" ? actor.actorCode : `${actor.actorCode}, predecessor state${actor.validTo === null ? "" : ` until ${actor.validTo}`}: shown apart`;
  const types = ["PAYLOAD", "ROCKET BODY", "DEBRIS", "UNKNOWN"];
  const regimes = actor.byRegime.map((r) => r.orbitRegime);
  const cell = (type: string, regime: string) => {
    const c = actor.byTypeAndRegime.find((x) => x.objectType === type && x.orbitRegime === regime);
    return c === undefined ? "" : `${c.onOrbit} / ${c.decayed}`;
  };
  const lines = [
    `${actor.actorName} (${label}): ${actor.objects.total.toLocaleString("en-US")} objects, ${actor.objects.onOrbit.toLocaleString("en-US")} on orbit, ${actor.objects.decayed.toLocaleString("en-US")} decayed`,
    "  by orbit regime and type (on orbit / decayed):",
    indent(formatTable(["regime", ...types], regimes.map((regime) => [regime, ...types.map((type) => cell(type, regime))]))),
    `  active satellites: ${knowledgeText(actor.activeSatellites, (n) => n.toLocaleString("en-US"))}`,
  ];
  const years = actor.launchesPerYear;
  const allLaunches = years.reduce((s, y) => s + y.launches, 0);
  lines.push(
    `  launches with an object attributed to it: ${allLaunches.toLocaleString("en-US")} in ${years.length} years; last ten: ` +
      (years.slice(-10).map((y) => `${y.year} ${y.launches}`).join(", ") || "none"),
  );
  const { debris } = actor;
  lines.push(`  debris: ${debris.total.toLocaleString("en-US")} pieces, ${debris.onOrbit.toLocaleString("en-US")} on orbit, from ${debris.parentLaunches} launches; most on orbit:`);
  lines.push(
    indent(
      formatTable(
        ["launch", "piece A", "on orbit", "decayed", "destructive ASAT test"],
        debris.byParent.map((p) => [p.launchDesignator, p.principalName, p.onOrbit, p.decayed, p.asatTestDate]),
      ),
    ),
  );
  return lines;
}

function asatText(item: AsatConsistency): string[] {
  return [
    `${item.title}:`,
    indent(statementTable(item.commitments)),
    indent(
      formatTable(
        ["test", "target", "certainty", "debris launches", "catalogued", "on orbit", "published on orbit (as of)", "vs commitment"],
        item.tests.map((t) => [
          t.test.date,
          t.test.targetName,
          t.test.certainty,
          t.test.debrisLaunches.join(" ") || null,
          t.catalogDebris?.total ?? null,
          t.catalogDebris?.onOrbit ?? null,
          t.test.debrisOnOrbit === null ? null : `${t.test.debrisOnOrbit} (${t.test.debrisAsOf ?? "?"})`,
          t.relativeToCommitment,
        ]),
      ),
    ),
    `  catalog counts: ${item.testDebris?.source ?? "unknown (no catalog stored)"}; published counts: data/diplomacy/destructive-asat-tests.csv (${clip(item.tests[0]?.test.source ?? "", 80)})`,
    `  ${item.summary}`,
    "",
  ];
}

function debrisText(item: DebrisMitigationConsistency): string[] {
  return [`${item.title}:`, indent(statementTable(item.commitments)), `  ${item.summary}`];
}

function knowledgeText<T>(knowledge: Knowledge<T>, describe: (value: T) => string): string {
  return knowledge.status === "known" ? describe(knowledge.value) : `${knowledge.status === "unknown" ? "unknown" : "not applicable"} (${knowledge.reason})`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
