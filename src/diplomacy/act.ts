import type { InstrumentKind } from "./instrument.ts";

/**
 * A party's act under an instrument or in a forum: a signature, a ratification, a pledge, a vote, a membership … with
 * its date (a partial date; null = unknown), its source and the date as of which the source states it.
 *
 * Kinds beyond the obvious: `party` = became bound, but the source does not say whether by ratification, accession or
 * succession; `not-party` = the source says the state is not bound (a known no, unlike a missing act, which is
 * unknown unless the instrument's stored acts are complete).
 */
export const ACT_KINDS = [
  "signature",
  "ratification",
  "accession",
  "succession",
  "party",
  "not-party",
  "withdrawal",
  "pledge",
  "vote",
  "membership",
  "associate-membership",
  "observer-status",
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

export const VOTES = ["yes", "no", "abstain", "absent", "non-voting"] as const;
export type Vote = (typeof VOTES)[number];

/**
 * The question an act answers; a party has at most one current act per instrument and slot, and a correction replaces
 * the act in its slot (an `accession` corrects a `party`, a later `ratification` replaces a `not-party`).
 * `consent`: is the party bound, and how; `membership`: is it a member of the forum, and how.
 */
export const ACT_SLOTS = ["signature", "consent", "withdrawal", "pledge", "vote", "membership"] as const;
export type ActSlot = (typeof ACT_SLOTS)[number];

const SLOT_OF: Readonly<Record<ActKind, ActSlot>> = {
  signature: "signature",
  ratification: "consent",
  accession: "consent",
  succession: "consent",
  party: "consent",
  "not-party": "consent",
  withdrawal: "withdrawal",
  pledge: "pledge",
  vote: "vote",
  membership: "membership",
  "associate-membership": "membership",
  "observer-status": "membership",
};

export function actSlot(kind: ActKind): ActSlot {
  return SLOT_OF[kind];
}

/** Kinds that make a party bound by a treaty. */
export const CONSENT_KINDS: readonly ActKind[] = ["ratification", "accession", "succession", "party"];

export type ActTargetType = "instrument" | "forum";

export interface Act {
  /** A state (ISO alpha-3) or an organisation code. */
  readonly party: string;
  /** An instrument id or a forum id. */
  readonly target: string;
  readonly targetType: ActTargetType;
  readonly kind: ActKind;
  /** Partial date `YYYY[-MM[-DD]]`; null = unknown. For a withdrawal: the day it takes effect. */
  readonly date: string | null;
  /** Only for `vote` acts. */
  readonly vote: Vote | null;
  readonly source: string;
  /** `YYYY-MM-DD`: the day as of which the source states the act. */
  readonly asOf: string;
  readonly note: string | null;
}

/** The act kinds that fit a target, by what the target is. */
export function kindsFor(target: { type: "forum" } | { type: "instrument"; kind: InstrumentKind }): readonly ActKind[] {
  if (target.type === "forum") return ["membership", "associate-membership", "observer-status", "withdrawal"];
  switch (target.kind) {
    case "treaty":
      return ["signature", ...CONSENT_KINDS, "not-party", "withdrawal"];
    case "accords":
      return ["signature", "withdrawal"];
    case "commitment":
      return ["pledge", "withdrawal"];
    case "resolution":
    case "draft-resolution":
    case "decision":
      return ["vote"];
    case "guidelines":
      return [];
  }
}

/** Two acts state the same belief (same kind, date, vote, source, as-of and note). */
export function sameActValue(a: Omit<Act, "targetType">, b: Omit<Act, "targetType">): boolean {
  return a.kind === b.kind && a.date === b.date && a.vote === b.vote && a.source === b.source && a.asOf === b.asOf && a.note === b.note;
}
