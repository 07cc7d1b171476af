import { describe, expect, it } from "vitest";
import { loadActorTable } from "../../src/catalog/actor-table.ts";
import { actSlot } from "../../src/diplomacy/act.ts";
import type { Act } from "../../src/diplomacy/act.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { isIsoAlpha3 } from "../../src/diplomacy/iso-country-names.ts";
import { instrumentStandings } from "../../src/diplomacy/instrument-standings.ts";
import { isCertainlyOnOrBefore, isIsoDay, isOnOrBefore, isPartialDate } from "../../src/diplomacy/partial-date.ts";

/**
 * Data tests of the curated registry in data/diplomacy/: every row sourced, codes and dates valid, nothing in the
 * future of an explicit as-of day, no duplicate facts, and counts against published totals (printed).
 */
const DATA_AS_OF = "2026-11-26";
const registry = loadDiplomacyRegistry(DATA_AS_OF);
const states = [...registry.states.values()];
const instruments = [...registry.instruments.values()];
const actsUnder = (id: string) => registry.acts.filter((a) => a.target === id);
const standings = (id: string) => instrumentStandings(registry.instruments.get(id)!, states, actsUnder(id)).byStanding;

describe("the curated diplomacy registry (as of 2026-11-26)", () => {
  it("sources every row of every file, with an as-of date", () => {
    const rows: { what: string; source: string; asOf: string }[] = [
      ...states.map((s) => ({ what: `state ${s.iso3}`, source: s.source, asOf: s.asOf })),
      ...[...registry.organisations.values()].map((o) => ({ what: `organisation ${o.code}`, source: o.source, asOf: o.asOf })),
      ...instruments.map((i) => ({ what: `instrument ${i.id}`, source: i.source, asOf: i.asOf })),
      ...registry.instrumentItems.map((i) => ({ what: `item ${i.itemId}`, source: i.source, asOf: i.asOf })),
      ...[...registry.fora.values()].map((f) => ({ what: `forum ${f.id}`, source: f.source, asOf: f.asOf })),
      ...registry.acts.map((a) => ({ what: `${a.file}:${a.line}`, source: a.source, asOf: a.asOf })),
    ];
    const unsourced = rows.filter((r) => r.source.trim().length < 3 || !isIsoDay(r.asOf));
    const byFile = new Map<string, number>();
    for (const act of registry.acts) byFile.set(act.file, (byFile.get(act.file) ?? 0) + 1);
    console.log(
      `rows: ${states.length} states, ${registry.organisations.size} organisations, ${instruments.length} instruments, ` +
        `${registry.instrumentItems.length} guideline items, ${registry.fora.size} fora, ${registry.acts.length} acts ` +
        `(${[...byFile].map(([file, n]) => `${file} ${n}`).join(", ")}); unsourced or undated: ${unsourced.length}`,
    );
    expect(unsourced).toEqual([]);
    expect(rows.length).toBe(195 + 18 + 17 + 28 + 13 + 732);
  });

  it("lists the 193 UN Member States and the 2 observer States by valid ISO alpha-3 codes, each named by the ISO package", () => {
    const members = states.filter((s) => s.unStatus === "member");
    const observers = states.filter((s) => s.unStatus === "observer").map((s) => s.iso3);
    console.log(`states: ${members.length} members + observers ${observers.join(", ")}`);
    expect(members).toHaveLength(193);
    expect(observers).toEqual(["PSE", "VAT"]);
    expect(states.filter((s) => !isIsoAlpha3(s.iso3) || s.name === s.iso3)).toEqual([]);
    expect(registry.states.get("USA")?.name).toBe("United States of America");
  });

  it("puts members in the five UN regional groups as published: 54, 53, 23, 33 and 28 plus the US as WEOG observer", () => {
    const count = (group: string) => states.filter((s) => s.unStatus === "member" && s.regionalGroup === group && s.groupStatus === "member").length;
    const counts = { african: count("african"), asiaPacific: count("asia-pacific"), eastern: count("eastern-european"), grulac: count("latin-american-caribbean"), weog: count("weog") };
    console.log(`regional groups (members): ${JSON.stringify(counts)}; WEOG observer: USA; in no group: KIR, VAT; PSE in Asia-Pacific (observer State)`);
    expect(counts).toEqual({ african: 54, asiaPacific: 53, eastern: 23, grulac: 33, weog: 28 });
    expect(registry.states.get("USA")).toMatchObject({ regionalGroup: "weog", groupStatus: "observer" });
    expect(states.filter((s) => s.regionalGroup === "none").map((s) => s.iso3)).toEqual(["KIR", "VAT"]);
  });

  it("gives every act a party that is a registry state or organisation, and organisations no ISO code", () => {
    const unknownParties = registry.acts.filter((a) => !registry.states.has(a.party) && !registry.organisations.has(a.party));
    expect(unknownParties).toEqual([]);
    expect([...registry.organisations.keys()].filter(isIsoAlpha3)).toEqual([]);
  });

  it("links organisations to the catalog's actor table: ESA and EUMETSAT to their actors, agencies to their state", () => {
    const actors = loadActorTable().actors;
    const links = [...registry.organisations.values()].filter((o) => o.actorCode !== null);
    const broken = links.filter((o) => !actors.has(o.actorCode!) || (o.stateIso3 !== null && o.actorCode !== o.stateIso3));
    console.log(`organisations linked to actors: ${links.length} of ${registry.organisations.size} (unlinked: ${[...registry.organisations.values()].filter((o) => o.actorCode === null).map((o) => o.code).join(", ")})`);
    expect(broken).toEqual([]);
    expect(actors.get(registry.organisations.get("ESA")!.actorCode!)?.kind).toBe("organisation");
    expect(registry.organisations.get("NASA")?.actorCode).toBe("USA");
  });

  it("has valid dates, none after the as-of day, and no act dated after its own as-of", () => {
    const dates = [
      ...registry.acts.flatMap((a) => (a.date === null ? [] : [{ what: `${a.file}:${a.line}`, date: a.date, asOf: a.asOf }])),
      ...instruments.flatMap((i) =>
        [i.adoptedDate, i.openedDate, i.inForceDate, i.coverageAsOf].flatMap((d) => (d === null ? [] : [{ what: i.id, date: d, asOf: i.asOf }])),
      ),
    ];
    const bad = dates.filter((d) => !isPartialDate(d.date) || !isOnOrBefore(d.date, d.asOf) || !isCertainlyOnOrBefore(d.date, DATA_AS_OF));
    const asOfs = [...registry.acts, ...states, ...instruments, ...registry.fora.values()].map((r) => r.asOf);
    const undated = registry.acts.filter((a) => a.date === null && a.kind !== "not-party").length;
    console.log(`dates checked: ${dates.length} (+ ${asOfs.length} as-of dates, latest ${asOfs.sort().at(-1)}); acts with an unknown date: ${undated}`);
    expect(bad).toEqual([]);
    expect(asOfs.filter((d) => d > DATA_AS_OF)).toEqual([]);
  });

  it("never has a state twice under one instrument for the same act kind or act slot", () => {
    const keys = registry.acts.map((a) => `${a.target} ${a.party} ${actSlot(a.kind)}`);
    expect(keys.length - new Set(keys).size).toBe(0);
    const kindKeys = registry.acts.map((a) => `${a.target} ${a.party} ${a.kind}`);
    expect(kindKeys.length - new Set(kindKeys).size).toBe(0);
  });

  it("counts 53 Artemis Accords signatories by 2025-01-31 and 62 by 2026-04-20", () => {
    const signedBy = (day: string) => actsUnder("artemis-accords").filter((a) => a.kind === "signature" && a.date !== null && isCertainlyOnOrBefore(a.date, day));
    console.log(`Artemis Accords: ${signedBy("2025-01-31").length} signatories by 2025-01-31 (published: 53), ${signedBy("2026-04-20").length} by 2026-04-20 (published: 62)`);
    expect(signedBy("2025-01-31")).toHaveLength(53);
    expect(signedBy("2025-01-31").at(-1)?.party).toBe("FIN");
    expect(signedBy("2026-04-20")).toHaveLength(62);
    expect(standings("artemis-accords").participant).toHaveLength(62);
  });

  it("records resolution 77/41 as 155 yes, 9 no, 9 abstain (20 non-voting), with the 9 no and 9 abstain States by name", () => {
    const tally = registry.instruments.get("unga-res-77-41")!.recordedTally!;
    const votes = (vote: Act["vote"]) => actsUnder("unga-res-77-41").filter((a) => a.vote === vote).map((a) => a.party);
    console.log(`77/41: recorded ${tally.yes}-${tally.no}-${tally.abstain} (${tally.nonVoting} non-voting); per state stored: no ${votes("no").length} [${votes("no").join(" ")}], abstain ${votes("abstain").length} [${votes("abstain").join(" ")}], yes ${votes("yes").length} (not in the stored material)`);
    expect(tally).toEqual({ yes: 155, no: 9, abstain: 9, nonVoting: 20 });
    expect(votes("no")).toHaveLength(9);
    expect(votes("abstain")).toHaveLength(9);
    expect((tally.yes ?? 0) + (tally.no ?? 0) + (tally.abstain ?? 0) + (tally.nonVoting ?? 0)).toBe(193);
  });

  it("keeps each recorded vote's stored per-state votes within its published tally", () => {
    const lines = instruments
      .filter((i) => i.recordedTally !== null)
      .map((i) => {
        const count = (vote: string) => actsUnder(i.id).filter((a) => a.vote === vote).length;
        const t = i.recordedTally!;
        expect(count("yes")).toBeLessThanOrEqual(t.yes ?? Infinity);
        expect(count("no")).toBeLessThanOrEqual(t.no ?? Infinity);
        expect(count("abstain")).toBeLessThanOrEqual(t.abstain ?? Infinity);
        if (i.coverage === "complete") expect([count("yes"), count("no"), count("abstain")]).toEqual([t.yes, t.no, t.abstain]);
        return `${i.id} ${t.yes}-${t.no}-${t.abstain} (stored ${count("yes")}/${count("no")}/${count("abstain")})`;
      });
    console.log(`recorded votes: ${lines.join("; ")}`);
  });

  it("counts treaty parties against the totals the compiled facts state (known parties never exceed them)", () => {
    const treaty = (id: string, published: number | null) => {
      const s = standings(id);
      const line = `${id}: ${s.participant.length} parties known, ${s.signatory.length} signatories only, ${s["not-participant"].length} known not party, ${s.withdrawn.length} withdrawn${published === null ? "" : ` (published total ${published})`}`;
      if (published !== null) expect(s.participant.length).toBeLessThanOrEqual(published);
      return { s, line };
    };
    const ost = treaty("ost", 117);
    const rescue = treaty("rescue-agreement", 98);
    const liability = treaty("liability-convention", null);
    const registration = treaty("registration-convention", 78);
    const moon = treaty("moon-agreement", 17);
    console.log([ost, rescue, liability, registration, moon].map((t) => t.line).join("\n"));
    expect(moon.s.participant).toHaveLength(17);
    expect(moon.s.withdrawn.map((r) => r.party)).toEqual(["SAU"]);
    expect(moon.s.signatory.map((r) => r.party).sort()).toEqual(["FRA", "GTM", "IND", "ROU"]);
    expect(ost.s.participant.map((r) => r.party)).toEqual(expect.arrayContaining(["USA", "RUS", "GBR", "CHN", "IND", "NZL", "UZB", "LVA"]));
  });

  it("counts 37 DA-ASAT test commitments as of 2023-10-24, 105 COPUOS members and 16 IADC members and associates", () => {
    const copuos = actsUnder("copuos");
    const unverified = copuos.filter((a) => /NOT VERIFIED/.test(a.note ?? "") && /MEMBERSHIP/.test(a.note ?? "")).map((a) => a.party);
    const byEnd2024 = copuos.filter((a) => a.date === null || isCertainlyOnOrBefore(a.date, "2024-12-31"));
    console.log(
      `DA-ASAT commitments: ${actsUnder("da-asat-test-commitment").length} (SWF count of 24 Oct 2023: 37; 38 reported by Jan 2025, 38th unidentified); ` +
        `COPUOS: ${copuos.length} members as of 2025-10-31, ${byEnd2024.length} by end of 2024 (published: 104), membership unverified: ${unverified.join(", ")}; ` +
        `IADC: ${actsUnder("iadc").filter((a) => a.kind === "membership").length} members + ${actsUnder("iadc").filter((a) => a.kind === "associate-membership").length} associates`,
    );
    expect(actsUnder("da-asat-test-commitment")).toHaveLength(37);
    expect(copuos).toHaveLength(105);
    expect(byEnd2024).toHaveLength(104);
    expect(unverified).toEqual(["DOM", "GHA", "HND"]);
    expect(actsUnder("iadc")).toHaveLength(16);
  });

  it("holds the 21 LTS guidelines (A.1-D.2) and the 7 UN debris mitigation guidelines, with no state acts under either", () => {
    const items = (id: string) => registry.instrumentItems.filter((i) => i.instrumentId === id).map((i) => i.itemId);
    expect(items("lts-guidelines")).toHaveLength(21);
    expect(items("lts-guidelines").filter((id) => id.startsWith("B."))).toHaveLength(10);
    expect(items("un-sdm-guidelines")).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(registry.acts.filter((a) => registry.instruments.get(a.target)?.kind === "guidelines")).toEqual([]);
  });
});
