import { describe, expect, it } from "vitest";
import { diffLines } from "../../src/positions/line-diff.ts";

const render = (from: string, to: string) => diffLines(from, to).lines.map((l) => `${l.op === "same" ? " " : l.op === "added" ? "+" : "-"}${l.text}`);

describe("diffLines", () => {
  it("says nothing changed for equal texts", () => {
    const diff = diffLines("a\nb\n", "a\nb\n");
    expect(diff).toMatchObject({ added: 0, removed: 0, unchanged: 2, exact: true });
  });

  it("shows a replaced line as removed then added, with line numbers on both sides", () => {
    const diff = diffLines("one\ntwo\nthree", "one\n2\nthree");
    expect(render("one\ntwo\nthree", "one\n2\nthree")).toEqual([" one", "-two", "+2", " three"]);
    expect(diff.lines[1]).toEqual({ op: "removed", text: "two", fromLine: 2, toLine: null });
    expect(diff.lines[2]).toEqual({ op: "added", text: "2", fromLine: null, toLine: 2 });
    expect(diff.lines[3]).toEqual({ op: "same", text: "three", fromLine: 3, toLine: 3 });
  });

  it("keeps the longest common subsequence of lines (insertions and deletions in the middle)", () => {
    expect(render("a\nb\nc\nd\ne", "a\nc\nx\nd\ne\nf")).toEqual([" a", "-b", " c", "+x", " d", " e", "+f"]);
  });

  it("diffs from and to an empty text", () => {
    expect(render("", "a\nb")).toEqual(["+a", "+b"]);
    expect(render("a\nb", "")).toEqual(["-a", "-b"]);
  });

  it("reads CRLF and LF alike and ignores one final newline", () => {
    expect(diffLines("a\r\nb\r\n", "a\nb").added).toBe(0);
  });

  it("round-trips: the kept and added lines are the new text, the kept and removed lines the old one", () => {
    const from = "# Title\n\nPara one.\nPara two.\n- item a\n- item b\n\nEnd.";
    const to = "# New title\n\nPara one.\n- item a\n- item c\n- item b\n\nEnd.\nP.S.";
    const { lines } = diffLines(from, to);
    expect(lines.filter((l) => l.op !== "added").map((l) => l.text).join("\n")).toBe(from);
    expect(lines.filter((l) => l.op !== "removed").map((l) => l.text).join("\n")).toBe(to);
  });
});
