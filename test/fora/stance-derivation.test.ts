import { describe, expect, it } from "vitest";
import { deriveProposalStances } from "../../src/fora/stance-derivation.ts";
import type { GroupRef, StanceEvidence } from "../../src/fora/stance-derivation.ts";
import type { SpeakerKind, Stance } from "../../src/fora/statement.ts";

const STATES = [
  { iso3: "BRA", name: "Brazil" },
  { iso3: "CHN", name: "China" },
  { iso3: "DEU", name: "Germany" },
  { iso3: "FRA", name: "France" },
  { iso3: "IND", name: "India" },
  { iso3: "USA", name: "United States of America" },
];

const GROUPS = new Map<string, GroupRef>([
  ["EU", { id: "EU", name: "European Union", memberStates: ["DEU", "FRA"] }],
  ["G77", { id: "G77", name: "Group of 77 and China", memberStates: null }],
]);

let nextId = 1;
function said(speakerKind: SpeakerKind, speakerCode: string, deliveredOn: string, stance: Stance, statementId = nextId++): StanceEvidence {
  return { statementId, sessionId: 1, agendaItemId: null, speakerKind, speakerCode, deliveredOn, stance, note: null, sourceUrl: "https://example.org/s", sourceReference: null };
}

describe("deriveProposalStances", () => {
  it("lets a state's latest statement win, keeps the earlier ones as evidence after it, and counts the rest as silent", () => {
    const early = said("state", "FRA", "2025-06-25", "supports", 10);
    const late = said("state", "FRA", "2025-06-30", "opposes", 11);
    const view = deriveProposalStances({
      states: STATES,
      groups: GROUPS,
      organisationNames: new Map(),
      evidence: [late, early, said("state", "USA", "2025-06-26", "supports"), said("state", "CHN", "2025-06-27", "reserves")],
      expandGroups: false,
    });
    const france = view.states.find((s) => s.iso3 === "FRA");
    expect(france?.stance).toBe("opposes");
    expect(france?.basis).toBe("statement");
    expect(france?.evidence.map((e) => e.statementId)).toEqual([11, 10]);
    expect(view.tally.supports).toEqual({ count: 1, states: [{ iso3: "USA", name: "United States of America", basis: "statement", via: null }] });
    expect(view.tally.opposes.count).toBe(1);
    expect(view.tally.reserves.states.map((s) => s.iso3)).toEqual(["CHN"]);
    expect(view.tally.silent.states.map((s) => s.iso3)).toEqual(["BRA", "DEU", "IND"]);
  });

  it("breaks a same-day tie by the later-recorded statement", () => {
    const view = deriveProposalStances({
      states: STATES,
      groups: GROUPS,
      organisationNames: new Map(),
      evidence: [said("state", "IND", "2026-02-03", "reserves", 21), said("state", "IND", "2026-02-03", "supports", 20)],
      expandGroups: false,
    });
    expect(view.states.find((s) => s.iso3 === "IND")?.stance).toBe("reserves");
  });

  it("shows a group's statement as the group's stance and does not copy it onto its members unless asked", () => {
    const evidence = [said("group", "EU", "2025-06-26", "supports"), said("group", "G77", "2025-06-26", "reserves")];
    const plain = deriveProposalStances({ states: STATES, groups: GROUPS, organisationNames: new Map(), evidence, expandGroups: false });
    expect(plain.groups.map((g) => [g.code, g.stance, g.memberStates])).toEqual([
      ["EU", "supports", ["DEU", "FRA"]],
      ["G77", "reserves", null],
    ]);
    expect(plain.tally.silent.count).toBe(6);
    expect(plain.unexpandedGroups).toEqual([]);
  });

  it("expands a group onto its silent members only on request, labelled, and never over a member's own statement", () => {
    const evidence = [
      said("group", "EU", "2025-06-30", "supports"),
      said("state", "FRA", "2025-06-25", "opposes"),
      said("group", "G77", "2025-06-26", "reserves"),
    ];
    const view = deriveProposalStances({ states: STATES, groups: GROUPS, organisationNames: new Map(), evidence, expandGroups: true });
    expect(view.states.find((s) => s.iso3 === "DEU")).toMatchObject({ stance: "supports", basis: "group", via: "EU" });
    expect(view.states.find((s) => s.iso3 === "FRA")).toMatchObject({ stance: "opposes", basis: "statement", via: null });
    expect(view.tally.supports.states).toEqual([{ iso3: "DEU", name: "Germany", basis: "group", via: "EU" }]);
    expect(view.tally.silent.states.map((s) => s.iso3)).toEqual(["BRA", "CHN", "IND", "USA"]);
    expect(view.unexpandedGroups).toEqual(["G77"]);
  });

  it("names organisations from the registry and keeps them out of the state tally", () => {
    const view = deriveProposalStances({
      states: STATES,
      groups: GROUPS,
      organisationNames: new Map([["ESA", "European Space Agency"]]),
      evidence: [said("organisation", "ESA", "2025-06-26", "supports")],
      expandGroups: true,
    });
    expect(view.organisations).toMatchObject([{ code: "ESA", name: "European Space Agency", stance: "supports" }]);
    expect(view.tally.supports.count).toBe(0);
    expect(view.tally.silent.count).toBe(6);
  });
});
