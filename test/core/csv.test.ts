import { describe, expect, it } from "vitest";
import { parseCsvLine, parseCsvRecords } from "../../src/core/csv.ts";

describe("parseCsvLine", () => {
  it("splits plain fields and keeps empty ones", () => {
    expect(parseCsvLine("a,b,,d,")).toEqual(["a", "b", "", "d", ""]);
  });
  it("unquotes quoted fields, keeping commas and doubled quotes inside them", () => {
    expect(parseCsvLine('"SAT, ONE","say ""hi""",x')).toEqual(["SAT, ONE", 'say "hi"', "x"]);
  });
  it("drops a trailing carriage return", () => {
    expect(parseCsvLine("a,b\r")).toEqual(["a", "b"]);
  });
});

describe("parseCsvRecords", () => {
  it("numbers records by their first line, skipping empty lines, with LF or CRLF endings", () => {
    const records = parseCsvRecords("h1,h2\r\n1,2\r\n\r\n3,4\n");
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["h1", "h2"]],
      [2, ["1", "2"]],
      [4, ["3", "4"]],
    ]);
    expect(records.every((r) => r.error === null)).toBe(true);
  });
  it("keeps a line break inside a quoted field and counts it for the next record's line", () => {
    const records = parseCsvRecords('a,b\n"two\nlines",x\nlast,y');
    expect(records[1]?.fields).toEqual(["two\nlines", "x"]);
    expect(records[2]?.line).toBe(4);
    expect(records[2]?.fields).toEqual(["last", "y"]);
  });
  it("reports an unterminated quote instead of throwing", () => {
    const records = parseCsvRecords('a,b\n"open,x\n');
    expect(records[1]?.error).toBe("unterminated quoted field");
    expect(records[1]?.line).toBe(2);
  });
  it("reports text after a closing quote and a quote inside an unquoted field", () => {
    expect(parseCsvRecords('"a"b,c')[0]?.error).toMatch(/after a closing quote/);
    expect(parseCsvRecords('a"b,c')[0]?.error).toMatch(/quote inside unquoted field/);
  });
  it("gives the raw text of each record without its terminator", () => {
    expect(parseCsvRecords('x,"y,z"\r\nq')[0]?.raw).toBe('x,"y,z"');
  });
});
