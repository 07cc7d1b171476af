import { InvalidInputError } from "../core/concord-error.ts";

/** Limits and checks of what users write into a position (the HTTP schemas state the same limits). Pure. */

export const MAX_TITLE_LENGTH = 300;
export const MAX_MARKDOWN_LENGTH = 200_000;
export const MAX_NOTE_LENGTH = 1_000;
export const MAX_CITATION_LABEL_LENGTH = 300;

/** The title, trimmed; 1 to MAX_TITLE_LENGTH characters. */
export function checkedTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === "") throw new InvalidInputError("title", "a position needs a title");
  if (trimmed.length > MAX_TITLE_LENGTH) throw new InvalidInputError("title", `at most ${MAX_TITLE_LENGTH} characters`);
  return trimmed;
}

/** The Markdown as written (never trimmed or rewritten); at most MAX_MARKDOWN_LENGTH characters. */
export function checkedMarkdown(markdown: string): string {
  if (markdown.length > MAX_MARKDOWN_LENGTH) throw new InvalidInputError("markdown", `at most ${MAX_MARKDOWN_LENGTH} characters`);
  return markdown;
}

/** A change note, trimmed; empty means none. */
export function checkedNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? "";
  if (trimmed.length > MAX_NOTE_LENGTH) throw new InvalidInputError("note", `at most ${MAX_NOTE_LENGTH} characters`);
  return trimmed === "" ? null : trimmed;
}

export function checkedCitationLabel(label: string): string {
  const trimmed = label.trim();
  if (trimmed === "") throw new InvalidInputError("label", "a cited figure needs a label (what the figure is, e.g. \"China: objects on orbit\")");
  if (trimmed.length > MAX_CITATION_LABEL_LENGTH) throw new InvalidInputError("label", `at most ${MAX_CITATION_LABEL_LENGTH} characters`);
  return trimmed;
}
