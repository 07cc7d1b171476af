import { CONSENT_KINDS } from "./act.ts";
import type { Act } from "./act.ts";
import { isVotedInstrument } from "./instrument.ts";
import type { Instrument } from "./instrument.ts";
import type { InstrumentStandings, StandingRow } from "./instrument-standings.ts";
import type { VoteView } from "./vote-view.ts";

/**
 * One instrument seen whole: who is in and since when, how the number grew year by year, who signed only, who withdrew,
 * who is known to be out and for whom it is unknown; for a resolution, who voted how. Pure.
 */
export interface InstrumentView {
  readonly instrument: Instrument;
  /** In (bound, signed the Accords, pledged), in date order, unknown dates last. */
  readonly participants: readonly StandingRow[];
  readonly signatories: readonly StandingRow[];
  readonly withdrawn: readonly StandingRow[];
  /** Known to be out: a `not-party` act, or absent from a complete list. */
  readonly knownOut: readonly StandingRow[];
  /** States whose standing is unknown (never counted as out). */
  readonly unknown: readonly { readonly iso3: string; readonly name: string }[];
  readonly notApplicable: number;
  readonly growth: InstrumentGrowth;
  /** For resolutions, drafts and decisions: the published tally beside the stored votes; null otherwise. */
  readonly votes: VoteView | null;
}

export interface InstrumentGrowth {
  /** Per year from the first joining to `lastYear`: joined, withdrawn, and participants at the end of the year. */
  readonly years: readonly { readonly year: number; readonly joined: number; readonly withdrawn: number; readonly cumulative: number }[];
  /** Participants whose joining date is unknown (not in `years`). */
  readonly undated: number;
}

export function instrumentView(
  standings: InstrumentStandings,
  acts: readonly Act[],
  names: ReadonlyMap<string, string>,
  votes: VoteView | null,
  lastYear: number,
): InstrumentView {
  const { instrument, byStanding } = standings;
  const states = new Set(names.keys());
  return {
    instrument,
    participants: byStanding.participant,
    signatories: byStanding.signatory,
    withdrawn: byStanding.withdrawn,
    knownOut: byStanding["not-participant"],
    unknown: standings.unknown.map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 })),
    notApplicable: standings.notApplicable.length,
    growth: instrumentGrowth(instrument, acts.filter((a) => states.has(a.party)), lastYear),
    votes: isVotedInstrument(instrument.kind) ? votes : null,
  };
}

/** What makes a state a participant: consent to a treaty, a signature of the Accords, a pledge. */
function joins(instrument: Instrument, act: Act): boolean {
  switch (instrument.kind) {
    case "treaty":
      return CONSENT_KINDS.includes(act.kind);
    case "accords":
      return act.kind === "signature";
    case "commitment":
      return act.kind === "pledge";
    default:
      return false;
  }
}

/**
 * Participants year by year, by the year of each joining act; a withdrawal counts down in its year. A participant whose
 * joining date is unknown is counted apart (`undated`); a party whose joining or withdrawal date is unknown and that
 * withdrew is left out of the years altogether (it cannot be placed).
 */
export function instrumentGrowth(instrument: Instrument, acts: readonly Act[], lastYear: number): InstrumentGrowth {
  const joined = new Map<number, number>();
  const withdrawn = new Map<number, number>();
  const add = (counts: Map<number, number>, date: string) => counts.set(Number(date.slice(0, 4)), (counts.get(Number(date.slice(0, 4))) ?? 0) + 1);
  let undated = 0;
  for (const party of new Set(acts.map((a) => a.party))) {
    const join = acts.find((a) => a.party === party && joins(instrument, a));
    const withdrawal = acts.find((a) => a.party === party && a.kind === "withdrawal");
    if (join === undefined) continue;
    if (withdrawal === undefined) {
      if (join.date === null) undated += 1;
      else add(joined, join.date);
    } else if (join.date !== null && withdrawal.date !== null) {
      add(joined, join.date);
      add(withdrawn, withdrawal.date);
    }
  }
  const years = [...joined.keys(), ...withdrawn.keys()];
  if (years.length === 0) return { years: [], undated };
  const first = Math.min(...years);
  const last = Math.max(lastYear, ...years);
  const rows: { year: number; joined: number; withdrawn: number; cumulative: number }[] = [];
  let cumulative = 0;
  for (let year = first; year <= last; year++) {
    const j = joined.get(year) ?? 0;
    const w = withdrawn.get(year) ?? 0;
    cumulative += j - w;
    rows.push({ year, joined: j, withdrawn: w, cumulative });
  }
  return { years: rows, undated };
}
