import type { DestructiveAsatTest } from "./destructive-asat-test.ts";
import type { DisposalComplianceSummary } from "./disposal-compliance.ts";
import type { Knowledge } from "./knowledge.ts";
import { earliestDay, latestDay } from "./partial-date.ts";
import { forumStatement, instrumentStatement } from "./standing-statement.ts";
import type { StandingStatement } from "./standing-statement.ts";
import type { CountSplit } from "./state-conduct.ts";
import type { StateStandings } from "./state-standings.ts";

/**
 * Commitments next to conduct: a state's DA-ASAT test commitment (and its vote on the resolution against such tests)
 * beside its destructive ASAT tests and the debris from them still in orbit; the debris mitigation guidelines it
 * stands under beside its post-mission-disposal compliance and its debris on orbit. Every figure with its source and
 * as-of date. Pure: it states the facts side by side and judges nothing.
 */

export interface SourcedCount extends CountSplit {
  readonly source: string;
  readonly asOf: string | null;
}

export interface AsatTestConduct {
  readonly test: DestructiveAsatTest;
  /** The catalog's debris from the test's launches, whoever it is attributed to; null when no launch is named. */
  readonly catalogDebris: SourcedCount | null;
  /** Whether the test lies before or after the state's commitment; null when it made none (or its date is unknown). */
  readonly relativeToCommitment: "before" | "after" | "undetermined" | null;
}

export interface AsatConsistency {
  readonly topic: "destructive-asat-tests";
  readonly title: string;
  readonly commitments: readonly StandingStatement[];
  readonly tests: readonly AsatTestConduct[];
  /** The catalog's debris from all its tests, on orbit and decayed; null when no catalog is stored (unknown). */
  readonly testDebris: SourcedCount | null;
  readonly summary: string;
}

export interface DebrisMitigationConsistency {
  readonly topic: "debris-mitigation";
  readonly title: string;
  readonly commitments: readonly StandingStatement[];
  readonly disposalCompliance: Knowledge<DisposalComplianceSummary>;
  /** Debris attributed to the state (its predecessor's apart); null when no catalog is stored (unknown). */
  readonly debris: SourcedCount | null;
  readonly predecessorDebris: readonly (SourcedCount & { readonly actorCode: string })[];
  readonly summary: string;
}

export type ConsistencyItem = AsatConsistency | DebrisMitigationConsistency;

export const DA_ASAT_COMMITMENT = "da-asat-test-commitment";
export const DA_ASAT_RESOLUTION = "unga-res-77-41";
const DEBRIS_GUIDELINES = ["un-sdm-guidelines", "iadc-sdm-guidelines", "lts-guidelines"];

export interface ConsistencyInput {
  readonly standings: StateStandings;
  /** The curated destructive ASAT tests the state answers for. */
  readonly asatTests: readonly DestructiveAsatTest[];
  /** Catalog debris per launch designator (any attribution). */
  readonly debrisByLaunch: ReadonlyMap<string, CountSplit>;
  readonly ownDebris: CountSplit;
  readonly predecessorDebris: readonly (CountSplit & { readonly actorCode: string })[];
  readonly disposalCompliance: Knowledge<DisposalComplianceSummary>;
  /** False when no catalog is stored: the catalog's counts are then unknown, not zero. */
  readonly catalogIngested: boolean;
  /** The catalog the counts come from, in words, and its as-of date. */
  readonly catalogSource: string;
  readonly catalogAsOf: string | null;
}

export function consistencyView(input: ConsistencyInput): ConsistencyItem[] {
  return [asatConsistency(input), debrisMitigationConsistency(input)];
}

function asatConsistency(input: ConsistencyInput): AsatConsistency {
  const statements = new Map(input.standings.instruments.map((e) => [e.instrument.id, instrumentStatement(e)]));
  const commitments = [statements.get(DA_ASAT_COMMITMENT), statements.get(DA_ASAT_RESOLUTION)].filter((s) => s !== undefined);
  const commitment = statements.get(DA_ASAT_COMMITMENT);
  const committedOn = commitment?.value === "participant" ? commitment.date : null;
  const sourced = (c: CountSplit): SourcedCount => ({ ...c, source: input.catalogSource, asOf: input.catalogAsOf });
  const tests = [...input.asatTests]
    .sort((a, b) => earliestDay(a.date).localeCompare(earliestDay(b.date)))
    .map((test): AsatTestConduct => {
      const counts = test.debrisLaunches.map((l) => input.debrisByLaunch.get(l) ?? { total: 0, onOrbit: 0, decayed: 0 });
      return {
        test,
        catalogDebris: test.debrisLaunches.length === 0 || !input.catalogIngested ? null : sourced(sum(counts)),
        relativeToCommitment: committedOn === null ? null : relativeTo(test.date, committedOn),
      };
    });
  const testDebris = input.catalogIngested ? sourced(sum(tests.flatMap((t) => (t.catalogDebris === null ? [] : [t.catalogDebris])))) : null;
  const committed = commitment?.statement ?? "unknown";
  const onRecord = tests.length === 0 ? "no destructive ASAT test on record" : `${tests.length} destructive ASAT test(s) on record (${tests.map((t) => t.test.date).join(", ")})`;
  const after = tests.filter((t) => t.relativeToCommitment === "after").length;
  return {
    topic: "destructive-asat-tests",
    title: "DA-ASAT test commitment beside destructive ASAT tests",
    commitments,
    tests,
    testDebris,
    summary:
      `Commitment: ${committed}. ${onRecord}` +
      (tests.length === 0
        ? "."
        : `${committedOn === null ? "" : `, ${after} after the commitment`}; ` +
          (testDebris === null
            ? "their debris in orbit is unknown (no catalog stored)."
            : `${testDebris.onOrbit.toLocaleString("en-US")} of the ${testDebris.total.toLocaleString("en-US")} catalogued debris pieces from them on orbit (catalog as of ${input.catalogAsOf ?? "?"}).`)),
  };
}

function debrisMitigationConsistency(input: ConsistencyInput): DebrisMitigationConsistency {
  const guidelines = input.standings.instruments.filter((e) => DEBRIS_GUIDELINES.includes(e.instrument.id)).map(instrumentStatement);
  const iadc = input.standings.fora.filter((f) => f.forum.id === "iadc").map(forumStatement);
  const compliance = input.disposalCompliance;
  const complianceText =
    compliance.status === "known"
      ? `${(compliance.value.compliantShare * 100).toFixed(1)}% of ${compliance.value.assessed} assessed objects comply (${compliance.value.rule})`
      : "Post-mission-disposal compliance not yet analysed";
  const iadcText = iadc[0] === undefined ? "" : ` IADC: ${iadc[0].statement}.`;
  return {
    topic: "debris-mitigation",
    title: "Debris mitigation guidelines beside post-mission disposal and debris on orbit",
    commitments: [...guidelines, ...iadc],
    disposalCompliance: compliance,
    debris: input.catalogIngested ? { ...input.ownDebris, source: input.catalogSource, asOf: input.catalogAsOf } : null,
    predecessorDebris: input.catalogIngested ? input.predecessorDebris.map((d) => ({ ...d, source: input.catalogSource, asOf: input.catalogAsOf })) : [],
    summary:
      `The UN and IADC debris mitigation guidelines are adopted by consensus (no state acts).${iadcText} ${complianceText}; ` +
      (input.catalogIngested
        ? `${input.ownDebris.onOrbit.toLocaleString("en-US")} debris piece(s) attributed to it on orbit (catalog as of ${input.catalogAsOf ?? "?"}).`
        : "its debris on orbit is unknown (no catalog stored)."),
  };
}

function relativeTo(testDate: string, commitmentDate: string): "before" | "after" | "undetermined" {
  if (latestDay(testDate) < earliestDay(commitmentDate)) return "before";
  if (earliestDay(testDate) > latestDay(commitmentDate)) return "after";
  return "undetermined";
}

function sum(counts: readonly CountSplit[]): CountSplit {
  return {
    total: counts.reduce((s, c) => s + c.total, 0),
    onOrbit: counts.reduce((s, c) => s + c.onOrbit, 0),
    decayed: counts.reduce((s, c) => s + c.decayed, 0),
  };
}
