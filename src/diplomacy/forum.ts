/**
 * A multilateral forum of space governance (COPUOS and its subcommittees, the Conference on Disarmament, the General
 * Assembly's First and Fourth Committees, open-ended working groups, the ITU, the IADC …): its decision rule, when it
 * meets, and how its membership is known.
 */

/**
 * `listed`: members are stored as membership acts; `same-as`: the members of another forum (`membershipOf`);
 * `un-members`: all UN Member States; `not-recorded`: membership exists but is not stored.
 */
export const FORUM_MEMBERSHIP_BASES = ["listed", "same-as", "un-members", "not-recorded"] as const;
export type ForumMembershipBasis = (typeof FORUM_MEMBERSHIP_BASES)[number];

export interface Forum {
  /** Stable lower-case id (`copuos`, `iadc`, `unga-first-committee`). */
  readonly id: string;
  readonly name: string;
  readonly parentBody: string;
  readonly description: string;
  readonly meetingSeason: string;
  readonly decisionRule: string;
  readonly membershipBasis: ForumMembershipBasis;
  /** For `same-as`: the forum whose members these are. */
  readonly membershipOf: string | null;
  readonly membershipNote: string | null;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}

/** The forum whose membership acts give this forum's members (itself, or the one it borrows them from), or null. */
export function membershipForumId(forum: Forum): string | null {
  if (forum.membershipBasis === "listed") return forum.id;
  if (forum.membershipBasis === "same-as") return forum.membershipOf;
  return null;
}
