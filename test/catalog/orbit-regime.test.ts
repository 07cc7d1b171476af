import { describe, expect, it } from "vitest";
import { classifyOrbitRegime } from "../../src/catalog/orbit-regime.ts";
import { ORBIT_REGIME_CODES, ORBIT_REGIME_SOURCE, ORBIT_REGIMES } from "../../src/catalog/orbit-regime-definitions.ts";
import { loadSpacetrackSatcat } from "./satcat-fixture.ts";

/** Perigee, apogee (km) and inclination (deg) as in the 2026-01-20 Space-Track SATCAT. */
const orbit = (perigeeKm: number | null, apogeeKm: number | null, inclinationDeg: number | null) => ({ perigeeKm, apogeeKm, inclinationDeg });

describe("classifyOrbitRegime (ESA Annual Space Environment Report classes)", () => {
  it("puts the ISS (25544: 413 x 423 km, 51.63 deg) in LEO", () => {
    expect(classifyOrbitRegime(orbit(413, 423, 51.63))).toBe("LEO");
  });
  it("puts Intelsat 22 (38098: 35,780 x 35,794 km, 0.01 deg) in GEO", () => {
    expect(classifyOrbitRegime(orbit(35780, 35794, 0.01))).toBe("GEO");
  });
  it("puts a GPS satellite, NAVSTAR 43 (24876: 19,924 x 20,440 km, 55.91 deg), in NSO", () => {
    expect(classifyOrbitRegime(orbit(19924, 20440, 55.91))).toBe("NSO");
  });
  it("puts a GTO rocket body, Atlas 2A Centaur R/B (24675: 956 x 35,837 km, 22.01 deg), in GTO", () => {
    expect(classifyOrbitRegime(orbit(956, 35837, 22.01))).toBe("GTO");
  });
  it("puts a Molniya (15214: 1,060 x 34,720 km, 62.94 deg) in GTO, because ESA's HEO needs an apogee above 40,002 km", () => {
    expect(classifyOrbitRegime(orbit(1060, 34720, 62.94))).toBe("GTO");
  });
  it("puts a Molniya-type orbit with its apogee above 40,002 km in HEO", () => {
    expect(classifyOrbitRegime(orbit(600, 40500, 63.4))).toBe("HEO");
  });
  it("puts Galaxy 15 (28884: 36,093 x 36,235 km, 3.16 deg), outside the GEO band, in EGO, and an inclined one in IGO", () => {
    expect(classifyOrbitRegime(orbit(36093, 36235, 3.16))).toBe("EGO");
    expect(classifyOrbitRegime(orbit(35700, 35800, 40))).toBe("IGO");
  });
  it("classifies Vanguard 1 (651 x 3,820 km) as LMO, an O3b mPOWER (8,057 x 8,074 km, 0.06 deg) as MEO", () => {
    expect(classifyOrbitRegime(orbit(651, 3820, 34.25))).toBe("LMO");
    expect(classifyOrbitRegime(orbit(8057, 8074, 0.06))).toBe("MEO");
  });
  it("classifies the crossing and high classes: MGO, GHO, HAO", () => {
    expect(classifyOrbitRegime(orbit(5000, 35000, 10))).toBe("MGO");
    expect(classifyOrbitRegime(orbit(35000, 60000, 10))).toBe("GHO");
    expect(classifyOrbitRegime(orbit(50000, 400000, 10))).toBe("HAO");
  });
  it("puts the LEO/MEO boundary at 2,000 km and the MEO/GEO-band boundary at 31,570 km (a boundary belongs to the higher band)", () => {
    expect(classifyOrbitRegime(orbit(1999.9, 1999.9, 98))).toBe("LEO");
    expect(classifyOrbitRegime(orbit(1999.9, 2000, 98))).toBe("LMO");
    expect(classifyOrbitRegime(orbit(2000, 2000, 98))).toBe("MEO");
    expect(classifyOrbitRegime(orbit(2000, 31569.9, 98))).toBe("MEO");
    expect(classifyOrbitRegime(orbit(2000, 31570, 98))).toBe("MGO");
  });
  it("bounds GEO by 35,586-35,986 km and 25 deg, and GTO by 90 deg and 40,002 km", () => {
    expect(classifyOrbitRegime(orbit(35586, 35986, 25))).toBe("GEO");
    expect(classifyOrbitRegime(orbit(35585, 35986, 0))).toBe("EGO");
    expect(classifyOrbitRegime(orbit(35786, 35786, 25.01))).toBe("IGO");
    expect(classifyOrbitRegime(orbit(300, 40002, 90))).toBe("GTO");
    expect(classifyOrbitRegime(orbit(300, 40002.1, 28))).toBe("HEO");
    expect(classifyOrbitRegime(orbit(300, 35000, 90.1))).toBe("UNDEFINED");
  });
  it("says UNDEFINED for missing or impossible orbits and ESO for an escape orbit", () => {
    expect(classifyOrbitRegime(orbit(null, null, null))).toBe("UNDEFINED");
    expect(classifyOrbitRegime(orbit(500, 400, 51))).toBe("UNDEFINED");
    expect(classifyOrbitRegime(orbit(-20, 150, 51))).toBe("UNDEFINED");
    expect(classifyOrbitRegime({ ...orbit(200, 1e9, 28), eccentricity: 1.2 })).toBe("ESO");
  });
  it("gives each class a label and a definition, and cites the report", () => {
    for (const code of ORBIT_REGIME_CODES) {
      expect(ORBIT_REGIMES[code].label.length).toBeGreaterThan(3);
      expect(ORBIT_REGIMES[code].definition.length).toBeGreaterThan(10);
    }
    expect(ORBIT_REGIME_SOURCE.reference).toMatch(/GEN-DB-LOG-00288-OPS-SD/);
  });
});

const satcat = loadSpacetrackSatcat();

describe.skipIf(satcat === null)("orbit regimes of the real 2026-01-20 Space-Track SATCAT", () => {
  it("classifies every on-orbit object, LEO holding most of them", () => {
    const counts: Record<string, number> = {};
    const num = (v: string | null | undefined) => (v == null ? null : Number(v));
    for (const r of satcat?.parsed ?? []) {
      if (r["DECAY"] !== null) continue;
      const code = classifyOrbitRegime(orbit(num(r["PERIGEE"]), num(r["APOGEE"]), num(r["INCLINATION"])));
      counts[code] = (counts[code] ?? 0) + 1;
    }
    const sorted = Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
    console.log(`on-orbit objects by ESA orbit regime: ${JSON.stringify(sorted)}`);
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    expect(total).toBe(32_818);
    expect((counts["LEO"] ?? 0) / total).toBeGreaterThan(0.6);
    expect(counts["GEO"] ?? 0).toBeGreaterThan(300);
    expect(counts["NSO"] ?? 0).toBeGreaterThan(100);
  });
});
