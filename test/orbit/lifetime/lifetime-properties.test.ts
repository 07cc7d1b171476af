import { describe, expect, it } from "vitest";
import { integrateDecay } from "../../../src/orbit/lifetime/decay-integrator.ts";
import type { DecayStart } from "../../../src/orbit/lifetime/decay-integrator.ts";
import type { LifetimeScenarios } from "../../../src/orbit/lifetime/estimate-lifetime.ts";
import { buildLifetimeScenarios } from "../../../src/orbit/lifetime/lifetime-scenarios.ts";
import { EARTH_RADIUS_KM } from "../../../src/orbit/lifetime/orbit-averaged-decay.ts";
import { syntheticSolarIndices } from "./synthetic-solar-indices.ts";

const MS_PER_DAY = 86_400_000;
const MS_PER_YEAR = 365.25 * MS_PER_DAY;
const START_MS = Date.UTC(2020, 0, 1);
const HORIZON_MS = START_MS + 100 * MS_PER_YEAR;
/** A typical satellite: C_D 2.2, A/m 0.01 m²/kg. */
const TYPICAL_B = 0.022;

function scenarios(days = syntheticSolarIndices()): LifetimeScenarios {
  return buildLifetimeScenarios(days, { mode: "forecast", analysisMs: START_MS, earliestEpochMs: START_MS, horizonYears: 100 });
}

function orbit(perigeeKm: number, eccentricity: number, ballistic: number, inclinationDeg = 53): DecayStart {
  return {
    semiMajorAxisKm: (EARTH_RADIUS_KM + perigeeKm) / (1 - eccentricity),
    eccentricity,
    inclinationRad: (inclinationDeg * Math.PI) / 180,
    ballisticCoefficientM2Kg: ballistic,
    startMs: START_MS,
  };
}

function lifeYears(start: DecayStart, s: LifetimeScenarios, timeline = s.nominal): number {
  const result = integrateDecay(start, timeline, s.lookup, HORIZON_MS);
  return result.reentryMs === null ? Number.POSITIVE_INFINITY : (result.reentryMs - START_MS) / MS_PER_YEAR;
}

/** A small deterministic generator (mulberry32), so the property cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("orbital lifetime properties", () => {
  const s = scenarios();

  it("a circular orbit at 200 km re-enters within days", () => {
    const days = lifeYears(orbit(200, 0, TYPICAL_B), s) * 365.25;
    console.log(`circular 200 km, B = ${TYPICAL_B} m²/kg: re-entry after ${days.toFixed(2)} days (limit 10)`);
    expect(days).toBeGreaterThan(0.1);
    expect(days).toBeLessThan(10);
  });

  it("a typical satellite in a circular orbit at 800 km does not re-enter within 25 years", () => {
    const years = lifeYears(orbit(800, 0, TYPICAL_B), s);
    console.log(`circular 800 km, B = ${TYPICAL_B} m²/kg: ${Number.isFinite(years) ? `${years.toFixed(1)} years` : "beyond the 100-year horizon"} (must exceed 25)`);
    expect(years).toBeGreaterThan(25);
  });

  it("lower drag gives a longer life (halving B, 40 random LEO orbits)", () => {
    const next = random(4);
    for (let i = 0; i < 40; i++) {
      const perigee = 250 + next() * 450;
      const e = next() < 0.5 ? 0 : next() * 0.05;
      const b = 0.005 * Math.pow(40, next());
      const life = lifeYears(orbit(perigee, e, b), s);
      const lowerDrag = lifeYears(orbit(perigee, e, b / 2), s);
      if (Number.isFinite(life)) expect(lowerDrag, `perigee ${perigee.toFixed(0)} km, e ${e.toFixed(3)}, B ${b.toFixed(3)}`).toBeGreaterThan(life);
      else expect(lowerDrag).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it("higher solar activity gives a shorter life (forecast raised 25 % vs lowered 25 %; and a stronger cycle)", () => {
    const next = random(7);
    let strictlyShorter = 0;
    for (let i = 0; i < 30; i++) {
      const start = orbit(300 + next() * 400, next() * 0.02, 0.005 * Math.pow(20, next()));
      const high = lifeYears(start, s, s.high);
      const low = lifeYears(start, s, s.low);
      expect(high).toBeLessThanOrEqual(low);
      if (high < low) strictlyShorter++;
    }
    expect(strictlyShorter).toBeGreaterThan(25);
    const strong = scenarios(syntheticSolarIndices({ maximumSfu: 250 }));
    const weak = scenarios(syntheticSolarIndices({ maximumSfu: 130 }));
    const start = orbit(500, 0, TYPICAL_B);
    const strongYears = lifeYears(start, strong);
    const weakYears = lifeYears(start, weak);
    console.log(`circular 500 km, B = ${TYPICAL_B}: ${strongYears.toFixed(2)} years under a 250-sfu cycle, ${weakYears.toFixed(2)} under a 130-sfu cycle`);
    expect(strongYears).toBeLessThan(weakYears);
  });

  it("the band of estimateLifetime's scenarios brackets the nominal run", () => {
    const start = orbit(450, 0.001, TYPICAL_B);
    expect(lifeYears(start, s, s.high)).toBeLessThanOrEqual(lifeYears(start, s));
    expect(lifeYears(start, s)).toBeLessThanOrEqual(lifeYears(start, s, s.low));
  });
});
