import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../src/core/csv.ts";
import { CONSENT_KINDS } from "../../src/diplomacy/act.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { sharedDataFile } from "../support/shared-data.ts";

/**
 * The curated acts against the compiled facts they were built from (../shared/data/diplomacy): every compiled row is
 * in the curated data with the same state and date, and every compiled treaty cell became the act it says.
 */
const registry = loadDiplomacyRegistry("2026-11-26");
const compiled = (name: string) => sharedDataFile(`diplomacy/${name}`);

function rowsOf(path: string): Record<string, string>[] {
  const [header, ...records] = parseCsvRecords(readFileSync(path, "utf8"));
  return records.map((r) => Object.fromEntries(header!.fields.map((column, i) => [column, r.fields[i] ?? ""])));
}

function curated(target: string): Map<string, { kind: string; date: string | null; vote: string | null }[]> {
  const byParty = new Map<string, { kind: string; date: string | null; vote: string | null }[]>();
  for (const act of registry.acts.filter((a) => a.target === target)) byParty.set(act.party, [...(byParty.get(act.party) ?? []), act]);
  return byParty;
}

describe("the curated acts against the compiled facts", () => {
  it.skipIf(compiled("artemis_accords.csv") === null)("keep every Artemis Accords signature with its date", () => {
    const rows = rowsOf(compiled("artemis_accords.csv")!);
    const acts = curated("artemis-accords");
    expect(rows.map((r) => [r["iso3"], r["signed_date"]])).toEqual(rows.map((r) => [r["iso3"], acts.get(r["iso3"]!)?.[0]?.date]));
    expect(acts.size).toBe(rows.length);
  });

  it.skipIf(compiled("da_asat_test_pledges.csv") === null)("keep every DA-ASAT test commitment with its (partial) date", () => {
    const rows = rowsOf(compiled("da_asat_test_pledges.csv")!);
    const acts = curated("da-asat-test-commitment");
    expect(rows.map((r) => [r["iso3"], r["pledge_date"]])).toEqual(rows.map((r) => [r["iso3"], acts.get(r["iso3"]!)?.[0]?.date]));
    expect(acts.size).toBe(rows.length);
  });

  it.skipIf(compiled("unga_77_41_votes.csv") === null)("keep every 77/41 no and abstain vote", () => {
    const rows = rowsOf(compiled("unga_77_41_votes.csv")!);
    const acts = curated("unga-res-77-41");
    expect(rows.map((r) => [r["iso3"], r["vote"]])).toEqual(rows.map((r) => [r["iso3"], acts.get(r["iso3"]!)?.[0]?.vote]));
    expect(acts.size).toBe(rows.length);
  });

  it.skipIf(compiled("copuos_members.csv") === null)("keep every COPUOS member with its joining year", () => {
    const rows = rowsOf(compiled("copuos_members.csv")!);
    const acts = curated("copuos");
    expect(rows.map((r) => [r["iso3"], r["joined_year"] || null])).toEqual(rows.map((r) => [r["iso3"], acts.get(r["iso3"]!)?.[0]?.date]));
  });

  it.skipIf(compiled("treaty_status.csv") === null)("turn every known treaty cell into its act and leave every blank cell unknown", () => {
    const columns = { ost: "ost", arra: "rescue-agreement", liab: "liability-convention", reg: "registration-convention", moon: "moon-agreement" } as const;
    const mismatches: string[] = [];
    const counts = { ratified: 0, signed: 0, none: 0, blank: 0, skipped: 0 };
    for (const row of rowsOf(compiled("treaty_status.csv")!)) {
      const iso3 = row["iso3"]!;
      if (!registry.states.has(iso3)) {
        counts.skipped += 1; // not a UN member or observer State (Cook Islands)
        continue;
      }
      for (const [column, target] of Object.entries(columns)) {
        const cell = row[column]!.trim();
        const kinds = (curated(target).get(iso3) ?? []).map((a) => a.kind);
        const consent = kinds.some((k) => (CONSENT_KINDS as readonly string[]).includes(k));
        const ok =
          cell === ""
            ? kinds.length === 0 || (iso3 === "SAU" && column === "moon")
            : cell.startsWith("ratified")
              ? consent
              : cell.startsWith("signed")
                ? kinds.includes("signature") && !consent
                : iso3 === "SAU" && column === "moon"
                  ? kinds.includes("withdrawal")
                  : column === "moon"
                    ? kinds.length === 0
                    : kinds.includes("not-party");
        counts[cell === "" ? "blank" : cell.startsWith("ratified") ? "ratified" : cell.startsWith("signed") ? "signed" : "none"] += 1;
        if (!ok) mismatches.push(`${iso3} ${column} "${cell}" → ${kinds.join(",") || "no act"}`);
      }
    }
    console.log(`treaty_status.csv cells: ${JSON.stringify(counts)}; mismatches: ${mismatches.length}`);
    expect(mismatches).toEqual([]);
  });
});
