import type { ConsultationSummary, SummaryComment } from "./consultation-summary.ts";
import { summarySectors } from "./consultation-summary.ts";

function quoted(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
}

function headerLines(summary: ConsultationSummary): string[] {
  const { consultation, counts } = summary;
  const sectors = summarySectors(summary).map((s) => `${s} ${counts.bySector[s]}`);
  return [
    `Consultation: #${consultation.id} ${consultation.title} (${consultation.kind}, ${consultation.status})`,
    `Deadline: ${consultation.deadline}`,
    `Exported at: ${summary.exportedAt}`,
    `Comments: ${counts.total} (${counts.public} public, ${counts.confidential} confidential)`,
    `Comments by sector: ${sectors.join(", ")}`,
  ];
}

function commentEntry(comment: SummaryComment): string {
  const marker = comment.visibility === "confidential" ? "**CONFIDENTIAL** — " : "";
  const who = `${comment.authorName} <${comment.authorEmail}>${comment.organisation === null ? "" : `, ${comment.organisation}`}`;
  return [`#### Comment ${comment.id} — ${marker}${who} (${comment.sector}), ${comment.createdAt}`, "", quoted(comment.bodyMarkdown)].join("\n");
}

/**
 * The summary as a Markdown document: the header (consultation, deadline, export time, counts by sector), a table of
 * counts by paragraph and sector, then every paragraph with its comments grouped by sector; confidential comments are
 * marked **CONFIDENTIAL**. Comments and paragraphs are quoted (`> `), so their Markdown cannot restructure the document.
 * Pure.
 */
export function renderSummaryMarkdown(summary: ConsultationSummary): string {
  const sectors = summarySectors(summary);
  const lines: string[] = [`# Consultation summary: ${summary.consultation.title}`, "", ...headerLines(summary).map((line) => `- ${line}`), ""];
  lines.push("## Comments by paragraph and sector", "");
  lines.push(`| Paragraph | ${sectors.join(" | ")} | Total | Confidential |`, `|---|${sectors.map(() => "---:").join("|")}|---:|---:|`);
  for (const p of summary.byParagraph) lines.push(`| ${p.number} | ${sectors.map((s) => p.bySector[s]).join(" | ")} | ${p.total} | ${p.confidential} |`);
  lines.push(`| All | ${sectors.map((s) => summary.counts.bySector[s]).join(" | ")} | ${summary.counts.total} | ${summary.counts.confidential} |`, "");
  for (const p of summary.byParagraph) {
    lines.push(`## Paragraph ${p.number} (${p.total} comment${p.total === 1 ? "" : "s"})`, "", quoted(p.markdown), "");
    for (const sector of sectors) {
      const ofSector = p.comments.filter((c) => c.sector === sector);
      if (ofSector.length === 0) continue;
      lines.push(`### ${sector} (${ofSector.length})`, "");
      for (const comment of ofSector) lines.push(commentEntry(comment), "");
    }
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

/**
 * One CSV cell (RFC 4180 quoting). A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) gets a leading apostrophe: stakeholder text must not become a formula in the organiser's sheet.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const SUMMARY_CSV_COLUMNS = ["comment_id", "paragraph", "sector", "organisation", "author", "author_email", "visibility", "created_at", "comment"] as const;

/**
 * The summary as CSV: `#` header lines (consultation, deadline, export time, counts by sector; read with a
 * comment-aware reader, e.g. pandas' `comment="#"`), then one row per comment by paragraph then sector, the column
 * `visibility` saying `confidential` where it is. Pure.
 */
export function renderSummaryCsv(summary: ConsultationSummary): string {
  const rows = [
    ...headerLines(summary).map((line) => `# ${line.replace(/[\r\n]+/g, " ")}`),
    SUMMARY_CSV_COLUMNS.join(","),
    ...summary.byParagraph.flatMap((p) =>
      p.comments.map((c) => [c.id, c.paragraphNumber, c.sector, c.organisation, c.authorName, c.authorEmail, c.visibility, c.createdAt, c.bodyMarkdown].map(csvCell).join(",")),
    ),
  ];
  return `${rows.join("\r\n")}\r\n`;
}
