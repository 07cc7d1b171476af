import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { InvalidInputError, NotFoundError } from "../../src/core/concord-error.ts";
import { loadOutreachRanking } from "../../src/diplomacy/outreach.service.ts";
import type { OutreachReport } from "../../src/diplomacy/outreach.service.ts";
import { loadOutreachConfig } from "../../src/diplomacy/outreach-weights.ts";
import type { OutreachConfig } from "../../src/diplomacy/outreach-weights.ts";
import { countObjects } from "../../src/store/space-object.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { REAL_FULL_CATALOG, REAL_SATCAT, TEST_DAY, ingestRealFiles, openDiplomacyContext } from "./diplomacy-store-fixture.ts";

/** Outreach priorities over the real catalog (SATCAT 2026-01-20, full 3LE catalog 2023-10-09) and the curated registry. */
const config = loadOutreachConfig();

function withWeights(base: OutreachConfig, instrumentId: string, weights: Record<string, number>): OutreachConfig {
  const current = base.instruments[instrumentId] ?? {};
  return { ...base, instruments: { ...base.instruments, [instrumentId]: { ...current, weights: { ...base.default.weights, ...current.weights, ...weights } } } };
}

describe.skipIf(REAL_SATCAT === null || REAL_FULL_CATALOG === null).each(testDatabases())("outreach priorities over the real catalog on %s", (target) => {
  let context: ConcordContext;
  let artemis: OutreachReport;
  const rank = (report: OutreachReport, iso3: string) => report.ranked.find((c) => c.iso3 === iso3)?.rank;
  const ranking = (c: OutreachConfig, id = "artemis-accords") => loadOutreachRanking(context.database.db, id, c, { referenceDay: TEST_DAY });

  beforeAll(async () => {
    context = await openDiplomacyContext(target);
    await ingestRealFiles(context, [REAL_SATCAT!, REAL_FULL_CATALOG!]);
    artemis = await ranking(config);
  }, 240_000);
  afterAll(async () => {
    await context?.close();
  });

  it("ranks the 133 states not in the Artemis Accords and none of the 62 signatories", () => {
    expect(artemis.committedCount).toBe(62);
    expect(artemis.candidateCount).toBe(133);
    expect(artemis.ranked).toHaveLength(133);
    const signatories = new Set(context.diplomacy.acts.filter((a) => a.target === "artemis-accords").map((a) => a.party));
    expect(artemis.ranked.filter((c) => signatories.has(c.iso3))).toEqual([]);
    expect(artemis.ranked.every((c) => c.standing === "not-participant")).toBe(true);
    console.log(`Artemis Accords top 5: ${artemis.ranked.slice(0, 5).map((c) => `${c.rank}. ${c.iso3} ${c.score.toFixed(2)}`).join(", ")}`);
  });

  it("breaks each score into factors with raw value, normalised value, weight and contribution, summing to the score", () => {
    for (const c of artemis.ranked) {
      expect(c.factors).toHaveLength(7);
      for (const f of c.factors) {
        expect(f.normalised).toBeGreaterThanOrEqual(0);
        expect(f.normalised).toBeLessThanOrEqual(1);
        expect(f.contribution).toBeCloseTo(f.weight * f.normalised, 5);
      }
      expect(c.score).toBeCloseTo(c.factors.reduce((s, f) => s + f.contribution, 0), 5);
    }
    const scores = artemis.ranked.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("takes the space activity from the catalog: China, with the most objects on orbit of the candidates, normalises to 1", async () => {
    const chn = artemis.ranked.find((c) => c.iso3 === "CHN")!;
    const onOrbit = (await countObjects(context.database.db, "actor", { status: "on-orbit" })).find((g) => g.key === "CHN")!.onOrbit;
    expect(chn.factors[0]).toMatchObject({ factor: "space-objects", raw: onOrbit, normalised: 1 });
    expect(artemis.maxima.onOrbitObjects).toBe(onOrbit);
    expect(chn.rank).toBe(1);
    expect(chn.factors.find((f) => f.factor === "active-satellites")).toMatchObject({ raw: null, unknown: true });
    expect(chn.factors.find((f) => f.factor === "related-votes")?.rawText).toContain("unga-res-77-41: no");
    expect(artemis.recentYears).toEqual({ from: 2022, to: 2026 });
  });

  it("moves Türkiye, whose WEOG peers are mostly in, above China when the regional-peers weight rises to 20", async () => {
    expect(rank(artemis, "TUR")!).toBeGreaterThan(rank(artemis, "CHN")!);
    const regional = await ranking(withWeights(config, "artemis-accords", { "regional-peers": 20 }));
    expect(regional.ranked[0]!.iso3).toBe("TUR");
    expect(rank(regional, "TUR")!).toBeLessThan(rank(regional, "CHN")!);
  });

  it("drops China and Russia, which voted no on 77/41, below Türkiye when the related-votes weight rises to 10", async () => {
    const votes = await ranking(withWeights(config, "artemis-accords", { "related-votes": 10 }));
    expect(rank(votes, "CHN")!).toBeGreaterThan(rank(votes, "TUR")!);
    expect(rank(votes, "RUS")!).toBeGreaterThan(rank(votes, "TUR")!);
  });

  it("ranks the states without a DA-ASAT test commitment, weighing their votes on 77/41", async () => {
    const asat = await ranking(config, "da-asat-test-commitment");
    expect(asat.committedCount).toBe(37);
    expect(asat.candidateCount).toBe(195 - 37);
    expect(asat.settings.weights["related-votes"]).toBe(3);
    expect(asat.ranked.find((c) => c.iso3 === "USA")).toBeUndefined();
  });

  it("refuses an instrument states do not join, and a configuration naming an unknown related instrument", async () => {
    await expect(ranking(config, "lts-guidelines")).rejects.toThrow(NotFoundError);
    const bad = { ...config, instruments: { ...config.instruments, ost: { relatedCommitments: ["no-such-treaty"] } } };
    await expect(ranking(bad, "ost")).rejects.toThrow(InvalidInputError);
    await expect(ranking(bad, "ost")).rejects.toThrow(/relatedCommitments: "no-such-treaty"/);
  });
});
