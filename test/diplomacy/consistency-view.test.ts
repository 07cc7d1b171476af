import { describe, expect, it } from "vitest";
import type { Act } from "../../src/diplomacy/act.ts";
import { consistencyView } from "../../src/diplomacy/consistency-view.ts";
import type { AsatConsistency, ConsistencyInput } from "../../src/diplomacy/consistency-view.ts";
import type { DestructiveAsatTest } from "../../src/diplomacy/destructive-asat-test.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { unknown } from "../../src/diplomacy/knowledge.ts";
import { stateStandings } from "../../src/diplomacy/state-standings.ts";

const registry = loadDiplomacyRegistry("2026-11-26");

function test(date: string, launches: string[]): DestructiveAsatTest {
  return {
    date,
    stateIso3: "AUS",
    conductedBy: "AUS",
    certainty: "confirmed",
    testType: "direct-ascent",
    targetName: `target of ${date}`,
    targetCatalogNumber: null,
    targetDesignator: null,
    debrisLaunches: launches,
    altitudeKm: null,
    debrisCatalogued: 10,
    debrisOnOrbit: 1,
    debrisAsOf: "2026-02",
    source: "test",
    asOf: "2026-02-28",
    note: null,
  };
}

function input(acts: Act[], tests: DestructiveAsatTest[]): ConsistencyInput {
  const state = registry.states.get("AUS")!;
  return {
    standings: stateStandings(state, [...registry.instruments.values()], [...registry.fora.values()], [...registry.organisations.values()], acts),
    asatTests: tests,
    debrisByLaunch: new Map([
      ["2001-001", { total: 10, onOrbit: 4, decayed: 6 }],
      ["2002-002", { total: 5, onOrbit: 0, decayed: 5 }],
    ]),
    ownDebris: { total: 100, onOrbit: 40, decayed: 60 },
    predecessorDebris: [],
    disposalCompliance: unknown("not yet analysed"),
    catalogIngested: true,
    catalogSource: "SATCAT test",
    catalogAsOf: "2026-01-20",
  };
}

const pledge: Act = { party: "AUS", target: "da-asat-test-commitment", targetType: "instrument", kind: "pledge", date: "2022-10", vote: null, source: "pledge source", asOf: "2023-10-24", note: null };
const asatOf = (items: ReturnType<typeof consistencyView>) => items.find((i): i is AsatConsistency => i.topic === "destructive-asat-tests")!;

describe("the consistency view", () => {
  it("places each test before, after, or (when the dates overlap) undetermined against the commitment", () => {
    const item = asatOf(consistencyView(input([pledge], [test("2021-05-01", ["2001-001"]), test("2022", ["2002-002"]), test("2023-01-15", [])])));
    expect(item.tests.map((t) => [t.test.date, t.relativeToCommitment])).toEqual([
      ["2021-05-01", "before"],
      ["2022", "undetermined"],
      ["2023-01-15", "after"],
    ]);
    expect(item.summary).toContain("Commitment: pledge 2022-10. 3 destructive ASAT test(s) on record (2021-05-01, 2022, 2023-01-15), 1 after the commitment");
  });

  it("sums the catalog's debris of each test's launches, and leaves it unknown for a test that names no launch", () => {
    const item = asatOf(consistencyView(input([pledge], [test("2021-05-01", ["2001-001", "2002-002"]), test("2023-01-15", [])])));
    expect(item.tests[0]!.catalogDebris).toEqual({ total: 15, onOrbit: 4, decayed: 11, source: "SATCAT test", asOf: "2026-01-20" });
    expect(item.tests[1]!.catalogDebris).toBeNull();
    expect(item.testDebris).toMatchObject({ total: 15, onOrbit: 4 });
  });

  it("relates no test to a commitment the state has not made", () => {
    const item = asatOf(consistencyView(input([], [test("2021-05-01", ["2001-001"])])));
    expect(item.commitments[0]).toMatchObject({ subject: "da-asat-test-commitment", value: "not-participant" });
    expect(item.tests[0]!.relativeToCommitment).toBeNull();
  });

  it("leaves the debris unknown, not zero, when no catalog is stored", () => {
    const items = consistencyView({ ...input([pledge], [test("2021-05-01", ["2001-001"])]), catalogIngested: false });
    const item = asatOf(items);
    expect(item.tests[0]!.catalogDebris).toBeNull();
    expect(item.testDebris).toBeNull();
    expect(item.summary).toContain("their debris in orbit is unknown (no catalog stored)");
    const debris = items.find((i) => i.topic === "debris-mitigation")!;
    expect(debris.topic === "debris-mitigation" && debris.debris).toBeNull();
  });

  it("puts the debris guidelines beside a compliance that is not yet analysed, never a rate of zero", () => {
    const debris = consistencyView(input([], [])).find((i) => i.topic === "debris-mitigation")!;
    expect(debris.topic === "debris-mitigation" && debris.disposalCompliance.status).toBe("unknown");
    expect(debris.commitments.map((c) => c.subject)).toEqual(expect.arrayContaining(["un-sdm-guidelines", "iadc-sdm-guidelines", "iadc"]));
    expect(debris.summary).toContain("not yet analysed; 40 debris piece(s) attributed to it on orbit");
  });
});
