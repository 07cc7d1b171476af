/**
 * An instrument states commit to or vote on: a UN space treaty, the Artemis Accords, the national DA-ASAT test
 * commitments, a General Assembly resolution or committee draft with a recorded vote, a set of guidelines.
 */

export const INSTRUMENT_KINDS = ["treaty", "accords", "commitment", "resolution", "draft-resolution", "decision", "guidelines"] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/**
 * Who can act under the instrument:
 * `all-states` (any state may sign, join or pledge), `un-members` (a vote of UN Member States only; observer States do
 * not vote), `listed-voters` (a body whose voters are the states with a stored vote, e.g. the 15 Council members),
 * `no-state-acts` (guidelines adopted by consensus: no state acts apply).
 */
export const INSTRUMENT_SCOPES = ["all-states", "un-members", "listed-voters", "no-state-acts"] as const;
export type InstrumentScope = (typeof INSTRUMENT_SCOPES)[number];

/**
 * How complete the stored acts are. `complete`: a state without a participating act is known not to participate (as
 * of `coverageAsOf`); `partial`: it is unknown unless a `not-party` act says so; `none`: no state acts are recorded.
 */
export const COVERAGES = ["complete", "partial", "none"] as const;
export type Coverage = (typeof COVERAGES)[number];

/** A vote's published totals (null where the source does not give one). */
export interface RecordedTally {
  readonly yes: number | null;
  readonly no: number | null;
  readonly abstain: number | null;
  readonly nonVoting: number | null;
}

export interface Instrument {
  /** Stable lower-case id (`ost`, `artemis-accords`, `unga-res-77-41`). */
  readonly id: string;
  readonly kind: InstrumentKind;
  readonly shortName: string;
  readonly title: string;
  /** The forum that negotiated, adopted or voted on it, where recorded. */
  readonly forumId: string | null;
  readonly document: string | null;
  /** Partial dates (`YYYY[-MM[-DD]]`); null = unknown or not applicable. */
  readonly adoptedDate: string | null;
  readonly openedDate: string | null;
  readonly inForceDate: string | null;
  readonly scope: InstrumentScope;
  readonly coverage: Coverage;
  readonly coverageAsOf: string | null;
  /** Published vote totals for resolutions, drafts and decisions; null for other kinds. */
  readonly recordedTally: RecordedTally | null;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}

/** One numbered item of a set of guidelines (LTS guideline `B.4`, debris mitigation guideline `6`). */
export interface InstrumentItem {
  readonly instrumentId: string;
  readonly itemId: string;
  readonly group: string | null;
  readonly groupTitle: string | null;
  readonly title: string;
  /** Whether the title was seen in a source read (`yes`), only paraphrased (`partial`), or is analyst knowledge (`no`). */
  readonly titleVerified: "yes" | "partial" | "no";
  readonly source: string;
  readonly asOf: string;
}

export function isVotedInstrument(kind: InstrumentKind): boolean {
  return kind === "resolution" || kind === "draft-resolution" || kind === "decision";
}
