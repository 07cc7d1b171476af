import { CONSENT_KINDS } from "./act.ts";
import type { Act, Vote } from "./act.ts";
import { isVotedInstrument } from "./instrument.ts";
import type { Instrument } from "./instrument.ts";
import { known, notApplicable, unknown } from "./knowledge.ts";
import type { Knowledge } from "./knowledge.ts";
import type { UnState } from "./un-state.ts";

/**
 * Where a state stands under an instrument, from its current acts there. Pure.
 * `participant`: bound by the treaty (ratification, accession, succession), signatory of the Accords, or pledged;
 * `signatory`: signed a treaty but is not bound; `not-participant`: known not to be in (a `not-party` act, or the
 * instrument's stored acts are complete); `withdrawn`: was in and withdrew.
 */
export type Standing = "participant" | "signatory" | "not-participant" | "withdrawn";

export interface Participation {
  readonly standing: Standing;
  /** The act the standing rests on; null when it rests on the instrument's complete coverage. */
  readonly act: Act | null;
  /** The as-of date of that act, or the coverage's as-of date. */
  readonly asOf: string;
  readonly source: string;
}

/** `acts`: the party's current acts under this instrument (any slot). */
export function participationOf(instrument: Instrument, acts: readonly Act[]): Knowledge<Participation> {
  if (instrument.scope === "no-state-acts") {
    return notApplicable(`no state acts apply to ${instrument.shortName}: ${instrument.note ?? "adopted by consensus"}`);
  }
  if (isVotedInstrument(instrument.kind)) return notApplicable(`${instrument.shortName} is voted on: see the state's vote`);
  const from = (standing: Standing, act: Act): Knowledge<Participation> => known({ standing, act, asOf: act.asOf, source: act.source });
  const withdrawal = acts.find((a) => a.kind === "withdrawal");
  if (withdrawal !== undefined) return from("withdrawn", withdrawal);
  const joined = acts.find((a) => (instrument.kind === "treaty" ? CONSENT_KINDS.includes(a.kind) : a.kind === (instrument.kind === "commitment" ? "pledge" : "signature")));
  if (joined !== undefined) return from("participant", joined);
  const signature = acts.find((a) => a.kind === "signature");
  if (signature !== undefined) return from("signatory", signature);
  const notParty = acts.find((a) => a.kind === "not-party");
  if (notParty !== undefined) return from("not-participant", notParty);
  if (instrument.coverage === "complete" && instrument.coverageAsOf !== null) {
    return known({ standing: "not-participant", act: null, asOf: instrument.coverageAsOf, source: `complete list: ${instrument.source}` });
  }
  return unknown(`no act stored, and the stored acts under ${instrument.shortName} are not complete`);
}

export interface CastVote {
  readonly vote: Vote;
  readonly act: Act;
}

/** How a state voted on a resolution, draft or decision. `act`: its current vote act there, if any. */
export function voteOf(instrument: Instrument, state: Pick<UnState, "iso3" | "unStatus">, act: Act | undefined): Knowledge<CastVote> {
  if (!isVotedInstrument(instrument.kind)) return notApplicable(`${instrument.shortName} is not voted on`);
  if (act?.vote != null) return known({ vote: act.vote, act });
  if (instrument.scope === "un-members" && state.unStatus !== "member") return notApplicable(`${state.iso3} is not a UN Member State and has no vote`);
  if (instrument.scope === "listed-voters") return notApplicable(`${state.iso3} is not among the voters of ${instrument.shortName}`);
  if (instrument.coverage === "complete") return notApplicable(`${state.iso3} is not in the complete roll call of ${instrument.shortName}`);
  return unknown(`the stored roll call of ${instrument.shortName} is partial and does not list ${state.iso3}`);
}
