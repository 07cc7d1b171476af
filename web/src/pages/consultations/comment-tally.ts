import type { ConsultationComment, StakeholderSector } from "./consultation-queries.ts";
import { STAKEHOLDER_SECTORS } from "./consultation-queries.ts";

/** A comment's sector as its author was invited, or `unspecified` (the summary export uses the same word). */
export type CommentSector = StakeholderSector | "unspecified";

export interface CommentCounts {
  readonly total: number;
  readonly public: number;
  readonly confidential: number;
}

export function countComments(comments: readonly ConsultationComment[]): CommentCounts {
  const confidential = comments.filter((c) => c.visibility === "confidential").length;
  return { total: comments.length, public: comments.length - confidential, confidential };
}

/** "Non-profit", "Unspecified": a sector as a heading. */
export function sectorHeading(sector: CommentSector): string {
  return `${sector[0]?.toUpperCase() ?? ""}${sector.slice(1)}`;
}

export function sectorOf(comment: ConsultationComment): CommentSector {
  return comment.author.sector ?? "unspecified";
}

/** The four sectors, and `unspecified` only when some comment has it (as in the summary export). */
export function sectorsShown(comments: readonly ConsultationComment[]): CommentSector[] {
  return [...STAKEHOLDER_SECTORS, ...(comments.some((c) => c.author.sector === null) ? (["unspecified"] as const) : [])];
}

export function bySector(comments: readonly ConsultationComment[], sector: CommentSector): ConsultationComment[] {
  return comments.filter((c) => sectorOf(c) === sector);
}

export function byParagraph(comments: readonly ConsultationComment[], paragraphNumber: number): ConsultationComment[] {
  return comments.filter((c) => c.paragraphNumber === paragraphNumber);
}

/** "3 comments (2 public, 1 confidential)". */
export function countsText(counts: CommentCounts): string {
  if (counts.total === 0) return "no comment";
  return `${counts.total} comment${counts.total === 1 ? "" : "s"} (${counts.public} public, ${counts.confidential} confidential)`;
}

/** "commercial 2, academic 1" (sectors with comments only). */
export function sectorCountsText(comments: readonly ConsultationComment[]): string {
  return sectorsShown(comments)
    .map((sector) => [sector, bySector(comments, sector).length] as const)
    .filter(([, n]) => n > 0)
    .map(([sector, n]) => `${sector} ${n}`)
    .join(", ");
}
