import type { Act } from "./act.ts";
import type { Forum } from "./forum.ts";
import type { Instrument } from "./instrument.ts";
import type { Organisation } from "./organisation.ts";
import type { CandidateStanding, OutreachCandidate } from "./outreach-score.ts";
import type { OutreachSettings } from "./outreach-weights.ts";
import { participationOf, voteOf } from "./participation.ts";
import { forumMembershipOf } from "./state-standings.ts";
import type { UnState } from "./un-state.ts";

/**
 * The states not yet committed to an instrument, each with the evidence the outreach score weighs: its activity in the
 * catalog, COPUOS membership, its standing under related instruments and its related votes, and how much of its UN
 * regional group is already in. Pure.
 */

/** A state's activity in the catalog (objects attributed to it directly; a predecessor's are not its activity). */
export interface CatalogActivity {
  readonly onOrbitObjects: number;
  readonly activeSatellites: number;
  readonly recentLaunches: number;
}

export interface OutreachCandidatesInput {
  readonly instrument: Instrument;
  readonly states: readonly UnState[];
  readonly instruments: readonly Instrument[];
  readonly fora: readonly Forum[];
  readonly organisations: readonly Organisation[];
  /** The current acts of every party. */
  readonly acts: readonly Act[];
  /** By ISO alpha-3; a state absent here has nothing in the catalog. */
  readonly activity: ReadonlyMap<string, CatalogActivity>;
  /** False where no catalog is stored (activity is then unknown, not zero). */
  readonly catalogKnown: boolean;
  /** False where active satellites cannot be told in the catalog (their count is then unknown). */
  readonly activeKnown: boolean;
  readonly settings: OutreachSettings;
}

export interface OutreachCandidates {
  readonly candidates: readonly OutreachCandidate[];
  /** States already in (participants). */
  readonly committed: readonly string[];
}

export const COPUOS_FORUM = "copuos";

export function outreachCandidates(input: OutreachCandidatesInput): OutreachCandidates {
  const actsByParty = new Map<string, Act[]>();
  for (const act of input.acts) actsByParty.set(act.party, [...(actsByParty.get(act.party) ?? []), act]);
  const under = (iso3: string, target: string) => (actsByParty.get(iso3) ?? []).filter((a) => a.target === target);
  const instrumentById = new Map(input.instruments.map((i) => [i.id, i]));
  const copuos = input.fora.find((f) => f.id === COPUOS_FORUM);

  const standingOf = (iso3: string, instrument: Instrument) => participationOf(instrument, under(iso3, instrument.id));
  const committed = input.states.filter((s) => {
    const k = standingOf(s.iso3, input.instrument);
    return k.status === "known" && k.value.standing === "participant";
  });
  const committedSet = new Set(committed.map((s) => s.iso3));

  const candidates: OutreachCandidate[] = [];
  for (const state of input.states) {
    if (committedSet.has(state.iso3)) continue;
    const knowledge = standingOf(state.iso3, input.instrument);
    if (knowledge.status === "not-applicable") continue;
    const standing: CandidateStanding = knowledge.status === "known" ? (knowledge.value.standing as Exclude<CandidateStanding, "unknown">) : "unknown";
    const agencies = input.organisations.filter((o) => o.stateIso3 === state.iso3);
    const agencyActs = [state.iso3, ...agencies.map((a) => a.code)].flatMap((p) => actsByParty.get(p) ?? []);
    const copuosMembership = copuos === undefined ? null : forumMembershipOf(copuos, state, agencies, agencyActs, input.fora);
    const activity = input.activity.get(state.iso3);
    const peers = state.regionalGroup === "none" ? [] : input.states.filter((s) => s.regionalGroup === state.regionalGroup && s.iso3 !== state.iso3);
    candidates.push({
      iso3: state.iso3,
      name: state.name,
      standing,
      standingSource: knowledge.status === "known" ? knowledge.value.source : null,
      standingAsOf: knowledge.status === "known" ? knowledge.value.asOf : null,
      evidence: {
        onOrbitObjects: input.catalogKnown ? (activity?.onOrbitObjects ?? 0) : null,
        activeSatellites: input.catalogKnown && input.activeKnown ? (activity?.activeSatellites ?? 0) : null,
        recentLaunches: input.catalogKnown ? (activity?.recentLaunches ?? 0) : null,
        copuosMember: copuosMembership?.status === "known" ? copuosMembership.value.member : null,
        relatedCommitments: input.settings.relatedCommitments.map((id) => {
          const related = instrumentById.get(id);
          const k = related === undefined ? null : standingOf(state.iso3, related);
          return { instrumentId: id, participant: k === null || k.status !== "known" ? null : k.value.standing === "participant" };
        }),
        relatedVotes: input.settings.relatedVotes.map((id) => {
          const related = instrumentById.get(id);
          const k = related === undefined ? null : voteOf(related, state, under(state.iso3, id).find((a) => a.kind === "vote"));
          return { instrumentId: id, vote: k?.status === "known" ? k.value.vote : null };
        }),
        regionalPeers: { group: state.regionalGroup, committed: peers.filter((p) => committedSet.has(p.iso3)).length, members: peers.length },
      },
    });
  }
  return { candidates, committed: committed.map((s) => s.iso3) };
}
