import { describe, expect, it } from "vitest";
import { DEFAULT_DECAY_STEPS, integrateDecay } from "../../../src/orbit/lifetime/decay-integrator.ts";
import { buildLifetimeScenarios } from "../../../src/orbit/lifetime/lifetime-scenarios.ts";
import { EARTH_MU_KM3_S2, EARTH_RADIUS_KM, orbitAveragedDecayRates } from "../../../src/orbit/lifetime/orbit-averaged-decay.ts";
import { DensityLookup, orbitAveragedDensityTable } from "../../../src/orbit/lifetime/orbit-averaged-density.ts";
import { syntheticSolarIndices } from "./synthetic-solar-indices.ts";

describe("orbit-averaged decay (King-Hele)", () => {
  const lookup = new DensityLookup(orbitAveragedDensityTable());
  lookup.setConditions(900, 0);

  it("is da/dt = −B ρ √(μa) for a circular polar orbit, and de/dt = 0", () => {
    const a = EARTH_RADIUS_KM + 400;
    const rates = orbitAveragedDecayRates(a, 0, Math.PI / 2, lookup, { semiMajorAxisKmPerDay: 0, eccentricityPerDay: 0 });
    const expected = (-lookup.density(400) * Math.sqrt(EARTH_MU_KM3_S2 * 1e9 * a * 1000) * 86400) / 1000;
    expect(Math.abs(rates.semiMajorAxisKmPerDay / expected - 1)).toBeLessThan(1e-12);
    expect(Math.abs(rates.eccentricityPerDay)).toBe(0);
  });

  it("circularises an eccentric orbit: apogee falls faster than perigee, the rates converge as nodes are added", () => {
    const out = { semiMajorAxisKmPerDay: 0, eccentricityPerDay: 0 };
    const a = EARTH_RADIUS_KM + 2000;
    const e = 0.12; // perigee ~ 1000 km below a, apogee ~ 2950 km
    const { semiMajorAxisKmPerDay: da, eccentricityPerDay: de } = orbitAveragedDecayRates(a, e, 0.9, lookup, out);
    expect(de).toBeLessThan(0);
    const perigeeRate = da * (1 - e) - a * de;
    const apogeeRate = da * (1 + e) + a * de;
    expect(apogeeRate).toBeLessThan(perigeeRate);
    // Brute-force reference: 20,000 nodes in eccentric anomaly.
    let ia = 0;
    const n = 20_000;
    for (let j = 0; j < n; j++) {
      const cosE = Math.cos(((j + 0.5) * 2 * Math.PI) / n);
      const x = e * cosE;
      ia += lookup.density(a * (1 - x) - EARTH_RADIUS_KM) * (1 + x) * Math.sqrt((1 + x) / (1 - x));
    }
    ia *= (2 * Math.PI) / n;
    const vp = Math.sqrt((EARTH_MU_KM3_S2 * (1 + e)) / (a * (1 - e)));
    const f = (1 - (a * (1 - e) * 7.292115e-5 * Math.cos(0.9)) / vp) ** 2;
    const reference = (-f * (a * 1000) ** 2 * ia * (86400 / (2 * Math.PI * Math.sqrt(a ** 3 / EARTH_MU_KM3_S2)))) / 1000;
    const difference = Math.abs(da / reference - 1);
    console.log(`da/dt at e = 0.12 against 20,000 nodes: relative difference ${difference.toExponential(2)} (limit 2e-3)`);
    expect(difference).toBeLessThan(2e-3);
  });

  it("gives lifetimes within 2 % of 5-day, 0.01-scale-height steps for 80 % of 200 LEO orbits", () => {
    const startMs = Date.UTC(2020, 0, 1);
    const s = buildLifetimeScenarios(syntheticSolarIndices(), { mode: "forecast", analysisMs: startMs, earliestEpochMs: startMs, horizonYears: 60 });
    const fine = { ...DEFAULT_DECAY_STEPS, minMaxStepDays: 5, maxMaxStepDays: 5, perigeeStepScaleHeights: 0.01, apogeeStepFraction: 0.01 };
    const differences: number[] = [];
    for (let i = 0; i < 200; i++) {
      const perigee = 200 + ((i * 37) % 500);
      const e = (i % 4) * 0.004;
      const start = { semiMajorAxisKm: (EARTH_RADIUS_KM + perigee) / (1 - e), eccentricity: e, inclinationRad: ((i * 13) % 98) * (Math.PI / 180), ballisticCoefficientM2Kg: 0.005 * 2 ** (i % 6), startMs };
      const horizon = startMs + 60 * 365.25 * 86_400_000;
      const coarse = integrateDecay(start, s.nominal, s.lookup, horizon).reentryMs;
      const reference = integrateDecay(start, s.nominal, s.lookup, horizon, fine).reentryMs;
      if (coarse === null || reference === null) {
        expect(coarse === null).toBe(reference === null || reference > horizon - 2 * 365.25 * 86_400_000);
        continue;
      }
      differences.push(Math.abs(coarse - reference) / (reference - startMs));
    }
    differences.sort((a, b) => a - b);
    const p80 = differences[Math.floor(differences.length * 0.8)]!;
    console.log(`default vs fine steps over ${differences.length} re-entries: median ${(differences[differences.length >> 1]! * 100).toFixed(2)} %, 80th percentile ${(p80 * 100).toFixed(2)} %, largest ${(differences[differences.length - 1]! * 100).toFixed(2)} % (limit 2 % at the 80th)`);
    expect(p80).toBeLessThan(0.02);
  });
});
