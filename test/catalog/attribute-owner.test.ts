import { readFileSync } from "node:fs";
import { join } from "node:path";
import countries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { ActorTableError, DEFAULT_DATA_DIR, loadActorTable, parseActorTable } from "../../src/catalog/actor-table.ts";
import { attributeOwner } from "../../src/catalog/attribute-owner.ts";
import { loadSpacetrackSatcat } from "./satcat-fixture.ts";

const table = loadActorTable();
/** ISO 3166-3 codes of former countries that the table may use for historic states. */
const ISO_3166_3 = new Set(["SUN", "CSK", "DDR", "YUG", "SCG"]);

describe("the curated actor and owner-code tables in data/", () => {
  it("load and validate, with an explicit UNKNOWN actor", () => {
    expect(table.actors.get("UNKNOWN")?.kind).toBe("unknown");
    console.log(`data/actors.csv: ${table.actors.size} actors; data/owner-codes.csv: ${table.ownerCodes.size} owner codes`);
  });

  it("give every row a source and an as-of date", () => {
    for (const row of [...table.actors.values(), ...table.ownerCodes.values()]) {
      expect(row.source.length).toBeGreaterThan(5);
      expect(row.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("use valid ISO 3166-1 alpha-3 codes for states and ISO 3166-3 codes for historic states", () => {
    for (const actor of table.actors.values()) {
      if (actor.kind === "state") expect(countries.isValid(actor.code), `${actor.code} is ISO 3166-1 alpha-3`).toBe(true);
      if (actor.kind === "historic-state") expect(ISO_3166_3.has(actor.code), `${actor.code} is ISO 3166-3`).toBe(true);
    }
  });

  it("give organisations and companies member or host states that are states", () => {
    for (const actor of table.actors.values()) {
      if (actor.kind !== "organisation" && actor.kind !== "company") continue;
      expect(actor.memberStates.length, actor.code).toBeGreaterThan(0);
      for (const member of actor.memberStates) expect(["state", "historic-state"]).toContain(table.actors.get(member)?.kind);
    }
  });

  it("name the file, line and field of an invalid row", () => {
    const actors = readFileSync(join(DEFAULT_DATA_DIR, "actors.csv"), "utf8");
    const owners = readFileSync(join(DEFAULT_DATA_DIR, "owner-codes.csv"), "utf8");
    const badOwner = `${owners.trimEnd()}\nZZZ,Nowhere,NOPE,,,somewhere,2026-01-01\n`;
    const lastLine = badOwner.trimEnd().split("\n").length;
    const error = catchError(() => parseActorTable(actors, badOwner, { actorsPath: "a.csv", ownerCodesPath: "o.csv" }));
    expect(error).toBeInstanceOf(ActorTableError);
    expect(error).toMatchObject({ file: "o.csv", line: lastLine, field: "actor_code", code: "ACTOR_TABLE" });
    const badDate = `${owners.trimEnd()}\nZZZ,Nowhere,USA,,,somewhere,26 Jan 2026\n`;
    expect(catchError(() => parseActorTable(actors, badDate))).toMatchObject({ file: "owner-codes.csv", field: "as_of" });
    const badKind = actors.replace("\nUSA,state,", "\nUSA,country,");
    expect(catchError(() => parseActorTable(badKind, owners))).toMatchObject({ file: "actors.csv", field: "kind" });
  });
});

describe("attributeOwner", () => {
  it("attributes CIS objects launched before 1991-12-26 to the USSR, recording Russia as its successor", () => {
    const sputnik = attributeOwner(table, "CIS", "1957-10-04");
    expect(sputnik).toMatchObject({ actorCode: "SUN", actorKind: "historic-state", stateCodes: ["SUN"], basis: "historic" });
    expect(sputnik.successorStateCodes).toEqual(["RUS"]);
    expect(attributeOwner(table, "CIS", "1991-12-25").actorCode).toBe("SUN");
    expect(attributeOwner(table, "CIS", "1991-12-26")).toMatchObject({ actorCode: "RUS", stateCodes: ["RUS"], basis: "direct" });
  });

  it("attributes a CIS object with no launch date to Russia and says so", () => {
    const result = attributeOwner(table, "CIS", null);
    expect(result.actorCode).toBe("RUS");
    expect(result.note).toMatch(/Launch date unknown/);
  });

  it("attributes Czechoslovak objects (CZCH) before 1993 to Czechoslovakia with successors CZE and SVK", () => {
    const magion3 = attributeOwner(table, "CZCH", "1991-12-18");
    expect(magion3).toMatchObject({ actorCode: "CSK", basis: "historic", successorStateCodes: ["CZE", "SVK"] });
    expect(attributeOwner(table, "CZCH", "1993-01-01").actorCode).toBe("CZE");
  });

  it("attributes INTELSAT satellites to the IGO before privatisation and to the company after", () => {
    expect(attributeOwner(table, "ITSO", "1995-08-03")).toMatchObject({ actorCode: "INTELSAT-IGO", actorKind: "organisation" });
    expect(attributeOwner(table, "ITSO", "2012-03-25")).toMatchObject({ actorCode: "INTELSAT", actorKind: "company", stateCodes: ["LUX"] });
  });

  it("attributes multinational codes to organisations with their member or host states", () => {
    const esa = attributeOwner(table, "ESA", "2020-01-01");
    expect(esa).toMatchObject({ actorCode: "ESA", basis: "organisation" });
    expect(esa.stateCodes).toHaveLength(23);
    expect(esa.stateCodes).toContain("FRA");
    expect(attributeOwner(table, "GLOB", "2013-02-06")).toMatchObject({ actorKind: "company", stateCodes: ["USA"] });
    expect(attributeOwner(table, "FRIT", "2014-02-06").stateCodes).toEqual(["FRA", "ITA"]);
    expect(attributeOwner(table, "NATO", "1976-04-22").stateCodes).toHaveLength(32);
  });

  it("treats TBD as the explicit unknown, never a guess", () => {
    expect(attributeOwner(table, "TBD", "2018-12-27")).toMatchObject({ actorCode: "UNKNOWN", actorKind: "unknown", stateCodes: [], basis: "unknown" });
  });

  it("gives an unknown code the explicit UNKNOWN with basis unmapped-code instead of throwing", () => {
    expect(attributeOwner(table, "ATLANTIS", "2020-01-01")).toMatchObject({ actorCode: "UNKNOWN", stateCodes: [], basis: "unmapped-code" });
    expect(attributeOwner(table, null, null)).toMatchObject({ actorCode: "UNKNOWN", basis: "unknown" });
    expect(attributeOwner(table, "  ", "2020-01-01")).toMatchObject({ actorCode: "UNKNOWN", basis: "unknown" });
  });
});

const satcat = loadSpacetrackSatcat();

describe.skipIf(satcat === null)("attribution of the real 2026-01-20 Space-Track SATCAT", () => {
  const records = satcat?.parsed ?? [];

  it("maps all 121 owner codes occurring in COUNTRY", () => {
    const codes = [...new Set(records.map((r) => r["COUNTRY"] ?? ""))].sort();
    const unmapped = codes.filter((code) => !table.ownerCodes.has(code));
    console.log(`owner codes in the SATCAT: ${codes.length}; mapped: ${codes.length - unmapped.length}; unmapped: ${unmapped.join(", ") || "none"}`);
    expect(codes).toHaveLength(121);
    expect(unmapped).toEqual([]);
  });

  it("attributes every on-orbit object to a state, an organisation, a company or the explicit unknown", () => {
    const byKind: Record<string, number> = {};
    const byBasis: Record<string, number> = {};
    let onOrbit = 0;
    for (const r of records) {
      if (r["DECAY"] !== null) continue;
      onOrbit += 1;
      const a = attributeOwner(table, r["COUNTRY"] ?? null, r["LAUNCH"] ?? null);
      byKind[a.actorKind] = (byKind[a.actorKind] ?? 0) + 1;
      byBasis[a.basis] = (byBasis[a.basis] ?? 0) + 1;
      if (a.actorKind !== "unknown") expect(a.stateCodes.length).toBeGreaterThan(0);
    }
    console.log(`on-orbit objects: ${onOrbit}; by actor kind: ${JSON.stringify(byKind)}; by basis: ${JSON.stringify(byBasis)}`);
    expect(onOrbit).toBe(32_818);
    expect(byBasis["unmapped-code"]).toBeUndefined();
    expect(byKind["unknown"]).toBe(354); // the on-orbit TBD objects
    expect(Object.values(byKind).reduce((s, n) => s + n, 0)).toBe(onOrbit);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
}
