import { describe, expect, it } from "vitest";
import { cdmFromEvent } from "../../src/screening/cdm-from-event.ts";
import { formatCdmKvn } from "../../src/screening/cdm-kvn-format.ts";
import { parseCdmKvn } from "../../src/screening/cdm-kvn-parse.ts";
import { applyMatrix, temeToEme2000Matrix } from "../../src/screening/cdm-teme-frame.ts";
import { formatCdmXml } from "../../src/screening/cdm-xml-format.ts";
import { parseCdmXml } from "../../src/screening/cdm-xml-parse.ts";
import type { ConjunctionEvent } from "../../src/screening/conjunction-event.ts";
import { CDM_KEYWORDS } from "../../src/screening/cdm-keywords.ts";

const event: ConjunctionEvent = {
  primary: 25544,
  secondary: 49863,
  tcaMs: Date.UTC(2023, 9, 9, 12, 34, 56, 789),
  missDistanceKm: 1.234,
  relativeSpeedKmS: 10.5,
  missRtnKm: [0.1, 1.2, -0.25],
  relativeVelocityRtnKmS: [0.01, -3.2, 10.0],
  primaryState: { positionKm: [4000, 3000, 4200], velocityKmS: [-5.1, 5.2, 1.1] },
  secondaryState: { positionKm: [4000.5, 3001.0, 4199.9], velocityKmS: [2.0, -4.0, 6.5] },
  primaryElementAgeDays: 0.8,
  secondaryElementAgeDays: 3.5,
};

const info = {
  primary: { catalogNumber: 25544, name: "ISS (ZARYA)", internationalDesignator: "1998-067A", objectType: "PAYLOAD" },
  secondary: { catalogNumber: 49863, name: "COSMOS 1408 DEB", internationalDesignator: null },
  creationDateMs: Date.UTC(2023, 9, 9, 0, 0, 0),
  originator: "CONCORD",
  pc: { value: 1.5e-5, method: "FOSTER-1992" },
  hardBodyRadiusM: 20,
};

describe("cdmFromEvent", () => {
  const cdm = cdmFromEvent(event, info);

  it("fills the relative data from the event in m and m/s, with the HBR comment CARA uses", () => {
    expect(cdm.relative).toMatchObject({ missDistanceM: 1234, relativeSpeedMS: 10500, relativePositionTM: 1200, relativeVelocityNMS: 10000, collisionProbability: 1.5e-5 });
    expect(cdm.relative.comments).toEqual(["HBR = 20 [m]"]);
    expect(cdm.object2.metadata.internationalDesignator).toBe("UNKNOWN");
    expect(cdm.header.messageId).toBe("25544_conj_49863_20231009_123456_20231009_000000");
  });

  it("writes EME2000 states (TEME is not a CDM 1.0 frame), rotated but not resized", () => {
    expect(cdm.object1.metadata.refFrame).toBe("EME2000");
    const p = cdm.object1.state.positionKm;
    expect(Math.hypot(...p)).toBeCloseTo(Math.hypot(...event.primaryState.positionKm), 9);
    expect(Math.hypot(p[0] - 4000, p[1] - 3000, p[2] - 4200)).toBeGreaterThan(1);
  });

  it("uses the GP default covariance (DEFAULT) when none is given, larger for the older element set", () => {
    expect(cdm.object1.metadata.covarianceMethod).toBe("DEFAULT");
    expect(cdm.object2.covariance.lowerTriangle[2]).toBeGreaterThan(cdm.object1.covariance.lowerTriangle[2]!);
  });

  it("round-trips through KVN and XML and carries every mandatory keyword", () => {
    const kvn = formatCdmKvn(cdm);
    expect(parseCdmKvn(kvn, "event.cdm").cdm).toEqual(parseCdmKvn(formatCdmKvn(parseCdmKvn(kvn, "event.cdm").cdm), "again").cdm);
    expect(parseCdmXml(formatCdmXml(cdm), "event.xml").cdm).toEqual(parseCdmKvn(kvn, "event.cdm").cdm);
    for (const keyword of CDM_KEYWORDS.filter((k) => k.mandatory)) expect(kvn).toMatch(new RegExp(`^${keyword.key}\\s+=`, "m"));
  });
});

describe("TEME to EME2000", () => {
  it("reproduces Vallado et al. (2006)'s example to 2 m (truncated nutation, no EOP corrections)", () => {
    const t = Date.UTC(2004, 3, 6, 7, 51, 28, 386.009);
    const r = applyMatrix(temeToEme2000Matrix(t), [5094.1801621, 6127.6446595, 6380.3445327]);
    const expected = [5102.508958, 6123.011401, 6378.136928];
    const errorM = Math.hypot(...r.map((x, i) => (x - expected[i]!) * 1000));
    console.log(`TEME→EME2000 vs Vallado 2006 example: ${errorM.toFixed(2)} m`);
    expect(errorM).toBeLessThan(2);
  });
});
