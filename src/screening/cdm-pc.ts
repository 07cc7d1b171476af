import { type Pc2dMethod, type Pc2dResult, adjustToLinearTca, collisionProbability2d, pcObjectFromRtn } from "../orbit/collision-probability/pc-2d.ts";
import { type Cdm, type CdmObject, cdmCovarianceMatrix, cdmHardBodyRadiusM } from "./cdm.ts";
import { InvalidInputError } from "../core/concord-error.ts";

export interface CdmPcOptions {
  /** Combined hard-body radius, m; defaults to the CDM's `COMMENT HBR = …`. */
  readonly hardBodyRadiusM?: number;
  /** Move both states to the linear-motion TCA first (CARA's `Pc2D`); false reproduces `Pc2D_NoAdj`. */
  readonly adjustTca?: boolean;
  readonly method?: Pc2dMethod;
}

const INERTIAL_FRAMES = new Set(["EME2000", "GCRF"]);

function objectState(object: CdmObject, label: string) {
  if (!INERTIAL_FRAMES.has(object.metadata.refFrame)) {
    throw new InvalidInputError("REF_FRAME", `${label} state is in ${object.metadata.refFrame}; a 2D Pc needs an inertial frame (EME2000 or GCRF)`);
  }
  return pcObjectFromRtn(object.state.positionKm, object.state.velocityKmS, cdmCovarianceMatrix(object.covariance, 3));
}

/**
 * The 2D Pc of a CDM, as CARA's Pc2D_FromCDM computes it: each object's RTN position covariance rotated to
 * the inertial frame of its own state, the two added, the encounter plane of the CDM states (optionally moved
 * to the linear TCA). Returns null when the relative velocity is zero.
 */
export function pcFromCdm(cdm: Cdm, options: CdmPcOptions = {}): Pc2dResult | null {
  const hardBodyRadiusM = options.hardBodyRadiusM ?? cdmHardBodyRadiusM(cdm);
  if (hardBodyRadiusM === null) throw new InvalidInputError("hardBodyRadiusM", `CDM ${cdm.header.messageId} has no HBR comment; give the hard-body radius`);
  let primary = objectState(cdm.object1, "OBJECT1");
  let secondary = objectState(cdm.object2, "OBJECT2");
  if (options.adjustTca === true) ({ primary, secondary } = adjustToLinearTca(primary, secondary));
  return collisionProbability2d(primary, secondary, hardBodyRadiusM, options.method ?? "foster");
}
