import type { StandingRow } from "../diplomacy/instrument-standings.ts";
import type { InstrumentView } from "../diplomacy/instrument-view.ts";
import type { OutreachReport } from "../diplomacy/outreach.service.ts";
import type { VoteView } from "../diplomacy/vote-view.ts";
import { formatTable } from "./cli-io.ts";
import { clip } from "./state-profile-text.ts";

/** `concord instrument`, `concord votes` and `concord outreach` in a terminal (whole in --json). */

export function instrumentViewText(view: InstrumentView): string {
  const { instrument } = view;
  const lines = [
    `${instrument.shortName} (${instrument.id}, ${instrument.kind}): ${instrument.title}`,
    `  adopted ${instrument.adoptedDate ?? "?"}${instrument.inForceDate === null ? "" : `, in force ${instrument.inForceDate}`}; ` +
      `stored acts ${instrument.coverage}${instrument.coverageAsOf === null ? "" : ` as of ${instrument.coverageAsOf}`}`,
    `  source: ${clip(instrument.source, 140)}, as of ${instrument.asOf}`,
  ];
  if (view.votes !== null) return [...lines, "", voteViewText(view.votes)].join("\n");
  lines.push("", `In: ${view.participants.length}`, rowsTable(view.participants));
  if (view.growth.years.length > 0) {
    lines.push("", "Growth (participants at the end of each year):");
    lines.push(formatTable(["year", "joined", "withdrew", "in"], view.growth.years.map((y) => [String(y.year), y.joined, y.withdrawn, y.cumulative])));
  }
  if (view.growth.undated > 0) lines.push(`  and ${view.growth.undated} participant(s) whose date of joining is unknown`);
  if (view.signatories.length > 0) lines.push("", `Signed, not bound: ${view.signatories.length}`, rowsTable(view.signatories));
  if (view.withdrawn.length > 0) lines.push("", `Withdrew: ${view.withdrawn.length}`, rowsTable(view.withdrawn));
  lines.push("", `Known to be out: ${view.knownOut.length}`);
  if (view.knownOut.length > 0) lines.push(wrap(view.knownOut.map((r) => r.party).join(" ")));
  lines.push("", `Unknown (not counted as out): ${view.unknown.length}`);
  if (view.unknown.length > 0) lines.push(wrap(view.unknown.map((u) => u.iso3).join(" ")));
  return lines.join("\n");
}

function rowsTable(rows: readonly StandingRow[]): string {
  return formatTable(
    ["state", "name", "act", "date", "as of", "source"],
    rows.map((r) => [r.party, clip(r.name, 32), r.participation.act?.kind ?? null, r.participation.act?.date ?? null, r.participation.asOf, clip(r.participation.source, 50)]),
  );
}

export function voteViewText(view: VoteView): string {
  const r = view.recorded;
  const lines = [
    `Published tally: ${r?.yes ?? "?"} yes, ${r?.no ?? "?"} no, ${r?.abstain ?? "?"} abstain${r?.nonVoting == null ? "" : `, ${r.nonVoting} not voting`}`,
    `Stored per state: ${view.known.yes} yes, ${view.known.no} no, ${view.known.abstain} abstain, ${view.known.absent + view.known["non-voting"]} absent or not voting; ` +
      `${view.unknownStates.length} unknown; ${view.consistent ? "consistent with the published tally" : "NOT consistent with the published tally"}`,
  ];
  for (const { vote, states } of view.votes) {
    if (states.length === 0) continue;
    lines.push("", `${vote}: ${states.length}`);
    lines.push(formatTable(["state", "name", "date", "as of", "source"], states.map((s) => [s.iso3, clip(s.name, 32), s.date, s.asOf, clip(s.source, 60)])));
  }
  if (view.unknownStates.length > 0) lines.push("", `Vote not stored (unknown, not absent): ${view.unknownStates.length}`, wrap(view.unknownStates.map((s) => s.iso3).join(" ")));
  return lines.join("\n");
}

export function outreachText(report: OutreachReport): string {
  const { instrument } = report;
  const factors = Object.keys(report.settings.weights);
  const lines = [
    `Outreach priorities for ${instrument.shortName} (${instrument.id}): ${report.candidateCount} states not yet committed, ${report.committedCount} in ` +
      `(stored acts ${instrument.coverage}${instrument.coverageAsOf === null ? "" : ` as of ${instrument.coverageAsOf}`})`,
    `  weights (${report.settingsSource}): ${Object.entries(report.settings.weights).map(([f, w]) => `${f} ${w}`).join(", ")}; max score ${report.maxScore}`,
    `  related commitments: ${report.settings.relatedCommitments.join(", ") || "none"}; related votes: ${report.settings.relatedVotes.join(", ") || "none"}; ` +
      `recent launches: ${report.recentYears.from}-${report.recentYears.to}`,
    `  catalog: ${report.catalog.source}`,
    "",
    formatTable(
      ["#", "state", "standing", "score", ...factors],
      report.ranked.map((c) => [
        c.rank,
        `${c.iso3} ${clip(c.name, 24)}`,
        c.standing,
        c.score.toFixed(2),
        ...c.factors.map((f) => `${f.contribution.toFixed(2)}${f.unknown ? "?" : ""}`),
      ]),
    ),
    "",
    "Each factor column is weight x normalised value; ? marks a factor resting on unknown facts. Raw values: --json.",
  ];
  return lines.join("\n");
}

function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(`  ${line}`);
      line = "";
    }
    line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(`  ${line}`);
  return lines.join("\n");
}
