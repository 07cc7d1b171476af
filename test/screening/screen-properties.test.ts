import { beforeAll, describe, expect, it } from "vitest";
import type { ConjunctionEvent, ScreeningParameters } from "../../src/screening/conjunction-event.ts";
import { screenCatalogInProcess } from "../../src/screening/screen-in-process.ts";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { denseSubset, readCatalog2023 } from "./screen-subset.ts";

const catalogPath = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const FROM_MS = Date.UTC(2023, 9, 9);
const TO_MS = FROM_MS + 12 * 3_600_000;
const THRESHOLD_KM = 5;

const key = (e: ConjunctionEvent) => `${e.primary}-${e.secondary}@${Math.round(e.tcaMs)}`;

describe.skipIf(catalogPath === null)("screening properties on a real subset (issue 3)", () => {
  let subset: MeanElements[] = [];
  let all: ConjunctionEvent[] = [];
  const params: ScreeningParameters = { fromMs: FROM_MS, toMs: TO_MS, thresholdKm: THRESHOLD_KM, primaries: null };

  beforeAll(async () => {
    subset = denseSubset(readCatalog2023(catalogPath ?? ""), 1000, 200, 50);
    all = (await screenCatalogInProcess(subset, params)).events;
  }, 60_000);

  it("reports every pair once, the lower catalog number as primary, every event under the threshold and inside the window", () => {
    expect(all.length).toBeGreaterThan(50);
    for (const e of all) {
      expect(e.primary).toBeLessThan(e.secondary);
      expect(e.missDistanceKm).toBeLessThanOrEqual(THRESHOLD_KM);
      expect(e.tcaMs).toBeGreaterThanOrEqual(FROM_MS);
      expect(e.tcaMs).toBeLessThan(TO_MS);
      expect(Math.hypot(...e.missRtnKm)).toBeCloseTo(e.missDistanceKm, 9);
      expect(Math.hypot(...e.relativeVelocityRtnKmS)).toBeCloseTo(e.relativeSpeedKmS, 9);
      // at TCA the relative velocity is perpendicular to the miss vector
      const dot = e.missRtnKm[0] * e.relativeVelocityRtnKmS[0] + e.missRtnKm[1] * e.relativeVelocityRtnKmS[1] + e.missRtnKm[2] * e.relativeVelocityRtnKmS[2];
      expect(Math.abs(dot)).toBeLessThan(1e-5 * Math.max(1e-3, e.missDistanceKm * e.relativeSpeedKmS));
    }
    expect(new Set(all.map(key)).size).toBe(all.length);
  });

  it("gives the same TCA and miss distance with A as primary and with B as primary (symmetry)", async () => {
    const pairs = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / 6)) === 0).slice(0, 6);
    const asA = (await screenCatalogInProcess(subset, { ...params, primaries: pairs.map((e) => e.primary) })).events;
    const asB = (await screenCatalogInProcess(subset, { ...params, primaries: pairs.map((e) => e.secondary) })).events;
    let worstTcaMs = 0;
    let worstMissKm = 0;
    for (const e of pairs) {
      const a = asA.find((x) => x.primary === e.primary && x.secondary === e.secondary && Math.abs(x.tcaMs - e.tcaMs) < 1000);
      const b = asB.find((x) => x.primary === e.secondary && x.secondary === e.primary && Math.abs(x.tcaMs - e.tcaMs) < 1000);
      expect(a).toBeDefined();
      expect(b).toBeDefined();
      if (a === undefined || b === undefined) continue;
      worstTcaMs = Math.max(worstTcaMs, Math.abs(a.tcaMs - b.tcaMs));
      worstMissKm = Math.max(worstMissKm, Math.abs(a.missDistanceKm - b.missDistanceKm));
      expect(b.primaryState).toEqual(a.secondaryState);
      expect(b.relativeSpeedKmS).toBeCloseTo(a.relativeSpeedKmS, 9);
    }
    console.log(`symmetry: ${pairs.length} pairs, largest |ΔTCA| ${worstTcaMs} ms, largest |Δmiss| ${worstMissKm * 1000} m`);
    expect(worstTcaMs).toBeLessThan(1e-3);
    expect(worstMissKm).toBeLessThan(1e-6);
  }, 60_000);

  it("finds the same events when the window is split in two, with the split half a millisecond after a TCA (invariance)", async () => {
    const atBoundary = all[Math.floor(all.length / 2)];
    expect(atBoundary).toBeDefined();
    const splitMs = (atBoundary?.tcaMs ?? FROM_MS) + 0.5;
    const first = (await screenCatalogInProcess(subset, { ...params, toMs: splitMs })).events;
    const second = (await screenCatalogInProcess(subset, { ...params, fromMs: splitMs })).events;
    expect(first.some((e) => e.primary === atBoundary?.primary && e.secondary === atBoundary.secondary && e.tcaMs === atBoundary.tcaMs)).toBe(true);
    const joined = [...first, ...second];
    expect(joined.map(key).sort()).toEqual(all.map(key).sort());
    let worst = 0;
    for (const e of joined) {
      const same = all.find((x) => x.primary === e.primary && x.secondary === e.secondary && Math.abs(x.tcaMs - e.tcaMs) < 1000);
      worst = Math.max(worst, Math.abs((same?.tcaMs ?? Infinity) - e.tcaMs), Math.abs((same?.missDistanceKm ?? Infinity) - e.missDistanceKm));
    }
    console.log(`window split at ${new Date(splitMs).toISOString()}: ${first.length} + ${second.length} events = ${all.length}; largest difference ${worst}`);
    expect(worst).toBeLessThan(1e-6);
  }, 60_000);

  it("screens selected primaries exactly as the all-pairs run filtered to them, the primary first", async () => {
    const primaries = [...new Set(all.slice(0, 40).map((e) => e.secondary))].slice(0, 15);
    const chosen = new Set(primaries);
    const selected = (await screenCatalogInProcess(subset, { ...params, primaries })).events;
    const expected = all
      .filter((e) => chosen.has(e.primary) || chosen.has(e.secondary))
      .map((e) => (chosen.has(e.primary) ? `${e.primary}-${e.secondary}@${Math.round(e.tcaMs)}` : `${e.secondary}-${e.primary}@${Math.round(e.tcaMs)}`));
    console.log(`primaries: ${primaries.length} objects, ${selected.length} events`);
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.map(key).sort()).toEqual(expected.sort());
    for (const e of selected) expect(chosen.has(e.primary)).toBe(true);
  }, 60_000);
});
