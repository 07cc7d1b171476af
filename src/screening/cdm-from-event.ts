import type { Vector3 } from "../orbit/propagate.ts";
import { cross, dot, norm } from "../orbit/rtn-frame.ts";
import type { Cdm, CdmObject } from "./cdm.ts";
import type { ConjunctionEvent, StateAtTca } from "./conjunction-event.ts";
import { applyMatrix, temeToEme2000Matrix } from "./cdm-teme-frame.ts";
import { gpCovarianceRtnM2, gpOrbitRegime } from "./gp-covariance-model.ts";

export interface CdmObjectInfo {
  readonly catalogNumber: number;
  readonly name: string;
  /** COSPAR designator `YYYY-NNNP`; null writes UNKNOWN, as the standard asks. */
  readonly internationalDesignator: string | null;
  /** PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN, OTHER. */
  readonly objectType?: string;
  readonly maneuverable?: "YES" | "NO" | "N/A";
}

export interface CdmEventInfo {
  readonly primary: CdmObjectInfo;
  readonly secondary: CdmObjectInfo;
  readonly creationDateMs: number;
  readonly originator: string;
  readonly messageId?: string;
  readonly messageFor?: string;
  readonly pc?: { readonly value: number; readonly method: string };
  /** Combined HBR, m; written as CARA's `COMMENT HBR = … [m]`. */
  readonly hardBodyRadiusM?: number;
  /** RTN position (3×3) or position-velocity (6×6) covariances, m², m²/s, m²/s²; absent: the GP default model. */
  readonly covariance?: {
    readonly primaryRtn: readonly (readonly number[])[];
    readonly secondaryRtn: readonly (readonly number[])[];
    readonly method: "CALCULATED" | "DEFAULT";
  };
  readonly comments?: readonly string[];
}

const MU_KM3_S2 = 398600.4418;
const EARTH_RADIUS_KM = 6378.137;

function regimeOf(state: StateAtTca) {
  const r = norm(state.positionKm);
  const v2 = dot(state.velocityKmS, state.velocityKmS);
  const a = 1 / (2 / r - v2 / MU_KM3_S2);
  const h = norm(cross(state.positionKm, state.velocityKmS));
  const e = Math.sqrt(Math.max(0, 1 - (h * h) / (MU_KM3_S2 * a)));
  const periodMin = a > 0 ? (2 * Math.PI * Math.sqrt(a ** 3 / MU_KM3_S2)) / 60 : Number.POSITIVE_INFINITY;
  return gpOrbitRegime(a * (1 - e) - EARTH_RADIUS_KM, e, periodMin);
}

function lowerTriangle6(matrix: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < 6; i++) for (let j = 0; j <= i; j++) out.push(matrix[i]?.[j] ?? 0);
  return out;
}

function cdmObject(label: string, info: CdmObjectInfo, state: StateAtTca, tcaMs: number, covarianceRtn: readonly (readonly number[])[], covarianceMethod: string, comments: string[]): CdmObject {
  const rotation = temeToEme2000Matrix(tcaMs);
  const positionKm: Vector3 = applyMatrix(rotation, state.positionKm);
  const velocityKmS: Vector3 = applyMatrix(rotation, state.velocityKmS);
  return {
    metadata: {
      comments,
      object: label,
      objectDesignator: String(info.catalogNumber),
      catalogName: "SATCAT",
      objectName: info.name,
      internationalDesignator: info.internationalDesignator ?? "UNKNOWN",
      ...(info.objectType === undefined ? {} : { objectType: info.objectType }),
      ephemerisName: "NONE",
      covarianceMethod,
      maneuverable: info.maneuverable ?? "N/A",
      refFrame: "EME2000",
      gravityModel: "SGP4",
    },
    od: { comments: [] },
    additional: { comments: [] },
    state: { comments: ["SGP4 state (TEME) rotated to EME2000: IAU-76 precession, IAU-80 nutation (18 terms)"], positionKm, velocityKmS },
    covariance: { comments: [], lowerTriangle: lowerTriangle6(covarianceRtn) },
  };
}

function compact(timeMs: number): string {
  return new Date(Math.floor(timeMs)).toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "_");
}

/**
 * A CDM (508.0-B-1) for one of our screening events. States are SGP4's TEME, which CDM 1.0 does not allow as
 * REF_FRAME (GCRF, EME2000, ITRF only), so both are rotated to EME2000 (see cdm-teme-frame.ts). The relative
 * position and velocity are the event's, in the primary's RTN frame (m, m/s). Without given covariances the
 * GP default model (gp-covariance-model.ts) is used for each object's regime and element-set age, with
 * COVARIANCE_METHOD = DEFAULT and a comment saying so.
 */
export function cdmFromEvent(event: ConjunctionEvent, info: CdmEventInfo): Cdm {
  const modelComment = (age: number, state: StateAtTca): string[] => {
    const regime = regimeOf(state);
    return [`Covariance: Concord GP default model, regime ${regime}, element set age ${age.toFixed(2)} d`];
  };
  const given = info.covariance;
  const primaryCovariance = given?.primaryRtn ?? gpCovarianceRtnM2(regimeOf(event.primaryState), event.primaryElementAgeDays);
  const secondaryCovariance = given?.secondaryRtn ?? gpCovarianceRtnM2(regimeOf(event.secondaryState), event.secondaryElementAgeDays);
  const method = given?.method ?? "DEFAULT";
  const relativeComments = info.hardBodyRadiusM === undefined ? [] : [`HBR = ${info.hardBodyRadiusM} [m]`];
  return {
    header: {
      comments: [...(info.comments ?? [])],
      version: "1.0",
      creationDateMs: info.creationDateMs,
      originator: info.originator,
      ...(info.messageFor === undefined ? {} : { messageFor: info.messageFor }),
      messageId: info.messageId ?? `${info.primary.catalogNumber}_conj_${info.secondary.catalogNumber}_${compact(event.tcaMs)}_${compact(info.creationDateMs)}`,
    },
    relative: {
      comments: relativeComments,
      tcaMs: event.tcaMs,
      missDistanceM: event.missDistanceKm * 1000,
      relativeSpeedMS: event.relativeSpeedKmS * 1000,
      relativePositionRM: event.missRtnKm[0] * 1000,
      relativePositionTM: event.missRtnKm[1] * 1000,
      relativePositionNM: event.missRtnKm[2] * 1000,
      relativeVelocityRMS: event.relativeVelocityRtnKmS[0] * 1000,
      relativeVelocityTMS: event.relativeVelocityRtnKmS[1] * 1000,
      relativeVelocityNMS: event.relativeVelocityRtnKmS[2] * 1000,
      ...(info.pc === undefined ? {} : { collisionProbability: info.pc.value, collisionProbabilityMethod: info.pc.method }),
    },
    object1: cdmObject("OBJECT1", info.primary, event.primaryState, event.tcaMs, primaryCovariance, method, given === undefined ? modelComment(event.primaryElementAgeDays, event.primaryState) : []),
    object2: cdmObject("OBJECT2", info.secondary, event.secondaryState, event.tcaMs, secondaryCovariance, method, given === undefined ? modelComment(event.secondaryElementAgeDays, event.secondaryState) : []),
  };
}
