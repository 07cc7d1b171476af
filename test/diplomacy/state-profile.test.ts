import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import type { AsatConsistency, DebrisMitigationConsistency } from "../../src/diplomacy/consistency-view.ts";
import { loadDestructiveAsatTests } from "../../src/diplomacy/destructive-asat-test.ts";
import type { StateProfile } from "../../src/diplomacy/state-profile.ts";
import { loadStateProfile } from "../../src/diplomacy/state-profile.service.ts";
import { NotFoundError } from "../../src/core/concord-error.ts";
import { countObjects } from "../../src/store/space-object.repository.ts";
import { testDatabases } from "../support/test-databases.ts";
import { REAL_ACTIVE_SET, REAL_FULL_CATALOG, REAL_SATCAT, TEST_DAY, ingestRealFiles, openDiplomacyContext } from "./diplomacy-store-fixture.ts";

/**
 * State profiles over the real catalog (Space-Track SATCAT of 2026-01-20 and the full 3LE catalog of 2023-10-09): each
 * fact checked against the curated registry (data/diplomacy) and against the catalog's own counts.
 */
const asatTests = loadDestructiveAsatTests(TEST_DAY);

describe.skipIf(REAL_SATCAT === null || REAL_FULL_CATALOG === null).each(testDatabases())("state profiles over the real catalog on %s", (target) => {
  let context: ConcordContext;
  const profiles = new Map<string, StateProfile>();
  const profile = (iso3: string) => profiles.get(iso3)!;
  const answer = (iso3: string, instrumentId: string) => profile(iso3).commitments.find((c) => c.instrument.id === instrumentId)!.answer;
  const forum = (iso3: string, forumId: string) => profile(iso3).fora.find((f) => f.subject === forumId)!;
  const curated = (party: string, target: string) => context.diplomacy.acts.find((a) => a.party === party && a.target === target)!;
  const asat = (iso3: string) => profile(iso3).consistency.find((c): c is AsatConsistency => c.topic === "destructive-asat-tests")!;
  const actor = (iso3: string, code: string) => profile(iso3).conduct.actors.find((a) => a.actorCode === code)!;

  beforeAll(async () => {
    context = await openDiplomacyContext(target);
    await ingestRealFiles(context, [REAL_SATCAT!, REAL_FULL_CATALOG!]);
    for (const iso3 of ["USA", "CHN", "IND", "RUS", "NZL"]) profiles.set(iso3, await loadStateProfile(context.database.db, context.actors, asatTests, iso3));
  }, 240_000);
  afterAll(async () => {
    await context?.close();
  });

  it("gives the United States as an Artemis signatory of 2020-10-13 and a DA-ASAT pledger of 2022-04-18, with the curated sources", () => {
    expect(answer("USA", "artemis-accords")).toMatchObject({ status: "known", value: "participant", date: "2020-10-13", source: curated("USA", "artemis-accords").source });
    expect(answer("USA", "da-asat-test-commitment")).toMatchObject({ status: "known", value: "participant", date: "2022-04-18", asOf: "2023-10-24" });
    expect(answer("USA", "da-asat-test-commitment").source).toBe(curated("USA", "da-asat-test-commitment").source);
    expect(answer("USA", "moon-agreement")).toMatchObject({ status: "known", value: "not-participant", asOf: "2024-01-05" });
    expect(forum("USA", "copuos")).toMatchObject({ value: "member", date: "1958" });
    expect(forum("USA", "iadc").statement).toContain("through NASA");
  });

  it("shows a vote the stored roll call does not list as unknown, never as no", () => {
    const vote = answer("USA", "unga-res-77-41");
    expect(vote.status).toBe("unknown");
    expect(vote.value).toBeNull();
    expect(answer("CHN", "unga-res-77-41")).toMatchObject({ status: "known", value: "no", date: "2022-12-07" });
    expect(answer("IND", "unga-res-77-41")).toMatchObject({ status: "known", value: "abstain" });
  });

  it("counts each state's objects exactly as `concord stats --by state` does, split on orbit and decayed", async () => {
    const stats = new Map((await countObjects(context.database.db, "actor")).map((g) => [g.key, g]));
    for (const [iso3, code] of [["USA", "USA"], ["CHN", "CHN"], ["IND", "IND"], ["RUS", "RUS"], ["RUS", "SUN"], ["NZL", "NZL"]] as const) {
      const conduct = actor(iso3, code);
      const expected = stats.get(code)!;
      expect(conduct.objects).toEqual({ total: expected.count, onOrbit: expected.onOrbit, decayed: expected.decayed });
      expect(conduct.byType.reduce((s, t) => s + t.total, 0)).toBe(expected.count);
      expect(conduct.byRegime.reduce((s, r) => s + r.onOrbit, 0)).toBe(expected.onOrbit);
      expect(conduct.byTypeAndRegime.reduce((s, r) => s + r.decayed, 0)).toBe(expected.decayed);
    }
    console.log(
      ["USA", "CHN", "IND", "RUS", "NZL"].map((s) => `${s}: ${profile(s).conduct.actors.map((a) => `${a.actorCode} ${a.objects.total} (${a.objects.onOrbit} on orbit)`).join(", ")}`).join("; "),
    );
    expect(actor("USA", "USA").objects.onOrbit).toBeGreaterThan(10_000);
    expect(actor("NZL", "NZL").objects.total).toBeGreaterThan(0);
  });

  it("cites the SATCAT ingest and its as-of date for every catalog figure", () => {
    const { catalog } = profile("USA").conduct;
    expect(catalog.asOf).toBe("2026-01-20");
    expect(catalog.source).toContain("spacetrack_satcat_2026-01-20.json.gz");
    expect(catalog.source).toContain("data/actors.csv");
    for (const item of profile("CHN").consistency) {
      const counts = item.topic === "destructive-asat-tests" ? [item.testDebris!, ...item.tests.flatMap((t) => (t.catalogDebris === null ? [] : [t.catalogDebris]))] : [item.debris!];
      for (const c of counts) expect(c).toMatchObject({ source: catalog.source, asOf: "2026-01-20" });
    }
  });

  it("says active satellites, conjunctions and disposal compliance are unknown where no active set, screening run or analysis exists", () => {
    const usa = profile("USA").conduct;
    expect(actor("USA", "USA").activeSatellites).toMatchObject({ status: "unknown", reason: expect.stringContaining("no active set") });
    expect(usa.conjunctions).toMatchObject({ status: "unknown", reason: expect.stringContaining("no screening run") });
    expect(usa.disposalCompliance).toMatchObject({ status: "unknown", reason: expect.stringContaining("not yet analysed") });
    const debris = profile("USA").consistency.find((c): c is DebrisMitigationConsistency => c.topic === "debris-mitigation")!;
    expect(debris.summary).toContain("not yet analysed");
  });

  it("counts the launches per year with a US object from Explorer 1's year on", () => {
    const years = actor("USA", "USA").launchesPerYear;
    expect(years[0]).toMatchObject({ year: 1958 });
    expect(years.find((y) => y.year === 2024)!.launches).toBeGreaterThan(100);
  });

  it("puts China's DA-ASAT non-commitment beside the Fengyun-1C debris (parent 1999-025) still in orbit", () => {
    expect(answer("CHN", "da-asat-test-commitment")).toMatchObject({ status: "known", value: "not-participant", asOf: "2023-10-24" });
    const item = asat("CHN");
    expect(item.tests).toHaveLength(1);
    const [fy1c] = item.tests;
    expect(fy1c!.test).toMatchObject({ date: "2007-01-11", targetName: "Fengyun-1C", debrisLaunches: ["1999-025"], debrisOnOrbit: 2351, debrisAsOf: "2026-02" });
    console.log(`FY-1C debris: catalog ${fy1c!.catalogDebris!.onOrbit} on orbit of ${fy1c!.catalogDebris!.total}; published ${fy1c!.test.debrisOnOrbit} of ${fy1c!.test.debrisCatalogued}`);
    expect(fy1c!.catalogDebris!.total).toBeGreaterThan(3_500);
    expect(Math.abs(fy1c!.catalogDebris!.onOrbit - 2351)).toBeLessThan(100);
    expect(fy1c!.relativeToCommitment).toBeNull();
    const parent = actor("CHN", "CHN").debris.byParent[0]!;
    expect(parent).toMatchObject({ launchDesignator: "1999-025", principalName: "FENGYUN 1C", asatTestDate: "2007-01-11", onOrbit: fy1c!.catalogDebris!.onOrbit });
  });

  it("shows India's Artemis signature of 2023-06-21 beside its Microsat-R test (2019-006), whose debris has all decayed", () => {
    expect(answer("IND", "artemis-accords")).toMatchObject({ value: "participant", date: "2023-06-21" });
    const [shakti] = asat("IND").tests;
    expect(shakti!.test).toMatchObject({ date: "2019-03-27", targetName: "Microsat-R", debrisLaunches: ["2019-006"], debrisCatalogued: 130, debrisOnOrbit: 0 });
    expect(shakti!.catalogDebris).toMatchObject({ onOrbit: 0 });
    expect(shakti!.catalogDebris!.total).toBeGreaterThanOrEqual(125);
    expect(forum("IND", "iadc").statement).toContain("through ISRO");
  });

  it("shows the USSR's objects for Russia as a predecessor, apart, and counts the Cosmos 1408 debris (1982-092) there", () => {
    const [self, predecessor] = profile("RUS").conduct.actors;
    expect(self).toMatchObject({ actorCode: "RUS", relation: "self", validTo: null });
    expect(predecessor).toMatchObject({ actorCode: "SUN", relation: "predecessor", validTo: "1991-12-26" });
    const cosmos1408 = asat("RUS").tests.find((t) => t.test.date === "2021-11-15")!;
    expect(cosmos1408.test).toMatchObject({ conductedBy: "RUS", debrisLaunches: ["1982-092"], debrisCatalogued: 1807, debrisOnOrbit: 5 });
    console.log(`Cosmos 1408 debris: catalog ${cosmos1408.catalogDebris!.total} catalogued, ${cosmos1408.catalogDebris!.onOrbit} on orbit; published 1807 / 5`);
    expect(cosmos1408.catalogDebris!.total).toBeGreaterThan(1_700);
    expect(cosmos1408.catalogDebris!.onOrbit).toBeLessThan(50);
    expect(predecessor!.debris.byParent.find((p) => p.launchDesignator === "1982-092")).toMatchObject({ principalName: "COSMOS 1408", asatTestDate: "2021-11-15" });
    expect(asat("RUS").tests.length).toBe(asatTests.filter((t) => t.stateIso3 === "RUS").length);
    expect(answer("RUS", "unga-res-77-41")).toMatchObject({ value: "no" });
  });

  it("gives New Zealand's Artemis signature of 2021-05-31, its pledge, and its space agency's IADC associate membership", () => {
    expect(answer("NZL", "artemis-accords")).toMatchObject({ value: "participant", date: "2021-05-31", source: curated("NZL", "artemis-accords").source });
    expect(answer("NZL", "da-asat-test-commitment")).toMatchObject({ value: "participant", date: "2022-07-01" });
    expect(forum("NZL", "iadc").statement).toBe("associate-membership since 2024 (through NZSA)");
    expect(forum("NZL", "copuos")).toMatchObject({ value: "member", date: "2016" });
    expect(asat("NZL").tests).toEqual([]);
    expect(asat("NZL").summary).toContain("no destructive ASAT test on record");
  });

  it("puts the US tests before its pledge", () => {
    expect(asat("USA").tests.map((t) => [t.test.date, t.relativeToCommitment, t.catalogDebris?.onOrbit])).toEqual([
      ["1985-09-13", "before", 0],
      ["1986-09-05", "before", 0],
      ["2008-02-21", "before", 0],
    ]);
  });

  it("rejects an unknown state, naming it and suggesting close matches", async () => {
    const failure = loadStateProfile(context.database.db, context.actors, asatTests, "NZE");
    await expect(failure).rejects.toThrow(NotFoundError);
    await expect(failure).rejects.toThrow(/"NZE".*did you mean.*NZL \(New Zealand\)/);
  });

  it.skipIf(REAL_ACTIVE_SET === null)("counts active satellites once an active set is ingested", async () => {
    await ingestRealFiles(context, [REAL_ACTIVE_SET!], true);
    const usa = await loadStateProfile(context.database.db, context.actors, asatTests, "USA");
    const active = usa.conduct.actors[0]!.activeSatellites;
    expect(active.status).toBe("known");
    const count = active.status === "known" ? active.value : 0;
    console.log(`active satellites (CelesTrak active set of 2026-08-18): USA ${count}`);
    expect(count).toBeGreaterThan(8_000);
    expect(usa.conduct.catalog.activeSet?.source).toContain("celestrak_active_gp_2026-08-18.csv");
  }, 120_000);
});
