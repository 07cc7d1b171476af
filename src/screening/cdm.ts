import { ConcordError } from "../core/concord-error.ts";
import type { Vector3 } from "../orbit/propagate.ts";

/**
 * The typed model of a CCSDS Conjunction Data Message (CCSDS 508.0-B-1, "CDM" v1.0): a header, the relative
 * metadata/data of the encounter, and for each of the two objects its metadata, OD parameters, additional
 * parameters, state vector and RTN covariance. Units are those of the standard and are in the property names.
 * Times are milliseconds since 1970-01-01T00:00:00Z (UTC; sub-millisecond digits kept as a fraction).
 * Every section keeps its COMMENT lines in order (CARA's `COMMENT HBR = 10 [m]` lands in `relative.comments`).
 */
export interface Cdm {
  readonly header: CdmHeader;
  readonly relative: CdmRelativeData;
  readonly object1: CdmObject;
  readonly object2: CdmObject;
}

export interface CdmHeader {
  readonly comments: readonly string[];
  /** CCSDS_CDM_VERS, "1.0". */
  readonly version: string;
  readonly creationDateMs: number;
  readonly originator: string;
  readonly messageFor?: string;
  readonly messageId: string;
}

export interface CdmRelativeData {
  readonly comments: readonly string[];
  readonly tcaMs: number;
  readonly missDistanceM: number;
  readonly relativeSpeedMS?: number;
  /** Object2 minus Object1 position in Object1's RTN frame, m. */
  readonly relativePositionRM?: number;
  readonly relativePositionTM?: number;
  readonly relativePositionNM?: number;
  readonly relativeVelocityRMS?: number;
  readonly relativeVelocityTMS?: number;
  readonly relativeVelocityNMS?: number;
  readonly startScreenPeriodMs?: number;
  readonly stopScreenPeriodMs?: number;
  /** RTN or TVN. */
  readonly screenVolumeFrame?: string;
  /** ELLIPSOID or BOX. */
  readonly screenVolumeShape?: string;
  readonly screenVolumeXM?: number;
  readonly screenVolumeYM?: number;
  readonly screenVolumeZM?: number;
  readonly screenEntryTimeMs?: number;
  readonly screenExitTimeMs?: number;
  readonly collisionProbability?: number;
  readonly collisionProbabilityMethod?: string;
}

export interface CdmObjectMetadata {
  readonly comments: readonly string[];
  /** OBJECT1 or OBJECT2. */
  readonly object: string;
  readonly objectDesignator: string;
  readonly catalogName: string;
  readonly objectName: string;
  readonly internationalDesignator: string;
  readonly objectType?: string;
  readonly operatorContactPosition?: string;
  readonly operatorOrganization?: string;
  readonly operatorPhone?: string;
  readonly operatorEmail?: string;
  readonly ephemerisName: string;
  /** CALCULATED or DEFAULT. */
  readonly covarianceMethod: string;
  /** YES, NO or N/A. */
  readonly maneuverable: string;
  readonly orbitCenter?: string;
  /** GCRF, EME2000 or ITRF in CDM 1.0. */
  readonly refFrame: string;
  readonly gravityModel?: string;
  readonly atmosphericModel?: string;
  readonly nBodyPerturbations?: string;
  readonly solarRadPressure?: string;
  readonly earthTides?: string;
  readonly intrackThrust?: string;
}

export interface CdmOdParameters {
  readonly comments: readonly string[];
  readonly timeLastObStartMs?: number;
  readonly timeLastObEndMs?: number;
  readonly recommendedOdSpanDays?: number;
  readonly actualOdSpanDays?: number;
  readonly obsAvailable?: number;
  readonly obsUsed?: number;
  readonly tracksAvailable?: number;
  readonly tracksUsed?: number;
  readonly residualsAcceptedPercent?: number;
  readonly weightedRms?: number;
}

export interface CdmAdditionalParameters {
  readonly comments: readonly string[];
  readonly areaPcM2?: number;
  readonly areaDrgM2?: number;
  readonly areaSrpM2?: number;
  readonly massKg?: number;
  readonly cdAreaOverMassM2Kg?: number;
  readonly crAreaOverMassM2Kg?: number;
  readonly thrustAccelerationMS2?: number;
  readonly sedrWKg?: number;
}

export interface CdmStateVector {
  readonly comments: readonly string[];
  /** X, Y, Z in REF_FRAME, km. */
  readonly positionKm: Vector3;
  /** X_DOT, Y_DOT, Z_DOT in REF_FRAME, km/s. */
  readonly velocityKmS: Vector3;
}

/**
 * The RTN covariance as the CDM lists it: the lower triangle row by row (CR_R, CT_R, CT_T, CN_R, CN_T, CN_N,
 * CRDOT_R … CNDOT_NDOT), 21 values for the mandatory 6×6 position-velocity block (m², m²/s, m²/s²), followed
 * where given by the CDRG_* (7), CSRP_* (8) and CTHR_* (9) rows: 21, 28, 36 or 45 values.
 */
export interface CdmCovariance {
  readonly comments: readonly string[];
  readonly lowerTriangle: readonly number[];
}

export interface CdmObject {
  readonly metadata: CdmObjectMetadata;
  readonly od: CdmOdParameters;
  readonly additional: CdmAdditionalParameters;
  readonly state: CdmStateVector;
  readonly covariance: CdmCovariance;
}

/** A CDM that cannot be read: names the file, the line (KVN; null for XML) and the keyword. */
export class CdmParseError extends ConcordError {
  readonly code = "CDM_PARSE";
  constructor(
    readonly source: string,
    readonly line: number | null,
    readonly keyword: string | null,
    readonly reason: string,
  ) {
    super(`${source}${line === null ? "" : `:${line}`}: ${keyword === null ? "" : `${keyword}: `}${reason}`);
    this.name = "CdmParseError";
  }
}

/** Something a reader accepted but that departs from the standard (a wrong or broken unit, for instance). */
export interface CdmWarning {
  readonly source: string;
  readonly line: number | null;
  readonly keyword: string;
  readonly reason: string;
}

export interface CdmReadResult {
  readonly cdm: Cdm;
  readonly warnings: readonly CdmWarning[];
}

/** Element (row, column) of the symmetric 6×6 (or up to 9×9) matrix from a CCSDS lower triangle. */
export function lowerTriangleElement(lowerTriangle: readonly number[], row: number, column: number): number {
  const i = Math.max(row, column);
  const j = Math.min(row, column);
  return lowerTriangle[(i * (i + 1)) / 2 + j] ?? Number.NaN;
}

/** The symmetric n×n matrix (n = 3 for position only, 6 for position-velocity) of a CDM covariance. */
export function cdmCovarianceMatrix(covariance: CdmCovariance, size: 3 | 6): number[][] {
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => lowerTriangleElement(covariance.lowerTriangle, row, column)),
  );
}

/**
 * The combined hard-body radius CARA writes as a comment (`COMMENT HBR = 10 [m]`, or `COMMENT HBR = 15.0`
 * in the Alfano samples), metres, or null when the CDM carries none.
 */
export function cdmHardBodyRadiusM(cdm: Cdm): number | null {
  for (const comment of [...cdm.relative.comments, ...cdm.header.comments]) {
    const match = /^HBR\s*=\s*([-+0-9.eE]+)\s*(\[m\])?\s*$/.exec(comment.trim());
    if (match?.[1] !== undefined) {
      const value = Number(match[1]);
      if (Number.isFinite(value)) return value;
    }
  }
  return null;
}
