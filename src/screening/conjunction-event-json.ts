import type { EventObject, StoredConjunctionEvent } from "../store/screening-run.repository.ts";

/** An event's object as outputs show it. */
function objectJson(o: EventObject) {
  return {
    catalogNumber: o.catalogNumber,
    name: o.name,
    internationalDesignator: o.internationalDesignator,
    objectType: o.objectType,
    actorCode: o.actorCode ?? "UNKNOWN",
    ownerCode: o.ownerCode,
    rcsSize: o.rcsSize,
    operationalStatus: o.operationalStatus,
  };
}

/** A stored event as the CLI's `--json` and the HTTP API give it (the same shape in both). */
export function conjunctionEventJson(e: StoredConjunctionEvent) {
  return {
    id: e.id,
    runId: e.runId,
    tca: e.tca,
    tcaMs: e.tcaMs,
    primary: objectJson(e.primaryObject),
    secondary: objectJson(e.secondaryObject),
    missDistanceKm: e.missDistanceKm,
    relativeSpeedKmS: e.relativeSpeedKmS,
    missRtnKm: e.missRtnKm,
    relativeVelocityRtnKmS: e.relativeVelocityRtnKmS,
    frame: "TEME" as const,
    primaryState: e.primaryState,
    secondaryState: e.secondaryState,
    primaryElementAgeDays: e.primaryElementAgeDays,
    secondaryElementAgeDays: e.secondaryElementAgeDays,
    pc: e.pc,
    pcMethod: e.pcMethod,
    hbrM: e.hbrM,
    covarianceSource: e.covarianceSource,
    pcMax: e.pcMax,
    dilutionThresholdKm: e.dilutionThresholdKm,
  };
}

export type ConjunctionEventJson = ReturnType<typeof conjunctionEventJson>;
