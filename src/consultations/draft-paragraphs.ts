/**
 * A published draft (Markdown) split into the paragraphs stakeholders comment on, numbered from 1. Paragraphs are the
 * blocks between blank lines; a blank line inside a fenced code block does not split it; a block made only of
 * headings belongs to the paragraph it starts (it is joined to the next block), so "## Scope" followed by a blank line
 * and the text is one paragraph. Each paragraph keeps its Markdown exactly (trailing spaces of the block trimmed).
 * Pure.
 */
export function splitDraftIntoParagraphs(markdown: string): string[] {
  const blocks = markdownBlocks(markdown);
  const paragraphs: string[] = [];
  let pendingHeadings: string[] = [];
  for (const block of blocks) {
    if (isHeadingOnly(block)) {
      pendingHeadings.push(block);
      continue;
    }
    paragraphs.push([...pendingHeadings, block].join("\n\n"));
    pendingHeadings = [];
  }
  if (pendingHeadings.length > 0) paragraphs.push(pendingHeadings.join("\n\n"));
  return paragraphs;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

function markdownBlocks(markdown: string): string[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (current.length > 0) blocks.push(current.join("\n").replace(/\s+$/, ""));
    current = [];
  };
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence === null && fenceMatch?.[1] !== undefined) {
      fence = fenceMatch[1];
    } else if (fence !== null && fenceMatch?.[1] !== undefined && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) {
      fence = null;
    } else if (fence === null && line.trim() === "") {
      flush();
      continue;
    }
    current.push(line);
  }
  flush();
  return blocks;
}

function isHeadingOnly(block: string): boolean {
  const lines = block.split("\n");
  if (lines.every((line) => ATX_HEADING.test(line))) return true;
  // A setext heading: one line of text underlined with === or ---.
  return lines.length === 2 && lines[0] !== undefined && lines[0].trim() !== "" && SETEXT_UNDERLINE.test(lines[1] ?? "");
}
