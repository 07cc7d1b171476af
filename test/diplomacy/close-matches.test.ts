import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/concord-error.ts";
import { closeMatches, editDistance } from "../../src/diplomacy/close-matches.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { isVotedInstrument } from "../../src/diplomacy/instrument.ts";
import { resolveInstrument, resolveState } from "../../src/diplomacy/resolve-reference.ts";

const registry = loadDiplomacyRegistry("2026-11-26");
const states = [...registry.states.values()];
const instruments = [...registry.instruments.values()];

describe("finding the state or instrument a user named", () => {
  it("measures edit distance: kitten to sitting is 3, and it is symmetric", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("sitting", "kitten")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("usa", "usa")).toBe(0);
  });

  it("puts the candidate with the longest common start first among equally near ones", () => {
    const suggestions = closeMatches("NZE", states.map((s) => ({ code: s.iso3, name: s.name })));
    expect(suggestions[0]!.code).toBe("NZL");
    expect(suggestions).toHaveLength(3);
  });

  it("suggests nothing for a text far from every candidate", () => {
    expect(closeMatches("qqqqqqqq", [{ code: "USA", name: "United States of America" }])).toEqual([]);
  });

  it("accepts an ISO code in any case and an English name", () => {
    expect(resolveState(states, "nzl").iso3).toBe("NZL");
    expect(resolveState(states, "New Zealand").iso3).toBe("NZL");
    expect(resolveInstrument(instruments, "Artemis Accords").id).toBe("artemis-accords");
  });

  it("names a mistyped state and suggests the close ones", () => {
    expect(() => resolveState(states, "Nwe Zealand")).toThrow(NotFoundError);
    expect(() => resolveState(states, "Nwe Zealand")).toThrow(/"Nwe Zealand".*did you mean NZL \(New Zealand\)/);
    expect(() => resolveState(states, "SUN")).toThrow(/"SUN"/);
  });

  it("names a mistyped instrument, suggests the close ones, and lists the known ids", () => {
    expect(() => resolveInstrument(instruments, "artemis")).toThrow(/no instrument named "artemis"; did you mean artemis-accords \(Artemis Accords\)\?; known: .*ost/);
  });

  it("says that an instrument of the wrong kind is not what was asked for", () => {
    const votes = { accepts: (i: { kind: Parameters<typeof isVotedInstrument>[0] }) => isVotedInstrument(i.kind), kindLabel: "recorded vote" };
    expect(() => resolveInstrument(instruments, "ost", votes)).toThrow(/"ost" names the Outer Space Treaty \(treaty\): not a recorded vote/);
    expect(resolveInstrument(instruments, "unga-res-77-41", votes).id).toBe("unga-res-77-41");
  });
});

describe("UN document symbols as names of voted instruments", () => {
  it("finds resolution 77/41 as 77/41, A/RES/77/41 and a/res/77/41, and the drafts by their committee and Council symbols", () => {
    for (const text of ["77/41", "A/RES/77/41", " a/res/77/41 "]) expect(resolveInstrument(instruments, text).id).toBe("unga-res-77-41");
    expect(resolveInstrument(instruments, "A/C.1/77/L.62").id).toBe("unga-c1-77-l62");
    expect(resolveInstrument(instruments, "A/C.1/78/L.15/Rev.1").id).toBe("unga-c1-78-l15-rev1");
    expect(resolveInstrument(instruments, "S/2024/302").id).toBe("unsc-s-2024-302");
  });

  it("still refuses a symbol that names no stored vote, suggesting close ones", () => {
    expect(() => resolveInstrument(instruments, "A/RES/76/99")).toThrow(/no instrument named "A\/RES\/76\/99"/);
  });
});
