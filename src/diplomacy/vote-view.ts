import { VOTES } from "./act.ts";
import type { Act, Vote } from "./act.ts";
import type { VoteTally } from "./instrument-standings.ts";

/**
 * Who voted how on a resolution, draft or decision: the published tally, and per vote the states stored with the date,
 * source and as-of of each vote; the states whose vote is not stored are unknown (never counted as absent). Pure.
 */
export interface VoteView extends Omit<VoteTally, "statesByVote" | "unknownStates"> {
  readonly votes: readonly { readonly vote: Vote; readonly states: readonly CastVoteRow[] }[];
  readonly unknownStates: readonly { readonly iso3: string; readonly name: string }[];
}

export interface CastVoteRow {
  readonly iso3: string;
  readonly name: string;
  readonly date: string | null;
  readonly source: string;
  readonly asOf: string;
}

export function voteView(tally: VoteTally, acts: readonly Act[], names: ReadonlyMap<string, string>): VoteView {
  const byParty = new Map(acts.filter((a) => a.kind === "vote").map((a) => [a.party, a]));
  const { statesByVote, unknownStates, ...rest } = tally;
  return {
    ...rest,
    votes: VOTES.map((vote) => ({
      vote,
      states: statesByVote[vote].map((iso3) => {
        const act = byParty.get(iso3);
        return { iso3, name: names.get(iso3) ?? iso3, date: act?.date ?? null, source: act?.source ?? "", asOf: act?.asOf ?? "" };
      }),
    })),
    unknownStates: unknownStates.map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 })),
  };
}
