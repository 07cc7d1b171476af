import type { MeanElements } from "../orbit/mean-elements.ts";
import { summariseOrbit } from "../orbit/orbit-summary.ts";
import type { ElementSetObjectInput, SatcatObjectInput } from "../store/space-object.repository.ts";
import type { ActorTable } from "./actor-table.ts";
import { attributeOwner } from "./attribute-owner.ts";
import { classifyOrbitRegime } from "./orbit-regime.ts";
import type { ObjectType, SatcatRecord } from "./satcat-record.ts";

/** Pure: a SATCAT record with its attributed actor and ESA orbit regime. */
export function deriveSatcatObject(table: ActorTable, record: SatcatRecord): SatcatObjectInput {
  return {
    ...record,
    actorCode: attributeOwner(table, record.ownerCode, record.launchDate).actorCode,
    orbitRegime: classifyOrbitRegime(record),
  };
}

/**
 * Object type of an object known only from an element set, from the conventions of catalog names
 * (`… DEB`, `… R/B`); anything else is UNKNOWN rather than guessed to be a payload.
 */
export function objectTypeFromName(name: string | null): ObjectType {
  if (name === null) return "UNKNOWN";
  const upper = name.toUpperCase();
  if (/\bDEB\b/.test(upper)) return "DEBRIS";
  if (/\bR\/B\b/.test(upper)) return "ROCKET BODY";
  return "UNKNOWN";
}

/**
 * Pure: the newest element set of each catalog number as an object row, for objects no SATCAT describes.
 * No owner code travels with an element set, so such objects are attributed to the explicit unknown.
 */
export function deriveElementSetObjects(table: ActorTable, sets: readonly MeanElements[]): ElementSetObjectInput[] {
  const newest = new Map<number, MeanElements>();
  for (const set of sets) {
    const seen = newest.get(set.catalogNumber);
    if (seen === undefined || set.epochMs > seen.epochMs) newest.set(set.catalogNumber, set);
  }
  const unknownActor = attributeOwner(table, null, null).actorCode;
  return [...newest.values()].map((set) => {
    const orbit = summariseOrbit(set);
    return {
      catalogNumber: set.catalogNumber,
      name: set.objectName,
      internationalDesignator: set.objectId,
      objectType: objectTypeFromName(set.objectName),
      perigeeKm: orbit.perigeeKm,
      apogeeKm: orbit.apogeeKm,
      inclinationDeg: set.inclinationDeg,
      periodMin: orbit.periodMin,
      actorCode: unknownActor,
      orbitRegime: classifyOrbitRegime({
        perigeeKm: orbit.perigeeKm,
        apogeeKm: orbit.apogeeKm,
        inclinationDeg: set.inclinationDeg,
        eccentricity: set.eccentricity,
      }),
    };
  });
}
