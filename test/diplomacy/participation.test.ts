import { describe, expect, it } from "vitest";
import type { Act } from "../../src/diplomacy/act.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { tallyVotes } from "../../src/diplomacy/instrument-standings.ts";
import type { Instrument } from "../../src/diplomacy/instrument.ts";
import { participationOf, voteOf } from "../../src/diplomacy/participation.ts";
import { stateStandings } from "../../src/diplomacy/state-standings.ts";

const registry = loadDiplomacyRegistry("2026-11-26");
const instrument = (id: string) => registry.instruments.get(id)!;
const actsOf = (party: string, target: string) => registry.acts.filter((a) => a.party === party && a.target === target);
const act = (over: Partial<Act>): Act => ({
  party: "ATL",
  target: "ost",
  targetType: "instrument",
  kind: "party",
  date: null,
  vote: null,
  source: "test source",
  asOf: "2026-01-01",
  note: null,
  ...over,
});
const partialTreaty: Instrument = { ...instrument("ost") };

describe("participation under an instrument", () => {
  it("is known from a consent act, a signature alone, a not-party act or a withdrawal", () => {
    expect(participationOf(partialTreaty, [act({ kind: "accession", date: "1968" })])).toMatchObject({ status: "known", value: { standing: "participant", asOf: "2026-01-01" } });
    expect(participationOf(partialTreaty, [act({ kind: "signature" }), act({ kind: "not-party" })])).toMatchObject({ value: { standing: "signatory" } });
    expect(participationOf(partialTreaty, [act({ kind: "not-party" })])).toMatchObject({ value: { standing: "not-participant", act: { kind: "not-party" } } });
    expect(participationOf(partialTreaty, [act({ kind: "accession" }), act({ kind: "withdrawal", date: "2024-01-05" })])).toMatchObject({ value: { standing: "withdrawn" } });
  });

  it("is unknown, not no, for a state without acts under an instrument whose stored acts are partial", () => {
    expect(participationOf(partialTreaty, [])).toMatchObject({ status: "unknown" });
    expect(participationOf(instrument("ost"), actsOf("BRN", "ost")).status).toBe("unknown");
  });

  it("is a known no, resting on the complete list, for a state without acts under a completely listed instrument", () => {
    const moon = participationOf(instrument("moon-agreement"), actsOf("USA", "moon-agreement"));
    expect(moon).toEqual({ status: "known", value: { standing: "not-participant", act: null, asOf: "2024-01-05", source: expect.stringContaining("complete list") } });
    expect(participationOf(instrument("moon-agreement"), actsOf("SAU", "moon-agreement"))).toMatchObject({ value: { standing: "withdrawn", act: { date: "2024-01-05" } } });
    expect(participationOf(instrument("artemis-accords"), actsOf("NZL", "artemis-accords"))).toMatchObject({ value: { standing: "participant", act: { date: "2021-05-31" } } });
  });

  it("is not applicable under consensus guidelines and under voted instruments", () => {
    expect(participationOf(instrument("lts-guidelines"), []).status).toBe("not-applicable");
    expect(participationOf(instrument("unga-res-77-41"), []).status).toBe("not-applicable");
  });
});

describe("a state's vote", () => {
  const usa = registry.states.get("USA")!;
  it("is known where the roll call names the state, unknown where the roll call is partial, not applicable for an observer State", () => {
    expect(voteOf(instrument("unga-res-77-41"), registry.states.get("CHN")!, actsOf("CHN", "unga-res-77-41")[0])).toMatchObject({ status: "known", value: { vote: "no" } });
    expect(voteOf(instrument("unga-res-77-41"), usa, undefined).status).toBe("unknown");
    expect(voteOf(instrument("unga-res-77-41"), registry.states.get("VAT")!, undefined).status).toBe("not-applicable");
  });

  it("is not applicable for a state outside a Council's complete roll call", () => {
    expect(voteOf(instrument("unsc-s-2024-302"), registry.states.get("NZL")!, undefined).status).toBe("not-applicable");
    expect(voteOf(instrument("unsc-s-2024-302"), usa, actsOf("USA", "unsc-s-2024-302")[0])).toMatchObject({ value: { vote: "yes" } });
  });

  it("tallies 77/41 as 9 no and 9 abstain known, 175 Member States unknown, consistent with 155-9-9", () => {
    const tally = tallyVotes(instrument("unga-res-77-41"), [...registry.states.values()], registry.acts.filter((a) => a.target === "unga-res-77-41"));
    expect(tally.known).toEqual({ yes: 0, no: 9, abstain: 9, absent: 0, "non-voting": 0 });
    expect(tally.unknownStates).toHaveLength(175);
    expect(tally.consistent).toBe(true);
    const inconsistent = tallyVotes({ ...instrument("unga-res-77-41"), recordedTally: { yes: 155, no: 8, abstain: 9, nonVoting: 20 } }, [...registry.states.values()], registry.acts);
    expect(inconsistent.consistent).toBe(false);
  });
});

describe("a state's standings", () => {
  const standingsOf = (iso3: string) => {
    const agencies = [...registry.organisations.values()].filter((o) => o.stateIso3 === iso3).map((o) => o.code);
    return stateStandings(
      registry.states.get(iso3)!,
      [...registry.instruments.values()],
      [...registry.fora.values()],
      [...registry.organisations.values()],
      registry.acts.filter((a) => a.party === iso3 || agencies.includes(a.party)),
    );
  };
  const forum = (iso3: string, id: string) => standingsOf(iso3).fora.find((f) => f.forum.id === id)!.membership;

  it("count a national agency's forum membership as the state's, naming the agency", () => {
    expect(forum("NZL", "iadc")).toMatchObject({ status: "known", value: { member: true, via: "NZSA", act: { kind: "associate-membership", date: "2024" } } });
    expect(forum("USA", "iadc")).toMatchObject({ value: { member: true, via: "NASA" } });
    expect(forum("BRA", "iadc")).toMatchObject({ value: { member: false } });
  });

  it("borrow subcommittee membership from COPUOS, follow UN membership in the General Assembly, and leave unlisted fora unknown", () => {
    expect(forum("NZL", "copuos-stsc")).toMatchObject({ value: { member: true, act: { target: "copuos", date: "2016" } } });
    expect(forum("VAT", "unga-first-committee")).toMatchObject({ status: "known", value: { member: false } });
    expect(forum("USA", "conference-on-disarmament").status).toBe("unknown");
  });

  it("give a state's acts per instrument: the US party to the OST, signatory of the Accords, pledged, its 77/41 vote unknown", () => {
    const usa = standingsOf("USA");
    const entry = (id: string) => usa.instruments.find((e) => e.instrument.id === id)!;
    expect(usa.agencies.map((a) => a.code)).toEqual(["NASA"]);
    expect(entry("ost").participation).toMatchObject({ value: { standing: "participant" } });
    expect(entry("artemis-accords").participation).toMatchObject({ value: { standing: "participant", act: { date: "2020-10-13" } } });
    expect(entry("da-asat-test-commitment").participation).toMatchObject({ value: { standing: "participant", act: { date: "2022-04-18" } } });
    expect(entry("unga-res-77-41").vote?.status).toBe("unknown");
    expect(entry("lts-guidelines").participation?.status).toBe("not-applicable");
  });
});
