import { describe, expect, it } from "vitest";
import { logScaled, scoreOutreach } from "../../src/diplomacy/outreach-score.ts";
import type { OutreachCandidate, OutreachEvidence } from "../../src/diplomacy/outreach-score.ts";
import type { OutreachSettings } from "../../src/diplomacy/outreach-weights.ts";

const settings: OutreachSettings = {
  weights: { "space-objects": 2, "active-satellites": 2, "recent-launches": 2, "copuos-member": 1, "related-commitments": 1, "related-votes": 1, "regional-peers": 1 },
  relatedCommitments: ["ost"],
  relatedVotes: ["unga-res-77-41"],
  voteValues: { yes: 1, abstain: 0.3, no: 0, absent: 0.5, "non-voting": 0.5, unknown: 0.6 },
  recentLaunchYears: 5,
};

function candidate(iso3: string, evidence: Partial<OutreachEvidence>): OutreachCandidate {
  return {
    iso3,
    name: iso3,
    standing: "not-participant",
    standingSource: "test",
    standingAsOf: "2026-01-01",
    evidence: {
      onOrbitObjects: 0,
      activeSatellites: 0,
      recentLaunches: 0,
      copuosMember: false,
      relatedCommitments: [{ instrumentId: "ost", participant: false }],
      relatedVotes: [{ instrumentId: "unga-res-77-41", vote: "no" }],
      regionalPeers: { group: "weog", committed: 0, members: 10 },
      ...evidence,
    },
  };
}

const busy = candidate("BSY", { onOrbitObjects: 999, activeSatellites: 99, recentLaunches: 20, copuosMember: true });
const regional = candidate("REG", { onOrbitObjects: 9, regionalPeers: { group: "weog", committed: 9, members: 10 }, relatedVotes: [{ instrumentId: "unga-res-77-41", vote: "yes" }] });
const quiet = candidate("QUT", {});

describe("the outreach score", () => {
  it("log-scales a count against the largest among the candidates: 9 of 99 is log 10 / log 100 = 0.5", () => {
    expect(logScaled(9, 99)).toBeCloseTo(0.5, 12);
    expect(logScaled(99, 99)).toBe(1);
    expect(logScaled(0, 99)).toBe(0);
    expect(logScaled(5, 0)).toBe(0);
  });

  it("breaks every score into factors whose contribution is weight × normalised value and whose sum is the score", () => {
    const { ranked, maxScore } = scoreOutreach([busy, regional, quiet], settings);
    expect(maxScore).toBe(10);
    for (const c of ranked) {
      expect(c.factors.map((f) => f.factor)).toEqual(["space-objects", "active-satellites", "recent-launches", "copuos-member", "related-commitments", "related-votes", "regional-peers"]);
      for (const f of c.factors) expect(f.contribution).toBeCloseTo(f.weight * f.normalised, 5);
      expect(c.score).toBeCloseTo(c.factors.reduce((s, f) => s + f.contribution, 0), 5);
    }
    const reg = ranked.find((c) => c.iso3 === "REG")!;
    expect(reg.factors.find((f) => f.factor === "space-objects")).toMatchObject({ raw: 9, normalised: 0.333333, weight: 2, contribution: 0.666667 });
    expect(reg.factors.find((f) => f.factor === "regional-peers")).toMatchObject({ raw: 0.9, normalised: 0.9, rawText: "9 of 10 other weog states committed" });
    expect(reg.factors.find((f) => f.factor === "related-votes")).toMatchObject({ raw: 1, rawText: "unga-res-77-41: yes" });
  });

  it("ranks the busiest space actor first with the default weights, and the state whose region is mostly in first when regional peers weigh most", () => {
    expect(scoreOutreach([quiet, regional, busy], settings).ranked.map((c) => c.iso3)).toEqual(["BSY", "REG", "QUT"]);
    const regionFirst = { ...settings, weights: { ...settings.weights, "regional-peers": 20 } };
    expect(scoreOutreach([quiet, regional, busy], regionFirst).ranked.map((c) => c.iso3)).toEqual(["REG", "BSY", "QUT"]);
  });

  it("removes a factor's influence with a weight of zero", () => {
    const noActivity = { ...settings, weights: { ...settings.weights, "space-objects": 0, "active-satellites": 0, "recent-launches": 0, "copuos-member": 0 } };
    const { ranked } = scoreOutreach([busy, regional], noActivity);
    expect(ranked.map((c) => c.iso3)).toEqual(["REG", "BSY"]);
    expect(ranked[1]!.factors.filter((f) => f.factor !== "related-commitments" && f.factor !== "related-votes" && f.factor !== "regional-peers").every((f) => f.contribution === 0)).toBe(true);
  });

  it("counts an unknown fact as nothing (or as the configured unknown vote value) and marks it unknown", () => {
    const unknown = candidate("UNK", {
      onOrbitObjects: null,
      activeSatellites: null,
      copuosMember: null,
      relatedCommitments: [{ instrumentId: "ost", participant: null }],
      relatedVotes: [{ instrumentId: "unga-res-77-41", vote: null }],
    });
    const factors = scoreOutreach([unknown, busy], settings).ranked.find((c) => c.iso3 === "UNK")!.factors;
    const byId = new Map(factors.map((f) => [f.factor, f]));
    expect(byId.get("active-satellites")).toMatchObject({ raw: null, normalised: 0, unknown: true });
    expect(byId.get("copuos-member")).toMatchObject({ raw: null, normalised: 0, unknown: true });
    expect(byId.get("related-commitments")).toMatchObject({ normalised: 0, unknown: true, rawText: "in 0 of 1 (none); unknown: ost" });
    expect(byId.get("related-votes")).toMatchObject({ normalised: 0.6, unknown: true });
    expect(byId.get("space-objects")).toMatchObject({ raw: null, normalised: 0, unknown: true, rawText: "objects on orbit unknown (no catalog in the store)" });
    expect(byId.get("recent-launches")?.unknown).toBe(false);
  });

  it("breaks ties by ISO code and numbers the ranks from 1", () => {
    const { ranked } = scoreOutreach([candidate("ZZB", {}), candidate("AAB", {})], settings);
    expect(ranked.map((c) => [c.rank, c.iso3])).toEqual([
      [1, "AAB"],
      [2, "ZZB"],
    ]);
  });
});
