import { RCS_SIZES } from "../catalog/satcat-record.ts";
import type { RcsSize } from "../catalog/satcat-record.ts";
import { collisionProbability2d, pcObjectFromRtn } from "../orbit/collision-probability/pc-2d.ts";
import type { Vector3 } from "../orbit/propagate.ts";
import type { ScreeningObjectFacts } from "../store/screening-objects.queries.ts";
import type { EventAssessment } from "../store/screening-run.repository.ts";
import type { ConjunctionEvent } from "./conjunction-event.ts";
import { gpCovarianceRtnM2, gpOrbitRegime } from "./gp-covariance-model.ts";
import { combinedHardBodyRadiusM, hardBodyRadiusFromRcsM } from "./hard-body-radius.ts";
import { socratesMaximumPc } from "./socrates-maximum-pc.ts";

const MU_KM3_S2 = 398_600.8; // WGS-72, as SGP4
const EARTH_RADIUS_KM = 6378.135;

/** The CCSDS (SANA) name of the method, as CDMs write it. */
export const EVENT_PC_METHOD = "FOSTER-1992";
export const EVENT_PC_NOTE =
  "Pc: Foster's 2D method (src/orbit/collision-probability) at TCA; covariance from the default GP covariance model " +
  "(src/screening/gp-covariance-model.ts: RTN sigmas by orbit regime growing with element-set age, magnitudes after Flohrer, Krag & Klinkrad 2008), " +
  "HBR = sum of both objects' radii from their RCS size class (src/screening/hard-body-radius.ts; unknown size as MEDIUM). Indicative only. " +
  "Max Pc: CelesTrak SOCRATES's maximum probability (RTN shape 100 / 300 / 100 m sized for the largest Pc, Alfano 2005; src/screening/socrates-maximum-pc.ts), same HBR.";

function rcsSizeOf(text: string | null | undefined): RcsSize | null {
  return (RCS_SIZES as readonly string[]).includes(text ?? "") ? (text as RcsSize) : null;
}

/** Perigee altitude, eccentricity and period of the osculating orbit of a TEME state (for the covariance model's regime). */
function orbitShape(positionKm: Vector3, velocityKmS: Vector3): { perigeeKm: number; eccentricity: number; periodMin: number } {
  const r = Math.hypot(...positionKm);
  const v2 = velocityKmS[0] ** 2 + velocityKmS[1] ** 2 + velocityKmS[2] ** 2;
  const a = 1 / (2 / r - v2 / MU_KM3_S2);
  const [x, y, z] = positionKm;
  const [vx, vy, vz] = velocityKmS;
  const h2 = (y * vz - z * vy) ** 2 + (z * vx - x * vz) ** 2 + (x * vy - y * vx) ** 2;
  const eccentricity = Math.sqrt(Math.max(0, 1 - h2 / (MU_KM3_S2 * a)));
  const periodMin = a > 0 ? (2 * Math.PI * Math.sqrt(a ** 3 / MU_KM3_S2)) / 60 : Number.POSITIVE_INFINITY;
  return { perigeeKm: a * (1 - eccentricity) - EARTH_RADIUS_KM, eccentricity: a > 0 ? eccentricity : 1, periodMin };
}

/**
 * The 2D Pc of a screened event (GP element sets carry no covariance): each object's covariance from the default GP
 * model for its regime and element-set age at TCA, hard-body radius from the two RCS size classes; and SOCRATES's
 * maximum Pc with the same radius. Null Pc when the encounter has no relative velocity.
 */
export function assessEventPc(
  event: ConjunctionEvent,
  primary: ScreeningObjectFacts | null,
  secondary: ScreeningObjectFacts | null,
): Omit<EventAssessment, "primaryElementSetId" | "secondaryElementSetId"> {
  const hbrM = combinedHardBodyRadiusM(hardBodyRadiusFromRcsM(rcsSizeOf(primary?.rcsSize)), hardBodyRadiusFromRcsM(rcsSizeOf(secondary?.rcsSize)));
  const model = (state: ConjunctionEvent["primaryState"], ageDays: number) => {
    const shape = orbitShape(state.positionKm, state.velocityKmS);
    const regime = gpOrbitRegime(shape.perigeeKm, shape.eccentricity, shape.periodMin);
    return { regime, object: pcObjectFromRtn(state.positionKm, state.velocityKmS, gpCovarianceRtnM2(regime, ageDays)) };
  };
  const p = model(event.primaryState, event.primaryElementAgeDays);
  const s = model(event.secondaryState, event.secondaryElementAgeDays);
  const result = collisionProbability2d(p.object, s.object, hbrM, "foster");
  const covarianceSource =
    `default GP covariance model (gp-covariance-model.ts), primary ${p.regime} at ${event.primaryElementAgeDays.toFixed(2)} d, ` +
    `secondary ${s.regime} at ${event.secondaryElementAgeDays.toFixed(2)} d`;
  const maximum = socratesMaximumPc(event.primaryState, event.secondaryState, hbrM);
  return {
    pc: result === null || !Number.isFinite(result.pc) ? null : result.pc,
    pcMethod: EVENT_PC_METHOD,
    hbrM,
    covarianceSource,
    pcMax: maximum === null || !Number.isFinite(maximum.pcMax) ? null : maximum.pcMax,
    dilutionThresholdKm: maximum?.dilutionThresholdKm ?? null,
  };
}
