import type { MeanElements } from "./mean-elements.ts";

/** A field of an element set that is out of range; parsers turn it into a Rejection with their line/record. */
export interface FieldProblem {
  /** The OMM keyword of the field (`ECCENTRICITY`, `NORAD_CAT_ID` …). */
  readonly field: string;
  readonly reason: string;
}

/** Largest catalog number the store and OMM accept (nine digits). */
export const MAX_CATALOG_NUMBER = 999_999_999;

function angle(field: string, value: number, max: number): FieldProblem | null {
  if (!(value >= 0 && value <= max)) return { field, reason: `${value} is outside [0, ${max}] degrees` };
  return null;
}

/**
 * The one range check every element-set parser applies (TLE and every OMM encoding): returns the first
 * problem found, or null when the element set can be stored and propagated.
 */
export function validateMeanElements(el: MeanElements): FieldProblem | null {
  if (!Number.isInteger(el.catalogNumber) || el.catalogNumber < 1 || el.catalogNumber > MAX_CATALOG_NUMBER) {
    return { field: "NORAD_CAT_ID", reason: `${el.catalogNumber} is not a catalog number in 1..${MAX_CATALOG_NUMBER}` };
  }
  if (!Number.isFinite(el.epochMs)) return { field: "EPOCH", reason: "epoch is not a valid time" };
  if (!(el.meanMotionRevPerDay > 0) || !Number.isFinite(el.meanMotionRevPerDay)) {
    return { field: "MEAN_MOTION", reason: `${el.meanMotionRevPerDay} rev/day is not > 0` };
  }
  if (!(el.eccentricity >= 0 && el.eccentricity < 1)) {
    return { field: "ECCENTRICITY", reason: `${el.eccentricity} is outside [0, 1)` };
  }
  return (
    angle("INCLINATION", el.inclinationDeg, 180) ??
    angle("RA_OF_ASC_NODE", el.raOfAscNodeDeg, 360) ??
    angle("ARG_OF_PERICENTER", el.argOfPericenterDeg, 360) ??
    angle("MEAN_ANOMALY", el.meanAnomalyDeg, 360) ??
    finite("BSTAR", el.bstarPerEarthRadii) ??
    finite("MEAN_MOTION_DOT", el.meanMotionDotRevPerDay2) ??
    finite("MEAN_MOTION_DDOT", el.meanMotionDdotRevPerDay3) ??
    nonNegativeInteger("EPHEMERIS_TYPE", el.ephemerisType) ??
    nonNegativeInteger("ELEMENT_SET_NO", el.elementSetNumber) ??
    nonNegativeInteger("REV_AT_EPOCH", el.revAtEpoch) ??
    classification(el.classificationType)
  );
}

function finite(field: string, value: number): FieldProblem | null {
  return Number.isFinite(value) ? null : { field, reason: `${value} is not a finite number` };
}

function nonNegativeInteger(field: string, value: number): FieldProblem | null {
  return Number.isInteger(value) && value >= 0 ? null : { field, reason: `${value} is not a non-negative integer` };
}

function classification(value: string): FieldProblem | null {
  return value === "U" || value === "C" || value === "S"
    ? null
    : { field: "CLASSIFICATION_TYPE", reason: `"${value}" is not U, C or S` };
}
