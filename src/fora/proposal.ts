/**
 * A proposal under negotiation in a forum: a draft norm, a guideline, a practice (space traffic coordination
 * practices, guidelines on new commercial activities …). States' stances on it are derived from their statements
 * (stance-derivation.ts).
 */

export const PROPOSAL_KINDS = ["draft-norm", "guideline", "practice", "resolution", "other"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATUSES = ["proposed", "under-negotiation", "adopted", "rejected", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface Proposal {
  readonly id: number;
  /** A `diplomacy_fora` id. */
  readonly forumId: string;
  readonly title: string;
  readonly kind: ProposalKind;
  readonly documentSymbol: string | null;
  readonly descriptionMarkdown: string;
  readonly status: ProposalStatus;
  readonly createdBy: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
