import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadActorTable } from "../../src/catalog/actor-table.ts";
import { parseCsvRecords } from "../../src/core/csv.ts";
import { DiplomacyDataError } from "../../src/diplomacy/curated-table.ts";
import { loadDestructiveAsatTests, parseDestructiveAsatTests } from "../../src/diplomacy/destructive-asat-test.ts";
import { isIsoDay, isOnOrBefore } from "../../src/diplomacy/partial-date.ts";
import { sharedDataFile } from "../support/shared-data.ts";

/** Data tests of data/diplomacy/destructive-asat-tests.csv, and the file against the compiled facts it was built from. */
const DATA_AS_OF = "2026-11-26";
const tests = loadDestructiveAsatTests(DATA_AS_OF);
const actors = loadActorTable();
const compiled = sharedDataFile("diplomacy/destructive_asat_tests.csv");

describe("the curated destructive ASAT tests", () => {
  it("list the 16 debris-generating tests, each sourced, dated, and none in the future", () => {
    const onOrbit = tests.reduce((s, t) => s + (t.debrisOnOrbit ?? 0), 0);
    const catalogued = tests.reduce((s, t) => s + (t.debrisCatalogued ?? 0), 0);
    console.log(`${tests.length} tests (${tests.map((t) => `${t.stateIso3} ${t.date}`).join(", ")}); published debris ${catalogued} catalogued, ${onOrbit} on orbit (Feb 2026)`);
    expect(tests).toHaveLength(16);
    for (const t of tests) {
      expect(t.source.length).toBeGreaterThan(20);
      expect(isIsoDay(t.asOf)).toBe(true);
      expect(isOnOrBefore(t.date, DATA_AS_OF)).toBe(true);
    }
    expect(new Map(["USA", "RUS", "CHN", "IND"].map((s) => [s, tests.filter((t) => t.stateIso3 === s).length]))).toEqual(
      new Map([
        ["USA", 3],
        ["RUS", 11],
        ["CHN", 1],
        ["IND", 1],
      ]),
    );
  });

  it("attribute each test to a state of the actor table, or to a historic state it succeeded", () => {
    for (const t of tests) {
      const actor = actors.actors.get(t.conductedBy);
      expect(actor, t.conductedBy).toBeDefined();
      if (t.conductedBy === t.stateIso3) expect(actor!.kind).toBe("state");
      else expect(actor).toMatchObject({ kind: "historic-state", successors: expect.arrayContaining([t.stateIso3]) });
    }
  });

  it.skipIf(compiled === null)("keep every compiled row's date, target and published debris counts", () => {
    const [header, ...records] = parseCsvRecords(readFileSync(compiled!, "utf8"));
    const rows = records.map((r) => Object.fromEntries(header!.fields.map((column, i) => [column, r.fields[i] ?? ""])));
    expect(rows).toHaveLength(tests.length);
    rows.forEach((row, i) => {
      const t = tests[i]!;
      expect(row["date"]!.startsWith(t.date), `${row["date"]} vs ${t.date}`).toBe(true);
      expect([t.debrisCatalogued, t.debrisOnOrbit, t.targetCatalogNumber]).toEqual([Number(row["debris_cataloged"]), Number(row["debris_on_orbit"]), row["target_norad"] === "" ? null : Number(row["target_norad"])]);
    });
  });

  it("reject a row dated in the future, naming the file, line and field", () => {
    const text = readFileSync(new URL("../../data/diplomacy/destructive-asat-tests.csv", import.meta.url), "utf8");
    expect(() => parseDestructiveAsatTests(text, "2021-01-01")).toThrow(DiplomacyDataError);
    expect(() => parseDestructiveAsatTests(text, "2021-01-01")).toThrow(/destructive-asat-tests\.csv:\d+ (date|as_of|debris_as_of): future date/);
  });
});
