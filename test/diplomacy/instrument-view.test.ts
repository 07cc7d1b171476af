import { describe, expect, it } from "vitest";
import type { Act } from "../../src/diplomacy/act.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { instrumentStandings, tallyVotes } from "../../src/diplomacy/instrument-standings.ts";
import { instrumentGrowth, instrumentView } from "../../src/diplomacy/instrument-view.ts";
import { voteView } from "../../src/diplomacy/vote-view.ts";

const registry = loadDiplomacyRegistry("2026-11-26");
const states = [...registry.states.values()];
const names = new Map(states.map((s) => [s.iso3, s.name]));

function view(id: string) {
  const instrument = registry.instruments.get(id)!;
  const acts = registry.acts.filter((a) => a.target === id);
  const votes = instrument.recordedTally === null ? null : voteView(tallyVotes(instrument, states, acts), acts, names);
  return instrumentView(instrumentStandings(instrument, states, acts), acts, names, votes, Number(instrument.coverageAsOf!.slice(0, 4)));
}

const act = (party: string, kind: Act["kind"], date: string | null): Act => ({ party, target: "t", targetType: "instrument", kind, date, vote: null, source: "s", asOf: "2026-01-01", note: null });

describe("the instrument view", () => {
  it("grows the Artemis Accords year by year to the 62 signatories of 2026, from the 9 of 2020", () => {
    const artemis = view("artemis-accords");
    console.log(artemis.growth.years.map((y) => `${y.year}: +${y.joined} = ${y.cumulative}`).join(", "));
    expect(artemis.growth.years.map((y) => [y.year, y.cumulative])).toEqual([
      [2020, 9],
      [2021, 14],
      [2022, 23],
      [2023, 33],
      [2024, 52],
      [2025, 59],
      [2026, 62],
    ]);
    expect(artemis.growth.undated).toBe(0);
    expect(artemis.participants[0]).toMatchObject({ participation: { act: { date: "2020-10-13" } } });
    expect(artemis.knownOut).toHaveLength(195 - 62);
    expect(artemis.unknown).toEqual([]);
    expect(artemis.votes).toBeNull();
  });

  it("counts Saudi Arabia's withdrawal from the Moon Agreement down in 2024", () => {
    const moon = view("moon-agreement");
    expect(moon.withdrawn.map((r) => [r.party, r.participation.act?.date])).toEqual([["SAU", "2024-01-05"]]);
    const y2024 = moon.growth.years.find((y) => y.year === 2024)!;
    expect(y2024.withdrawn).toBe(1);
    expect(moon.growth.years.at(-1)!.cumulative).toBe(moon.participants.length);
  });

  it("keeps the states whose standing under the Outer Space Treaty is unknown apart from those known to be out", () => {
    const ost = view("ost");
    expect(ost.participants).toHaveLength(83);
    expect(ost.unknown).toHaveLength(195 - 83 - 11 - 8);
    expect(ost.unknown.map((u) => u.iso3)).toContain("BRN");
    expect(ost.knownOut.map((r) => r.party)).not.toContain("BRN");
    expect(ost.growth.undated).toBeGreaterThan(50);
  });

  it("shows who voted how on 77/41 with each vote's source, and the 175 unstored votes as unknown", () => {
    const votes = view("unga-res-77-41").votes!;
    expect(votes.recorded).toEqual({ yes: 155, no: 9, abstain: 9, nonVoting: 20 });
    const no = votes.votes.find((v) => v.vote === "no")!.states;
    expect(no.map((s) => s.iso3)).toContain("CHN");
    expect(no.every((s) => s.source.length > 10 && s.asOf === "2022-12-07")).toBe(true);
    expect(votes.unknownStates).toHaveLength(175);
    expect(votes.consistent).toBe(true);
  });

  it("leaves a participant with an unknown joining date out of the years but counts it, and a withdrawer it cannot place out altogether", () => {
    const treaty = registry.instruments.get("ost")!;
    const growth = instrumentGrowth(treaty, [act("AAA", "ratification", "1970"), act("BBB", "accession", null), act("CCC", "party", null), act("CCC", "withdrawal", "1980-05"), act("DDD", "ratification", "1968-01-02"), act("DDD", "withdrawal", "1975")], 1976);
    expect(growth.undated).toBe(1);
    expect(growth.years.map((y) => [y.year, y.joined, y.withdrawn, y.cumulative])).toEqual([
      [1968, 1, 0, 1],
      [1969, 0, 0, 1],
      [1970, 1, 0, 2],
      [1971, 0, 0, 2],
      [1972, 0, 0, 2],
      [1973, 0, 0, 2],
      [1974, 0, 0, 2],
      [1975, 0, 1, 1],
      [1976, 0, 0, 1],
    ]);
  });
});
