import type { Kysely } from "kysely";
import { NotFoundError } from "../core/concord-error.ts";
import { listCurrentActs } from "../store/diplomacy-act.repository.ts";
import { loadDiplomacyReference } from "../store/diplomacy-reference.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { isVotedInstrument } from "./instrument.ts";
import { instrumentStandings, tallyVotes } from "./instrument-standings.ts";
import type { InstrumentStandings, VoteTally } from "./instrument-standings.ts";
import { stateStandings } from "./state-standings.ts";
import type { StateStandings } from "./state-standings.ts";

/**
 * The registry's questions answered from the store (current beliefs only; history is in the act repository):
 * who stands where under an instrument, where a state stands under every instrument and in every forum, and how a
 * resolution's vote tallies. Thin: loading here, the rules in the pure modules.
 */

/** Everyone's standing under an instrument, with each participant's act kind, date, source and as-of. */
export async function instrumentParticipants(db: Kysely<StoreSchema>, instrumentId: string): Promise<InstrumentStandings> {
  const reference = await loadDiplomacyReference(db);
  const instrument = reference.instruments.find((i) => i.id === instrumentId);
  if (instrument === undefined) throw new NotFoundError("instrument", `no instrument ${JSON.stringify(instrumentId)} (known: ${reference.instruments.map((i) => i.id).join(", ")})`);
  return instrumentStandings(instrument, reference.states, await listCurrentActs(db, { target: instrumentId }));
}

/** A state's current acts per instrument and its forum memberships (its agencies' acts included). */
export async function stateActs(db: Kysely<StoreSchema>, iso3: string): Promise<StateStandings> {
  const reference = await loadDiplomacyReference(db);
  const state = reference.states.find((s) => s.iso3 === iso3);
  if (state === undefined) throw new NotFoundError("state", `no UN member or observer State with ISO alpha-3 code ${JSON.stringify(iso3)}`);
  const agencies = reference.organisations.filter((o) => o.stateIso3 === iso3).map((o) => o.code);
  const acts = await listCurrentActs(db, { parties: [iso3, ...agencies] });
  return stateStandings(state, reference.instruments, reference.fora, reference.organisations, acts);
}

/** A resolution's (or draft's, or decision's) published tally beside the per-state votes stored. */
export async function resolutionTally(db: Kysely<StoreSchema>, instrumentId: string): Promise<VoteTally> {
  const reference = await loadDiplomacyReference(db);
  const instrument = reference.instruments.find((i) => i.id === instrumentId && isVotedInstrument(i.kind));
  if (instrument === undefined) throw new NotFoundError("resolution", `no voted instrument ${JSON.stringify(instrumentId)}`);
  return tallyVotes(instrument, reference.states, await listCurrentActs(db, { target: instrumentId }));
}
