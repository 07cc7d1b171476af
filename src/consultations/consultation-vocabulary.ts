/** What a consultation is about: one of our positions, a standard, or a best practice. */
export const CONSULTATION_KINDS = ["position", "standard", "best-practice"] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

/** open: comments accepted until the deadline; closed: by an organiser (comments refused from then on). */
export const CONSULTATION_STATUSES = ["open", "closed"] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The stakeholder's sector, given with its invitation; the summary groups comments by it. */
export const STAKEHOLDER_SECTORS = ["commercial", "academic", "non-profit", "government"] as const;
export type StakeholderSector = (typeof STAKEHOLDER_SECTORS)[number];

/**
 * public: visible to every invitee of the consultation and to the organisers;
 * confidential: visible only to its author and the organisers.
 */
export const COMMENT_VISIBILITIES = ["public", "confidential"] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export const isConsultationKind = (value: string): value is ConsultationKind => isOneOf(CONSULTATION_KINDS, value);
export const isConsultationStatus = (value: string): value is ConsultationStatus => isOneOf(CONSULTATION_STATUSES, value);
export const isStakeholderSector = (value: string): value is StakeholderSector => isOneOf(STAKEHOLDER_SECTORS, value);
export const isCommentVisibility = (value: string): value is CommentVisibility => isOneOf(COMMENT_VISIBILITIES, value);
