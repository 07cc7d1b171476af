import { describe, expect, it } from "vitest";
import { csvCell, renderSummaryCsv, renderSummaryMarkdown } from "../../src/consultations/consultation-summary-export.ts";
import { buildConsultationSummary } from "../../src/consultations/consultation-summary.ts";
import type { CommentRecord } from "../../src/store/consultation-comment.repository.ts";
import type { ConsultationRecord } from "../../src/store/consultation.repository.ts";

const consultation: ConsultationRecord = {
  id: 7,
  title: "RPO guidelines",
  kind: "best-practice",
  positionId: 3,
  draftMarkdown: "## Scope\n\nApplies.\n\nNotify 30 days ahead.",
  internalNote: "never exported",
  status: "open",
  deadline: "2026-03-01T17:00:00.000Z",
  createdBy: null,
  createdAt: "2026-02-01T09:00:00.000Z",
  closedBy: null,
  closedAt: null,
};
const paragraphs = [
  { number: 1, markdown: "## Scope\n\nApplies." },
  { number: 2, markdown: "Notify 30 days ahead." },
];
const comment = (id: number, paragraphNumber: number, sector: "commercial" | "academic" | null, visibility: "public" | "confidential", bodyMarkdown: string): CommentRecord => ({
  id,
  consultationId: 7,
  paragraphNumber,
  visibility,
  bodyMarkdown,
  createdAt: `2026-02-0${id}T10:00:00.000Z`,
  author: { userId: 10 + id, displayName: `Author ${id}`, email: `author${id}@example.org`, organisation: sector === null ? null : `Org ${id}`, sector },
});
const comments = [
  comment(1, 2, "academic", "public", "Too short."),
  comment(2, 1, "commercial", "confidential", "=1+1\nsecond line, with \"quotes\""),
  comment(3, 2, "commercial", "public", "# Not a heading of the export"),
  comment(4, 2, null, "public", "Who am I?"),
];
const summary = buildConsultationSummary(consultation, paragraphs, comments, "2026-03-02T08:00:00.000Z");

describe("the consultation summary export", () => {
  it("counts by sector and by paragraph, keeping comments without a sector as 'unspecified'", () => {
    expect(summary.counts).toEqual({ total: 4, public: 3, confidential: 1, bySector: { commercial: 2, academic: 1, "non-profit": 0, government: 0, unspecified: 1 } });
    expect(summary.byParagraph.map((p) => [p.number, p.total, p.comments.map((c) => c.id)])).toEqual([
      [1, 1, [2]],
      [2, 3, [3, 1, 4]],
    ]);
    expect(summary.bySector.map((s) => s.sector)).toEqual(["commercial", "academic", "non-profit", "government", "unspecified"]);
  });

  it("writes a Markdown document with the header, a counts table and every comment quoted, confidential ones marked", () => {
    const md = renderSummaryMarkdown(summary);
    expect(md.split("\n").slice(0, 8)).toEqual([
      "# Consultation summary: RPO guidelines",
      "",
      "- Consultation: #7 RPO guidelines (best-practice, open)",
      "- Deadline: 2026-03-01T17:00:00.000Z",
      "- Exported at: 2026-03-02T08:00:00.000Z",
      "- Comments: 4 (3 public, 1 confidential)",
      "- Comments by sector: commercial 2, academic 1, non-profit 0, government 0, unspecified 1",
      "",
    ]);
    expect(md).toContain("| Paragraph | commercial | academic | non-profit | government | unspecified | Total | Confidential |");
    expect(md).toContain("| 2 | 1 | 1 | 0 | 0 | 1 | 3 | 0 |");
    expect(md).toContain("| All | 2 | 1 | 0 | 0 | 1 | 4 | 1 |");
    expect(md).toContain("#### Comment 2 — **CONFIDENTIAL** — Author 2 <author2@example.org>, Org 2 (commercial), 2026-02-02T10:00:00.000Z\n\n> =1+1\n> second line");
    expect(md).toContain("> # Not a heading of the export");
    expect(md).not.toMatch(/^# Not a heading/m);
    expect(md).not.toContain("never exported");
  });

  it("writes CSV with '#' header lines and one row per comment, formulas defused and quotes doubled", () => {
    const lines = renderSummaryCsv(summary).split("\r\n");
    expect(lines.slice(0, 6)).toEqual([
      "# Consultation: #7 RPO guidelines (best-practice, open)",
      "# Deadline: 2026-03-01T17:00:00.000Z",
      "# Exported at: 2026-03-02T08:00:00.000Z",
      "# Comments: 4 (3 public, 1 confidential)",
      "# Comments by sector: commercial 2, academic 1, non-profit 0, government 0, unspecified 1",
      "comment_id,paragraph,sector,organisation,author,author_email,visibility,created_at,comment",
    ]);
    // The comment's own line break stays inside its quoted cell; records end with CRLF.
    expect(lines[6]).toBe('2,1,commercial,Org 2,Author 2,author2@example.org,confidential,2026-02-02T10:00:00.000Z,"\'=1+1\nsecond line, with ""quotes"""');
    expect(lines.slice(7, 10).map((l) => l.split(",").slice(0, 3).join(","))).toEqual(["3,2,commercial", "1,2,academic", "4,2,unspecified"]);
  });

  it("csvCell defuses every spreadsheet formula prefix and leaves numbers and plain text alone", () => {
    expect(["=A1", "+1", "-1", "@SUM(A1)", "\tx"].map(csvCell)).toEqual(["'=A1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect([csvCell(-3), csvCell("plain"), csvCell(null), csvCell("a,b")]).toEqual(["-3", "plain", "", '"a,b"']);
  });
});
