import type { Vote } from "./act.ts";
import type { OutreachFactor, OutreachSettings } from "./outreach-weights.ts";
import type { RegionalGroup } from "./un-state.ts";

/**
 * Outreach priorities: the states not yet committed to an instrument, ranked by a transparent score. Each factor has a
 * raw value, a value normalised to 0–1, a weight, and a contribution (weight × normalised); the score is the sum of
 * the contributions. Counts (objects on orbit, active satellites, recent launches) are log-scaled against the largest
 * among the candidates, log(1 + x) / log(1 + max), so a few large actors do not flatten everyone else. Unknown facts
 * add nothing and are marked unknown. Pure: no I/O, no clock.
 */

/** Where a candidate stands under the instrument: not in, by a known no, a signature only, a withdrawal, or unknown. */
export type CandidateStanding = "not-participant" | "signatory" | "withdrawn" | "unknown";

export interface OutreachEvidence {
  /** Null where no catalog is stored. */
  readonly onOrbitObjects: number | null;
  /** Null where the catalog cannot tell active satellites (no active set, no operational status). */
  readonly activeSatellites: number | null;
  readonly recentLaunches: number | null;
  /** Null where unknown. */
  readonly copuosMember: boolean | null;
  readonly relatedCommitments: readonly { readonly instrumentId: string; readonly participant: boolean | null }[];
  readonly relatedVotes: readonly { readonly instrumentId: string; readonly vote: Vote | null }[];
  /** The other states of its UN regional group, and how many of them are committed. */
  readonly regionalPeers: { readonly group: RegionalGroup; readonly committed: number; readonly members: number };
}

export interface OutreachCandidate {
  readonly iso3: string;
  readonly name: string;
  readonly standing: CandidateStanding;
  /** What the standing rests on (null for unknown). */
  readonly standingSource: string | null;
  readonly standingAsOf: string | null;
  readonly evidence: OutreachEvidence;
}

export interface FactorScore {
  readonly factor: OutreachFactor;
  /** The raw value (a count, 0/1, a share); null where unknown. */
  readonly raw: number | null;
  /** The raw value in words, with what it counts. */
  readonly rawText: string;
  readonly normalised: number;
  readonly weight: number;
  readonly contribution: number;
  /** True where (part of) the fact is unknown and counted as nothing (or as the configured unknown vote value). */
  readonly unknown: boolean;
}

export interface RankedCandidate extends OutreachCandidate {
  readonly rank: number;
  readonly score: number;
  readonly factors: readonly FactorScore[];
}

export interface OutreachRanking {
  /** The sum of the weights: the score of a state at the top of every factor. */
  readonly maxScore: number;
  /** The largest counts among the candidates, against which counts are normalised. */
  readonly maxima: { readonly onOrbitObjects: number; readonly activeSatellites: number; readonly recentLaunches: number };
  readonly ranked: readonly RankedCandidate[];
}

export function scoreOutreach(candidates: readonly OutreachCandidate[], settings: OutreachSettings): OutreachRanking {
  const maxima = {
    onOrbitObjects: Math.max(0, ...candidates.map((c) => c.evidence.onOrbitObjects ?? 0)),
    activeSatellites: Math.max(0, ...candidates.map((c) => c.evidence.activeSatellites ?? 0)),
    recentLaunches: Math.max(0, ...candidates.map((c) => c.evidence.recentLaunches ?? 0)),
  };
  const scored = candidates.map((candidate) => {
    const factors = factorScores(candidate.evidence, settings, maxima);
    return { ...candidate, factors, score: round(factors.reduce((s, f) => s + f.contribution, 0)) };
  });
  scored.sort((a, b) => b.score - a.score || a.iso3.localeCompare(b.iso3));
  return {
    maxScore: round(Object.values(settings.weights).reduce((s, w) => s + w, 0)),
    maxima,
    ranked: scored.map((c, i) => ({ ...c, rank: i + 1 })),
  };
}

/** log(1 + x) / log(1 + max), 0 when max is 0. */
export function logScaled(value: number, max: number): number {
  return max <= 0 ? 0 : Math.log1p(value) / Math.log1p(max);
}

function factorScores(evidence: OutreachEvidence, settings: OutreachSettings, maxima: OutreachRanking["maxima"]): FactorScore[] {
  const factor = (id: OutreachFactor, raw: number | null, rawText: string, normalised: number, unknown = false): FactorScore => ({
    factor: id,
    raw: raw === null ? null : round(raw),
    rawText,
    normalised: round(normalised),
    weight: settings.weights[id],
    contribution: round(settings.weights[id] * normalised),
    unknown,
  });
  const commitments = evidence.relatedCommitments;
  const committed = commitments.filter((c) => c.participant === true);
  const unknownCommitments = commitments.filter((c) => c.participant === null);
  const votes = evidence.relatedVotes;
  const voteValue = votes.length === 0 ? 0 : votes.reduce((s, v) => s + settings.voteValues[v.vote ?? "unknown"], 0) / votes.length;
  const peers = evidence.regionalPeers;
  const peerShare = peers.members === 0 ? 0 : peers.committed / peers.members;
  const count = (id: OutreachFactor, value: number | null, max: number, what: string, unknownWhy: string): FactorScore =>
    value === null ? factor(id, null, `${what} unknown (${unknownWhy})`, 0, true) : factor(id, value, `${value} ${what}`, logScaled(value, max));
  return [
    count("space-objects", evidence.onOrbitObjects, maxima.onOrbitObjects, "objects on orbit", "no catalog in the store"),
    count("active-satellites", evidence.activeSatellites, maxima.activeSatellites, "active satellites", "no active set or operational status in the store"),
    count("recent-launches", evidence.recentLaunches, maxima.recentLaunches, `launches in the last ${settings.recentLaunchYears} years`, "no catalog in the store"),
    evidence.copuosMember === null
      ? factor("copuos-member", null, "COPUOS membership unknown", 0, true)
      : factor("copuos-member", evidence.copuosMember ? 1 : 0, evidence.copuosMember ? "COPUOS member" : "not a COPUOS member", evidence.copuosMember ? 1 : 0),
    factor(
      "related-commitments",
      commitments.length === 0 ? null : committed.length / commitments.length,
      commitments.length === 0
        ? "no related commitments configured"
        : `in ${committed.length} of ${commitments.length} (${committed.map((c) => c.instrumentId).join(", ") || "none"})` +
            (unknownCommitments.length === 0 ? "" : `; unknown: ${unknownCommitments.map((c) => c.instrumentId).join(", ")}`),
      commitments.length === 0 ? 0 : committed.length / commitments.length,
      unknownCommitments.length > 0,
    ),
    factor(
      "related-votes",
      votes.length === 0 ? null : voteValue,
      votes.length === 0 ? "no related votes configured" : votes.map((v) => `${v.instrumentId}: ${v.vote ?? "unknown"}`).join("; "),
      voteValue,
      votes.some((v) => v.vote === null),
    ),
    factor(
      "regional-peers",
      peerShare,
      peers.group === "none" ? "in no UN regional group" : `${peers.committed} of ${peers.members} other ${peers.group} states committed`,
      peerShare,
    ),
  ];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
