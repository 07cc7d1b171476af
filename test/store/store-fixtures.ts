import type { Kysely } from "kysely";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import { createIngest } from "../../src/store/ingest.repository.ts";
import type { StoreSchema } from "../../src/store/schema.ts";
import type { SatcatObjectInput } from "../../src/store/space-object.repository.ts";

/** A SATCAT object with every field filled (ISS-like), overridable. */
export function satcatObject(catalogNumber: number, overrides: Partial<SatcatObjectInput> = {}): SatcatObjectInput {
  return {
    catalogNumber,
    internationalDesignator: "1998-067A",
    name: "ISS (ZARYA)",
    objectType: "PAYLOAD",
    ownerCode: "ISS",
    launchDate: "1998-11-20",
    launchSite: "TTMTR",
    decayDate: null,
    periodMin: 92.68,
    inclinationDeg: 51.6393,
    apogeeKm: 421.3,
    perigeeKm: 415.1,
    rcsSize: "LARGE",
    operationalStatus: "+",
    actorCode: "ISS",
    orbitRegime: "LEO",
    ...overrides,
  };
}

/** Milliseconds since 1970 of an ISO epoch with microseconds (`…:33.123456Z` → sub-millisecond fraction kept). */
export function epochMsOf(epoch: string): number {
  const match = /^(.*\.\d{3})(\d*)Z$/.exec(epoch);
  if (match === null) return Date.parse(epoch);
  const fraction = match[2] === undefined || match[2] === "" ? 0 : Number(`0.${match[2]}`);
  return Date.parse(`${match[1]}Z`) + fraction;
}

/** An element set with every field filled and awkward values (tiny exponents, negatives), overridable. */
export function elementSet(catalogNumber: number, epoch: string, overrides: Partial<MeanElements> = {}): MeanElements {
  return {
    catalogNumber,
    objectName: "ISS (ZARYA)",
    objectId: "1998-067A",
    epoch,
    epochMs: epochMsOf(epoch),
    meanMotionRevPerDay: 15.50103472,
    eccentricity: 0.0005365,
    inclinationDeg: 51.6416,
    raOfAscNodeDeg: 247.4627,
    argOfPericenterDeg: 130.536,
    meanAnomalyDeg: 325.0288,
    bstarPerEarthRadii: -1.1606e-5,
    meanMotionDotRevPerDay2: -2.182e-5,
    meanMotionDdotRevPerDay3: 1.2345e-11,
    ephemerisType: 0,
    classificationType: "U",
    elementSetNumber: 999,
    revAtEpoch: 42170,
    ...overrides,
  };
}

/** Starts an ingest record for a local file and returns its id. */
export function startFileIngest(db: Kysely<StoreSchema>, source = "/data/test.txt"): Promise<number> {
  return createIngest(db, {
    source,
    sourceKind: "file",
    format: "tle",
    retrievedAt: "2026-01-20T12:00:00.000Z",
    sha256: "0".repeat(64),
    bytes: 1234,
  });
}
