/**
 * A group that speaks with one voice in a forum: a UN regional group, a negotiating group (the Group of 77 and China),
 * or the European Union speaking for its member States. A group's statement is the group's stance; it is never copied
 * onto member States unless a view asks for that expansion explicitly, and then only where the members are known.
 * Curated in `data/fora/speaker-groups.csv`, each row with its source and as-of date.
 */
import type { RegionalGroup } from "../diplomacy/un-state.ts";

export const SPEAKER_GROUP_KINDS = ["regional-group", "negotiating-group", "organisation"] as const;
export type SpeakerGroupKind = (typeof SPEAKER_GROUP_KINDS)[number];

/**
 * How a group's members are known: the registry states of a UN regional group (full members; observers such as the
 * United States in WEOG are not counted), the member states of a registry organisation (`EU`), or not recorded.
 */
export type SpeakerGroupMembers =
  | { readonly basis: "regional-group"; readonly regionalGroup: RegionalGroup }
  | { readonly basis: "organisation"; readonly organisationCode: string }
  | { readonly basis: "not-recorded" };

export interface SpeakerGroup {
  /** Upper-case id used as a statement's speaker code: `G77`, `EU`, `GRULAC`. */
  readonly id: string;
  readonly name: string;
  readonly kind: SpeakerGroupKind;
  readonly members: SpeakerGroupMembers;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}

/** The registry facts a group's membership is resolved from. */
export interface GroupMembershipFacts {
  readonly states: readonly { readonly iso3: string; readonly regionalGroup: string; readonly groupStatus: string }[];
  readonly organisationMembers: ReadonlyMap<string, readonly string[]>;
}

/** A group's member States (ISO alpha-3, sorted), or null where the membership is not recorded. Pure. */
export function groupMemberStates(group: SpeakerGroup, facts: GroupMembershipFacts): string[] | null {
  const { members } = group;
  if (members.basis === "regional-group") {
    return facts.states
      .filter((s) => s.regionalGroup === members.regionalGroup && s.groupStatus === "member")
      .map((s) => s.iso3)
      .sort();
  }
  if (members.basis === "organisation") {
    const list = facts.organisationMembers.get(members.organisationCode);
    return list === undefined || list.length === 0 ? null : [...list].sort();
  }
  return null;
}
