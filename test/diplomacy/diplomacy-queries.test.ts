import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/concord-error.ts";
import { instrumentParticipants, resolutionTally, stateActs } from "../../src/diplomacy/diplomacy-queries.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { seedDiplomacy } from "../../src/diplomacy/diplomacy-seed.service.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { listReferenceHistory, loadDiplomacyReference, syncDiplomacyReference } from "../../src/store/diplomacy-reference.repository.ts";
import { testDatabases } from "../support/test-databases.ts";

const registry = loadDiplomacyRegistry("2026-11-26");

describe.each(testDatabases())("diplomacy queries on a seeded %s store", (target) => {
  let store: ConcordDatabase;
  beforeAll(async () => {
    store = await target.openEmpty();
    await seedDiplomacy(store.db, registry, "2026-11-26T08:00:00.000Z");
  });
  afterAll(async () => {
    await store.close();
  });

  it("reads back the curated reference records exactly", async () => {
    const reference = await loadDiplomacyReference(store.db);
    expect(reference.states).toEqual([...registry.states.values()].sort((a, b) => a.iso3.localeCompare(b.iso3)));
    expect(reference.instruments.find((i) => i.id === "unga-res-77-41")).toEqual(registry.instruments.get("unga-res-77-41"));
    expect(reference.fora.find((f) => f.id === "copuos-lsc")).toEqual(registry.fora.get("copuos-lsc"));
    expect(reference.organisations.find((o) => o.code === "EU")?.memberStates).toHaveLength(27);
  });

  it("lists an instrument's current participants with act kind, date and as-of, in date order", async () => {
    const artemis = await instrumentParticipants(store.db, "artemis-accords");
    const participants = artemis.byStanding.participant;
    expect(participants).toHaveLength(62);
    expect(participants.slice(0, 8).map((p) => p.participation.act?.date)).toEqual(Array(8).fill("2020-10-13"));
    expect(participants.at(-1)).toMatchObject({ party: "LVA", participation: { asOf: "2026-04-20", act: { kind: "signature", date: "2026-04-20" } } });
    expect(artemis.byStanding["not-participant"]).toHaveLength(195 - 62);
    expect(artemis.unknown).toEqual([]);
  });

  it("keeps states unknown under a partially recorded treaty instead of counting them out", async () => {
    const ost = await instrumentParticipants(store.db, "ost");
    expect(ost.byStanding.participant.length).toBe(83);
    expect(ost.unknown.length).toBe(195 - 83 - 11 - 8);
    expect(ost.unknown).toContain("BRN");
  });

  it("gives a state's current acts per instrument, its agencies' memberships included", async () => {
    const nzl = await stateActs(store.db, "NZL");
    const kinds = (id: string) => nzl.instruments.find((e) => e.instrument.id === id)!.acts.map((a) => a.kind);
    expect(kinds("artemis-accords")).toEqual(["signature"]);
    expect(kinds("da-asat-test-commitment")).toEqual(["pledge"]);
    expect(kinds("ost")).toEqual(["party"]);
    expect(nzl.fora.find((f) => f.forum.id === "iadc")?.membership).toMatchObject({ value: { member: true, via: "NZSA" } });
    await expect(stateActs(store.db, "XKX")).rejects.toThrow(NotFoundError);
  });

  it("tallies a resolution: the published 155-9-9 beside the 9 no and 9 abstain stored and 175 unknown", async () => {
    const tally = await resolutionTally(store.db, "unga-res-77-41");
    expect(tally.recorded).toEqual({ yes: 155, no: 9, abstain: 9, nonVoting: 20 });
    expect(tally.known).toMatchObject({ yes: 0, no: 9, abstain: 9 });
    expect(tally.statesByVote.no).toContain("RUS");
    expect(tally.unknownStates).toHaveLength(175);
    expect(tally.consistent).toBe(true);
    await expect(resolutionTally(store.db, "ost")).rejects.toThrow(NotFoundError);
  });

  it("keeps a reference row's earlier version in history when the curated row changes", async () => {
    const kiribati = registry.states.get("KIR")!;
    const states = [...registry.states.values()].map((s) => (s.iso3 === "KIR" ? { ...kiribati, regionalGroup: "asia-pacific" as const, groupStatus: "member" as const, note: "joined (test)" } : s));
    const reference = { states, organisations: [...registry.organisations.values()], instruments: [...registry.instruments.values()], instrumentItems: registry.instrumentItems, fora: [...registry.fora.values()] };
    expect(await syncDiplomacyReference(store.db, reference, "2026-11-26T09:00:00.000Z")).toMatchObject({ updated: 1, inserted: 0, removed: 0 });
    const history = await listReferenceHistory(store.db, "diplomacy_states", "KIR");
    expect(history).toEqual([{ row: expect.objectContaining({ iso3: "KIR", regional_group: "none" }), recordedAt: "2026-11-26T08:00:00.000Z", supersededAt: "2026-11-26T09:00:00.000Z" }]);
    expect((await loadDiplomacyReference(store.db)).states.find((s) => s.iso3 === "KIR")?.regionalGroup).toBe("asia-pacific");
  });
});
