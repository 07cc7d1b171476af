import type { CommentRecord } from "../store/consultation-comment.repository.ts";
import type { ConsultationParagraph, ConsultationRecord } from "../store/consultation.repository.ts";
import type { CommentVisibility, ConsultationKind, ConsultationStatus, StakeholderSector } from "./consultation-vocabulary.ts";
import { STAKEHOLDER_SECTORS } from "./consultation-vocabulary.ts";

/** A comment's sector, or `unspecified` for an author without an invitation sector. */
export type SummarySector = StakeholderSector | "unspecified";

export interface SummaryComment {
  readonly id: number;
  readonly paragraphNumber: number;
  readonly sector: SummarySector;
  readonly organisation: string | null;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly visibility: CommentVisibility;
  readonly bodyMarkdown: string;
  readonly createdAt: string;
}

export interface SectorCounts {
  readonly total: number;
  readonly public: number;
  readonly confidential: number;
}

export interface ConsultationSummary {
  readonly consultation: { readonly id: number; readonly title: string; readonly kind: ConsultationKind; readonly status: ConsultationStatus; readonly deadline: string };
  readonly exportedAt: string;
  readonly counts: SectorCounts & { readonly bySector: Readonly<Record<SummarySector, number>> };
  /** Every sector (in vocabulary order; `unspecified` only when it has comments) with its comments, by paragraph. */
  readonly bySector: readonly (SectorCounts & { readonly sector: SummarySector; readonly comments: readonly SummaryComment[] })[];
  /** Every paragraph with its comments, by sector then time, and its counts by sector. */
  readonly byParagraph: readonly (SectorCounts & {
    readonly number: number;
    readonly markdown: string;
    readonly bySector: Readonly<Record<SummarySector, number>>;
    readonly comments: readonly SummaryComment[];
  })[];
}

const SECTOR_ORDER: readonly SummarySector[] = [...STAKEHOLDER_SECTORS, "unspecified"];

function countsOf(comments: readonly SummaryComment[]): SectorCounts {
  const confidential = comments.filter((c) => c.visibility === "confidential").length;
  return { total: comments.length, public: comments.length - confidential, confidential };
}

function sectorTally(comments: readonly SummaryComment[]): Record<SummarySector, number> {
  const tally = Object.fromEntries(SECTOR_ORDER.map((s) => [s, 0])) as Record<SummarySector, number>;
  for (const comment of comments) tally[comment.sector] += 1;
  return tally;
}

const bySectorThenTime = (a: SummaryComment, b: SummaryComment) =>
  SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector) || a.createdAt.localeCompare(b.createdAt) || a.id - b.id;
const byParagraphThenTime = (a: SummaryComment, b: SummaryComment) => a.paragraphNumber - b.paragraphNumber || a.createdAt.localeCompare(b.createdAt) || a.id - b.id;

/** The organisers' summary of a consultation: every comment (confidential ones included) grouped by sector and by paragraph. Pure. */
export function buildConsultationSummary(
  consultation: ConsultationRecord,
  paragraphs: readonly ConsultationParagraph[],
  comments: readonly CommentRecord[],
  exportedAt: string,
): ConsultationSummary {
  const all: SummaryComment[] = comments.map((c) => ({
    id: c.id,
    paragraphNumber: c.paragraphNumber,
    sector: c.author.sector ?? "unspecified",
    organisation: c.author.organisation,
    authorName: c.author.displayName,
    authorEmail: c.author.email,
    visibility: c.visibility,
    bodyMarkdown: c.bodyMarkdown,
    createdAt: c.createdAt,
  }));
  const bySector = SECTOR_ORDER.map((sector) => {
    const ofSector = all.filter((c) => c.sector === sector).sort(byParagraphThenTime);
    return { sector, ...countsOf(ofSector), comments: ofSector };
  }).filter((group) => group.sector !== "unspecified" || group.total > 0);
  const byParagraph = paragraphs.map((p) => {
    const ofParagraph = all.filter((c) => c.paragraphNumber === p.number).sort(bySectorThenTime);
    return { number: p.number, markdown: p.markdown, ...countsOf(ofParagraph), bySector: sectorTally(ofParagraph), comments: ofParagraph };
  });
  return {
    consultation: { id: consultation.id, title: consultation.title, kind: consultation.kind, status: consultation.status, deadline: consultation.deadline },
    exportedAt,
    counts: { ...countsOf(all), bySector: sectorTally(all) },
    bySector,
    byParagraph,
  };
}

/** The sectors a summary's tables show: the four, plus `unspecified` when some comment has it. */
export function summarySectors(summary: ConsultationSummary): SummarySector[] {
  return SECTOR_ORDER.filter((s) => s !== "unspecified" || summary.counts.bySector.unspecified > 0);
}
