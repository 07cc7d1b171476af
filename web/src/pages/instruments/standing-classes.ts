import { CATEGORY } from "../../components/palette.ts";
import type { MapClass } from "../../map/world-map.tsx";

/**
 * Where a state stands under an instrument, or how it voted, in words and on maps. Unknown is never "no": it has its
 * own label, a light grey and a hatching, so that it differs from a known "not in" without colour too.
 */
export const STANDING_LABELS: Readonly<Record<string, string>> = {
  participant: "in",
  signatory: "signed only",
  withdrawn: "withdrew",
  "not-participant": "known not in",
  unknown: "unknown",
  "not-applicable": "n/a",
  yes: "yes",
  no: "no",
  abstain: "abstain",
  absent: "absent",
  "non-voting": "non-voting",
};

export function standingLabel(standing: string): string {
  return STANDING_LABELS[standing] ?? standing;
}

const UNKNOWN_GREY = "#d9d9d9";

/** Map codes of membership standings (the map takes numbers). */
export const MEMBERSHIP_CODES = { participant: 1, signatory: 2, withdrawn: 3, "not-participant": 4, unknown: 5 } as const;

export function membershipClasses(counts: Readonly<Record<keyof typeof MEMBERSHIP_CODES, number>>): MapClass[] {
  return [
    { label: `in (${counts.participant})`, color: CATEGORY.blue, contains: (v) => v === 1 },
    { label: `signed only (${counts.signatory})`, color: CATEGORY.sky, pattern: "dots", contains: (v) => v === 2 },
    { label: `withdrew (${counts.withdrawn})`, color: CATEGORY.vermillion, contains: (v) => v === 3 },
    { label: `known not in (${counts["not-participant"]})`, color: CATEGORY.orange, contains: (v) => v === 4 },
    { label: `unknown (${counts.unknown})`, color: UNKNOWN_GREY, pattern: "hatch", contains: (v) => v === 5 },
  ];
}

/** Map codes of votes. */
export const VOTE_CODES = { yes: 1, no: 2, abstain: 3, absent: 4, "non-voting": 4, unknown: 5 } as const;

export function voteClasses(counts: { readonly yes: number; readonly no: number; readonly abstain: number; readonly absent: number; readonly unknown: number }): MapClass[] {
  return [
    { label: `yes (${counts.yes})`, color: CATEGORY.blue, contains: (v) => v === 1 },
    { label: `no (${counts.no})`, color: CATEGORY.vermillion, contains: (v) => v === 2 },
    { label: `abstain (${counts.abstain})`, color: CATEGORY.yellow, pattern: "dots", contains: (v) => v === 3 },
    { label: `absent or non-voting (${counts.absent})`, color: CATEGORY.grey, contains: (v) => v === 4 },
    { label: `unknown: vote not stored (${counts.unknown})`, color: UNKNOWN_GREY, pattern: "hatch", contains: (v) => v === 5 },
  ];
}
