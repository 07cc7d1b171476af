import type { Act } from "./act.ts";
import type { Forum } from "./forum.ts";
import { isVotedInstrument } from "./instrument.ts";
import type { Instrument } from "./instrument.ts";
import { known, unknown } from "./knowledge.ts";
import type { Knowledge } from "./knowledge.ts";
import type { Organisation } from "./organisation.ts";
import { participationOf, voteOf } from "./participation.ts";
import type { CastVote, Participation } from "./participation.ts";
import type { UnState } from "./un-state.ts";

/**
 * One state's current acts under every instrument and its membership of every forum, each answer known, unknown or
 * not applicable. Acts of the state's national agencies (NASA in the IADC) count as the state's. Pure.
 */
export interface StateStandings {
  readonly state: UnState;
  /** National agencies that act for the state (IADC members). */
  readonly agencies: readonly Organisation[];
  readonly instruments: readonly InstrumentEntry[];
  readonly fora: readonly ForumEntry[];
}

export interface InstrumentEntry {
  readonly instrument: Instrument;
  /** The state's current acts under the instrument (signature, consent, withdrawal, pledge, vote). */
  readonly acts: readonly Act[];
  /** For treaties, accords, commitments and guidelines. */
  readonly participation: Knowledge<Participation> | null;
  /** For resolutions, drafts and decisions. */
  readonly vote: Knowledge<CastVote> | null;
}

export interface ForumMembership {
  readonly member: boolean;
  /** The membership act (null where UN membership or a complete list decides). */
  readonly act: Act | null;
  /** The agency that holds the membership for the state, if not the state itself. */
  readonly via: string | null;
  readonly asOf: string;
  readonly source: string;
}

export interface ForumEntry {
  readonly forum: Forum;
  readonly membership: Knowledge<ForumMembership>;
}

/** `acts`: the current acts of the state and of its agencies (any target). */
export function stateStandings(
  state: UnState,
  instruments: readonly Instrument[],
  fora: readonly Forum[],
  organisations: readonly Organisation[],
  acts: readonly Act[],
): StateStandings {
  const agencies = organisations.filter((o) => o.stateIso3 === state.iso3);
  const ownActs = acts.filter((a) => a.party === state.iso3);
  return {
    state,
    agencies,
    instruments: instruments.map((instrument) => {
      const under = ownActs.filter((a) => a.target === instrument.id);
      const voted = isVotedInstrument(instrument.kind);
      return {
        instrument,
        acts: under,
        participation: voted ? null : participationOf(instrument, under),
        vote: voted ? voteOf(instrument, state, under.find((a) => a.kind === "vote")) : null,
      };
    }),
    fora: fora.map((forum) => ({ forum, membership: forumMembershipOf(forum, state, agencies, acts, fora) })),
  };
}

/**
 * Membership of a forum. Listed memberships are taken as complete as of the forum's as-of date (no act: not a member);
 * `same-as` borrows another forum's; UNGA committees and open-ended groups follow UN membership.
 */
export function forumMembershipOf(
  forum: Forum,
  state: UnState,
  agencies: readonly Organisation[],
  acts: readonly Act[],
  fora: readonly Forum[],
): Knowledge<ForumMembership> {
  switch (forum.membershipBasis) {
    case "listed": {
      const parties = new Set([state.iso3, ...agencies.map((a) => a.code)]);
      const act = acts.find((a) => a.target === forum.id && parties.has(a.party) && a.kind !== "withdrawal");
      if (act === undefined) return known({ member: false, act: null, via: null, asOf: forum.asOf, source: `complete member list: ${forum.source}` });
      return known({ member: true, act, via: act.party === state.iso3 ? null : act.party, asOf: act.asOf, source: act.source });
    }
    case "same-as": {
      const parent = fora.find((f) => f.id === forum.membershipOf);
      return parent === undefined || parent.membershipBasis === "same-as"
        ? unknown(`membership follows ${forum.membershipOf ?? "another forum"}, which is not recorded`)
        : forumMembershipOf(parent, state, agencies, acts, fora);
    }
    case "un-members":
      return known({
        member: state.unStatus === "member",
        act: null,
        via: null,
        asOf: state.asOf,
        source: `membership follows UN membership (${state.unStatus}); ${state.source}`,
      });
    case "not-recorded":
      return unknown(`the members of ${forum.name} are not recorded${forum.membershipNote === null ? "" : ` (${forum.membershipNote})`}`);
  }
}
