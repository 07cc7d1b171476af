/**
 * One general-perturbations element set: the CCSDS OMM mean elements for SGP4 (TLE and OMM carry the same content).
 * Units are in the names. Catalog numbers may have up to 9 digits (OMM carries six-digit numbers, TLE cannot
 * beyond Alpha-5's 339999).
 */
export interface MeanElements {
  readonly catalogNumber: number;
  readonly objectName: string | null;
  /** International designator (COSPAR ID) in OMM form `YYYY-NNNP…`, or null when the source gives none. */
  readonly objectId: string | null;
  /** Epoch as an ISO 8601 UTC string with microseconds, e.g. `2023-10-09T04:12:33.123456Z`; the element set's identity with catalogNumber. */
  readonly epoch: string;
  /** Epoch in milliseconds since 1970-01-01T00:00:00Z (may carry a sub-millisecond fraction). */
  readonly epochMs: number;
  readonly meanMotionRevPerDay: number;
  readonly eccentricity: number;
  readonly inclinationDeg: number;
  readonly raOfAscNodeDeg: number;
  readonly argOfPericenterDeg: number;
  readonly meanAnomalyDeg: number;
  /** SGP4 drag term B*, 1/earth radii. */
  readonly bstarPerEarthRadii: number;
  /** First derivative of mean motion divided by 2 (the TLE ṅ/2 field), rev/day². */
  readonly meanMotionDotRevPerDay2: number;
  /** Second derivative of mean motion divided by 6 (the TLE n̈/6 field), rev/day³. */
  readonly meanMotionDdotRevPerDay3: number;
  readonly ephemerisType: number;
  /** `U` unclassified, `C`, `S`. */
  readonly classificationType: string;
  readonly elementSetNumber: number;
  readonly revAtEpoch: number;
}

/** The formats an element set can arrive in; recorded with each stored set. */
export type ElementSetFormat = "tle" | "omm-json" | "omm-csv" | "omm-xml" | "omm-kvn";
