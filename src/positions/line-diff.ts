/**
 * A line diff of two texts by longest common subsequence: every line is kept, removed or added, in reading order, with
 * its line number in the old and the new text. Common leading and trailing lines are matched first; the rest is
 * compared by dynamic programming when it is small enough (at most MAX_DIFF_CELLS line pairs), otherwise the changed
 * middle is shown as wholly removed then added (`exact: false`). Pure.
 */
export type DiffOp = "same" | "removed" | "added";

export interface DiffLine {
  readonly op: DiffOp;
  readonly text: string;
  /** 1-based line in the old text (null for an added line). */
  readonly fromLine: number | null;
  /** 1-based line in the new text (null for a removed line). */
  readonly toLine: number | null;
}

export interface LineDiff {
  readonly lines: readonly DiffLine[];
  readonly added: number;
  readonly removed: number;
  readonly unchanged: number;
  /** False when the texts were too far apart to compare line by line (the middle is shown as replaced). */
  readonly exact: boolean;
}

export const MAX_DIFF_CELLS = 4_000_000;

export function splitLines(text: string): string[] {
  return text === "" ? [] : text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
}

export function diffLines(fromText: string, toText: string): LineDiff {
  const a = splitLines(fromText);
  const b = splitLines(toText);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  const lines: DiffLine[] = [];
  for (let i = 0; i < prefix; i += 1) lines.push({ op: "same", text: a[i] as string, fromLine: i + 1, toLine: i + 1 });
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  const exact = (middleA.length + 1) * (middleB.length + 1) <= MAX_DIFF_CELLS;
  lines.push(...(exact ? lcsMiddle(middleA, middleB, prefix) : replacedMiddle(middleA, middleB, prefix)));
  for (let k = suffix; k > 0; k -= 1) {
    lines.push({ op: "same", text: a[a.length - k] as string, fromLine: a.length - k + 1, toLine: b.length - k + 1 });
  }
  return {
    lines,
    added: lines.filter((l) => l.op === "added").length,
    removed: lines.filter((l) => l.op === "removed").length,
    unchanged: lines.filter((l) => l.op === "same").length,
    exact,
  };
}

function replacedMiddle(a: readonly string[], b: readonly string[], offset: number): DiffLine[] {
  return [
    ...a.map((text, i): DiffLine => ({ op: "removed", text, fromLine: offset + i + 1, toLine: null })),
    ...b.map((text, j): DiffLine => ({ op: "added", text, fromLine: null, toLine: offset + j + 1 })),
  ];
}

/** LCS table from the end (lengths of the common subsequence of a[i..], b[j..]), then one forward walk. */
function lcsMiddle(a: readonly string[], b: readonly string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i * width + j] = a[i] === b[j] ? (table[(i + 1) * width + j + 1] as number) + 1 : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lines.push({ op: "same", text: a[i] as string, fromLine: offset + i + 1, toLine: offset + j + 1 });
      i += 1;
      j += 1;
    } else if (i < n && (j === m || table[(i + 1) * width + j] === table[i * width + j])) {
      // Removing a[i] keeps the longest common subsequence: removals come before additions, so a replaced line reads old → new.
      lines.push({ op: "removed", text: a[i] as string, fromLine: offset + i + 1, toLine: null });
      i += 1;
    } else {
      lines.push({ op: "added", text: b[j] as string, fromLine: null, toLine: offset + j + 1 });
      j += 1;
    }
  }
  return lines;
}
