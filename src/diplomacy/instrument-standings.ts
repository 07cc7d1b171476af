import { VOTES } from "./act.ts";
import type { Act, Vote } from "./act.ts";
import type { Instrument, RecordedTally } from "./instrument.ts";
import { participationOf, voteOf } from "./participation.ts";
import type { Participation, Standing } from "./participation.ts";
import { comparePartialDates } from "./partial-date.ts";
import type { UnState } from "./un-state.ts";

/**
 * Everyone's standing under one instrument: who is in (with the act, its date and as-of), who signed only, who is
 * known to be out, who withdrew, and for whom it is unknown or not applicable. Pure.
 */
export interface InstrumentStandings {
  readonly instrument: Instrument;
  /** By standing, in date order (unknown dates last). */
  readonly byStanding: Readonly<Record<Standing, readonly StandingRow[]>>;
  /** States with no known standing. */
  readonly unknown: readonly string[];
  /** States for which the question does not arise (all of them for consensus guidelines). */
  readonly notApplicable: readonly string[];
}

export interface StandingRow {
  readonly party: string;
  readonly name: string;
  readonly participation: Participation;
}

/** `acts`: the current acts under the instrument (any party). */
export function instrumentStandings(instrument: Instrument, states: readonly UnState[], acts: readonly Act[]): InstrumentStandings {
  const byParty = groupByParty(acts);
  const byStanding: Record<Standing, StandingRow[]> = { participant: [], signatory: [], "not-participant": [], withdrawn: [] };
  const unknown: string[] = [];
  const notApplicable: string[] = [];
  for (const state of states) {
    const knowledge = participationOf(instrument, byParty.get(state.iso3) ?? []);
    if (knowledge.status === "known") byStanding[knowledge.value.standing].push({ party: state.iso3, name: state.name, participation: knowledge.value });
    else (knowledge.status === "unknown" ? unknown : notApplicable).push(state.iso3);
  }
  for (const rows of Object.values(byStanding)) {
    rows.sort((a, b) => comparePartialDates(a.participation.act?.date ?? null, b.participation.act?.date ?? null) || a.party.localeCompare(b.party));
  }
  return { instrument, byStanding, unknown, notApplicable };
}

/** A recorded vote: the published totals beside the per-state votes stored, and what is not known per state. */
export interface VoteTally {
  readonly instrument: Instrument;
  readonly recorded: RecordedTally | null;
  /** Per-state votes stored, by vote. */
  readonly known: Readonly<Record<Vote, number>>;
  readonly statesByVote: Readonly<Record<Vote, readonly string[]>>;
  /** Eligible states whose vote is not stored (unknown, not no). */
  readonly unknownStates: readonly string[];
  /** True when no stored count exceeds its published total and, for a complete roll call, they match. */
  readonly consistent: boolean;
}

export function tallyVotes(instrument: Instrument, states: readonly UnState[], acts: readonly Act[]): VoteTally {
  const byParty = new Map(acts.filter((a) => a.kind === "vote").map((a) => [a.party, a]));
  const statesByVote: Record<Vote, string[]> = { yes: [], no: [], abstain: [], absent: [], "non-voting": [] };
  const unknownStates: string[] = [];
  for (const state of states) {
    const knowledge = voteOf(instrument, state, byParty.get(state.iso3));
    if (knowledge.status === "known") statesByVote[knowledge.value.vote].push(state.iso3);
    else if (knowledge.status === "unknown") unknownStates.push(state.iso3);
  }
  const known = Object.fromEntries(VOTES.map((vote) => [vote, statesByVote[vote].length])) as Record<Vote, number>;
  const recorded = instrument.recordedTally;
  const pairs: [number, number | null][] = [
    [known.yes, recorded?.yes ?? null],
    [known.no, recorded?.no ?? null],
    [known.abstain, recorded?.abstain ?? null],
    [known.absent + known["non-voting"], recorded?.nonVoting ?? null],
  ];
  const complete = instrument.coverage === "complete";
  const consistent = pairs.every(([stored, published]) => published === null || (complete ? stored === published : stored <= published));
  return { instrument, recorded, known, statesByVote, unknownStates, consistent };
}

function groupByParty(acts: readonly Act[]): Map<string, Act[]> {
  const byParty = new Map<string, Act[]>();
  for (const act of acts) {
    const list = byParty.get(act.party);
    if (list === undefined) byParty.set(act.party, [act]);
    else list.push(act);
  }
  return byParty;
}
