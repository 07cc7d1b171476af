/** One catalogued object as the environment analytics see it (from the store or from files). */
export interface EnvironmentObject {
  readonly catalogNumber: number;
  readonly internationalDesignator: string | null;
  readonly name: string | null;
  /** PAYLOAD, ROCKET BODY, DEBRIS or UNKNOWN. */
  readonly objectType: string;
  readonly ownerCode: string | null;
  /** The attributed actor (state or organisation code). */
  readonly actorCode: string;
  readonly orbitRegime: string;
  readonly launchDate: string | null;
  readonly decayDate: string | null;
  /** CelesTrak OPS_STATUS_CODE where the source gives it. */
  readonly operationalStatus: string | null;
  readonly perigeeKm: number | null;
  readonly apogeeKm: number | null;
  readonly inclinationDeg: number | null;
}

/** Whether the object was in orbit at an instant: launched on or before it and not decayed by then. */
export function inOrbitAt(object: Pick<EnvironmentObject, "launchDate" | "decayDate">, day: string): boolean {
  if (object.launchDate !== null && object.launchDate > day) return false;
  return object.decayDate === null || object.decayDate > day;
}
