import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { readActRows } from "../../src/diplomacy/act-rows.ts";
import type { ActReferences } from "../../src/diplomacy/act-rows.ts";

const REFERENCES: ActReferences = {
  states: new Map([
    ["USA", { iso3: "USA", unStatus: "member" }],
    ["NZL", { iso3: "NZL", unStatus: "member" }],
    ["VAT", { iso3: "VAT", unStatus: "observer" }],
  ]),
  organisationCodes: new Set(["NASA"]),
  instruments: new Map([
    ["ost", { id: "ost", kind: "treaty", scope: "all-states" }],
    ["unga-res-77-41", { id: "unga-res-77-41", kind: "resolution", scope: "un-members" }],
    ["lts-guidelines", { id: "lts-guidelines", kind: "guidelines", scope: "no-state-acts" }],
    ["da-asat-test-commitment", { id: "da-asat-test-commitment", kind: "commitment", scope: "all-states" }],
  ]),
  forumIds: new Set(["iadc"]),
};
const HEADER = "party,instrument,act,date,vote,source,as_of,note";
const read = (...lines: string[]) => readActRows([HEADER, ...lines].join("\n"), "acts.csv", REFERENCES, "2026-11-26");
const reasonOf = (line: string) => {
  const { acts, rejections } = read(line);
  expect(acts).toEqual([]);
  return rejections[0]?.reason;
};

describe("act rows", () => {
  it("become acts with every field, a missing date and note as null (unknown)", () => {
    const { acts, rejections, rowsTotal } = read(
      "NZL,ost,accession,1968-05-31,,UNTC,2026-01-01,ratified by NZ",
      "USA,unga-res-77-41,vote,2022-12-07,yes,UN press,2022-12-07,",
      "NASA,iadc,membership,1993,,IADC ToR,2025-09-23,",
      "USA,ost,signature,,,ACDA,2024-12-15,",
    );
    expect(rejections).toEqual([]);
    expect(rowsTotal).toBe(4);
    expect(acts[0]).toEqual({ party: "NZL", target: "ost", targetType: "instrument", kind: "accession", date: "1968-05-31", vote: null, source: "UNTC", asOf: "2026-01-01", note: "ratified by NZ", line: 2 });
    expect(acts[1]).toMatchObject({ kind: "vote", vote: "yes", line: 3 });
    expect(acts[2]).toMatchObject({ party: "NASA", targetType: "forum", kind: "membership", date: "1993" });
    expect(acts[3]).toMatchObject({ date: null, note: null });
  });

  it("are rejected with their line and reason: unknown state, unknown instrument, bad act kind", () => {
    const { rejections } = read("NZL,ost,party,,,s,2026-01-01,", "XXX,ost,party,,,s,2026-01-01,", "USA,oxt,party,,,s,2026-01-01,", "USA,ost,ratified,,,s,2026-01-01,");
    expect(rejections.map((r) => [r.line, r.field, r.reason])).toEqual([
      [3, "party", 'unknown state or organisation code "XXX"'],
      [4, "instrument", 'unknown instrument or forum "oxt"'],
      [5, "act", expect.stringContaining('bad act kind "ratified"')],
    ]);
  });

  it("are rejected for a bad date, a future date, a date after the as-of, a future as-of, or a missing source", () => {
    expect(reasonOf("USA,ost,party,1967-02-30,,s,2026-01-01,")).toBe('bad date "1967-02-30" (expected YYYY, YYYY-MM or YYYY-MM-DD)');
    expect(reasonOf("USA,ost,party,2027,,s,2026-01-01,")).toBe("future date 2027 (after 2026-11-26)");
    expect(reasonOf("USA,ost,party,2026-02,,s,2026-01-01,")).toBe("date 2026-02 is after the row's as_of 2026-01-01");
    expect(reasonOf("USA,ost,party,,,s,2026-12-01,")).toBe("future as_of date 2026-12-01 (after 2026-11-26)");
    expect(reasonOf("USA,ost,party,,,s,2026-01,")).toBe('bad as_of date "2026-01" (expected YYYY-MM-DD)');
    expect(reasonOf("USA,ost,party,,, ,2026-01-01,")).toBe("missing source");
  });

  it("are rejected when the act does not fit the instrument or the party", () => {
    expect(reasonOf("USA,ost,pledge,,,s,2026-01-01,")).toContain("act pledge does not apply to treaty ost");
    expect(reasonOf("USA,lts-guidelines,signature,,,s,2026-01-01,")).toBe("no state acts apply to guidelines lts-guidelines");
    expect(reasonOf("VAT,unga-res-77-41,vote,2022-12-07,yes,s,2022-12-07,")).toBe("VAT is not a UN Member State, so it has no vote on unga-res-77-41");
    expect(reasonOf("NASA,ost,party,,,s,2026-01-01,")).toBe("organisation NASA can only hold forum memberships, not acts under ost");
    expect(reasonOf("USA,unga-res-77-41,vote,2022-12-07,maybe,s,2022-12-07,")).toContain('bad vote "maybe"');
    expect(reasonOf("USA,unga-res-77-41,vote,2022-12-07,,s,2022-12-07,")).toBe("missing vote for a vote act");
    expect(reasonOf("USA,da-asat-test-commitment,pledge,2022-04-18,yes,s,2023-10-24,")).toBe("a vote is given for a pledge act");
  });

  it("refuse a second act of the same party in the same slot, naming the first line", () => {
    const { acts, rejections } = read("USA,ost,party,,,s,2026-01-01,", "USA,ost,ratification,1967-10-10,,s,2026-01-01,");
    expect(acts).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ line: 3, reason: "duplicate: line 2 already gives USA's consent act under ost" });
  });

  it("report a malformed CSV record and a wrong field count as rejections, not errors", () => {
    const { rejections } = read('USA,ost,"party,,,s,2026-01-01,', "USA,ost,party,,s,2026-01-01");
    expect(rejections.map((r) => r.reason)).toEqual(["unterminated quoted field"]);
    expect(read("USA,ost,party,,s,2026-01-01").rejections[0]?.reason).toBe("expected 8 fields, found 6");
  });

  it("let a file leave out the optional columns, but not the required ones or unknown ones", () => {
    const { acts } = readActRows("party,instrument,act,source,as_of\nUSA,ost,party,s,2026-01-01\n", "min.csv", REFERENCES, "2026-11-26");
    expect(acts[0]).toMatchObject({ date: null, vote: null, note: null });
    expect(() => readActRows("party,instrument,act,as_of\n", "x.csv", REFERENCES, "2026-11-26")).toThrow(SourceFormatError);
    expect(() => readActRows("party,instrument,act,source,as_of,colour\n", "x.csv", REFERENCES, "2026-11-26")).toThrow('unknown column "colour"');
    expect(() => readActRows("", "x.csv", REFERENCES, "2026-11-26")).toThrow("empty file");
  });
});
