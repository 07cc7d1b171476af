import { describe, expect, it } from "vitest";
import { splitDraftIntoParagraphs } from "../../src/consultations/draft-paragraphs.ts";

describe("splitDraftIntoParagraphs", () => {
  it("numbers the blocks between blank lines, keeping each block's Markdown", () => {
    expect(splitDraftIntoParagraphs("First line\nstill first.\n\nSecond.\n\n\n- a\n- b\n")).toEqual(["First line\nstill first.", "Second.", "- a\n- b"]);
  });

  it("joins a heading to the paragraph it starts, however many headings precede it", () => {
    const draft = "# Guidelines\n\n## 1. Scope\n\nThese practices apply to operators.\n\n## 2. Notification\nOperators notify.\n";
    expect(splitDraftIntoParagraphs(draft)).toEqual(["# Guidelines\n\n## 1. Scope\n\nThese practices apply to operators.", "## 2. Notification\nOperators notify."]);
  });

  it("treats a setext heading like an ATX heading", () => {
    expect(splitDraftIntoParagraphs("Scope\n=====\n\nText.")).toEqual(["Scope\n=====\n\nText."]);
  });

  it("keeps a trailing heading as a paragraph of its own", () => {
    expect(splitDraftIntoParagraphs("Text.\n\n## Annex")).toEqual(["Text.", "## Annex"]);
  });

  it("does not split a fenced code block at its blank lines", () => {
    const draft = "Intro.\n\n```\nline 1\n\nline 3\n```\n\nAfter.";
    expect(splitDraftIntoParagraphs(draft)).toEqual(["Intro.", "```\nline 1\n\nline 3\n```", "After."]);
  });

  it("reads CRLF line ends and whitespace-only lines as blank lines", () => {
    expect(splitDraftIntoParagraphs("One.\r\n   \r\nTwo.\r\n")).toEqual(["One.", "Two."]);
  });

  it("gives no paragraph for an empty or blank draft", () => {
    expect(splitDraftIntoParagraphs("")).toEqual([]);
    expect(splitDraftIntoParagraphs("\n  \n\n")).toEqual([]);
  });
});
