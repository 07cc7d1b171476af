import { parseIsoEpoch } from "./epoch.ts";
import type { MeanElements } from "./mean-elements.ts";
import { type FieldProblem, validateMeanElements } from "./mean-elements-validate.ts";

/** The OMM keywords Concord reads, in the order of CelesTrak's CSV columns. */
export const OMM_KEYS = [
  "OBJECT_NAME",
  "OBJECT_ID",
  "EPOCH",
  "MEAN_MOTION",
  "ECCENTRICITY",
  "INCLINATION",
  "RA_OF_ASC_NODE",
  "ARG_OF_PERICENTER",
  "MEAN_ANOMALY",
  "EPHEMERIS_TYPE",
  "CLASSIFICATION_TYPE",
  "NORAD_CAT_ID",
  "ELEMENT_SET_NO",
  "REV_AT_EPOCH",
  "BSTAR",
  "MEAN_MOTION_DOT",
  "MEAN_MOTION_DDOT",
] as const;
export type OmmKey = (typeof OMM_KEYS)[number];

/** Keys without which a record is rejected; the others default (EPHEMERIS_TYPE 0, CLASSIFICATION_TYPE U, ELEMENT_SET_NO and REV_AT_EPOCH 0). */
export const REQUIRED_OMM_KEYS: ReadonlySet<OmmKey> = new Set<OmmKey>([
  "EPOCH",
  "MEAN_MOTION",
  "ECCENTRICITY",
  "INCLINATION",
  "RA_OF_ASC_NODE",
  "ARG_OF_PERICENTER",
  "MEAN_ANOMALY",
  "NORAD_CAT_ID",
  "BSTAR",
  "MEAN_MOTION_DOT",
  "MEAN_MOTION_DDOT",
]);

/** How a parser hands one record's values to the shared builder: text or number, or undefined/null when absent. */
export type OmmValueOf = (key: OmmKey) => string | number | null | undefined;

class Missing {
  constructor(readonly problem: FieldProblem) {}
}

/** Strict decimal: `Number()` minus its extras (hex/binary/octal prefixes, `Infinity`, blank). */
function toNumber(value: string | number, key: OmmKey): number | Missing {
  if (typeof value === "number") return Number.isFinite(value) ? value : new Missing({ field: key, reason: `${value} is not a finite number` });
  const text = value.trim();
  const second = text.charCodeAt(1) | 0x20;
  const parsed = text === "" || second === 0x78 || second === 0x62 || second === 0x6f ? NaN : Number(text);
  if (!Number.isFinite(parsed)) return new Missing({ field: key, reason: `"${value.slice(0, 40)}" is not a number` });
  return parsed;
}

function isAbsent(value: string | number | null | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function numberOf(valueOf: OmmValueOf, key: OmmKey, fallback: number): number | Missing {
  const value = valueOf(key);
  if (isAbsent(value)) {
    return REQUIRED_OMM_KEYS.has(key) ? new Missing({ field: key, reason: "missing" }) : fallback;
  }
  return toNumber(value, key);
}

function textOf(valueOf: OmmValueOf, key: OmmKey): string | null {
  const value = valueOf(key);
  if (isAbsent(value)) return null;
  return String(value).trim();
}

/**
 * Builds and validates one MeanElements from OMM keyword values (any encoding: CSV, JSON, XML, KVN).
 * Returns the record, or the first field problem.
 */
export function meanElementsFromOmm(valueOf: OmmValueOf): MeanElements | FieldProblem {
  const epochText = textOf(valueOf, "EPOCH");
  if (epochText === null) return { field: "EPOCH", reason: "missing" };
  const epoch = parseIsoEpoch(epochText);
  if (epoch === null) return { field: "EPOCH", reason: `"${epochText.slice(0, 40)}" is not an ISO 8601 or CCSDS day-of-year UTC time` };
  const catalogNumber = numberOf(valueOf, "NORAD_CAT_ID", 0);
  const meanMotion = numberOf(valueOf, "MEAN_MOTION", 0);
  const eccentricity = numberOf(valueOf, "ECCENTRICITY", 0);
  const inclination = numberOf(valueOf, "INCLINATION", 0);
  const raan = numberOf(valueOf, "RA_OF_ASC_NODE", 0);
  const argp = numberOf(valueOf, "ARG_OF_PERICENTER", 0);
  const meanAnomaly = numberOf(valueOf, "MEAN_ANOMALY", 0);
  const bstar = numberOf(valueOf, "BSTAR", 0);
  const ndot = numberOf(valueOf, "MEAN_MOTION_DOT", 0);
  const nddot = numberOf(valueOf, "MEAN_MOTION_DDOT", 0);
  const ephemerisType = numberOf(valueOf, "EPHEMERIS_TYPE", 0);
  const elementSet = numberOf(valueOf, "ELEMENT_SET_NO", 0);
  const rev = numberOf(valueOf, "REV_AT_EPOCH", 0);
  for (const v of [catalogNumber, meanMotion, eccentricity, inclination, raan, argp, meanAnomaly, bstar, ndot, nddot, ephemerisType, elementSet, rev]) {
    if (v instanceof Missing) return v.problem;
  }
  const record: MeanElements = {
    catalogNumber: catalogNumber as number,
    objectName: textOf(valueOf, "OBJECT_NAME"),
    objectId: textOf(valueOf, "OBJECT_ID"),
    epoch: epoch.epoch,
    epochMs: epoch.epochMs,
    meanMotionRevPerDay: meanMotion as number,
    eccentricity: eccentricity as number,
    inclinationDeg: inclination as number,
    raOfAscNodeDeg: raan as number,
    argOfPericenterDeg: argp as number,
    meanAnomalyDeg: meanAnomaly as number,
    bstarPerEarthRadii: bstar as number,
    meanMotionDotRevPerDay2: ndot as number,
    meanMotionDdotRevPerDay3: nddot as number,
    ephemerisType: ephemerisType as number,
    classificationType: textOf(valueOf, "CLASSIFICATION_TYPE") ?? "U",
    elementSetNumber: elementSet as number,
    revAtEpoch: rev as number,
  };
  return validateMeanElements(record) ?? record;
}

export function isFieldProblem(value: MeanElements | FieldProblem): value is FieldProblem {
  return "reason" in value;
}

/** Shortest text that reads back to the same double (`String(x)`), as every OMM writer uses. */
export function formatOmmNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}
