import type { MeanElements } from "./mean-elements.ts";
import { formatOmmNumber } from "./omm-fields.ts";

export interface OmmWriteOptions {
  /** CREATION_DATE of the message (ISO UTC); a parameter, as this module reads no clock. */
  readonly creationDate: string;
  readonly originator?: string;
}

/** CCSDS epoch text: ISO with microseconds, without the trailing `Z` (as CelesTrak writes it). */
export function ommEpochText(el: MeanElements): string {
  return el.epoch.endsWith("Z") ? el.epoch.slice(0, -1) : el.epoch;
}

/** The OMM keyword/value pairs of one element set, in CCSDS order (metadata, mean elements, TLE parameters). */
export function ommKeywordValues(el: MeanElements): { metadata: [string, string][]; meanElements: [string, string][]; tleParameters: [string, string][] } {
  return {
    metadata: [
      ["OBJECT_NAME", el.objectName ?? ""],
      ["OBJECT_ID", el.objectId ?? ""],
      ["CENTER_NAME", "EARTH"],
      ["REF_FRAME", "TEME"],
      ["TIME_SYSTEM", "UTC"],
      ["MEAN_ELEMENT_THEORY", "SGP4"],
    ],
    meanElements: [
      ["EPOCH", ommEpochText(el)],
      ["MEAN_MOTION", formatOmmNumber(el.meanMotionRevPerDay)],
      ["ECCENTRICITY", formatOmmNumber(el.eccentricity)],
      ["INCLINATION", formatOmmNumber(el.inclinationDeg)],
      ["RA_OF_ASC_NODE", formatOmmNumber(el.raOfAscNodeDeg)],
      ["ARG_OF_PERICENTER", formatOmmNumber(el.argOfPericenterDeg)],
      ["MEAN_ANOMALY", formatOmmNumber(el.meanAnomalyDeg)],
    ],
    tleParameters: [
      ["EPHEMERIS_TYPE", String(el.ephemerisType)],
      ["CLASSIFICATION_TYPE", el.classificationType],
      ["NORAD_CAT_ID", String(el.catalogNumber)],
      ["ELEMENT_SET_NO", String(el.elementSetNumber)],
      ["REV_AT_EPOCH", String(el.revAtEpoch)],
      ["BSTAR", formatOmmNumber(el.bstarPerEarthRadii)],
      ["MEAN_MOTION_DOT", formatOmmNumber(el.meanMotionDotRevPerDay2)],
      ["MEAN_MOTION_DDOT", formatOmmNumber(el.meanMotionDdotRevPerDay3)],
    ],
  };
}

/**
 * Writes element sets as concatenated CCSDS OMM KVN messages (version 3.0), one per element set, separated
 * by a blank line. Numbers are written in their shortest exact form, so parseOmmKvn reads back the same doubles.
 */
export function formatOmmKvn(elements: readonly MeanElements[], options: OmmWriteOptions): string {
  const out: string[] = [];
  for (const el of elements) {
    const { metadata, meanElements, tleParameters } = ommKeywordValues(el);
    out.push("CCSDS_OMM_VERS = 3.0", `CREATION_DATE = ${options.creationDate}`, `ORIGINATOR = ${options.originator ?? "CONCORD"}`, "");
    for (const [key, value] of metadata) out.push(`${key} = ${value}`);
    out.push("");
    for (const [key, value] of meanElements) out.push(`${key} = ${value}`);
    for (const [key, value] of tleParameters) out.push(`${key} = ${value}`);
    out.push("");
  }
  return out.join("\n");
}
