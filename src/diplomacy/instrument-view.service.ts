import type { Kysely } from "kysely";
import { listCurrentActs } from "../store/diplomacy-act.repository.ts";
import { loadDiplomacyReference } from "../store/diplomacy-reference.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { isVotedInstrument } from "./instrument.ts";
import { instrumentStandings, tallyVotes } from "./instrument-standings.ts";
import { instrumentView } from "./instrument-view.ts";
import type { InstrumentView } from "./instrument-view.ts";
import { resolveInstrument } from "./resolve-reference.ts";
import { voteView } from "./vote-view.ts";
import type { VoteView } from "./vote-view.ts";

/**
 * An instrument's view from the store's current beliefs. `instrumentText`: the id or short name. The growth runs to
 * the year of the instrument's coverage date, or of `referenceDay` (`YYYY-MM-DD`) where it has none.
 */
export async function loadInstrumentView(db: Kysely<StoreSchema>, instrumentText: string, referenceDay: string): Promise<InstrumentView> {
  const reference = await loadDiplomacyReference(db);
  const instrument = resolveInstrument(reference.instruments, instrumentText);
  const acts = await listCurrentActs(db, { target: instrument.id });
  const standings = instrumentStandings(instrument, reference.states, acts);
  const names = new Map(reference.states.map((s) => [s.iso3, s.name]));
  const votes = isVotedInstrument(instrument.kind) ? voteView(tallyVotes(instrument, reference.states, acts), acts, names) : null;
  return instrumentView(standings, acts, names, votes, Number((instrument.coverageAsOf ?? referenceDay).slice(0, 4)));
}

/** Who voted how on a resolution, draft or decision, beside its published tally. */
export async function loadVoteView(db: Kysely<StoreSchema>, instrumentText: string): Promise<VoteView> {
  const reference = await loadDiplomacyReference(db);
  const instrument = resolveInstrument(reference.instruments, instrumentText, { accepts: (i) => isVotedInstrument(i.kind), kindLabel: "recorded vote" });
  const acts = await listCurrentActs(db, { target: instrument.id });
  return voteView(tallyVotes(instrument, reference.states, acts), acts, new Map(reference.states.map((s) => [s.iso3, s.name])));
}
